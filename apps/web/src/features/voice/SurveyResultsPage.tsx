import {
  Button,
  Group,
  Input,
  Modal,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconLock } from '@tabler/icons-react';
import {
  SURVEY_BREAKDOWNS,
  type SurveyBreakdown,
  type SurveyDto,
  type SurveyResultsDto,
} from '@union/contracts/voice';
import { lazy, Suspense, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { formatDate } from '../../ui/dates';
import { DialogActions } from '../../ui/DialogActions';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { BackLink } from '../members/components/BackLink';
import { formatCount, formatPercent, formatRatio, shareOf } from '../statistics/figure-format';
import type { AnswerRow } from './components/SurveyResultChart';
import { SurveyStatusBadge } from './components/VoiceBadges';
import classes from './components/VoiceItem.module.css';
import { useCloseSurvey, useExportSurveyResults, useSurvey, useSurveyResults } from './queries';
import { useVoiceTranslation } from './voice-i18n';

// Charts are the heaviest code here: fetched beside the figures, never with the member app.
const SurveyResultChart = lazy(() =>
  import('./components/SurveyResultChart').then((module) => ({ default: module.SurveyResultChart })),
);

type ResultQuestion = SurveyResultsDto['questions'][number];

const isBreakdown = (value: string | null): value is SurveyBreakdown =>
  (SURVEY_BREAKDOWNS as readonly (string | null)[]).includes(value);

/** The labels of a question's counts: its options, or the points of its scale. */
function answerLabels(
  question: ResultQuestion,
  survey: SurveyDto,
  point: (value: number) => string,
): string[] {
  const asked = survey.questions.find((candidate) => candidate.id === question.id);
  if (question.kind === 'scale')
    return Array.from({ length: question.counts?.length ?? asked?.scaleMax ?? 0 }, (_, index) =>
      point(index + 1),
    );
  return asked?.options ?? (question.counts ?? []).map((_, index) => String(index + 1));
}

function CountsTable({
  question,
  labels,
  results,
}: {
  question: ResultQuestion;
  labels: readonly string[];
  results: SurveyResultsDto;
}) {
  const { t } = useVoiceTranslation();
  const counts = question.counts ?? [];
  const grouped = results.breakdown !== null && question.byGroup !== null;
  return (
    // Two or three groups fit a phone; a union's many child units scroll sideways inside the card.
    <Table.ScrollContainer minWidth={grouped ? 120 + 56 * (results.groups.length + 1) : 0}>
      <Table
        fz="sm"
        verticalSpacing={6}
        horizontalSpacing="xs"
        striped
        aria-label={
          grouped && results.breakdown
            ? t('results.groupTable', { breakdown: t(`results.breakdownBy.${results.breakdown}`) })
            : question.text
        }
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{question.kind === 'scale' ? t('results.pointColumn') : t('results.option')}</Table.Th>
            <Table.Th ta="right">{t('results.total')}</Table.Th>
            {!grouped && <Table.Th ta="right">%</Table.Th>}
            {grouped &&
              results.groups.map((group) => (
                <Table.Th key={group.key} ta="right">
                  {group.label}
                </Table.Th>
              ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {labels.map((label, index) => {
            const count = counts[index] ?? 0;
            const share = shareOf(count, question.answered);
            return (
              <Table.Tr key={index}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{label}</Table.Td>
                <Table.Td ta="right">{formatCount(count)}</Table.Td>
                {!grouped && <Table.Td ta="right">{share === null ? '—' : formatPercent(share)}</Table.Td>}
                {grouped &&
                  results.groups.map((group, groupIndex) => (
                    <Table.Td key={group.key} ta="right">
                      {formatCount(question.byGroup?.[groupIndex]?.[index] ?? 0)}
                    </Table.Td>
                  ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function QuestionResult({
  number,
  question,
  survey,
  results,
}: {
  number: number;
  question: ResultQuestion;
  survey: SurveyDto;
  results: SurveyResultsDto;
}) {
  const { t } = useVoiceTranslation();
  const labels = answerLabels(question, survey, (point) => t('results.point', { point }));
  const rows: AnswerRow[] = labels.map((label, index) => ({ label, count: question.counts?.[index] ?? 0 }));
  const headingId = `result-${question.id}`;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {t('surveys.question', { number })}. {question.text}
          </Title>
          <Text size="xs" c="dimmed">
            {t('results.answered', { count: formatCount(question.answered) })}
            {question.mean !== null && ` · ${t('results.mean', { value: formatRatio(question.mean) })}`}
          </Text>
        </div>
        {question.kind === 'text' ? (
          question.samples && question.samples.length > 0 ? (
            <Stack gap={6} component="ul" p={0} m={0} aria-label={t('results.samples')}>
              {question.samples.map((sample, index) => (
                <Paper key={index} component="li" bg="gray.0" p="xs" style={{ listStyle: 'none' }}>
                  <Text size="sm" className={classes.userText}>
                    {sample}
                  </Text>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('results.noSamples')}
            </Text>
          )
        ) : (
          <>
            {question.answered > 0 && (
              <Suspense fallback={<LoadingState label={t('results.chartsLoading')} />}>
                <SurveyResultChart
                  rows={rows}
                  scale={question.kind === 'scale'}
                  seriesName={t('results.count')}
                />
              </Suspense>
            )}
            <CountsTable question={question} labels={labels} results={results} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function CloseSurveyModal({
  surveyId,
  opened,
  onClose,
}: {
  surveyId: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useVoiceTranslation();
  const close = useCloseSurvey(surveyId);
  return (
    <Modal opened={opened} onClose={onClose} title={t('results.closeTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          close.mutate(undefined, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('results.closed') });
              onClose();
            },
          });
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('results.closeText')}</Text>
          <FormErrorAlert message={close.error ? errorMessage(close.error) : undefined} />
          <DialogActions
            onCancel={onClose}
            submitLabel={t('results.closeSubmit')}
            loading={close.isPending}
            danger
          />
        </Stack>
      </form>
    </Modal>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function ResultsView({ surveyId }: { surveyId: number }) {
  const { t } = useVoiceTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const param = searchParams.get('breakdown');
  const breakdown = isBreakdown(param) ? param : undefined;
  const survey = useSurvey(surveyId);
  const results = useSurveyResults(surveyId, breakdown);
  const exportXlsx = useExportSurveyResults(surveyId);
  const [closing, setClosing] = useState(false);

  const notFound = [survey.error, results.error].some(
    (error) => error instanceof ApiError && error.status === 404,
  );
  if (notFound) return <EmptyMessage title={t('surveys.notFound')} description={t('surveys.notFoundHint')} />;
  if (survey.isPending) return <LoadingState />;
  if (survey.isError)
    return <ErrorState message={errorMessage(survey.error)} onRetry={() => void survey.refetch()} />;

  const current = survey.data;
  const rate = results.data ? shareOf(results.data.responses, results.data.eligibleMembers) : null;
  return (
    <>
      <PageHeader
        above={<BackLink to="/surveys/manage" label={t('surveys.backManaged')} />}
        title={current.title}
        description={
          <Group gap="xs" component="span">
            <SurveyStatusBadge status={current.status} />
            <Text span size="sm" c="dimmed">
              {t('surveys.dates', { from: formatDate(current.opensOn), to: formatDate(current.closesOn) })} ·{' '}
              {current.unit.name}
            </Text>
          </Group>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconDownload size={18} />}
              loading={exportXlsx.isPending}
              onClick={() => exportXlsx.mutate()}
            >
              {t('results.export')}
            </Button>
            {current.can.close && current.status !== 'closed' && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconLock size={18} />}
                onClick={() => setClosing(true)}
              >
                {t('results.closeEarly')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <FormErrorAlert message={exportXlsx.error ? errorMessage(exportXlsx.error) : undefined} />
        {current.description && <Text className={classes.userText}>{current.description}</Text>}
        {results.isPending ? (
          <LoadingState />
        ) : results.isError ? (
          <ErrorState message={errorMessage(results.error)} onRetry={() => void results.refetch()} />
        ) : (
          <>
            <SimpleGrid cols={3} spacing="xs">
              <Figure label={t('results.responses')} value={formatCount(results.data.responses)} />
              <Figure label={t('results.eligible')} value={formatCount(results.data.eligibleMembers)} />
              <Figure label={t('results.rate')} value={rate === null ? '—' : formatPercent(rate)} />
            </SimpleGrid>
            <Input.Wrapper
              label={t('results.breakdown')}
              labelElement="div"
              labelProps={{ id: 'results-breakdown' }}
            >
              <SegmentedControl
                mt={4}
                fullWidth
                aria-labelledby="results-breakdown"
                value={breakdown ?? 'none'}
                onChange={(value) =>
                  setSearchParams(value === 'none' ? {} : { breakdown: value }, { replace: true })
                }
                data={[
                  { value: 'none', label: t('results.breakdownNone') },
                  ...SURVEY_BREAKDOWNS.map((value) => ({ value, label: t(`results.breakdownBy.${value}`) })),
                ]}
              />
            </Input.Wrapper>
            {results.data.responses === 0 ? (
              <EmptyMessage title={t('results.noResponses')} description={t('results.noResponsesHint')} />
            ) : (
              <Stack gap="md" aria-busy={results.isPlaceholderData}>
                {results.data.questions.map((question, index) => (
                  <QuestionResult
                    key={question.id}
                    number={index + 1}
                    question={question}
                    survey={current}
                    results={results.data}
                  />
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
      <CloseSurveyModal surveyId={surveyId} opened={closing} onClose={() => setClosing(false)} />
    </>
  );
}

/** A survey's results: response rate, each question's answers, split by unit, sex or age if asked. */
export function SurveyResultsPage() {
  const { t } = useVoiceTranslation();
  const surveyId = Number(useParams().surveyId);
  if (!Number.isSafeInteger(surveyId) || surveyId <= 0)
    return <EmptyMessage title={t('surveys.notFound')} description={t('surveys.notFoundHint')} />;
  return <ResultsView key={surveyId} surveyId={surveyId} />;
}
