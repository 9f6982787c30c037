import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconLock,
  IconScale,
  IconSpeakerphone,
} from '@tabler/icons-react';
import {
  type ProposalScope,
  type SubmittedVoiceDto,
  SubmitVoiceBody,
  VOICE_BODY_MAX,
  VOICE_TITLE_MAX,
  type VoiceCategory,
  type VoiceKind,
  type VoiceSuggestionDto,
} from '@union/contracts/voice';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { type FieldErrors, serverFieldErrors, validate } from '../../app/form-errors';
import { ForbiddenPage } from '../../app/pages/ForbiddenPage';
import { formatDate } from '../../ui/dates';
import { DetailList } from '../../ui/DetailList';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../auth/session';
import { BackLink } from '../members/components/BackLink';
import { useMember } from '../members/queries';
import { formatCount } from '../statistics/figure-format';
import { uploadVoiceAttachment } from './api';
import { AttachmentPicker } from './components/AttachmentPicker';
import { CountedTextarea } from './components/CountedTextarea';
import { StatusBadge } from './components/VoiceBadges';
import { useSubmitVoice, useVoiceItem, useVoiceSuggestion } from './queries';
import { vietnamDateOf } from './voice-deadlines';
import { useVoiceTranslation } from './voice-i18n';
import { categoryOptions, isVoiceCategory } from './voice-labels';

/** The classifier is asked once typing pauses this long, and only about enough text to judge. */
const SUGGEST_DELAY_MS = 600;
const SUGGEST_MIN_CHARS = 12;
const SIMILAR_SHOWN = 5;

type Draft = {
  kind: VoiceKind | '';
  title: string;
  body: string;
  /** Chosen by the member; blank while the suggestion stands. */
  category: VoiceCategory | '';
  anonymous: boolean;
  scope: ProposalScope;
};

const EMPTY_DRAFT: Draft = { kind: '', title: '', body: '', category: '', anonymous: false, scope: 'unit' };

const KIND_ICONS = { concern: IconLock, proposal: IconSpeakerphone, complaint: IconScale } as const;

/**
 * The draft outlives a look at a similar item and the way back (this tab only, never on the server):
 * a member reading "Ý kiến tương tự" must not lose what they wrote.
 */
function useSessionDraft(key: string): [Draft, (update: Partial<Draft>) => void, () => void] {
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      const stored = sessionStorage.getItem(key);
      return stored ? { ...EMPTY_DRAFT, ...(JSON.parse(stored) as Partial<Draft>) } : EMPTY_DRAFT;
    } catch {
      return EMPTY_DRAFT;
    }
  });
  useEffect(() => {
    try {
      if (draft === EMPTY_DRAFT) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify(draft));
    } catch {
      // Private browsing may refuse storage: the form still works, the draft just does not persist.
    }
  }, [key, draft]);
  return [draft, (update) => setDraft((current) => ({ ...current, ...update })), () => setDraft(EMPTY_DRAFT)];
}

function KindChoice({
  value,
  onChange,
  error,
}: {
  value: VoiceKind | '';
  onChange: (kind: VoiceKind) => void;
  error?: string;
}) {
  const { t } = useVoiceTranslation();
  return (
    <Radio.Group
      label={t('submit.kindLabel')}
      required
      value={value || null}
      onChange={(next) => onChange(next as VoiceKind)}
      error={error}
    >
      <Stack gap="xs" mt="xs">
        {(['concern', 'proposal', 'complaint'] as const).map((kind) => {
          const Icon = KIND_ICONS[kind];
          return (
            <Radio.Card key={kind} value={kind} p="md" radius="md">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <Icon size={24} stroke={1.6} aria-hidden style={{ flexShrink: 0 }} />
                <div>
                  <Text fw={600}>{t(`kind.${kind}`)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`kindHint.${kind}`)}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          );
        })}
      </Stack>
    </Radio.Group>
  );
}

type UploadFailure = { file: File; message: string };

/** Sends the files one by one once the item exists; what failed is returned to try again. */
async function uploadAll(
  itemId: number,
  files: readonly File[],
  onProgress: (done: number) => void,
): Promise<UploadFailure[]> {
  const failures: UploadFailure[] = [];
  let done = 0;
  for (const file of files) {
    try {
      await uploadVoiceAttachment(itemId, file);
    } catch (error) {
      failures.push({ file, message: errorMessage(error) });
    }
    done += 1;
    onProgress(done);
  }
  return failures;
}

