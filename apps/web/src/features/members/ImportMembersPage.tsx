import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCircleCheck, IconDownload, IconFileSpreadsheet, IconInfoCircle } from '@tabler/icons-react';
import { IMPORT_MAX_BYTES, type ImportReportDto, type ImportRowError } from '@union/contracts/members';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/states';
import { type UnitChoice, UnitPicker } from '../units/components/UnitPicker';
import { ImportJobResult } from '@union/contracts/members';
import { checkImport, IMPORT_TEMPLATE_URL, startImport } from './api';
import { codeMessage } from './member-errors';
import { holdsMembers, useOfficeUnits } from './member-units';
import { memberKeys, useJob, useMemberMutation } from './queries';
import { JobProgressBar } from '../../ui/JobProgressBar';

const ERRORS_PER_PAGE = 20;
const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv'];
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const count = (value: number) => value.toLocaleString('vi-VN');

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {count(value)}
      </Text>
    </Paper>
  );
}

/** The problems found, page by page: the row and column of the file, and what is wrong there. */
function RowErrors({ errors }: { errors: readonly ImportRowError[] }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = Math.ceil(errors.length / ERRORS_PER_PAGE);
  const shown = errors.slice((page - 1) * ERRORS_PER_PAGE, page * ERRORS_PER_PAGE);

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={320}>
        <Table striped verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('members.import.row')}</Table.Th>
              <Table.Th w="30%">{t('members.import.column')}</Table.Th>
              <Table.Th>{t('members.import.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((error, index) => (
              <Table.Tr key={`${error.row}-${error.column}-${index}`}>
                <Table.Td>{count(error.row)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{error.column}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={setPage}
          size="sm"
          siblings={0}
          style={{ alignSelf: 'center' }}
          getControlProps={(control) => ({ 'aria-label': `${t('members.import.errorsPages')}: ${control}` })}
        />
      )}
    </Stack>
  );
}

function ChooseFile({
  onChecked,
}: {
  onChecked: (unit: UnitChoice, file: File, report: ImportReportDto) => void;
}) {
  const { t } = useTranslation();
  const officeUnits = useOfficeUnits(true);
  const [unit, setUnit] = useState<UnitChoice | null>(officeUnits.length === 1 ? officeUnits[0]! : null);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ unit?: string; file?: string }>({});
  const check = useMutation({
    mutationFn: ({ unitId, chosen }: { unitId: number; chosen: File }) => checkImport(unitId, chosen),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!unit) problems.unit = t('validation.required');
    if (!file) problems.file = codeMessage('import.file_required');
    else if (!ACCEPTED_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension)))
      problems.file = t('members.import.wrongType');
    else if (file.size > IMPORT_MAX_BYTES) problems.file = codeMessage('import.too_large');
    setErrors(problems);
    if (!unit || !file || problems.file) return;
    check.mutate({ unitId: unit.id, chosen: file }, { onSuccess: (report) => onChecked(unit, file, report) });
  };

  return (
    <Paper withBorder p="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <UnitPicker
            label={t('members.import.unit')}
            required
            value={unit}
            onChange={(choice) => {
              setUnit(choice);
              setErrors((current) => ({ ...current, unit: undefined }));
            }}
            suggestions={officeUnits}
            accepts={holdsMembers}
            error={errors.unit}
          />
          <FileInput
            label={t('members.import.file')}
            description={t('members.import.fileHint')}
            placeholder={t('members.import.filePlaceholder')}
            required
            clearable
            accept={ACCEPT}
            leftSection={<IconFileSpreadsheet size={18} />}
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setErrors((current) => ({ ...current, file: undefined }));
            }}
            error={errors.file}
          />
          <Anchor href={IMPORT_TEMPLATE_URL} download size="sm" style={{ alignSelf: 'flex-start' }}>
            <Group gap={4} component="span" wrap="nowrap">
              <IconDownload size={16} aria-hidden />
              {t('members.import.template')}
            </Group>
          </Anchor>
          {check.isPending && <LoadingState label={t('members.import.checking')} />}
          <FormErrorAlert message={check.error ? errorMessage(check.error) : undefined} />
          <Button type="submit" loading={check.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('members.import.check')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function CheckReport({
  report,
  onBack,
  onCommit,
  committing,
  commitError,
}: {
  report: ImportReportDto;
  onBack: () => void;
  onCommit: () => void;
  committing: boolean;
  commitError: string | undefined;
}) {
  const { t } = useTranslation();
  const toChange = report.toAdmit + report.toUpdate;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, xs: 3, lg: 6 }} spacing="sm">
        <Figure label={t('members.import.summary.total')} value={report.total} />
        <Figure label={t('members.import.summary.valid')} value={report.valid} color="green.8" />
        <Figure
          label={t('members.import.summary.invalid')}
          value={report.invalid}
          color={report.invalid > 0 ? 'red.8' : undefined}
        />
        <Figure label={t('members.import.summary.toAdmit')} value={report.toAdmit} />
        <Figure label={t('members.import.summary.toUpdate')} value={report.toUpdate} />
        <Figure label={t('members.import.summary.unchanged')} value={report.unchanged} />
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="import-errors">
        <Title order={2} size="h4" mb="sm" id="import-errors">
          {t('members.import.errors')}
        </Title>
        {report.errors.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('members.import.noErrors')}
          </Text>
        ) : (
          <Stack gap="sm">
            {report.errorsTruncated && (
              <Alert color="yellow" variant="light" p="sm" icon={<IconInfoCircle size={18} />}>
                {t('members.import.errorsTruncated', {
                  shown: count(report.errors.length),
                  count: count(report.invalid),
                })}
              </Alert>
            )}
            <RowErrors errors={report.errors} />
          </Stack>
        )}
      </Paper>

      {toChange === 0 ? (
        <Alert color="blue" variant="light" p="sm" icon={<IconInfoCircle size={18} />}>
          {t('members.import.nothingToImport')}
        </Alert>
      ) : (
        report.invalid > 0 && (
          <Text size="sm" c="dimmed">
            {t('members.import.invalidSkipped')}
          </Text>
        )
      )}
      <FormErrorAlert message={commitError} />
      <Group gap="sm">
        {toChange > 0 && (
          <Button onClick={onCommit} loading={committing}>
            {t('members.import.commit', { count: count(report.valid) })}
          </Button>
        )}
        <Button variant="default" onClick={onBack} disabled={committing}>
          {t('members.import.otherFile')}
        </Button>
      </Group>
    </Stack>
  );
}

