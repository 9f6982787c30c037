import { ActionIcon, Alert, Badge, Button, Group, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import {
  IconHeadset,
  IconLogin,
  IconPhone,
  IconPlayerStop,
  IconThumbDown,
  IconThumbDownFilled,
  IconThumbUp,
  IconThumbUpFilled,
  IconVolume,
} from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../app/api-client';
import { formatDateTime } from '../../../ui/dates';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { useAssistantTranslation } from '../assistant-i18n';
import { bodyText, type ChatMessage } from '../chat-messages';
import { citationLabel, lawArticlePath } from '../citations';
import { useSendFeedback } from '../queries';
import classes from './Chat.module.css';
import { ContactForm } from './ContactForm';

/** The articles an answer rests on, each a chip that opens the article's page. */
export function CitationChips({ citations }: { citations: ChatMessage['citations'] }) {
  const { t } = useAssistantTranslation();
  if (citations.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" fw={500}>
        {t('chat.citations')}
      </Text>
      <Group gap={6}>
        {citations.map((citation) => (
          <Button
            key={`${citation.number}-${citation.article}`}
            component={Link}
            to={lawArticlePath(citation.articleId)}
            size="compact-sm"
            radius="xl"
            variant="light"
            title={citation.title}
            className={classes.chip}
            classNames={{ label: classes.chipLabel }}
          >
            {citationLabel(citation)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

/** Thumbs up at once; thumbs down asks what was wrong, which the person may skip. */
function FeedbackControls({ message, conversationId }: { message: ChatMessage; conversationId?: string }) {
  const { t } = useAssistantTranslation();
  const send = useSendFeedback(conversationId);
  const [given, setGiven] = useState<boolean | null>(message.helpful);
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const messageId = message.messageId;
  if (messageId === null || !conversationId) return null;

  const submit = (helpful: boolean, text?: string) =>
    send.mutate(
      { messageId, helpful, comment: text?.trim() || undefined },
      {
        onSuccess: () => {
          setGiven(helpful);
          setAsking(false);
        },
      },
    );
  const submitComment = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(false, comment);
  };

  return (
    <Stack gap="xs">
      <Group gap={4}>
        <Tooltip label={t('feedback.helpful')}>
          <ActionIcon
            variant={given === true ? 'light' : 'subtle'}
            color={given === true ? 'green' : 'gray'}
            size="lg"
            aria-label={t('feedback.helpful')}
            aria-pressed={given === true}
            disabled={send.isPending || given !== null}
            onClick={() => submit(true)}
          >
            {given === true ? <IconThumbUpFilled size={18} /> : <IconThumbUp size={18} />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('feedback.unhelpful')}>
          <ActionIcon
            variant={given === false || asking ? 'light' : 'subtle'}
            color={given === false || asking ? 'red' : 'gray'}
            size="lg"
            aria-label={t('feedback.unhelpful')}
            aria-pressed={given === false}
            aria-expanded={asking}
            disabled={send.isPending || given !== null}
            onClick={() => setAsking(true)}
          >
            {given === false ? <IconThumbDownFilled size={18} /> : <IconThumbDown size={18} />}
          </ActionIcon>
        </Tooltip>
        {given !== null && (
          <Text size="xs" c="dimmed" role="status">
            {t('feedback.thanks')}
          </Text>
        )}
      </Group>
      {asking && given === null && (
        <form onSubmit={submitComment}>
          <Stack gap="xs">
            <Textarea
              label={t('feedback.commentLabel')}
              autosize
              minRows={2}
              maxLength={1000}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              autoFocus
            />
            <Group gap="xs" justify="flex-end">
              <Button variant="default" size="xs" onClick={() => submit(false)} disabled={send.isPending}>
                {t('feedback.skip')}
              </Button>
              <Button type="submit" size="xs" loading={send.isPending}>
                {t('feedback.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <FormErrorAlert message={send.error ? errorMessage(send.error) : undefined} />
    </Stack>
  );
}

/** After a handover: the case number for a member; without a session, sign in or leave a phone number. */
function Handover({
  message,
  conversationId,
  loginPath,
}: {
  message: ChatMessage;
  conversationId?: string;
  loginPath: string;
}) {
  const { t } = useAssistantTranslation();
  const [contactOpen, setContactOpen] = useState(false);
  const [sentCaseId, setSentCaseId] = useState<number | null>(null);

  if (message.caseId !== null)
    return (
      <Alert color="green" variant="light" icon={<IconHeadset size={20} />} p="sm" role="status">
        <Text size="sm" fw={600}>
          {t('handover.signedIn', { caseId: message.caseId })}
        </Text>
        {message.caseStatus ? (
          <Text size="xs">
            {t('handover.status', {
              caseId: message.caseId,
              status: t(`caseStatus.${message.caseStatus}`),
            })}
          </Text>
        ) : (
          <Text size="xs">{t('handover.signedInHint')}</Text>
        )}
      </Alert>
    );
  if (!message.contactRequested || !conversationId) return null;
  if (sentCaseId !== null)
    return (
      <Alert color="green" variant="light" icon={<IconHeadset size={20} />} p="sm" role="status">
        {t('contact.sent', { caseId: sentCaseId })}
      </Alert>
    );
  return (
    <Stack gap="xs">
      <Alert color="blue" variant="light" icon={<IconHeadset size={20} />} p="sm">
        <Text size="sm" fw={600}>
          {t('handover.anonymous')}
        </Text>
        <Text size="xs">{t('handover.anonymousHint')}</Text>
      </Alert>
      {contactOpen ? (
        <ContactForm
          conversationId={conversationId}
          onSent={(caseId) => setSentCaseId(caseId)}
          onCancel={() => setContactOpen(false)}
        />
      ) : (
        <Stack gap="xs">
          <Button component={Link} to={loginPath} leftSection={<IconLogin size={18} />} variant="default">
            {t('handover.signIn')}
          </Button>
          <Button leftSection={<IconPhone size={18} />} onClick={() => setContactOpen(true)}>
            {t('handover.leaveContact')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

type BubbleProps = {
  message: ChatMessage;
  /** The case transcript for advisers: no thumbs, no handover actions. */
  readOnly?: boolean;
  conversationId?: string;
  loginPath?: string;
  readAloud?: { supported: boolean; speaking: string | null; toggle: (key: string, text: string) => void };
};

/** One message: the person's question, the assistant's answer with its basis, or an adviser's reply. */
export function ChatBubble({
  message,
  readOnly = false,
  conversationId,
  loginPath = '/login',
  readAloud,
}: BubbleProps) {
  const { t } = useAssistantTranslation();
  const author =
    message.role === 'user'
      ? t('chat.you')
      : message.role === 'adviser'
        ? message.authorName
          ? t('chat.adviser', { name: message.authorName })
          : t('chat.adviserUnnamed')
        : t('chat.assistant');
  const speaking = readAloud?.speaking === message.key;

  return (
    <li className={classes.row} data-role={message.role}>
      <Stack gap="xs" className={classes.bubble}>
        {message.role !== 'user' && (
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Text size="xs" fw={700} c={message.role === 'adviser' ? 'green.9' : 'dimmed'}>
              {author}
            </Text>
            {readOnly && message.outcome && (
              <Badge size="xs" variant="outline" color="gray" tt="none">
                {t(`outcome.${message.outcome}`)}
              </Badge>
            )}
          </Group>
        )}
        {message.role === 'user' && readOnly && (
          <Text size="xs" fw={700}>
            {author}
          </Text>
        )}
        <Text size="sm" className={classes.text}>
          {bodyText(message)}
        </Text>
        {message.formula && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={500}>
              {t('chat.formula')}
            </Text>
            <pre className={classes.formula}>{message.formula}</pre>
          </Stack>
        )}
        <CitationChips citations={message.citations} />
        {!readOnly && message.outcome === 'handover' && (
          <Handover message={message} conversationId={conversationId} loginPath={loginPath} />
        )}
        {message.role !== 'user' && (readAloud?.supported || (!readOnly && message.role === 'assistant')) && (
          <Group gap="xs" justify="space-between">
            {!readOnly && message.role === 'assistant' ? (
              <FeedbackControls message={message} conversationId={conversationId} />
            ) : (
              <span />
            )}
            {readAloud?.supported && (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={speaking ? <IconPlayerStop size={16} /> : <IconVolume size={16} />}
                onClick={() => readAloud.toggle(message.key, message.text)}
                aria-pressed={speaking}
              >
                {speaking ? t('voice.stopReading') : t('voice.readAloud')}
              </Button>
            )}
          </Group>
        )}
        {message.at && readOnly && (
          <Text size="xs" c="dimmed">
            {formatDateTime(message.at)}
          </Text>
        )}
      </Stack>
    </li>
  );
}