function SubmittedView({
  created,
  uploading,
  failures,
  onRetry,
  onAnother,
}: {
  created: SubmittedVoiceDto;
  uploading: { done: number; total: number } | undefined;
  failures: UploadFailure[];
  onRetry: () => void;
  onAnother: () => void;
}) {
  const { t } = useVoiceTranslation();
  const item = useVoiceItem(created.id);
  const handlingUnit = item.data?.handlingUnit.name;
  return (
    <Stack gap="md">
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck size={22} />}
        title={t('submit.done')}
        role="status"
      >
        {t('submit.doneText')}
      </Alert>
      <Paper withBorder p="md">
        <DetailList
          details={[
            {
              label: t('submit.handlingUnit'),
              value: handlingUnit ?? (item.isError ? errorMessage(item.error) : <Loader size="xs" />),
            },
            { label: t('submit.dueAt'), value: formatDate(vietnamDateOf(created.dueAt)) },
            { label: t('submit.category'), value: t(`category.${created.category}`) },
            { label: t('submit.status'), value: <StatusBadge status={created.status} /> },
          ]}
        />
      </Paper>
      {uploading && (
        <Group gap="xs" role="status">
          <Loader size="xs" />
          <Text size="sm">{t('submit.uploading', uploading)}</Text>
        </Group>
      )}
      {failures.length > 0 && !uploading && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          <Stack gap="xs">
            <Text size="sm">{t('submit.uploadFailed')}</Text>
            {failures.map((failure) => (
              <Text key={failure.file.name} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {failure.file.name}: {failure.message}
              </Text>
            ))}
            <Button size="xs" variant="white" onClick={onRetry} style={{ alignSelf: 'flex-start' }}>
              {t('submit.retryUploads')}
            </Button>
          </Stack>
        </Alert>
      )}
      <Group gap="sm">
        <Button component={Link} to={`/voice/${created.id}`} h={48}>
          {t('submit.open')}
        </Button>
        <Button variant="default" h={48} onClick={onAnother}>
          {t('submit.another')}
        </Button>
      </Group>
    </Stack>
  );
}

function OnBehalfOf({ memberId }: { memberId: number }) {
  const { t } = useVoiceTranslation();
  const member = useMember(memberId);
  if (member.isPending)
    return (
      <Text size="sm" c="dimmed">
        {t('submit.onBehalfLoading')}
      </Text>
    );
  if (member.isError) return <FormErrorAlert message={errorMessage(member.error)} />;
  return (
    <Alert color="blue" variant="light" p="sm">
      {t('submit.onBehalf', { name: `${member.data.fullName} · ${member.data.memberCode}` })}
    </Alert>
  );
}

