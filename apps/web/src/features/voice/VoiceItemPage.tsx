import { Alert, Group, Paper, Rating, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconMessageCircleCheck } from '@tabler/icons-react';
import { VOICE_ATTACHMENTS_PER_ITEM, type VoiceItemDto } from '@union/contracts/voice';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { formatDate, formatDateTime } from '../../ui/dates';
import { DetailList } from '../../ui/DetailList';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { useCan } from '../auth/session';
import { BackLink } from '../members/components/BackLink';
import { formatPercent } from '../statistics/figure-format';
import { AttachmentList } from './components/AttachmentList';
import { AttachmentPicker } from './components/AttachmentPicker';
import { SupportPanel } from './components/SupportPanel';
import { RateForm, VoiceActions } from './components/VoiceActions';
import { CategoryBadge, Deadline, KindBadge, StatusBadge } from './components/VoiceBadges';
import classes from './components/VoiceItem.module.css';
import { VoiceHistory } from './components/VoiceHistory';
import { useUploadVoiceAttachment, useVoiceItem } from './queries';
import { vietnamDateOf } from './voice-deadlines';
import { useVoiceTranslation } from './voice-i18n';

function AnswerPanel({ answer }: { answer: NonNullable<VoiceItemDto['answer']> }) {
  const { t } = useVoiceTranslation();
  const at = formatDateTime(answer.at);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="voice-answer" className={classes.answer}>
      <Stack gap="xs">
        <Group gap="xs">
          <IconMessageCircleCheck size={22} aria-hidden color="var(--mantine-color-green-8)" />
          <Title order={2} size="h4" id="voice-answer">
            {t('item.answer')}
          </Title>
        </Group>
        <Text className={classes.userText}>{answer.body}</Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {answer.officerName
            ? t('item.answerBy', { unit: answer.unit.name, name: answer.officerName, at })
            : t('item.answerByUnit', { unit: answer.unit.name, at })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** More files for a complaint the member may still add to, up to the limit. */
function AddAttachments({ item }: { item: VoiceItemDto }) {
  const { t } = useVoiceTranslation();
  const upload = useUploadVoiceAttachment(item.id);
  const [files, setFiles] = useState<File[]>([]);
  const [failure, setFailure] = useState<string>();

  const send = async (picked: File[]) => {
    setFiles(picked);
    setFailure(undefined);
    const remaining = [...picked];
    while (remaining.length > 0) {
      try {
        await upload.mutateAsync(remaining[0]!);
        remaining.shift();
        setFiles([...remaining]);
      } catch (error) {
        setFailure(`${remaining[0]!.name}: ${errorMessage(error)}`);
        return;
      }
    }
    notifications.show({ color: 'green', message: t('attachments.uploaded') });
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('attachments.add')}
      </Text>
      <AttachmentPicker
        files={files}
        onChange={(picked) => void send(picked)}
        kept={item.attachments.length}
        disabled={upload.isPending}
      />
      {failure && (
        <Alert color="red" variant="light" p="sm" role="alert">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}

function ItemDetails({ item }: { item: VoiceItemDto }) {
  const { t } = useVoiceTranslation();
  const handler = item.can.answer || item.can.recategorise;
  // Proposals read by other members carry no name; the author sees their own item as theirs.
  const author = item.anonymous ? (item.mine ? t('item.anonymousMine') : t('anonymous')) : item.authorName;
  const details = [
    { label: t('item.kind'), value: t(`kind.${item.kind}`) },
    {
      label: t('item.category'),
      value: (
        <>
          {t(`category.${item.category}`)}
          {handler && item.categorySuggested !== item.category && (
            <Text span size="xs" c="dimmed" display="block">
              {t('item.suggested', {
                category: t(`category.${item.categorySuggested}`),
                confidence: formatPercent(item.categoryConfidence),
              })}
            </Text>
          )}
        </>
      ),
    },
    { label: t('item.handlingUnit'), value: item.handlingUnit.name },
    { label: t('item.dueAt'), value: formatDate(vietnamDateOf(item.dueAt)) },
    { label: t('item.sentAt'), value: formatDateTime(item.createdAt) },
    ...(author ? [{ label: t('item.author'), value: author }] : []),
    ...(item.originUnit && !item.mine ? [{ label: t('item.originUnit'), value: item.originUnit.name }] : []),
    ...(item.scope ? [{ label: t('item.scope'), value: t(`scope.${item.scope}`) }] : []),
    ...(item.escalations > 0 ? [{ label: t('item.escalations'), value: String(item.escalations) }] : []),
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="voice-details">
      <Title order={2} size="h4" mb="sm" id="voice-details">
        {t('item.details')}
      </Title>
      <DetailList details={details} />
    </Paper>
  );
}

function ItemView({ itemId }: { itemId: number }) {
  const { t } = useVoiceTranslation();
  const canHandle = useCan('voice.handle');
  const query = useVoiceItem(itemId);

  // Out of scope answers 404 like missing: the page cannot tell them apart either.
  if (query.error instanceof ApiError && query.error.status === 404) return <ItemNotFound />;
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;

  const item = query.data;
  // Back to where such an item is listed for this reader.
  const back = item.mine
    ? { to: '/voice', label: t('item.backMine') }
    : canHandle
      ? { to: '/voice/inbox', label: t('item.backInbox') }
      : { to: '/voice/proposals', label: t('item.backProposals') };
  const mayAttach = item.can.attach && item.attachments.length < VOICE_ATTACHMENTS_PER_ITEM;

  return (
    <>
      <PageHeader
        above={<BackLink to={back.to} label={back.label} />}
        title={item.title}
        description={
          <Stack gap={6} component="span">
            <Group gap={6} component="span">
              <StatusBadge status={item.status} />
              <KindBadge kind={item.kind} />
              <CategoryBadge category={item.category} />
            </Group>
            <Deadline dueAt={item.dueAt} overdue={item.overdue} status={item.status} />
          </Stack>
        }
      />
      <Stack gap="md" aria-busy={query.isFetching}>
        {item.answerRequired && !item.answer && item.can.answer && (
          <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('handle.answerRequired')}
          </Alert>
        )}
        {item.answer && <AnswerPanel answer={item.answer} />}
        {item.can.rate && <RateForm item={item} />}
        {item.rating && (
          <Paper withBorder p="md" component="section" aria-labelledby="voice-rating">
            <Title order={2} size="h4" mb="xs" id="voice-rating">
              {t('item.rating')}
            </Title>
            <Group gap="sm">
              <Rating value={item.rating.stars} readOnly aria-hidden />
              <Text size="sm">{t('item.ratingValue', { stars: item.rating.stars })}</Text>
            </Group>
            {item.rating.comment && (
              <Text size="sm" mt="xs" className={classes.userText}>
                {item.rating.comment}
              </Text>
            )}
          </Paper>
        )}
        {item.reopened && (
          <Text size="sm" c="dimmed">
            {t('item.reopened')}
          </Text>
        )}
        <Paper withBorder p="md" component="section" aria-labelledby="voice-content">
          <Title order={2} size="h4" mb="xs" id="voice-content">
            {t('item.content')}
          </Title>
          <Text className={classes.userText}>{item.body}</Text>
        </Paper>
        {item.kind === 'proposal' && <SupportPanel item={item} />}
        {(item.attachments.length > 0 || mayAttach) && (
          <Paper withBorder p="md" component="section" aria-labelledby="voice-attachments">
            <Title order={2} size="h4" mb="xs" id="voice-attachments">
              {t('attachments.title')}
            </Title>
            <Stack gap="md">
              <AttachmentList itemId={item.id} attachments={item.attachments} />
              {mayAttach && <AddAttachments item={item} />}
            </Stack>
          </Paper>
        )}
        {/* After what was written: the officer answers what they have just read. */}
        <VoiceActions item={item} />
        <ItemDetails item={item} />
        <Paper withBorder p="md" component="section" aria-labelledby="voice-history">
          <Title order={2} size="h4" mb="md" id="voice-history">
            {t('item.history')}
          </Title>
          <VoiceHistory history={item.history} />
        </Paper>
      </Stack>
    </>
  );
}

function ItemNotFound() {
  const { t } = useVoiceTranslation();
  return <EmptyMessage title={t('item.notFound')} description={t('item.notFoundHint')} />;
}

/** One item, for whoever may see it: the member who raised it, a supporter, or the handling officer. */
export function VoiceItemPage() {
  const itemId = Number(useParams().itemId);
  if (!Number.isSafeInteger(itemId) || itemId <= 0) return <ItemNotFound />;
  // Keyed by id so that drafts and open dialogs never carry over to another item.
  return <ItemView key={itemId} itemId={itemId} />;
}
