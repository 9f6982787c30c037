import type { AskResponse, ConversationDto } from '@union/contracts/assistant';
import { describe, expect, it } from 'vitest';
import { answerMessage, bodyText, conversationMessages, lastSuggestions, userMessage } from './chat-messages';

const CITATION = {
  document: 'Bộ luật Lao động 2019',
  number: '45/2019/QH14',
  article: 'Điều 46',
  title: 'Trợ cấp thôi việc',
  articleId: 46,
};

const answer = (extra: Partial<AskResponse>): AskResponse => ({
  conversationId: '3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60',
  answer: 'Bạn được trợ cấp 1,5 tháng lương.',
  outcome: 'answered',
  citations: [CITATION],
  confidence: 0.9,
  messageId: 12,
  ...extra,
});

describe('chat messages', () => {
  it('turn an answer into an assistant bubble with its formula and suggestions', () => {
    const message = answerMessage(
      answer({ formula: '3 × 0,5 × 8.000.000 = 12.000.000 ₫', suggestions: ['Thế nếu tôi làm 5 năm?'] }),
    );
    expect(message).toMatchObject({
      key: 'm12',
      role: 'assistant',
      messageId: 12,
      formula: '3 × 0,5 × 8.000.000 = 12.000.000 ₫',
      suggestions: ['Thế nếu tôi làm 5 năm?'],
      caseId: null,
      contactRequested: false,
    });
  });

  it('tell a signed-in handover (a case) from one that asks for a contact', () => {
    expect(answerMessage(answer({ outcome: 'handover', caseId: 7 }))).toMatchObject({
      caseId: 7,
      contactRequested: false,
    });
    expect(answerMessage(answer({ outcome: 'handover', contactRequested: true }))).toMatchObject({
      caseId: null,
      contactRequested: true,
    });
  });

  it('read a stored conversation, the adviser by name and the case on the handover', () => {
    const at = '2026-05-20T08:00:00+07:00';
    const conversation: ConversationDto = {
      id: '3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60',
      startedAt: at,
      caseId: 9,
      caseStatus: 'answered',
      messages: [
        {
          id: 1,
          role: 'user',
          text: 'Họ đuổi tôi',
          outcome: null,
          citations: [],
          formula: null,
          authorName: null,
          helpful: null,
          at,
        },
        {
          id: 2,
          role: 'assistant',
          text: 'Đã chuyển',
          outcome: 'handover',
          citations: [],
          formula: null,
          authorName: null,
          helpful: null,
          at,
        },
        {
          id: 3,
          role: 'adviser',
          text: 'Anh gọi cho tôi',
          outcome: null,
          citations: [],
          formula: null,
          authorName: 'Trần Văn Tư',
          helpful: null,
          at,
        },
      ],
    };
    const messages = conversationMessages(conversation);
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'adviser']);
    expect(messages[1]).toMatchObject({ caseId: 9, caseStatus: 'answered', contactRequested: false });
    expect(messages[2]).toMatchObject({ authorName: 'Trần Văn Tư', caseId: null });
  });

  it('show only the last answer’s suggestions', () => {
    const first = answerMessage(answer({ suggestions: ['A?'] }));
    expect(lastSuggestions([first])).toEqual(['A?']);
    expect(lastSuggestions([first, userMessage('u1', 'B?')])).toEqual([]);
    expect(lastSuggestions([])).toEqual([]);
  });
});

describe('bodyText', () => {
  const citation = {
    document: 'Bộ luật Lao động 2019',
    number: '45/2019/QH14',
    article: 'Điều 46',
    title: 'Trợ cấp thôi việc',
    articleId: 1,
  };

  it('leaves out the legal basis when it shows as chips, and the computation line when it shows as a formula', () => {
    const text =
      'Bạn được 12.000.000 ₫.\nCách tính: 8.000.000 ₫ × 0,5 × 3 = 12.000.000 ₫.\nLưu ý: …\n\nCăn cứ pháp lý:\n• Điều 46';
    expect(bodyText({ text, citations: [citation], formula: '8.000.000 ₫ × 0,5 × 3 = 12.000.000 ₫' })).toBe(
      'Bạn được 12.000.000 ₫.\nLưu ý: …',
    );
  });

  it('keeps everything when there are no chips and no formula', () => {
    const text = 'Câu trả lời.\n\nCăn cứ pháp lý:\n• Điều 46';
    expect(bodyText({ text, citations: [], formula: null })).toBe(text);
  });
});
