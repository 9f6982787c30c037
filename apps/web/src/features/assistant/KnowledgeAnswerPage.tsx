import { Anchor, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlus, IconSend, IconX } from '@tabler/icons-react';
import type { AnswerVersionDto, ReviewBody } from '@union/contracts/assistant';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { formatDate, formatDateTime, todayIsoDate } from '../../ui/dates';
import { DetailList } from '../../ui/DetailList';
import { DialogActions } from '../../ui/DialogActions';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { useCan } from '../auth/session';
import { BackLink } from '../members/components/BackLink';
import { draftFromVersion } from './answer-draft';
import { useAssistantTranslation } from './assistant-i18n';
import { topicLabel } from './assistant-labels';
import { articleRefLabel } from './citations';
import { AnswerDraftForm } from './components/AnswerDraftForm';
import { VersionStatusBadge } from './components/AssistantBadges';
import {
  useCreateAnswerVersion,
  useCuratedAnswer,
  useReviewAnswerVersion,
  useSubmitAnswerVersion,
} from './queries';

/** Approve or reject with a note; the server refuses a reviewer's own version, and its message shows. */
function ReviewDialog({
  version,
  decision,
  onClose,
}: {
  version: AnswerVersionDto;
  decision: ReviewBody['decision'];
  onClose: () => void;
}) {
  const { t } = useAssistantTranslation();
  const review = useReviewAnswerVersion();
  const [note, setNote] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    review.mutate(
      { versionId: version.id, decision, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({
            color: decision === 'approve' ? 'green' : 'orange',
            message: decision === 'approve' ? t('knowledge.approved') : t('knowledge.rejected'),
          });
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        decision === 'approve'
          ? t('knowledge.reviewTitle', { version: version.version })
          : t('knowledge.rejectTitle', { version: version.version })
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Textarea
            label={t('knowledge.note')}
            autosize
            minRows={3}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            data-autofocus
          />
          <FormErrorAlert message={review.error ? errorMessage(review.error) : undefined} />
          <DialogActions
            onCancel={onClose}
            submitLabel={decision === 'approve' ? t('knowledge.approve') : t('knowledge.reject')}
            loading={review.isPending}
            danger={decision === 'reject'}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function VersionCard({ version }: { version: AnswerVersionDto }) {
  const { t } = useAssistantTranslation();
  const canEdit = useCan('legal.knowledge.edit');
  const canReview = useCan('legal.knowledge.review');
  const submitVersion = useSubmitAnswerVersion();
  const [reviewing, setReviewing] = useState<ReviewBody['decision'] | null>(null);

  return (
    <Paper component="li" withBorder p="md" style={{ listStyle: 'none' }}>
      <Stack gap="sm">
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h5">
              {t('knowledge.version', { version: version.version })}
            </Title>
            <VersionStatusBadge status={version.status} />
          </Group>
          {version.fromCaseId !== null && (
            <Anchor component={Link} to={`/legal-cases/${String(version.fromCaseId)}`} size="xs">
              {t('knowledge.fromCase', { id: version.fromCaseId })}
            </Anchor>
          )}
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('knowledge.author', { name: version.authorName, at: formatDateTime(version.createdAt) })}
          {version.reviewerName &&
            ` · ${t('knowledge.reviewer', {
              name: version.reviewerName,
              at: version.reviewedAt ? formatDateTime(version.reviewedAt) : '',
            })}`}
        </Text>
        {version.reviewNote && (
          <Text size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
            {t('knowledge.reviewNote', { note: version.reviewNote })}
          </Text>
        )}
        <DetailList
          details={[
            { label: t('form.topic'), value: topicLabel(version.topic) },
            {
              label: t('knowledge.validity'),
              value: version.validTo
                ? t('knowledge.validFromTo', {
                    from: formatDate(version.validFrom),
                    to: formatDate(version.validTo),
                  })
                : t('knowledge.validFromOnly', { from: formatDate(version.validFrom) }),
            },
            ...(version.calculator
              ? [{ label: t('knowledge.calculatorLabel'), value: t(`calculator.${version.calculator}`) }]
              : []),
          ]}
        />
        <div>
          <Text size="xs" c="dimmed" fw={500}>
            {t('knowledge.questions')}
          </Text>
          <Stack component="ul" gap={2} pl="md" m={0}>
            {version.questions.map((question) => (
              <Text component="li" size="sm" key={question} style={{ overflowWrap: 'anywhere' }}>
                {question}
              </Text>
            ))}
          </Stack>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={500}>
            {t('knowledge.answer')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {version.answer}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={500}>
            {t('knowledge.citations')}
          </Text>
          <Text size="sm">{version.citations.map(articleRefLabel).join('; ')}</Text>
        </div>
        <FormErrorAlert message={submitVersion.error ? errorMessage(submitVersion.error) : undefined} />
        <Group gap="xs">
          {canEdit && version.status === 'draft' && (
            <Button
              size="sm"
              variant="light"
              leftSection={<IconSend size={16} />}
              loading={submitVersion.isPending}
              onClick={() =>
                submitVersion.mutate(version.id, {
                  onSuccess: () => notifications.show({ color: 'green', message: t('knowledge.submitted') }),
                })
              }
            >
              {t('knowledge.submitForReview')}
            </Button>
          )}
          {canReview && version.status === 'in_review' && (
            <>
              <Button
                size="sm"
                color="green"
                leftSection={<IconCheck size={16} />}
                onClick={() => setReviewing('approve')}
              >
                {t('knowledge.approve')}
              </Button>
              <Button
                size="sm"
                color="red"
                variant="light"
                leftSection={<IconX size={16} />}
                onClick={() => setReviewing('reject')}
              >
                {t('knowledge.reject')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
      {reviewing && (
        <ReviewDialog version={version} decision={reviewing} onClose={() => setReviewing(null)} />
      )}
    </Paper>
  );
}

function NewVersion({
  answerId,
  from,
  onDone,
}: {
  answerId: number;
  from: AnswerVersionDto;
  onDone: () => void;
}) {
  const { t } = useAssistantTranslation();
  const create = useCreateAnswerVersion(answerId);
  const [initial] = useState(() => draftFromVersion(from, todayIsoDate()));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-version">
      <Title order={2} size="h4" mb="sm" id="new-version">
        {t('knowledge.newVersionTitle')}
      </Title>
      <AnswerDraftForm
        initial={initial}
        pending={create.isPending}
        error={create.error}
        onCancel={onDone}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('knowledge.created') });
              onDone();
            },
          })
        }
      />
    </Paper>
  );
}

