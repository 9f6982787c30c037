import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Stack,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconMicrophone, IconPlayerStopFilled, IconSend } from '@tabler/icons-react';
import { QUESTION_MAX_CHARS } from '@union/contracts/assistant';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../../app/api-client';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { ErrorState, LoadingState } from '../../../ui/states';
import { useAssistantTranslation } from '../assistant-i18n';
import { STARTER_QUESTIONS } from '../assistant-labels';
import {
  answerMessage,
  type ChatMessage,
  conversationMessages,
  lastSuggestions,
  userMessage,
} from '../chat-messages';
import { useAsk, useConversation } from '../queries';
import { useReadAloud, useSpeechInput } from '../use-speech';
import { ChatBubble } from './ChatBubble';
import classes from './Chat.module.css';

/** Questions to tap: the starters on an empty chat, the assistant's suggestions after an answer. */
function QuestionChips({
  title,
  questions,
  onAsk,
  disabled,
}: {
  title: string;
  questions: readonly string[];
  onAsk: (question: string) => void;
  disabled: boolean;
}) {
  if (questions.length === 0) return null;
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Text size="sm" fw={500} c="dimmed">
        {title}
      </Text>
      <Group gap={6}>
        {questions.map((question) => (
          <Button
            key={question}
            size="compact-md"
            radius="xl"
            variant="light"
            className={classes.chip}
            classNames={{ label: classes.chipLabel }}
            onClick={() => onAsk(question)}
            disabled={disabled}
          >
            {question}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

type AssistantChatProps = {
  /** A conversation to continue (reopened from the list, or kept over a reload). */
  initialConversationId?: string;
  /** Told the conversation's id once the first answer creates it (or `undefined` when it is gone). */
  onConversationChange: (conversationId: string | undefined) => void;
  /** Where "Đăng nhập" leads after a handover without a session. */
  loginPath: string;
};

/**
 * The chat with the legal assistant, the same for members and for anyone on the public page: the
 * parent remounts it (a new `key`) to start afresh or to open another conversation.
 */
export function AssistantChat({
  initialConversationId,
  onConversationChange,
  loginPath,
}: AssistantChatProps) {
  const { t } = useAssistantTranslation();
  const history = useConversation(initialConversationId);
  const ask = useAsk();
  const [conversationId, setConversationId] = useState(initialConversationId);
  const [local, setLocal] = useState<ChatMessage[]>([]);
  const [draft, setDraft] = useState('');
  const [failure, setFailure] = useState<string>();
  const speech = useSpeechInput(setDraft);
  const readAloud = useReadAloud();
  const last = useRef<HTMLDivElement>(null);

  // A kept id that no longer opens (expired, or another person's) starts a new conversation.
  const historyGone =
    history.error instanceof ApiError && [403, 404].includes(history.error.status) && local.length === 0;
  useEffect(() => {
    if (historyGone) onConversationChange(undefined);
  }, [historyGone, onConversationChange]);
  const activeId = historyGone ? undefined : conversationId;

  const messages = [...(history.data ? conversationMessages(history.data) : []), ...local];
  const empty = messages.length === 0 && !(initialConversationId && history.isPending);

  useEffect(() => {
    last.current?.scrollIntoView?.({ block: 'end', behavior: 'smooth' });
  }, [messages.length, ask.isPending]);

  const send = (text: string) => {
    const question = text.trim();
    if (!question || ask.isPending) return;
    if (question.length > QUESTION_MAX_CHARS) {
      setFailure(t('chat.tooLong', { max: QUESTION_MAX_CHARS }));
      return;
    }
    if (speech.listening) speech.stop();
    const key = `u${String(Date.now())}`;
    setLocal((current) => [...current, userMessage(key, question)]);
    setDraft('');
    setFailure(undefined);
    ask.mutate(
      { question, conversationId: activeId },
      {
        onSuccess: (answer) => {
          setConversationId(answer.conversationId);
          onConversationChange(answer.conversationId);
          setLocal((current) => [...current, answerMessage(answer)]);
        },
        // The question comes back to the box, to send again (a 429 says when, in Vietnamese).
        onError: (error) => {
          setFailure(errorMessage(error));
          setLocal((current) => current.filter((message) => message.key !== key));
          setDraft((current) => current || question);
        },
      },
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter starts a new line; a Vietnamese IME composing a letter keeps its Enter.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send(draft);
    }
  };

  const starters = STARTER_QUESTIONS.map((key) => t(`chat.starters.${key}`));

  return (
    <Stack gap="md">
      {empty && (
        <Stack gap="sm">
          <Text size="sm">{t('chat.intro')}</Text>
          <QuestionChips
            title={t('chat.startersTitle')}
            questions={starters}
            onAsk={send}
            disabled={ask.isPending}
          />
        </Stack>
      )}
      {initialConversationId && history.isPending && <LoadingState />}
      {historyGone && (
        <Alert color="yellow" variant="light" p="sm">
          {t('chat.expired')}
        </Alert>
      )}
      {history.isError && !historyGone && (
        <ErrorState message={t('chat.loadFailed')} onRetry={() => void history.refetch()} />
      )}

      <VisuallyHidden>
        <Title order={2}>{t('chat.label')}</Title>
      </VisuallyHidden>
      <ul className={classes.log} role="log" aria-label={t('chat.label')}>
        {messages.map((message) => (
          <ChatBubble
            key={message.key}
            message={message}
            conversationId={activeId}
            loginPath={loginPath}
            readAloud={readAloud}
          />
        ))}
        {ask.isPending && (
          <li className={classes.row} data-role="assistant">
            <div className={classes.bubble} role="status" aria-label={t('chat.sending')}>
              <span className={classes.typing} aria-hidden>
                <span />
                <span />
                <span />
              </span>
              <VisuallyHidden>{t('chat.sending')}</VisuallyHidden>
            </div>
          </li>
        )}
      </ul>
      <div ref={last} />

      {!ask.isPending && (
        <QuestionChips
          title={t('chat.suggestions')}
          questions={lastSuggestions(messages)}
          onAsk={send}
          disabled={ask.isPending}
        />
      )}

      <div className={classes.composer}>
        <form onSubmit={submit} noValidate>
          <Stack gap={6}>
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <Textarea
                aria-label={t('chat.question')}
                placeholder={t('chat.placeholder')}
                value={draft}
                onChange={(event) => setDraft(event.currentTarget.value)}
                onKeyDown={onKeyDown}
                autosize
                minRows={1}
                maxRows={5}
                maxLength={QUESTION_MAX_CHARS}
                enterKeyHint="send"
                style={{ flex: 1, minWidth: 0 }}
                size="md"
              />
              {speech.supported && (
                <ActionIcon
                  size={42}
                  variant={speech.listening ? 'filled' : 'light'}
                  color={speech.listening ? 'red' : undefined}
                  aria-label={speech.listening ? t('voice.stop') : t('voice.start')}
                  aria-pressed={speech.listening}
                  onClick={speech.listening ? speech.stop : speech.start}
                >
                  {speech.listening ? <IconPlayerStopFilled size={20} /> : <IconMicrophone size={22} />}
                </ActionIcon>
              )}
              <ActionIcon
                type="submit"
                size={42}
                aria-label={t('chat.send')}
                loading={ask.isPending}
                disabled={ask.isPending || draft.trim() === ''}
              >
                <IconSend size={20} />
              </ActionIcon>
            </Group>
            {speech.listening && (
              <Text size="xs" c="red.8" role="status">
                {t('voice.listening')}
              </Text>
            )}
            {speech.failed && (
              <Text size="xs" c="dimmed" role="status">
                {t('voice.failed')}
              </Text>
            )}
            <FormErrorAlert message={failure} />
          </Stack>
        </form>
      </div>
      <Text size="xs" c="dimmed">
        {t('disclaimer')}
      </Text>
    </Stack>
  );
}
