import { describe, expect, it } from 'vitest';
import { checkSurveyForm, moveQuestion, newQuestion, surveyServerErrors, withKind } from './survey-draft';

const required = { required: 'Thông tin này là bắt buộc' };

describe('the survey builder', () => {
  it('numbers new questions past the highest id, never reusing one in use', () => {
    const first = newQuestion('single', []);
    const second = newQuestion('text', [first]);
    expect([first.id, second.id]).toEqual(['q1', 'q2']);
    expect(newQuestion('scale', [second]).id).toBe('q3');
    expect(first.options).toEqual(['', '']);
    expect(second.options).toEqual([]);
  });

  it('keeps options when a question becomes a choice again', () => {
    const question = { ...newQuestion('single', []), options: ['Có', 'Không', 'Chưa rõ'] };
    expect(withKind(withKind(question, 'scale'), 'multiple').options).toEqual(['Có', 'Không', 'Chưa rõ']);
    expect(withKind(newQuestion('text', []), 'single').options).toEqual(['', '']);
  });

  it('moves a question up or down, and not past either end', () => {
    expect(moveQuestion(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveQuestion(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('sends only the inputs of each kind and accepts a complete survey', () => {
    const single = { ...newQuestion('single', []), text: 'Ca làm?', options: ['Sáng', 'Chiều'] };
    const scale = { ...newQuestion('scale', [single]), text: 'Hài lòng?' };
    const check = checkSurveyForm(
      {
        unitId: 7,
        title: 'Khảo sát bữa ăn ca',
        description: '',
        opensOn: '2026-12-01',
        closesOn: '2026-12-15',
        questions: [single, scale],
      },
      required,
    );
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.body.questions[0]).toEqual({
        id: 'q1',
        kind: 'single',
        text: 'Ca làm?',
        required: true,
        options: ['Sáng', 'Chiều'],
      });
      expect(check.body.questions[1]).toEqual({
        id: 'q2',
        kind: 'scale',
        text: 'Hài lòng?',
        required: true,
        scaleMax: 5,
      });
    }
  });

  it('points each problem at its field by full path', () => {
    const blank = newQuestion('single', []);
    const check = checkSurveyForm(
      {
        unitId: null,
        title: '',
        description: '',
        opensOn: '2026-12-15',
        closesOn: '2026-12-01',
        questions: [blank],
      },
      required,
    );
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.errors.unitId).toBe('Thông tin này là bắt buộc');
      expect(Object.keys(check.errors)).toEqual(
        expect.arrayContaining([
          'title',
          'questions.0.text',
          'questions.0.options.0',
          'questions.0.options.1',
        ]),
      );
    }
  });

  it("keys the server's field messages by their whole path", () => {
    expect(surveyServerErrors([{ path: 'questions/2/text', message: 'Trống' }])).toEqual({
      'questions.2.text': 'Trống',
    });
  });
});
