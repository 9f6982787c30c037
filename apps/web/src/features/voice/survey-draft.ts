import {
  CreateSurveyBody,
  SURVEY_OPTIONS_MAX,
  SURVEY_QUESTIONS_MAX,
  type SurveyQuestionKind,
} from '@union/contracts/voice';

/** A question as the builder edits it; only the inputs of its kind are sent. */
export type QuestionDraft = {
  /** The question's id in the survey: answers and results refer to it. */
  id: string;
  kind: SurveyQuestionKind;
  text: string;
  required: boolean;
  options: string[];
  scaleMax: number;
};

export type SurveyFormDraft = {
  unitId: number | null;
  title: string;
  description: string;
  opensOn: string;
  closesOn: string;
  questions: QuestionDraft[];
};

export const DEFAULT_SCALE_MAX = 5;
export { SURVEY_OPTIONS_MAX, SURVEY_QUESTIONS_MAX };

const isChoice = (kind: SurveyQuestionKind) => kind === 'single' || kind === 'multiple';

/** A new question whose id no other question of the survey has (`q1`, `q2`…, never reused). */
export function newQuestion(kind: SurveyQuestionKind, taken: readonly QuestionDraft[]): QuestionDraft {
  const numbers = taken.map((question) => Number(/^q(\d+)$/.exec(question.id)?.[1] ?? 0));
  const next = Math.max(0, ...numbers) + 1;
  return {
    id: `q${next}`,
    kind,
    text: '',
    required: true,
    options: isChoice(kind) ? ['', ''] : [],
    scaleMax: DEFAULT_SCALE_MAX,
  };
}

/** A kind changed midway keeps what still fits: options for a choice, two blank ones to start. */
export function withKind(question: QuestionDraft, kind: SurveyQuestionKind): QuestionDraft {
  const options = isChoice(kind)
    ? question.options.length >= 2
      ? question.options
      : ['', '']
    : question.options;
  return { ...question, kind, options };
}

/** Swaps a question with its neighbour: the builder's up and down buttons. */
export function moveQuestion<T>(questions: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (target < 0 || target >= questions.length) return [...questions];
  const moved = [...questions];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

export function toSurveyBody(draft: SurveyFormDraft) {
  return {
    unitId: draft.unitId ?? undefined,
    title: draft.title,
    description: draft.description,
    opensOn: draft.opensOn,
    closesOn: draft.closesOn,
    questions: draft.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      text: question.text,
      required: question.required,
      ...(isChoice(question.kind) && { options: question.options }),
      ...(question.kind === 'scale' && { scaleMax: question.scaleMax }),
    })),
  };
}

/** Problems by path (`title`, `questions.2.options.0`…), each with the contract's message. */
export type SurveyFormErrors = Partial<Record<string, string>>;

export type SurveyFormCheck = { ok: true; body: CreateSurveyBody } | { ok: false; errors: SurveyFormErrors };

/** The builder's draft checked against the contract, so the form refuses what the server would. */
export function checkSurveyForm(draft: SurveyFormDraft, messages: { required: string }): SurveyFormCheck {
  const result = CreateSurveyBody.safeParse(toSurveyBody(draft));
  if (result.success) return { ok: true, body: result.data };
  const errors: SurveyFormErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    // A unit not chosen is a missing value, not "a number too small".
    errors[path] ??= path === 'unitId' ? messages.required : issue.message;
  }
  return { ok: false, errors };
}

/** The server's per-field messages keyed by their whole path, as the builder shows them. */
export function surveyServerErrors(fields: readonly { path: string; message: string }[]): SurveyFormErrors {
  const errors: SurveyFormErrors = {};
  for (const field of fields) {
    const path = field.path.split(/[./]/).filter(Boolean).join('.');
    errors[path] ??= field.message;
  }
  return errors;
}
