import type { AnswerVersionDto, LegalCaseDto } from '@union/contracts/assistant';
import { describe, expect, it } from 'vitest';
import {
  citationRefs,
  draftBody,
  draftFromCase,
  draftFromVersion,
  emptyDraft,
  parseQuestions,
  validateDraft,
} from './answer-draft';

const MESSAGES = { citationsRequired: 'need one', citationInvalid: 'bad row' };
const TODAY = '2026-05-20';

describe('parseQuestions', () => {
  it('takes one question per line, trimmed, without blank lines or repeats', () => {
    expect(
      parseQuestions(
        '  Làm 3 năm nghỉ việc được bao nhiêu?\n\nnghi viec duoc tro cap khong\r\nLàm 3 năm nghỉ việc được bao nhiêu?\n',
      ),
    ).toEqual(['Làm 3 năm nghỉ việc được bao nhiêu?', 'nghi viec duoc tro cap khong']);
  });

  it('treats a question differing only in case or spacing as a repeat', () => {
    expect(parseQuestions('Tăng ca  tối đa?\ntăng ca tối đa?')).toEqual(['Tăng ca tối đa?']);
  });

  it('reads an empty box as no questions', () => {
    expect(parseQuestions(' \n ')).toEqual([]);
  });
});

describe('citation rows', () => {
  it('drop blank rows and read the article as a whole number', () => {
    expect(
      citationRefs([
        { document: ' 45/2019/QH14 ', article: '46' },
        { document: '', article: '' },
        { document: '58/2014/QH13', article: '4a' },
      ]),
    ).toEqual([
      { document: '45/2019/QH14', article: 46 },
      { document: '58/2014/QH13', article: Number.NaN },
    ]);
  });
});

describe('validateDraft', () => {
  const filled = {
    ...emptyDraft(TODAY),
    topic: 'Trợ cấp thôi việc',
    questions: 'Nghỉ việc được trợ cấp bao nhiêu?',
    answer: 'Mỗi năm làm việc được nửa tháng tiền lương.',
    citations: [{ document: '45/2019/QH14', article: '46' }],
  };

  it('accepts a complete form as the contract body', () => {
    const result = validateDraft(filled, MESSAGES);
    expect(result).toEqual({
      ok: true,
      data: {
        topic: 'Trợ cấp thôi việc',
        questions: ['Nghỉ việc được trợ cấp bao nhiêu?'],
        answer: 'Mỗi năm làm việc được nửa tháng tiền lương.',
        citations: [{ document: '45/2019/QH14', article: 46 }],
        calculator: null,
        validFrom: TODAY,
        validTo: null,
        submit: false,
      },
    });
  });

  it('asks for a reference when there is none, and flags a bad row', () => {
    const none = validateDraft({ ...filled, citations: [{ document: '', article: '' }] }, MESSAGES);
    expect(none.ok ? undefined : none.errors.citations).toBe('need one');
    const bad = validateDraft(
      { ...filled, citations: [{ document: '45/2019/QH14', article: 'x' }] },
      MESSAGES,
    );
    expect(bad.ok ? undefined : bad.errors.citations).toBe('bad row');
  });

  it('reports missing questions and a short answer under their fields', () => {
    const result = validateDraft({ ...filled, questions: '', answer: 'ngắn' }, MESSAGES);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['answer', 'questions']);
  });
});

describe('prefilled drafts', () => {
  const at = '2026-05-20T08:00:00+07:00';
  it('from a case: its question, the adviser’s reply, the cited articles, sent for review', () => {
    const legalCase: LegalCaseDto = {
      id: 4,
      status: 'answered',
      question: 'Họ đuổi tôi hôm qua, tôi có nên kiện không?',
      handlingUnitId: 2,
      handlingUnitName: 'Liên đoàn Lao động thành phố Hà Nội',
      assigneeName: 'Trần Văn Tư',
      requester: 'member',
      openedAt: at,
      answeredAt: at,
      requesterName: 'Đặng Văn Hùng',
      requesterPhone: '0912345678',
      draftAnswerId: null,
      transcript: [
        {
          id: 1,
          role: 'assistant',
          text: '…',
          outcome: 'handover',
          citations: [
            {
              document: 'Bộ luật Lao động 2019',
              number: '45/2019/QH14',
              article: 'Điều 36',
              title: '',
              articleId: 36,
            },
          ],
          formula: null,
          authorName: null,
          helpful: null,
          at,
        },
        {
          id: 2,
          role: 'adviser',
          text: 'Anh có quyền khởi kiện.',
          outcome: null,
          citations: [],
          formula: null,
          authorName: 'Tư',
          helpful: null,
          at,
        },
      ],
    };
    const draft = draftFromCase(legalCase, TODAY);
    expect(draft.questions).toBe('Họ đuổi tôi hôm qua, tôi có nên kiện không?');
    expect(draft.answer).toBe('Anh có quyền khởi kiện.');
    expect(draft.citations).toEqual([{ document: '45/2019/QH14', article: '36' }]);
    expect(draft.submit).toBe(true);
    expect(draftBody(draft).questions).toEqual(['Họ đuổi tôi hôm qua, tôi có nên kiện không?']);
  });

  it('from a version: its content, one question per line, starting no earlier than today', () => {
    const version: AnswerVersionDto = {
      id: 3,
      answerId: 1,
      version: 2,
      status: 'live',
      topic: 'Tăng ca',
      questions: ['Tăng ca tối đa?', 'lam them gio toi da'],
      answer: 'Không quá 40 giờ một tháng.',
      citations: [{ document: '45/2019/QH14', article: 107 }],
      calculator: 'overtime_pay',
      validFrom: '2021-01-01',
      validTo: null,
      authorName: 'A',
      reviewerName: 'B',
      reviewNote: null,
      fromCaseId: null,
      createdAt: at,
      reviewedAt: at,
    };
    expect(draftFromVersion(version, TODAY)).toEqual({
      topic: 'Tăng ca',
      questions: 'Tăng ca tối đa?\nlam them gio toi da',
      answer: 'Không quá 40 giờ một tháng.',
      citations: [{ document: '45/2019/QH14', article: '107' }],
      calculator: 'overtime_pay',
      validFrom: TODAY,
      validTo: '',
      submit: false,
    });
  });
});
