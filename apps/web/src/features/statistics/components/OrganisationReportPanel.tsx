import { Alert, Anchor, Button, Group, Paper, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { parseReportPeriod, recentReportPeriods } from '@union/contracts/statistics';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { currentLanguage } from '../../../app/i18n';
import { formatDate, todayIsoDate } from '../../../ui/dates';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { ErrorState } from '../../../ui/states';
import { useJob } from '../../members/queries';
import { fetchReportFile, type ReportFormat, reportFileUrl, requestOrganisationReport } from '../api';
import { saveFile } from '../save-file';
import { JobProgressBar } from '../../../ui/JobProgressBar';

const FORMATS: readonly ReportFormat[] = ['xlsx', 'pdf'];

/** The Confederation's report is written by a job: its progress, then the file fetched once it is done. */
function ReportJob({
  jobId,
  fallbackName,
  onSaved,
}: {
  jobId: number;
  fallbackName: string;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const job = useJob(jobId);
  const succeeded = job.data?.status === 'succeeded';
  const file = useMutation({ mutationFn: () => fetchReportFile(jobId, fallbackName) });
  const fetchFile = file.mutate;
  const fetched = useRef(false);

  useEffect(() => {
    // Once per job, though polling re-renders it: the file is fetched and handed over a single time.
    if (!succeeded || fetched.current) return;
    fetched.current = true;
    fetchFile(undefined, {
      onSuccess: (downloaded) => {
        saveFile(downloaded);
        onSaved(downloaded.fileName);
      },
    });
  }, [succeeded, fetchFile, onSaved]);

  if (job.isError) return <ErrorState message={errorMessage(job.error)} onRetry={() => void job.refetch()} />;
  if (job.data?.status === 'failed')
    return (
      <Alert color="red" variant="light" title={t('statistics.report.failed')} role="alert">
        {job.data.error?.message ?? t('errors.unexpected')}
      </Alert>
    );
  if (succeeded)
    return (
      <Stack gap="xs">
        <FormErrorAlert message={file.error ? errorMessage(file.error) : undefined} />
        <Anchor href={reportFileUrl(jobId)} download size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconDownload size={16} aria-hidden />
            {t('statistics.report.downloadAgain')}
          </Group>
        </Anchor>
      </Stack>
    );

  const percent = Math.round((job.data?.progress ?? 0) * 100);
  const queued = !job.data || job.data.status === 'queued';
  const label = queued ? t('statistics.report.queued') : t('statistics.report.running', { percent });
  return (
    <JobProgressBar label={label} percent={percent} queued={queued} hint={t('statistics.report.keepOpen')} />
  );
}

/** The organisation report for a period, as Excel or PDF. */
export function OrganisationReportPanel({ unitId, unitCode }: { unitId: number; unitCode: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const periods = recentReportPeriods(todayIsoDate()).map((code) => {
    const period = parseReportPeriod(code)!;
    const label = language === 'vi' ? period.labelVi : period.labelEn;
    // The label ends with its dates in brackets: the field shows the name, the dates go under it.
    const bracket = label.indexOf(' (');
    return {
      value: code,
      label: bracket > 0 ? label.slice(0, bracket) : label,
      from: period.from,
      to: period.to,
    };
  });
  const [period, setPeriod] = useState<string | null>(periods[0]?.value ?? null);
  const chosen = periods.find((option) => option.value === period);
  const [format, setFormat] = useState<ReportFormat>('xlsx');
  const [jobId, setJobId] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const fallbackName = `bao-cao-to-chuc_${unitCode}_${period ?? ''}.${format}`;

  const request = useMutation({
    mutationFn: ({ code, chosen }: { code: string; chosen: ReportFormat }) =>
      requestOrganisationReport(unitId, code, chosen, fallbackName),
    onSuccess: (answer) => {
      if (answer.kind === 'job') return setJobId(answer.jobId);
      saveFile(answer.file);
      setSaved(answer.file.fileName);
    },
  });

  const download = () => {
    if (!period) return;
    setJobId(null);
    setSaved(null);
    request.mutate({ code: period, chosen: format });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="statistics-report">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="statistics-report">
            {t('statistics.report.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('statistics.report.intro')}
          </Text>
        </div>
        <Group gap="md" align="flex-start">
          <Select
            label={t('statistics.report.period')}
            data={periods}
            value={period}
            onChange={setPeriod}
            description={
              chosen &&
              t('statistics.report.range', { from: formatDate(chosen.from), to: formatDate(chosen.to) })
            }
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            allowDeselect={false}
            style={{ flex: '1 1 18rem', maxWidth: '28rem' }}
            comboboxProps={{ withinPortal: true }}
          />
          <Radio.Group
            label={t('statistics.report.format')}
            value={format}
            onChange={(value) => setFormat(value as ReportFormat)}
          >
            <Group gap="md" mt={6} mb={6}>
              {FORMATS.map((value) => (
                <Radio key={value} value={value} label={t(`statistics.report.${value}`)} />
              ))}
            </Group>
          </Radio.Group>
        </Group>
        <Button
          leftSection={<IconDownload size={18} />}
          onClick={download}
          loading={request.isPending}
          disabled={!period}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('statistics.report.download')}
        </Button>
        <FormErrorAlert message={request.error ? errorMessage(request.error) : undefined} />
        {jobId !== null && (
          <ReportJob key={jobId} jobId={jobId} fallbackName={fallbackName} onSaved={setSaved} />
        )}
        {saved && (
          <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} role="status" p="sm">
            {t('statistics.report.saved', { name: saved })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
