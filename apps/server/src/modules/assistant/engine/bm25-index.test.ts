import { describe, expect, it } from 'vitest';
import { Bm25Index, withinOneEdit } from './bm25-index.js';

describe('BM25+ index', () => {
  const index = new Bm25Index([
    ['tang_ca', 'toi_da', 'gio'],
    ['tang_ca', 'tien', 'luong', 'gio', 'gio'],
    ['thai_san', 'sinh_con'],
  ]);
  const query = (...terms: string[]) => terms.map((term, origin) => ({ term, boost: 1, origin }));

  it('ranks the passage matching more and rarer words first, and leaves out what matches nothing', () => {
    const results = index.search(query('tang_ca', 'toi_da'), 10);
    expect(results.map((r) => r.document)).toEqual([0, 1]);
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score * 2);
  });

  it('starts every search from zero', () => {
    const first = index.search(query('thai_san'), 10);
    const again = index.search(query('thai_san'), 10);
    expect(again).toEqual(first);
  });

  it('finds words one typo away', () => {
    expect(index.nearTerms('thai_sam')).toEqual(['thai_san']);
    expect(withinOneEdit('luong', 'luog')).toBe(true);
    expect(withinOneEdit('luong', 'lương')).toBe(false);
    expect(withinOneEdit('tang_ca', 'tang_ca')).toBe(true);
  });
});
