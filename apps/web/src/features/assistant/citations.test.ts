import { describe, expect, it } from 'vitest';
import {
  articleNumberOf,
  articleRefLabel,
  citationLabel,
  citedRefs,
  lawArticlePath,
  lawDocumentPath,
} from './citations';

describe('citationLabel', () => {
  it('reads article · document (number)', () => {
    expect(
      citationLabel({ article: 'Điều 113', document: 'Bộ luật Lao động 2019', number: '45/2019/QH14' }),
    ).toBe('Điều 113 · Bộ luật Lao động 2019 (45/2019/QH14)');
  });

  it('does not repeat a number the document name already carries', () => {
    expect(
      citationLabel({ article: 'Điều 5', document: 'Nghị định 145/2020/NĐ-CP', number: '145/2020/NĐ-CP' }),
    ).toBe('Điều 5 · Nghị định 145/2020/NĐ-CP');
  });

  it('falls back to the number when the document has no name', () => {
    expect(citationLabel({ article: 'Điều 1', document: '', number: '12/2022/NĐ-CP' })).toBe(
      'Điều 1 · 12/2022/NĐ-CP',
    );
  });
});

describe('article references', () => {
  it('label a curated answer reference', () => {
    expect(articleRefLabel({ document: '45/2019/QH14', article: 46 })).toBe('Điều 46 · 45/2019/QH14');
  });

  it('read the article number from "Điều 113"', () => {
    expect(articleNumberOf('Điều 113')).toBe(113);
    expect(articleNumberOf('Điều 0')).toBeNull();
    expect(articleNumberOf('Lời nói đầu')).toBeNull();
  });

  it('collect the distinct references of a transcript, in order', () => {
    expect(
      citedRefs([
        { number: '45/2019/QH14', article: 'Điều 46' },
        { number: '45/2019/QH14', article: 'Điều 46' },
        { number: '58/2014/QH13', article: 'Điều 1' },
        { number: '45/2019/QH14', article: 'Phụ lục' },
      ]),
    ).toEqual([
      { document: '45/2019/QH14', article: 46 },
      { document: '58/2014/QH13', article: 1 },
    ]);
  });
});

describe('law paths', () => {
  it('put a document number with slashes in the query', () => {
    expect(lawDocumentPath('45/2019/QH14')).toBe('/phap-luat/van-ban?so=45%2F2019%2FQH14');
    expect(lawArticlePath(7)).toBe('/phap-luat/dieu/7');
  });
});
