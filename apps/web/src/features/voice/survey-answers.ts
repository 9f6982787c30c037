import { type AnswerSurveyBody, SURVEY_TEXT_ANSWER_MAX, type SurveyQuestion } from '@union/contracts/voice';

/** What the form holds for a question: an option index, indexes, a point on the scale, or text. */
export type SurveyDraftValue = number | readonly number[] | string | undefined;
export type SurveyDraft = Readonly<Record<string, SurveyDraftValue>>;

export type SurveyAnswerProblem = 'required' | 'chooseOne' | 'chooseSome' | 'tooLong';

export type SurveyAnswerCheck =
  | { ok: true; body: AnswerSurveyBody }
  | { ok: false; problems: Partial<Record<string, SurveyAnswerProblem>> };

const isIndex = (value: unknown, count: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < count;

type Checked = { answer?: AnswerSurveyBody['answers'][string]; problem?: SurveyAnswerProblem };

function checkQuestion(question: SurveyQuestion, value: SurveyDraftValue): Checked {
  const options = question.options?.length ?? 0;
  switch (question.kind) {
    case 'single':
      if (isIndex(value, options)) return { answer: value };
      return question.required ? { problem: 'chooseOne' } : {};
    case 'multiple': {
      const chosen = Array.isArray(value)
        ? [...new Set(value.filter((index) => isIndex(index, options)))]
        : [];
      if (chosen.length > 0) return { answer: chosen.sort((a, b) => a - b) };
      return question.required ? { problem: 'chooseSome' } : {};
    }
    case 'scale':
      if (
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= 1 &&
        value <= (question.scaleMax ?? 0)
      )
        return { answer: value };
      return question.required ? { problem: 'chooseOne' } : {};
    case 'text': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text.length > SURVEY_TEXT_ANSWER_MAX) return { problem: 'tooLong' };
      if (text !== '') return { answer: text };
      return question.required ? { problem: 'required' } : {};
    }
  }
}

/**
 * The answers as the API takes them, or what is wrong with each question: a required question left
 * blank, a text over the limit. Questions skipped that may be skipped are left out of the body.
 */
export function checkSurveyAnswers(
  questions: readonly SurveyQuestion[],
  draft: SurveyDraft,
): SurveyAnswerCheck {
  const answers: AnswerSurveyBody['answers'] = {};
  const problems: Partial<Record<string, SurveyAnswerProblem>> = {};
  for (const question of questions) {
    const { answer, problem } = checkQuestion(question, draft[question.id]);
    if (problem) problems[question.id] = problem;
    else if (answer !== undefined) answers[question.id] = answer;
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body: { answers } };
}
