import {
  AnswerDraftBody,
  type AnswerVersionDto,
  type ArticleRef,
  type CalculatorKind,
  type LegalCaseDto,
} from '@union/contracts/assistant';
import { citedRefs } from './citations';

/** One reference row of the form, as typed: the article stays text until it is checked. */
export type CitationRow = { document: string; article: string };

/** The curated-answer form as the user edits it. */
export type AnswerDraftForm = {
  topic: string;
  /** One question per line. */
  questions: string;
  answer: string;
  citations: CitationRow[];
  calculator: CalculatorKind | null;
  validFrom: string;
  validTo: string;
  submit: boolean;
};

export type DraftField =
  'topic' | 'questions' | 'answer' | 'citations' | 'validFrom' | 'validTo' | 'calculator';
export type DraftErrors = Partial<Record<DraftField, string>>;

const EMPTY_ROW: CitationRow = { document: '', article: '' };

export function emptyDraft(today: string): AnswerDraftForm {
  return {
    topic: '',
    questions: '',
    answer: '',
    citations: [{ ...EMPTY_ROW }],
    calculator: null,
    validFrom: today,
    validTo: '',
    submit: false,
  };
}

const rowsOf = (refs: readonly ArticleRef[]): CitationRow[] =>
  refs.length > 0
    ? refs.map((ref) => ({ document: ref.document, article: String(ref.article) }))
    : [{ ...EMPTY_ROW }];

/**
 * "Tạo câu trả lời mẫu" from a handled case: the member's question, the adviser's last reply as the
 * answer, the articles the assistant cited as references, to be edited before it goes for review.
 */
export function draftFromCase(legalCase: LegalCaseDto, today: string): AnswerDraftForm {
  const reply = legalCase.transcript.filter((message) => message.role === 'adviser').at(-1);
  return {
    ...emptyDraft(today),
    questions: legalCase.question.trim(),
    answer: reply?.text ?? '',
    citations: rowsOf(citedRefs(legalCase.transcript.flatMap((message) => message.citations))),
    submit: true,
  };
}

/** A new version starts from the one it replaces. */
export function draftFromVersion(version: AnswerVersionDto, today: string): AnswerDraftForm {
  return {
    topic: version.topic,
    questions: version.questions.join('\n'),
    answer: version.answer,
    citations: rowsOf(version.citations),
    calculator: version.calculator,
    validFrom: version.validFrom > today ? version.validFrom : today,
    validTo: version.validTo ?? '',
    submit: false,
  };
}

/** The questions textarea: one per line, blank lines dropped, the same question (any case) once. */
export function parseQuestions(text: string): string[] {
  const seen = new Set<string>();
  const questions: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const question = line.trim().replace(/\s+/g, ' ');
    const folded = question.toLocaleLowerCase('vi');
    if (!question || seen.has(folded)) continue;
    seen.add(folded);
    questions.push(question);
  }
  return questions;
}

/** Reference rows left blank are dropped; an article that is not a whole number fails the check. */
export function citationRefs(rows: readonly CitationRow[]): { document: string; article: number }[] {
  return rows
    .filter((row) => row.document.trim() !== '' || row.article.trim() !== '')
    .map((row) => ({
      document: row.document.trim(),
      article: /^\d+$/.test(row.article.trim()) ? Number(row.article.trim()) : Number.NaN,
    }));
}

/** The request body the form stands for, before it is checked. */
export function draftBody(form: AnswerDraftForm) {
  return {
    topic: form.topic,
    questions: parseQuestions(form.questions),
    answer: form.answer,
    citations: citationRefs(form.citations),
    calculator: form.calculator,
    validFrom: form.validFrom,
    validTo: form.validTo || null,
    submit: form.submit,
  };
}

const DRAFT_FIELDS: readonly DraftField[] = [
  'topic',
  'questions',
  'answer',
  'citations',
  'validFrom',
  'validTo',
  'calculator',
];

type DraftValidation = { ok: true; data: AnswerDraftBody } | { ok: false; errors: DraftErrors };

/**
 * Checks the form against the contract, so it refuses what the server would; each problem is shown
 * under its field (a bad reference row under the references). `messages` word the two cases the
 * contract's own messages put poorly.
 */
export function validateDraft(
  form: AnswerDraftForm,
  messages: { citationsRequired: string; citationInvalid: string },
): DraftValidation {
  const body = draftBody(form);
  const result = AnswerDraftBody.safeParse(body);
  if (result.success) return { ok: true, data: result.data };
  const errors: DraftErrors = {};
  for (const issue of result.error.issues) {
    const field = DRAFT_FIELDS.find((name) => name === issue.path[0]);
    if (!field) continue;
    const message =
      field === 'citations'
        ? body.citations.length === 0
          ? messages.citationsRequired
          : messages.citationInvalid
        : issue.message;
    errors[field] ??= message;
  }
  return { ok: false, errors };
}
