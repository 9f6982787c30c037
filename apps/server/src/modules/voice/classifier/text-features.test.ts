import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS, NUMBER_TOKEN, clausesOf, featuresOf, syllablesOf } from './text-features.js';
import { SHORTHAND } from '../../../kernel/text/shorthand.js';

describe('syllablesOf', () => {
  it('folds diacritics and case', () => {
    expect(syllablesOf('Công ĐOÀN Nợ Lương')).toEqual(['cong', 'doan', 'no', 'luong']);
  });

  it('expands shorthand in folded space', () => {
    expect(syllablesOf('Cty ko đc trả lg, nợ BHXH')).toEqual(
      'cong ty khong duoc tra luong no bao hiem xa hoi'.split(' '),
    );
    expect(syllablesOf('bi ep OT, tc 4h, HĐLĐ het han')).toEqual(
      `bi ep tang ca tang ca ${NUMBER_TOKEN} hop dong lao dong het han`.split(' '),
    );
  });

  it('turns every token with a digit into one number token', () => {
    expect(syllablesOf('lương 5tr6, 500k, 7h30')).toEqual([
      'luong',
      NUMBER_TOKEN,
      NUMBER_TOKEN,
      NUMBER_TOKEN,
    ]);
  });

  it('reads only the first MAX_TEXT_CHARS characters', () => {
    const text = `${'a '.repeat(MAX_TEXT_CHARS / 2)}luong`;
    expect(syllablesOf(text)).not.toContain('luong');
  });

  it('keeps the abbreviation map in folded lower case', () => {
    for (const [short, long] of Object.entries(SHORTHAND)) {
      expect(short).toMatch(/^[a-z]+$/);
      expect(long).toMatch(/^[a-z]+( [a-z]+)*$/);
    }
  });
});

describe('featuresOf', () => {
  it('gives unigrams and bigrams that never cross punctuation', () => {
    expect(clausesOf('nợ lương, cty trốn')).toEqual([
      ['no', 'luong'],
      ['cong', 'ty', 'tron'],
    ]);
    const features = featuresOf('nợ lương, cty trốn');
    expect(features).toEqual(
      expect.arrayContaining(['no', 'luong', 'no luong', 'cong ty', 'ty tron', 'cong', 'ty', 'tron']),
    );
    expect(features).not.toContain('luong cong');
  });

  it('lists each feature once', () => {
    const features = featuresOf('lương lương lương');
    expect(features).toEqual(['luong', 'luong luong']);
  });
});
