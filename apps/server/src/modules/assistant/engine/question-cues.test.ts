import { describe, expect, it } from 'vitest';
import { foldedPhrase } from '../language/index.js';
import { domainStrength, handoverCue, isFollowUp, isGreeting, isUnreadable } from './question-cues.js';

const phrase = (text: string) => foldedPhrase(text);

describe('question cues', () => {
  it('hands over a person’s own dispute or a request to act for them', () => {
    for (const text of [
      'Tôi có nên kiện công ty không?',
      'giup em lam don khoi kien cong ty voi',
      'Nhờ công đoàn can thiệp giúp, công ty không trả sổ bảo hiểm',
      'anh chị đi cùng em lên phòng nhân sự được không',
      'Công ty nợ lương 3 tháng rồi, giờ tôi phải làm sao?',
    ]) {
      expect(handoverCue(phrase(text)), text).toBe(true);
    }
  });

  it('answers questions about the rules on suing or disputes itself', () => {
    for (const text of [
      'Thời hiệu khởi kiện tranh chấp lao động cá nhân là bao lâu?',
      'Điều kiện hưởng trợ cấp thất nghiệp là gì?',
      'Nghỉ việc phải báo trước bao nhiêu ngày?',
      'Công ty nợ lương thì phải làm gì theo luật?',
    ]) {
      expect(handoverCue(phrase(text)), text).toBe(false);
    }
  });

  it('tells labour questions from everyday ones by their words', () => {
    expect(domainStrength(phrase('Nghỉ thai sản được mấy tháng'))).toBe('strong');
    expect(domainStrength(phrase('lương thủ tướng bao nhiêu'))).toBe('weak');
    expect(domainStrength(phrase('Cách nấu phở bò'))).toBe('none');
  });

  it('recognises a follow-up leaning on the previous question', () => {
    expect(isFollowUp(phrase('thế nếu tôi làm 5 năm thì sao?'))).toBe(true);
    expect(isFollowUp(phrase('vậy còn nghỉ thai sản thì sao'))).toBe(true);
    expect(isFollowUp(phrase('Người lao động nghỉ việc phải báo trước bao nhiêu ngày?'))).toBe(false);
  });

  it('recognises greetings and unreadable input', () => {
    expect(isGreeting(phrase('Xin chào'))).toBe(true);
    expect(isGreeting(phrase('cảm ơn bạn nhiều nhé'))).toBe(true);
    expect(isGreeting(phrase('chào, cho hỏi nghỉ phép'))).toBe(false);
    expect(isUnreadable('\u0000\u0001\u0002')).toBe(true);
    expect(isUnreadable('%%%%$$$$')).toBe(true);
    expect(isUnreadable('lương tối thiểu')).toBe(false);
  });
});
