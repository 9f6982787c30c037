import { Alert, Button, Checkbox, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconCircleCheck, IconDownload, IconIdBadge2, IconInfoCircle } from '@tabler/icons-react';
import { CARD_SHEET_MAX_MEMBERS } from '@union/contracts/cards';
import type { UnitDto } from '@union/contracts/units';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../app/api-client';
import { DialogActions } from '../../../ui/DialogActions';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { JobProgressBar } from '../../../ui/JobProgressBar';
import { ErrorState } from '../../../ui/states';
import { useJob } from '../../members/queries';
import { formatCount } from '../../statistics/figure-format';
import { saveFile } from '../../statistics/save-file';
import { BulkIssueResult, fetchPrintFile, startBulkIssue } from './api';

/** The running job survives a reload of the page: its sheet can only be fetched by its id. */
const jobStorageKey = (unitId: number) => `cards.bulk-issue.${unitId}`;

function storedJob(unitId: number): number | null {
  try {
    const stored = Number(sessionStorage.getItem(jobStorageKey(unitId)));
    return Number.isSafeInteger(stored) && stored > 0 ? stored : null;
  } catch {
    // Storage refused (a private window's policy): the job is only remembered while the page is open.
    return null;
  }
}

function storeJob(unitId: number, jobId: number): void {
  try {
    sessionStorage.setItem(jobStorageKey(unitId), String(jobId));
  } catch {
    // as above
  }
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatCount(value)}
      </Text>
    </div>
  );
}

function IssueOutcome({ unit, jobId, result }: { unit: UnitDto; jobId: number; result: BulkIssueResult }) {
  const { t } = useTranslation();
  const sheet = useMutation({
    mutationFn: () => fetchPrintFile(jobId, `the-doan-vien-${unit.code}.pdf`),
    onSuccess: saveFile,
  });
  return (
    <Stack gap="sm">
      <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} role="status" p="sm">
        {t('officerCards.bulk.done')}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('officerCards.bulk.members')} value={result.members} />
        <Figure label={t('officerCards.bulk.issued')} value={result.issued} />
        <Figure label={t('officerCards.bulk.replaced')} value={result.replaced} />
        <Figure label={t('officerCards.bulk.alreadyValid')} value={result.alreadyValid} />
      </SimpleGrid>
      {result.sheet ? (
        <Button
          leftSection={<IconDownload size={18} />}
          onClick={() => sheet.mutate()}
          loading={sheet.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('officerCards.bulk.download')}
        </Button>
      ) : (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} p="sm">
          {result.members === 0
            ? t('officerCards.bulk.noMembers')
            : t('officerCards.bulk.noSheet', { max: formatCount(CARD_SHEET_MAX_MEMBERS) })}
        </Alert>
      )}
      <FormErrorAlert message={sheet.error ? errorMessage(sheet.error) : undefined} />
    </Stack>
  );
}

function IssueJob({ unit, jobId }: { unit: UnitDto; jobId: number }) {
  const { t } = useTranslation();
  const job = useJob(jobId);

  // A remembered job that is gone (another account in this tab, or long cleaned up): nothing to show.
  if (job.error instanceof ApiError && job.error.status === 404) return null;
  if (job.isError) return <ErrorState message={errorMessage(job.error)} onRetry={() => void job.refetch()} />;
  if (job.data?.status === 'failed')
    return (
      <Alert color="red" variant="light" title={t('officerCards.bulk.failed')} role="alert">
        {job.data.error?.message ?? t('errors.unexpected')}
      </Alert>
    );
  if (job.data?.status === 'succeeded') {
    const result = BulkIssueResult.safeParse(job.data.result);
    if (!result.success) return <ErrorState message={t('errors.unexpected')} />;
    return <IssueOutcome unit={unit} jobId={jobId} result={result.data} />;
  }
  const percent = Math.round((job.data?.progress ?? 0) * 100);
  const queued = !job.data || job.data.status === 'queued';
  return (
    <JobProgressBar
      label={queued ? t('officerCards.bulk.queued') : t('officerCards.bulk.running', { percent })}
      percent={percent}
      queued={queued}
      hint={t('officerCards.bulk.keepOpen')}
    />
  );
}

/** Printed cards for every active member of the unit and the units below it, as one job. */
export function BulkIssueCards({ unit }: { unit: UnitDto }) {
  const { t } = useTranslation();
  const [reissue, setReissue] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [jobId, setJobId] = useState<number | null>(() => storedJob(unit.id));
  const job = useJob(jobId);
  const busy = job.data?.status === 'queued' || job.data?.status === 'running';

  const start = useMutation({
    mutationFn: () => startBulkIssue(unit.id, reissue),
    onSuccess: ({ jobId: started }) => {
      storeJob(unit.id, started);
      setJobId(started);
      setConfirming(false);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    start.mutate();
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('officerCards.bulk.intro', { unit: unit.name })}</Text>
      <Checkbox
        label={t('officerCards.bulk.reissue')}
        description={t('officerCards.bulk.reissueHint')}
        checked={reissue}
        onChange={(event) => setReissue(event.currentTarget.checked)}
        disabled={busy}
      />
      <Button
        leftSection={<IconIdBadge2 size={18} />}
        // Issuing is safe to repeat; replacing valid cards is not, so that asks first.
        onClick={() => (reissue ? setConfirming(true) : start.mutate())}
        loading={start.isPending && !confirming}
        disabled={busy}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        styles={{ label: { whiteSpace: 'normal' } }}
      >
        {t('officerCards.bulk.action')}
      </Button>
      {!confirming && <FormErrorAlert message={start.error ? errorMessage(start.error) : undefined} />}
      {jobId !== null && <IssueJob key={jobId} unit={unit} jobId={jobId} />}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('officerCards.bulk.confirmTitle')}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('officerCards.bulk.confirmText', { unit: unit.name })}</Text>
            <FormErrorAlert message={start.error ? errorMessage(start.error) : undefined} />
            <DialogActions
              onCancel={() => setConfirming(false)}
              submitLabel={t('officerCards.bulk.confirmSubmit')}
              loading={start.isPending}
              danger
            />
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