function ImportProgress({ job, onRetry }: { job: ReturnType<typeof useJob>; onRetry: () => void }) {
  const { t } = useTranslation();
  if (job.isError) return <ErrorState message={errorMessage(job.error)} onRetry={() => void job.refetch()} />;
  if (job.data?.status === 'failed')
    return (
      <Alert color="red" variant="light" title={t('members.import.failed')} role="alert">
        <Stack gap="sm" align="flex-start">
          {job.data.error && <Text size="sm">{job.data.error.message}</Text>}
          <Text size="sm">{t('members.import.failedHint')}</Text>
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );

  const percent = Math.round((job.data?.progress ?? 0) * 100);
  const queued = !job.data || job.data.status === 'queued';
  const label = queued ? t('members.import.queued') : t('members.import.running', { percent });
  return (
    <Paper withBorder p="md" maw={720}>
      <JobProgressBar label={label} percent={percent} queued={queued} hint={t('members.import.keepOpen')} />
    </Paper>
  );
}

function ImportResult({
  result,
  unit,
  onAgain,
}: {
  result: ImportJobResult | null;
  unit: UnitChoice;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck size={20} />}
        title={t('members.import.doneTitle')}
        role="status"
      >
        {result && (
          <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm" mt="xs">
            <Figure label={t('members.import.result.admitted')} value={result.admitted} />
            <Figure label={t('members.import.result.updated')} value={result.updated} />
            <Figure label={t('members.import.result.unchanged')} value={result.unchanged} />
            <Figure label={t('members.import.result.rejected')} value={result.rejected} />
          </SimpleGrid>
        )}
      </Alert>
      <Group gap="sm">
        <Button component={Link} to={`/members?unitId=${unit.id}`}>
          {t('members.import.viewList')}
        </Button>
        <Button variant="default" onClick={onAgain}>
          {t('members.import.again')}
        </Button>
      </Group>
    </Stack>
  );
}

type Checked = { unit: UnitChoice; file: File; report: ImportReportDto };

function ImportWizard() {
  const { t } = useTranslation();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [jobId, setJobId] = useState<number | string | null>(null);
  const start = useMemberMutation(({ unit, file }: Checked) => startImport(unit.id, file));
  const job = useJob(jobId);
  const finished = job.data?.status === 'succeeded';
  const failed = job.data?.status === 'failed';
  const active = !checked ? 0 : jobId === null ? 1 : finished ? 3 : 2;

  const reset = () => {
    setChecked(null);
    setJobId(null);
    start.reset();
  };
  const commit = () => {
    if (checked) start.mutate(checked, { onSuccess: (started) => setJobId(started.jobId) });
  };

  // Members changed once the job is done: lists and profiles must show them.
  const queryClient = useQueryClient();
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: memberKeys.all });
  }, [finished, queryClient]);

  const result = ImportJobResult.safeParse(job.data?.result);
  return (
    <Stack gap="lg">
      <Stepper
        active={active}
        size="sm"
        labelPosition="bottom"
        allowNextStepsSelect={false}
        aria-label={t('members.import.title')}
      >
        <Stepper.Step label={t('members.import.steps.file')} />
        <Stepper.Step label={t('members.import.steps.check')} />
        <Stepper.Step
          label={t('members.import.steps.run')}
          loading={active === 2 && !failed}
          color={failed ? 'red' : undefined}
        />
        <Stepper.Step label={t('members.import.steps.result')} />
      </Stepper>
      {active === 0 && <ChooseFile onChecked={(unit, file, report) => setChecked({ unit, file, report })} />}
      {active === 1 && checked && (
        <CheckReport
          report={checked.report}
          onBack={reset}
          onCommit={commit}
          committing={start.isPending}
          commitError={start.error ? errorMessage(start.error) : undefined}
        />
      )}
      {active === 2 && <ImportProgress job={job} onRetry={() => setJobId(null)} />}
      {active === 3 && checked && (
        <ImportResult result={result.success ? result.data : null} unit={checked.unit} onAgain={reset} />
      )}
    </Stack>
  );
}

export function ImportMembersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('members.import.title')} description={t('members.import.intro')} />
      <ImportWizard />
    </>
  );
}
