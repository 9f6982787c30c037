import type { SurveyQuestion } from '@union/contracts/voice';
import { SURVEY_TEXT_ANSWER_MAX } from '@union/contracts/voice';
import { describe, expect, it } from 'vitest';
import { checkSurveyAnswers } from './survey-answers';

const questions: SurveyQuestion[] = [
  { id: 'q1', kind: 'single', text: 'Ca làm việc?', required: true, options: ['Sáng', 'Chiều', 'Đêm'] },
  {
    id: 'q2',
    kind: 'multiple',
    text: 'Phúc lợi mong muốn?',
    required: true,
    options: ['Nhà ở', 'Xe đưa đón'],
  },
  { id: 'q3', kind: 'scale', text: 'Mức hài lòng?', required: true, scaleMax: 5 },
  { id: 'q4', kind: 'text', text: 'Ý kiến khác?', required: false },
];

describe('checkSurveyAnswers', () => {
  it('names every required question left blank, each with the right problem', () => {
    const check = checkSurveyAnswers(questions, {});
    expect(check).toEqual({ ok: false, problems: { q1: 'chooseOne', q2: 'chooseSome', q3: 'chooseOne' } });
  });

  it('builds the body the API takes: an index, sorted unique indexes, a point, trimmed text', () => {
    const check = checkSurveyAnswers(questions, { q1: 2, q2: [1, 0, 1], q3: 4, q4: '  Thêm tủ thuốc  ' });
    expect(check).toEqual({ ok: true, body: { answers: { q1: 2, q2: [0, 1], q3: 4, q4: 'Thêm tủ thuốc' } } });
  });

  it('leaves out an optional question left blank or only spaces', () => {
    const check = checkSurveyAnswers(questions, { q1: 0, q2: [0], q3: 1, q4: '   ' });
    expect(check.ok && check.body.answers).toEqual({ q1: 0, q2: [0], q3: 1 });
  });

  it('refuses an option or a point that the question does not have', () => {
    const check = checkSurveyAnswers(questions, { q1: 3, q2: [5], q3: 6 });
    expect(check).toEqual({ ok: false, problems: { q1: 'chooseOne', q2: 'chooseSome', q3: 'chooseOne' } });
  });

  it('refuses a text over the limit, even on an optional question', () => {
    const check = checkSurveyAnswers(questions, {
      q1: 0,
      q2: [0],
      q3: 1,
      q4: 'x'.repeat(SURVEY_TEXT_ANSWER_MAX + 1),
    });
    expect(check).toEqual({ ok: false, problems: { q4: 'tooLong' } });
  });
});
