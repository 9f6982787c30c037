import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFilePlus, IconHandGrab } from '@tabler/icons-react';
import { type LegalCaseDto, REPLY_MAX_CHARS, ReplyCaseBody } from '@union/contracts/assistant';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { serverFieldErrors, validate } from '../../app/form-errors';
import { formatDateTime, todayIsoDate } from '../../ui/dates';
import { DetailList } from '../../ui/DetailList';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { useCan } from '../auth/session';
import { BackLink } from '../members/components/BackLink';
import { draftFromCase } from './answer-draft';
import { useAssistantTranslation } from './assistant-i18n';
import { conversationMessages } from './chat-messages';
import { AnswerDraftForm } from './components/AnswerDraftForm';
import { CaseStatusBadge } from './components/AssistantBadges';
import { ChatBubble } from './components/ChatBubble';
import classes from './components/Chat.module.css';
import { useAssignLegalCase, useDraftAnswerFromCase, useLegalCase, useReplyToLegalCase } from './queries';

function ReplyForm({ legalCase }: { legalCase: LegalCaseDto }) {
  const { t } = useAssistantTranslation();
  const reply = useReplyToLegalCase(legalCase.id);
  const [text, setText] = useState('');
  const [close, setClose] = useState(false);
  const [fieldError, setFieldError] = useState<string>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(ReplyCaseBody, { text, close });
    if (!result.ok) return setFieldError(result.errors.text);
    reply.mutate(result.data, {
      onSuccess: () => {
        setText('');
        setClose(false);
        notifications.show({ color: 'green', message: t('cases.replied') });
      },
      onError: (error) => setFieldError(serverFieldErrors(error).text),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-reply">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="case-reply">
            {t('cases.reply')}
          </Title>
          <Textarea
            label={t('cases.replyLabel')}
            description={t('cases.replyHint')}
            autosize
            minRows={4}
            maxLength={REPLY_MAX_CHARS}
            required
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setFieldError(undefined);
            }}
            error={fieldError}
          />
          <Checkbox
            label={t('cases.close')}
            checked={close}
            onChange={(event) => setClose(event.currentTarget.checked)}
          />
          <FormErrorAlert message={reply.error && !fieldError ? errorMessage(reply.error) : undefined} />
          <Group justify="flex-end">
            <Button type="submit" loading={reply.isPending}>
              {t('cases.sendReply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function DraftAnswerDialog({ legalCase, onClose }: { legalCase: LegalCaseDto; onClose: () => void }) {
  const { t } = useAssistantTranslation();
  const draft = useDraftAnswerFromCase(legalCase.id);
  const [initial] = useState(() => draftFromCase(legalCase, todayIsoDate()));
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('cases.draftTitle', { id: legalCase.id })}
      size="lg"
      fullScreen={phone}
    >
      <AnswerDraftForm
        initial={initial}
        pending={draft.isPending}
        error={draft.error}
        onCancel={onClose}
        onSubmit={(body) =>
          draft.mutate(body, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('cases.draftSaved') });
              onClose();
            },
          })
        }
      />
    </Modal>
  );
}

function CaseView({ caseId }: { caseId: number }) {
  const { t } = useAssistantTranslation();
  const query = useLegalCase(caseId);
  const assign = useAssignLegalCase(caseId);
  const canEditKnowledge = useCan('legal.knowledge.edit');
  const [drafting, setDrafting] = useState(false);
  const back = <BackLink to="/legal-cases" label={t('cases.back')} />;

  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <>
        <PageHeader title={t('cases.notFound')} above={back} />
        <EmptyMessage title={t('cases.notFound')} description={t('cases.notFoundHint')} />
      </>
    );
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;

  const legalCase = query.data;
  const messages = conversationMessages({
    id: '00000000-0000-0000-0000-000000000000',
    startedAt: legalCase.openedAt,
    messages: legalCase.transcript,
    caseId: legalCase.id,
    caseStatus: legalCase.status,
  });
  const hasReply = legalCase.transcript.some((message) => message.role === 'adviser');
  const takeable = legalCase.status === 'waiting' || legalCase.assigneeName === null;

  return (
    <>
      <PageHeader
        title={t('cases.caseNumber', { id: legalCase.id })}
        above={back}
        description={<CaseStatusBadge status={legalCase.status} />}
        actions={
          takeable && legalCase.status !== 'closed' ? (
            <Button
              leftSection={<IconHandGrab size={18} />}
              onClick={() => assign.mutate()}
              loading={assign.isPending}
            >
              {t('cases.assign')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="md">
        <FormErrorAlert message={assign.error ? errorMessage(assign.error) : undefined} />
        <Paper withBorder p="md" component="section" aria-labelledby="case-details">
          <Title order={2} size="h4" mb="sm" id="case-details">
            {t('cases.details')}
          </Title>
          <DetailList
            details={[
              { label: t('cases.question'), value: legalCase.question },
              { label: t('cases.requesterKind'), value: t(`cases.requester.${legalCase.requester}`) },
              ...(legalCase.requesterName
                ? [{ label: t('cases.requesterName'), value: legalCase.requesterName }]
                : []),
              ...(legalCase.requesterPhone
                ? [
                    {
                      label: t('cases.requesterPhone'),
                      value: (
                        <Anchor href={`tel:${legalCase.requesterPhone}`}>{legalCase.requesterPhone}</Anchor>
                      ),
                    },
                  ]
                : []),
              { label: t('cases.handlingUnit'), value: legalCase.handlingUnitName },
              { label: t('cases.assigneeLabel'), value: legalCase.assigneeName ?? t('cases.unassigned') },
              { label: t('cases.opened'), value: formatDateTime(legalCase.openedAt) },
              ...(legalCase.answeredAt
                ? [{ label: t('cases.answeredAt'), value: formatDateTime(legalCase.answeredAt) }]
                : []),
            ]}
          />
        </Paper>

        <section aria-labelledby="case-transcript">
          <Title order={2} size="h4" mb="sm" id="case-transcript">
            {t('cases.transcript')}
          </Title>
          <ul className={classes.log}>
            {messages.map((message) => (
              <ChatBubble key={message.key} message={message} readOnly />
            ))}
          </ul>
        </section>

        {legalCase.status === 'closed' ? (
          <Alert color="gray" variant="light">
            {t('cases.closedNote')}
          </Alert>
        ) : (
          <ReplyForm legalCase={legalCase} />
        )}

        {legalCase.draftAnswerId !== null ? (
          <Text size="sm">
            {t('cases.draftExists')}
            {canEditKnowledge && (
              <>
                {': '}
                <Anchor component={Link} to={`/legal-knowledge/${String(legalCase.draftAnswerId)}`}>
                  #{legalCase.draftAnswerId}
                </Anchor>
              </>
            )}
          </Text>
        ) : (
          hasReply && (
            <Button
              variant="light"
              leftSection={<IconFilePlus size={18} />}
              onClick={() => setDrafting(true)}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('cases.makeDraft')}
            </Button>
          )
        )}
      </Stack>
      {drafting && <DraftAnswerDialog legalCase={legalCase} onClose={() => setDrafting(false)} />}
    </>
  );
}

/** One case: the transcript, who asked and how to reach them, taking it, replying, a curated answer. */
export function LegalCasePage() {
  const { t } = useAssistantTranslation();
  const caseId = Number(useParams().caseId);
  if (!Number.isSafeInteger(caseId) || caseId <= 0) return <EmptyMessage title={t('cases.notFound')} />;
  return <CaseView caseId={caseId} />;
}
