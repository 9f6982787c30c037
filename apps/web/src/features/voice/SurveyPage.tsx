import {
  Alert,
  Button,
  Checkbox,
  Group,
  Input,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { SURVEY_TEXT_ANSWER_MAX, type SurveyDto, type SurveyQuestion } from '@union/contracts/voice';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { formatDate } from '../../ui/dates';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { BackLink } from '../members/components/BackLink';
import { CountedTextarea } from './components/CountedTextarea';
import { SurveyStatusBadge } from './components/VoiceBadges';
import classes from './components/VoiceItem.module.css';
import { useAnswerSurvey, useSurvey } from './queries';
import {
  checkSurveyAnswers,
  type SurveyAnswerProblem,
  type SurveyDraft,
  type SurveyDraftValue,
} from './survey-answers';
import { useVoiceTranslation } from './voice-i18n';

function QuestionLabel({ number, question }: { number: number; question: SurveyQuestion }) {
  const { t } = useVoiceTranslation();
  return (
    <>
      <Text span fw={600} size="sm">
        {t('surveys.question', { number })}.{' '}
      </Text>
      <Text span size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {question.text}
      </Text>
      {!question.required && (
        <Text span size="xs" c="dimmed">
          {' '}
          ({t('surveys.optional')})
        </Text>
      )}
    </>
  );
}

/** One question, its input fitting its kind: radios, checkboxes, a row of points, or a text box. */
function QuestionField({
  number,
  question,
  value,
  onChange,
  error,
}: {
  number: number;
  question: SurveyQuestion;
  value: SurveyDraftValue;
  onChange: (value: SurveyDraftValue) => void;
  error: string | undefined;
}) {
  const { t } = useVoiceTranslation();
  const labelId = useId();
  const label: ReactNode = <QuestionLabel number={number} question={question} />;
  const options = question.options ?? [];
  switch (question.kind) {
    case 'single':
      return (
        <Radio.Group
          label={label}
          required={question.required}
          value={typeof value === 'number' ? String(value) : null}
          onChange={(next) => onChange(Number(next))}
          error={error}
        >
          <Stack gap="sm" mt="xs">
            {options.map((option, index) => (
              <Radio
                key={index}
                value={String(index)}
                label={option}
                styles={{ label: { overflowWrap: 'anywhere' } }}
              />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group
          label={label}
          required={question.required}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={(next) => onChange(next.map(Number))}
          error={error}
        >
          <Stack gap="sm" mt="xs">
            {options.map((option, index) => (
              <Checkbox
                key={index}
                value={String(index)}
                label={option}
                styles={{ label: { overflowWrap: 'anywhere' } }}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'scale': {
      const max = question.scaleMax ?? 5;
      return (
        <Input.Wrapper
          label={label}
          labelElement="div"
          labelProps={{ id: labelId }}
          required={question.required}
          description={t('surveys.scaleHint', { max })}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={error}
        >
          <SegmentedControl
            mt="xs"
            fullWidth
            size="md"
            aria-labelledby={labelId}
            data={Array.from({ length: max }, (_, index) => String(index + 1))}
            // No point is chosen until the member picks one.
            value={typeof value === 'number' ? String(value) : ''}
            onChange={(next) => onChange(Number(next))}
          />
        </Input.Wrapper>
      );
    }
    case 'text':
      return (
        <CountedTextarea
          label={label}
          required={question.required}
          value={typeof value === 'string' ? value : ''}
          max={SURVEY_TEXT_ANSWER_MAX}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
        />
      );
  }
}

function SurveyForm({ survey }: { survey: SurveyDto }) {
  const { t } = useVoiceTranslation();
  const answer = useAnswerSurvey(survey.id);
  const [draft, setDraft] = useState<SurveyDraft>({});
  const [problems, setProblems] = useState<Partial<Record<string, SurveyAnswerProblem>>>({});

  const problemText = (problem: SurveyAnswerProblem | undefined) =>
    problem && t(`surveys.problem.${problem}`, { max: SURVEY_TEXT_ANSWER_MAX });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check = checkSurveyAnswers(survey.questions, draft);
    if (!check.ok) return setProblems(check.problems);
    answer.mutate(check.body);
  };

  if (answer.isSuccess) return <Answered />;
  const blocked = Object.values(problems).some(Boolean);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {survey.questions.map((question, index) => (
          <Paper key={question.id} withBorder p="md">
            <QuestionField
              number={index + 1}
              question={question}
              value={draft[question.id]}
              onChange={(value) => {
                setDraft((current) => ({ ...current, [question.id]: value }));
                setProblems((current) => ({ ...current, [question.id]: undefined }));
              }}
              error={problemText(problems[question.id])}
            />
          </Paper>
        ))}
        {blocked && (
          <Alert color="red" variant="light" p="sm" role="alert">
            {t('surveys.fixErrors')}
          </Alert>
        )}
        <FormErrorAlert message={answer.error ? errorMessage(answer.error) : undefined} />
        <Button type="submit" size="md" h={48} loading={answer.isPending}>
          {t('surveys.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function Answered() {
  const { t } = useVoiceTranslation();
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCircleCheck size={22} />}
      title={t('surveys.thanks')}
      role="status"
    >
      {t('surveys.thanksText')}
    </Alert>
  );
}

function Notice({ children }: { children: ReactNode }) {
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} />}>
      {children}
    </Alert>
  );
}

function SurveyView({ surveyId }: { surveyId: number }) {
  const { t } = useVoiceTranslation();
  const query = useSurvey(surveyId);
  if (query.error instanceof ApiError && query.error.status === 404) return <SurveyNotFound />;
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;

  const survey = query.data;
  const body = survey.answeredByMe ? (
    <Answered />
  ) : survey.status === 'scheduled' ? (
    <Notice>{t('surveys.notOpenYet', { date: formatDate(survey.opensOn) })}</Notice>
  ) : survey.status === 'closed' ? (
    <Notice>{t('surveys.closedText')}</Notice>
  ) : survey.can.answer ? (
    <SurveyForm survey={survey} />
  ) : (
    <Notice>{t('surveys.cannotAnswer')}</Notice>
  );

  return (
    <>
      <PageHeader
        above={<BackLink to="/surveys" label={t('surveys.back')} />}
        title={survey.title}
        description={
          <Stack gap={6} component="span">
            <Group gap="xs" component="span">
              <SurveyStatusBadge status={survey.status} />
              <Text span size="sm" c="dimmed">
                {t('surveys.dates', { from: formatDate(survey.opensOn), to: formatDate(survey.closesOn) })}
              </Text>
            </Group>
            <Text span size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {survey.unit.name}
            </Text>
          </Stack>
        }
        actions={
          survey.can.viewResults && (
            <Button component={Link} to={`/surveys/${survey.id}/results`} variant="light">
              {t('surveys.viewResults')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        {survey.description && <Text className={classes.userText}>{survey.description}</Text>}
        {body}
      </Stack>
    </>
  );
}

function SurveyNotFound() {
  const { t } = useVoiceTranslation();
  return <EmptyMessage title={t('surveys.notFound')} description={t('surveys.notFoundHint')} />;
}

/** One survey, answered on the spot: every question on one page, checked before it is sent. */
export function SurveyPage() {
  const surveyId = Number(useParams().surveyId);
  if (!Number.isSafeInteger(surveyId) || surveyId <= 0) return <SurveyNotFound />;
  return <SurveyView key={surveyId} surveyId={surveyId} />;
}