function SimilarItems({ items }: { items: VoiceSuggestionDto['similar'] }) {
  const { t } = useVoiceTranslation();
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="voice-similar" bg="gray.0">
      <Title order={2} size="h5" id="voice-similar">
        {t('submit.similarTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('submit.similarHint')}
      </Text>
      <Stack component="ul" gap={6} p={0} m={0}>
        {items.slice(0, SIMILAR_SHOWN).map((item) => (
          <li key={item.id} style={{ listStyle: 'none' }}>
            <Anchor
              component={Link}
              to={`/voice/${item.id}`}
              size="sm"
              fw={500}
              style={{ overflowWrap: 'anywhere' }}
            >
              {item.title}
            </Anchor>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {t(`kind.${item.kind}`)} · {t(`status.${item.status}`)}
                {item.kind === 'proposal'
                  ? ` · ${t('list.supports', { count: formatCount(item.supportCount) })}`
                  : ''}
              </Text>
              {item.mine && (
                <Badge size="xs" variant="light" radius="sm" tt="none">
                  {t('submit.similarMine')}
                </Badge>
              )}
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}

function SubmitForm({ memberId }: { memberId: number | undefined }) {
  const { t } = useVoiceTranslation();
  const [draft, update, clearDraft] = useSessionDraft(memberId ? `voice.draft.${memberId}` : 'voice.draft');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<SubmittedVoiceDto>();
  const [uploading, setUploading] = useState<{ done: number; total: number }>();
  const [failures, setFailures] = useState<UploadFailure[]>([]);
  const submit = useSubmitVoice();

  // Strings, not an object: a fresh object each render would restart the wait for ever.
  const [title] = useDebouncedValue(draft.title.trim(), SUGGEST_DELAY_MS);
  const [body] = useDebouncedValue(draft.body.trim(), SUGGEST_DELAY_MS);
  const suggestion = useVoiceSuggestion({ title, body }, title.length + body.length >= SUGGEST_MIN_CHARS);
  const suggested = suggestion.data?.category;
  const category = draft.category || suggested || null;
  const mayBeAnonymous = draft.kind !== 'proposal' && memberId === undefined;

  const change = (update_: Partial<Draft>, field: string) => {
    update(update_);
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const sendFiles = async (itemId: number, toSend: readonly File[]) => {
    setUploading({ done: 0, total: toSend.length });
    const failed = await uploadAll(itemId, toSend, (done) => setUploading({ done, total: toSend.length }));
    setUploading(undefined);
    setFailures(failed);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(SubmitVoiceBody, {
      kind: draft.kind || undefined,
      title: draft.title,
      body: draft.body,
      // Only the member's own choice: left out, the server classifies the text as sent, not the
      // suggestion shown for what was typed half a second earlier.
      category: draft.category || undefined,
      anonymous: mayBeAnonymous ? draft.anonymous : undefined,
      scope: draft.kind === 'proposal' ? draft.scope : undefined,
      memberId,
    });
    if (!result.ok)
      return setErrors({ ...result.errors, ...(result.errors.kind && { kind: t('submit.kindRequired') }) });
    const toSend = draft.kind === 'complaint' ? files : [];
    submit.mutate(result.data, {
      onSuccess: async (item) => {
        clearDraft();
        setCreated(item);
        if (toSend.length > 0) await sendFiles(item.id, toSend);
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  const startAgain = () => {
    setCreated(undefined);
    setFiles([]);
    setFailures([]);
    submit.reset();
  };

  if (created)
    return (
      <SubmittedView
        created={created}
        uploading={uploading}
        failures={failures}
        onRetry={() =>
          void sendFiles(
            created.id,
            failures.map((failure) => failure.file),
          )
        }
        onAnother={startAgain}
      />
    );

  const busy = submit.isPending;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        {memberId !== undefined && <OnBehalfOf memberId={memberId} />}
        <KindChoice value={draft.kind} onChange={(kind) => change({ kind }, 'kind')} error={errors.kind} />
        <TextInput
          label={t('submit.titleLabel')}
          description={`${t('submit.titleHint')} · ${t('submit.counter', {
            count: formatCount(draft.title.length),
            max: formatCount(VOICE_TITLE_MAX),
          })}`}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required
          maxLength={VOICE_TITLE_MAX}
          value={draft.title}
          error={errors.title}
          onChange={(event) => change({ title: event.currentTarget.value }, 'title')}
        />
        <CountedTextarea
          label={t('submit.bodyLabel')}
          description={t('submit.bodyHint')}
          required
          minRows={5}
          value={draft.body}
          max={VOICE_BODY_MAX}
          error={errors.body}
          onChange={(event) => change({ body: event.currentTarget.value }, 'body')}
        />
        <Stack gap={6}>
          <Select
            label={t('submit.categoryLabel')}
            description={
              draft.category
                ? t('submit.categoryChosen')
                : suggested
                  ? t('submit.categorySuggested')
                  : t('submit.categoryPending')
            }
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data={categoryOptions(t)}
            value={category}
            onChange={(value) => change({ category: isVoiceCategory(value) ? value : '' }, 'category')}
            allowDeselect={false}
            rightSection={suggestion.isFetching ? <Loader size="xs" /> : undefined}
            error={errors.category}
          />
          {draft.category && suggested && suggested !== draft.category && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => change({ category: '' }, 'category')}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('submit.categoryUseSuggestion', { category: t(`category.${suggested}`) })}
            </Anchor>
          )}
        </Stack>
        <SimilarItems items={suggestion.data?.similar ?? []} />
        {draft.kind === 'proposal' && (
          <Radio.Group
            label={t('submit.scopeLabel')}
            value={draft.scope}
            onChange={(scope) => change({ scope: scope as ProposalScope }, 'scope')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="unit" label={t('submit.scopeUnit')} />
              <Radio value="province" label={t('submit.scopeProvince')} />
            </Stack>
          </Radio.Group>
        )}
        {mayBeAnonymous && draft.kind !== '' && (
          <Switch
            size="md"
            label={t('submit.anonymousLabel')}
            description={t('submit.anonymousHint')}
            checked={draft.anonymous}
            onChange={(event) => change({ anonymous: event.currentTarget.checked }, 'anonymous')}
          />
        )}
        {draft.kind === 'complaint' && (
          <Stack gap="xs" component="section" aria-labelledby="voice-files">
            <Text fw={500} size="sm" id="voice-files">
              {t('attachments.title')}
            </Text>
            <AttachmentPicker files={files} onChange={setFiles} disabled={busy} />
          </Stack>
        )}
        <FormErrorAlert message={submit.error ? errorMessage(submit.error) : undefined} />
        <Button type="submit" size="md" h={48} loading={busy}>
          {t('submit.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * "Gửi ý kiến": a member raises a concern, a proposal or a complaint; an officer with `voice.enter`
 * opens it with `?memberId=` to enter one on a member's behalf (from the member's page).
 */
export function SubmitVoicePage() {
  const { t } = useVoiceTranslation();
  const [searchParams] = useSearchParams();
  const mayEnter = useCan('voice.enter');
  const param = searchParams.get('memberId');
  const memberId = param === null ? undefined : Number(param);
  if (memberId !== undefined && (!Number.isSafeInteger(memberId) || memberId <= 0 || !mayEnter))
    return <ForbiddenPage />;

  return (
    <>
      <PageHeader
        above={
          memberId === undefined ? (
            <BackLink to="/voice" label={t('submit.back')} />
          ) : (
            <BackLink to={`/members/${memberId}`} label={t('submit.backToMember')} />
          )
        }
        title={memberId === undefined ? t('submit.title') : t('submit.titleOnBehalf')}
      />
      <SubmitForm key={memberId ?? 'self'} memberId={memberId} />
    </>
  );
}
