import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VOICE_CATEGORIES as CONTRACT_CATEGORIES } from '@union/contracts/voice';
import { foldVietnamese } from '../../../kernel/text/fold.js';
import { VOICE_CATEGORIES } from './categories.js';
import {
  CategoryClassifier,
  defaultCategoryClassifier,
  loadLabelledConcerns,
} from './category-classifier.js';
import { crossValidate } from './cross-validate.js';

const labelled = loadLabelledConcerns();
const classifier = defaultCategoryClassifier();

describe('labelled-concerns.json', () => {
  it('holds at least 360 texts and 40 of every category', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(360);
    for (const category of VOICE_CATEGORIES) {
      expect(labelled.filter((example) => example.category === category).length).toBeGreaterThanOrEqual(40);
    }
  });

  it('has no two texts that fold to the same string', () => {
    const folded = labelled.map((example) => foldVietnamese(example.text));
    expect(new Set(folded).size).toBe(folded.length);
  });
});

describe('VOICE_CATEGORIES', () => {
  it('matches the contract, order included', () => {
    expect([...VOICE_CATEGORIES]).toEqual([...CONTRACT_CATEGORIES]);
  });
});

describe('CategoryClassifier', () => {
  it('gives a text and its diacritic-free form the same category and confidence', () => {
    for (const { text } of labelled) {
      const original = classifier.classify(text);
      const folded = classifier.classify(foldVietnamese(text));
      expect(folded.category).toBe(original.category);
      expect(folded.confidence).toBeCloseTo(original.confidence, 12);
    }
  });

  it('reads shorthand as the words it stands for', () => {
    const pairs: [string, string][] = [
      ['cty no bhxh 6 thang', 'công ty nợ bảo hiểm xã hội 6 tháng'],
      ['ko dc tra tien tc', 'không được trả tiền tăng ca'],
      ['bi duoi viec ma ko co hdld', 'bị đuổi việc mà không có hợp đồng lao động'],
      ['ktx kcn cat nuoc', 'ký túc xá khu công nghiệp cắt nước'],
    ];
    for (const [shorthand, spelledOut] of pairs) {
      const a = classifier.classify(shorthand);
      const b = classifier.classify(spelledOut);
      expect(a.category).toBe(b.category);
      expect(a.confidence).toBeCloseTo(b.confidence, 12);
    }
  });

  it.each([
    ['Công ty nợ lương 2 tháng rồi', 'wages'],
    ['tuần nào cũng bị ép tăng ca đến 10h đêm, không có ngày nghỉ', 'working_hours'],
    ['cty ko dong bhxh cho cong nhan', 'social_insurance'],
    ['xưởng nóng quá, mùi hóa chất nồng nặc, không có khẩu trang', 'safety'],
    ['bị đuổi việc không báo trước, không có quyết định', 'contracts'],
    ['phòng trọ tăng giá, chủ trọ tính tiền điện cao', 'housing'],
    ['bữa ăn ca quá kém, xe đưa đón bị cắt', 'welfare'],
    ['đoàn phí trừ hằng tháng mà công đoàn không hoạt động gì', 'union_activity'],
  ])('files "%s" under %s', (text, category) => {
    expect(classifier.classify(text).category).toBe(category);
  });

  it.each(['', '   ', '\n\t ', '!!! ??? ...', 'asdf qwerty zxcv'])(
    'answers other with no confidence for %j',
    (text) => {
      const suggestion = classifier.classify(text);
      expect(suggestion.category).toBe('other');
      expect(suggestion.confidence).toBe(0);
      expect(suggestion.ranked.map((entry) => entry.category).sort()).toEqual([...VOICE_CATEGORIES].sort());
    },
  );

  it('is less sure of a text of generic words than of a real concern', () => {
    expect(classifier.classify('công ty').confidence).toBeLessThan(0.5);
    expect(classifier.classify('Cty nợ lương 3 tháng, tụi em sống sao nổi').confidence).toBeGreaterThan(0.8);
  });

  it('ranks every category once, best first, with probabilities summing to 1', () => {
    const { category, confidence, ranked } = classifier.classify('cty giữ sổ bhxh không trả');
    expect(ranked).toHaveLength(VOICE_CATEGORIES.length);
    expect(new Set(ranked.map((entry) => entry.category)).size).toBe(VOICE_CATEGORIES.length);
    expect(ranked[0]).toEqual({ category, score: confidence });
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    expect(ranked.reduce((sum, entry) => sum + entry.score, 0)).toBeCloseTo(1, 9);
  });

  it('never throws and always answers a valid suggestion', () => {
    const loneSurrogates = fc.string({
      unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
    });
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary-ascii' }),
      loneSurrogates,
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const { category, confidence, ranked } = classifier.classify(text);
        expect(VOICE_CATEGORIES).toContain(category);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
        expect(ranked).toHaveLength(VOICE_CATEGORIES.length);
      }),
      { numRuns: 200 },
    );
  });

  it('copes with a megabyte of text, HTML and binary junk', () => {
    const junk = [
      'lương '.repeat(200_000),
      '<html><body><script>alert("nợ lương")</script><div style="x">BHXH</div></body></html>',
      String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => i % 65536)),
      '\u0000\uffff\ud800\udfff'.repeat(1000),
    ];
    for (const text of junk) expect(() => classifier.classify(text)).not.toThrow();
    expect(classifier.classify(junk[0]!).category).toBe('wages');
  });

  it('trains deterministically', () => {
    const sample = labelled.slice(0, 120);
    const a = CategoryClassifier.train(sample).classify('cty nợ lương, không đóng bhxh');
    const b = CategoryClassifier.train(sample).classify('cty nợ lương, không đóng bhxh');
    expect(a).toEqual(b);
  });
});

describe('crossValidate', () => {
  it('reaches at least 0.80 accuracy over 5 folds of the labelled set', () => {
    const result = crossValidate(labelled, 5, 1);
    const recall = Object.entries(result.perCategory)
      .map(([category, { recall }]) => `${category} ${recall.toFixed(2)}`)
      .join(', ');
    console.log(
      `5-fold CV: accuracy ${result.accuracy.toFixed(3)}, macro-F1 ${result.macroF1.toFixed(3)}; recall: ${recall}`,
    );
    expect(result.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(result.macroF1).toBeGreaterThanOrEqual(0.78);
    const total = Object.values(result.confusion).reduce(
      (sum, row) => sum + Object.values(row).reduce((a, b) => a + b, 0),
      0,
    );
    expect(total).toBe(labelled.length);
    for (const category of VOICE_CATEGORIES) {
      expect(result.perCategory[category].support).toBe(
        labelled.filter((example) => example.category === category).length,
      );
    }
  });

  it('rejects fewer than two folds', () => {
    expect(() => crossValidate(labelled, 1)).toThrow(RangeError);
  });
});
