import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import {
  SURVEY_QUESTION_KINDS,
  type SurveyQuestionKind,
  VOICE_BODY_MAX,
  VOICE_TITLE_MAX,
} from '@union/contracts/voice';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { DateField } from '../../ui/DateField';
import { todayIsoDate } from '../../ui/dates';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { useMe } from '../auth/session';
import { BackLink } from '../members/components/BackLink';
import { type UnitChoice, UnitPicker } from '../units/components/UnitPicker';
import { useTranslation } from 'react-i18next';
import { CountedTextarea } from './components/CountedTextarea';
import { useCreateSurvey } from './queries';
import {
  checkSurveyForm,
  moveQuestion,
  newQuestion,
  type QuestionDraft,
  SURVEY_OPTIONS_MAX,
  SURVEY_QUESTIONS_MAX,
  type SurveyFormErrors,
  surveyServerErrors,
  withKind,
} from './survey-draft';
import { useVoiceTranslation } from './voice-i18n';

const QUESTION_TEXT_MAX = 500;
const OPTION_TEXT_MAX = 200;
/** Two weeks open unless the officer says otherwise. */
const DEFAULT_OPEN_DAYS = 14;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function QuestionEditor({
  question,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  question: QuestionDraft;
  index: number;
  count: number;
  errors: SurveyFormErrors;
  onChange: (question: QuestionDraft) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useVoiceTranslation();
  const number = index + 1;
  const path = `questions.${index}`;
  const choice = question.kind === 'single' || question.kind === 'multiple';
  const setOption = (at: number, text: string) =>
    onChange({
      ...question,
      options: question.options.map((option, other) => (other === at ? text : option)),
    });

  return (
    <Paper
      withBorder
      p="md"
      component="li"
      style={{ listStyle: 'none' }}
      aria-labelledby={`${question.id}-title`}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5" id={`${question.id}-title`}>
            {t('builder.question', { number })}
          </Title>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              size="lg"
              onClick={() => onMove(-1)}
              disabled={index === 0}
              aria-label={t('builder.moveUp', { number })}
            >
              <IconArrowUp size={18} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              size="lg"
              onClick={() => onMove(1)}
              disabled={index === count - 1}
              aria-label={t('builder.moveDown', { number })}
            >
              <IconArrowDown size={18} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              onClick={onRemove}
              aria-label={t('builder.remove', { number })}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('builder.kind')}
            data={SURVEY_QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`builder.kinds.${kind}`) }))}
            value={question.kind}
            onChange={(kind) => kind && onChange(withKind(question, kind as SurveyQuestionKind))}
            allowDeselect={false}
          />
          <Group align="flex-end" pb={6}>
            <Switch
              label={t('builder.required')}
              checked={question.required}
              onChange={(event) => onChange({ ...question, required: event.currentTarget.checked })}
            />
          </Group>
        </SimpleGrid>
        <TextInput
          label={t('builder.text')}
          required
          maxLength={QUESTION_TEXT_MAX}
          value={question.text}
          error={errors[`${path}.text`]}
          onChange={(event) => onChange({ ...question, text: event.currentTarget.value })}
        />
        {choice && (
          <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" size="sm" fw={500}>
              {t('builder.options')}
            </Text>
            {question.options.map((option, at) => (
              <Group key={at} gap="xs" wrap="nowrap" align="flex-start">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('builder.option', { number: at + 1 })}
                  labelProps={{ size: 'xs' }}
                  required
                  maxLength={OPTION_TEXT_MAX}
                  value={option}
                  error={errors[`${path}.options.${at}`]}
                  onChange={(event) => setOption(at, event.currentTarget.value)}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  mt={22}
                  disabled={question.options.length <= 2}
                  onClick={() =>
                    onChange({ ...question, options: question.options.filter((_, other) => other !== at) })
                  }
                  aria-label={t('builder.removeOption', { number: at + 1 })}
                >
                  <IconX size={18} />
                </ActionIcon>
              </Group>
            ))}
            {errors[`${path}.options`] && (
              <Text size="sm" c="red.8" role="alert">
                {errors[`${path}.options`]}
              </Text>
            )}
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={16} />}
              disabled={question.options.length >= SURVEY_OPTIONS_MAX}
              onClick={() => onChange({ ...question, options: [...question.options, ''] })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('builder.addOption')}
            </Button>
          </Stack>
        )}
        {question.kind === 'scale' && (
          <NumberInput
            label={t('builder.scaleMax')}
            description={t('builder.scaleMaxHint')}
            min={2}
            max={10}
            clampBehavior="strict"
            allowDecimal={false}
            maw={200}
            value={question.scaleMax}
            error={errors[`${path}.scaleMax`]}
            onChange={(value) => onChange({ ...question, scaleMax: Number(value) || 2 })}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** "Tạo khảo sát": who is asked, when, and the questions, checked as the server will check them. */
export function SurveyBuilderPage() {
  const { t } = useVoiceTranslation();
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const create = useCreateSurvey();
  const offices: UnitChoice[] = me.offices.map((office) => ({
    id: office.unitId,
    name: office.unitName,
    type: office.unitType,
  }));
  const today = todayIsoDate();
  const [unit, setUnit] = useState<UnitChoice | null>(offices[0] ?? null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState(addDays(today, DEFAULT_OPEN_DAYS));
  const [questions, setQuestions] = useState<QuestionDraft[]>(() => [newQuestion('single', [])]);
  const [errors, setErrors] = useState<SurveyFormErrors>({});

  const clear = (path: string) => setErrors((current) => ({ ...current, [path]: undefined }));
  const updateQuestion = (index: number, question: QuestionDraft) => {
    setQuestions((current) => current.map((other, at) => (at === index ? question : other)));
    // A question's errors go once it is edited; the others stay until the next check.
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith(`questions.${index}`))),
    );
  };
  // Moving or removing renumbers the questions: their errors no longer point at the right one.
  const reshape = (next: QuestionDraft[]) => {
    setQuestions(next);
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith('questions'))),
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check = checkSurveyForm(
      { unitId: unit?.id ?? null, title, description, opensOn, closesOn, questions },
      { required: tc('validation.required') },
    );
    if (!check.ok) return setErrors(check.errors);
    create.mutate(check.body, {
      onSuccess: (survey) => {
        notifications.show({ color: 'green', message: t('builder.created') });
        void navigate(`/surveys/${survey.id}/results`);
      },
      onError: (error) => error instanceof ApiError && setErrors(surveyServerErrors(error.fields)),
    });
  };

  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <>
      <PageHeader
        above={<BackLink to="/surveys/manage" label={t('builder.back')} />}
        title={t('builder.title')}
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg" maw={760}>
          <Paper withBorder p="md">
            <Stack gap="md">
              <UnitPicker
                label={t('builder.unit')}
                description={t('builder.unitHint')}
                required
                value={unit}
                onChange={(next) => {
                  setUnit(next);
                  clear('unitId');
                }}
                suggestions={offices}
                error={errors.unitId}
              />
              <TextInput
                label={t('builder.titleLabel')}
                required
                maxLength={VOICE_TITLE_MAX}
                value={title}
                error={errors.title}
                onChange={(event) => {
                  setTitle(event.currentTarget.value);
                  clear('title');
                }}
              />
              <CountedTextarea
                label={t('builder.descriptionLabel')}
                description={t('builder.descriptionHint')}
                value={description}
                max={VOICE_BODY_MAX}
                error={errors.description}
                onChange={(event) => {
                  setDescription(event.currentTarget.value);
                  clear('description');
                }}
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <DateField
                  label={t('builder.opensOn')}
                  required
                  minDate={today}
                  value={opensOn}
                  error={errors.opensOn}
                  onChange={(value) => {
                    setOpensOn(value);
                    clear('opensOn');
                  }}
                />
                <DateField
                  label={t('builder.closesOn')}
                  required
                  minDate={opensOn || today}
                  value={closesOn}
                  error={errors.closesOn}
                  onChange={(value) => {
                    setClosesOn(value);
                    clear('closesOn');
                  }}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          <Stack gap="sm" component="section" aria-labelledby="survey-questions">
            <Group justify="space-between" align="baseline">
              <Title order={2} size="h4" id="survey-questions">
                {t('builder.questions')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('builder.questionsCount', { count: questions.length, max: SURVEY_QUESTIONS_MAX })}
              </Text>
            </Group>
            {questions.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('builder.noQuestions')}
              </Text>
            )}
            {errors.questions && (
              <Text size="sm" c="red.8" role="alert">
                {errors.questions}
              </Text>
            )}
            <Stack component="ol" gap="sm" p={0} m={0}>
              {questions.map((question, index) => (
                <QuestionEditor
                  key={question.id}
                  question={question}
                  index={index}
                  count={questions.length}
                  errors={errors}
                  onChange={(next) => updateQuestion(index, next)}
                  onMove={(step) => reshape(moveQuestion(questions, index, step))}
                  onRemove={() => reshape(questions.filter((_, at) => at !== index))}
                />
              ))}
            </Stack>
            <Group gap="xs">
              {SURVEY_QUESTION_KINDS.map((kind) => (
                <Button
                  key={kind}
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={16} />}
                  disabled={questions.length >= SURVEY_QUESTIONS_MAX}
                  onClick={() => reshape([...questions, newQuestion(kind, questions)])}
                >
                  {t('builder.addQuestion')}: {t(`builder.kinds.${kind}`)}
                </Button>
              ))}
            </Group>
          </Stack>

          {hasErrors && (
            <Alert color="red" variant="light" p="sm" role="alert">
              {t('builder.fixErrors')}
            </Alert>
          )}
          <FormErrorAlert message={create.error ? errorMessage(create.error) : undefined} />
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={create.isPending}>
              {t('builder.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
