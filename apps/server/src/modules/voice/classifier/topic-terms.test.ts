import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../../kernel/text/fold.js';
import { BIGRAM_ONLY_SYLLABLES, STOPWORDS, topicTermsOf } from './topic-terms.js';

describe('topicTermsOf', () => {
  it('keeps content bigrams and unigrams in order of first occurrence', () => {
    expect(topicTermsOf('Công ty nợ lương 3 tháng, không đóng bảo hiểm')).toEqual([
      'no luong',
      'luong',
      'dong bao',
      'bao hiem',
    ]);
  });

  it('drops stopwords, numbers and short syllables', () => {
    const terms = topicTermsOf('Em thì cũng không biết là có được 500k hay là không nữa ạ');
    expect(terms).toEqual([]);
    for (const term of topicTermsOf(
      'Tôi bị tai nạn lao động ở xưởng, chân bị gãy, công ty không bồi thường',
    )) {
      for (const syllable of term.split(' ')) expect(STOPWORDS.has(syllable)).toBe(false);
      if (!term.includes(' ')) {
        expect(term.length).toBeGreaterThanOrEqual(3);
        expect(BIGRAM_ONLY_SYLLABLES.has(term)).toBe(false);
      }
    }
  });

  it('is diacritic- and shorthand-insensitive', () => {
    const text = 'Ký túc xá công ty bị cắt nước, tiền thuê trọ tăng';
    expect(topicTermsOf(foldVietnamese(text))).toEqual(topicTermsOf(text));
    expect(topicTermsOf('ktx cty bi cat nuoc')).toEqual(topicTermsOf('Ký túc xá công ty bị cắt nước'));
  });

  it('returns distinct terms, at most max of them', () => {
    const text =
      'lương thấp, lương chậm, lương bị trừ, thưởng tết bị cắt, phụ cấp ăn ca bị bỏ, xe đưa đón hỏng';
    const terms = topicTermsOf(text, 5);
    expect(terms).toHaveLength(5);
    expect(new Set(topicTermsOf(text)).size).toBe(topicTermsOf(text).length);
    expect(topicTermsOf(text, 0)).toEqual([]);
    expect(topicTermsOf(text, -3)).toEqual([]);
    expect(topicTermsOf(text, Number.NaN)).toEqual([]);
    expect(topicTermsOf(text).length).toBeLessThanOrEqual(16);
  });

  it('keeps the stopword list folded', () => {
    for (const word of STOPWORDS) expect(foldVietnamese(word)).toBe(word);
    for (const syllable of BIGRAM_ONLY_SYLLABLES) expect(STOPWORDS.has(syllable)).toBe(false);
  });
});