function AnswerView({ answerId }: { answerId: number }) {
  const { t } = useAssistantTranslation();
  const query = useCuratedAnswer(answerId);
  const canEdit = useCan('legal.knowledge.edit');
  const [editing, setEditing] = useState(false);
  const back = <BackLink to="/legal-knowledge" label={t('knowledge.back')} />;

  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <>
        <PageHeader title={t('knowledge.notFound')} above={back} />
        <EmptyMessage title={t('knowledge.notFound')} />
      </>
    );
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;

  const versions = [...query.data.versions].sort((a, b) => b.version - a.version);
  const base = versions.find((version) => version.status === 'live') ?? versions[0];
  return (
    <>
      <PageHeader
        title={base ? topicLabel(base.topic) : t('knowledge.answerTitle', { id: answerId })}
        description={`${t('knowledge.answerTitle', { id: answerId })} · ${query.data.key}`}
        above={back}
        actions={
          canEdit && base && !editing ? (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing(true)}>
              {t('knowledge.newVersion')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="md">
        {editing && base && <NewVersion answerId={answerId} from={base} onDone={() => setEditing(false)} />}
        <section aria-labelledby="answer-versions">
          <Title order={2} size="h4" mb="sm" id="answer-versions">
            {t('knowledge.versions')}
          </Title>
          <Stack component="ul" gap="sm" p={0} m={0}>
            {versions.map((version) => (
              <VersionCard key={version.id} version={version} />
            ))}
          </Stack>
        </section>
      </Stack>
    </>
  );
}

/** A curated answer with all its versions: who wrote and who reviewed each, submit, approve, reject. */
export function KnowledgeAnswerPage() {
  const { t } = useAssistantTranslation();
  const answerId = Number(useParams().answerId);
  if (!Number.isSafeInteger(answerId) || answerId <= 0)
    return <EmptyMessage title={t('knowledge.notFound')} />;
  return <AnswerView answerId={answerId} />;
}
