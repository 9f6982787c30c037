import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MissingRateError, RateBook, type RateRow } from './rate-book.js';

const rows: RateRow[] = [
  {
    key: 'base_salary',
    value: 1_800_000,
    effectiveFrom: '2023-07-01',
    effectiveTo: '2024-06-30',
    document: '24/2023/NĐ-CP',
    article: 3,
  },
  {
    key: 'base_salary',
    value: 2_340_000,
    effectiveFrom: '2024-07-01',
    effectiveTo: null,
    document: '73/2024/NĐ-CP',
    article: 3,
  },
  {
    key: 'base_salary',
    value: 2_530_000,
    effectiveFrom: '2026-07-01',
    document: '161/2026/NĐ-CP',
    article: 3,
  },
  {
    key: 'regional_minimum_wage_monthly',
    region: 'I',
    value: 4_960_000,
    effectiveFrom: '2024-07-01',
    effectiveTo: '2025-12-31',
    document: '74/2024/NĐ-CP',
    article: 3,
  },
  {
    key: 'regional_minimum_wage_monthly',
    region: 'I',
    value: 5_310_000,
    effectiveFrom: '2026-01-01',
    document: '293/2025/NĐ-CP',
    article: 3,
  },
  {
    key: 'regional_minimum_wage_monthly',
    region: 'IV',
    value: 3_700_000,
    effectiveFrom: '2026-01-01',
    document: '293/2025/NĐ-CP',
    article: 3,
  },
];
const book = new RateBook(rows);

describe('RateBook.at', () => {
  it('picks the row in force on the day, effectiveTo included', () => {
    expect(book.at('base_salary', '2024-06-30')?.value).toBe(1_800_000);
    expect(book.at('base_salary', '2024-07-01')).toEqual({
      value: 2_340_000,
      document: '73/2024/NĐ-CP',
      article: 3,
    });
    expect(book.at('base_salary', '2026-06-30')?.value).toBe(2_340_000);
  });

  it('lets a later row win over an open-ended older one', () => {
    expect(book.at('base_salary', '2026-07-01')).toEqual({
      value: 2_530_000,
      document: '161/2026/NĐ-CP',
      article: 3,
    });
  });

  it('is undefined before the first row and for unknown keys', () => {
    expect(book.at('base_salary', '2020-01-01')).toBeUndefined();
    expect(book.at('no_such_rate', '2026-01-01')).toBeUndefined();
  });

  it('keeps regions apart and needs the region for a regional rate', () => {
    expect(book.at('regional_minimum_wage_monthly', '2025-12-31', 'I')?.value).toBe(4_960_000);
    expect(book.at('regional_minimum_wage_monthly', '2026-01-01', 'I')?.value).toBe(5_310_000);
    expect(book.at('regional_minimum_wage_monthly', '2026-01-01', 'II')).toBeUndefined();
    expect(book.at('regional_minimum_wage_monthly', '2026-01-01')).toBeUndefined();
    expect(book.regionsAt('regional_minimum_wage_monthly', '2026-03-01')).toEqual(['I', 'IV']);
    expect(book.regionsAt('regional_minimum_wage_monthly', '2025-03-01')).toEqual(['I']);
  });

  it('throws a MissingRateError from require when nothing is in force', () => {
    expect(() => book.require('base_salary', '2020-01-01')).toThrow(MissingRateError);
  });

  it('rejects dates that are not YYYY-MM-DD', () => {
    expect(
      () => new RateBook([{ key: 'x', value: 1, effectiveFrom: '1/1/2026', document: 'd', article: 1 }]),
    ).toThrow();
  });
});

describe('calculator-rates.json', () => {
  const shipped = JSON.parse(
    readFileSync(new URL('./calculator-rates.json', import.meta.url), 'utf8'),
  ) as RateRow[];
  const shippedBook = new RateBook(shipped);

  it('holds the Labour Code figures', () => {
    expect(shippedBook.at('overtime_multiplier_normal_day', '2026-01-01')).toEqual({
      value: 1.5,
      document: '45/2019/QH14',
      article: 98,
    });
    expect(shippedBook.at('probation_wage_min_ratio', '2026-01-01')?.value).toBe(0.85);
    expect(shippedBook.at('service_odd_months_half_year_max', '2026-01-01')).toEqual({
      value: 6,
      document: '145/2020/NĐ-CP',
      article: 8,
    });
  });

  it('switches unemployment insurance from the 2013 to the 2025 Employment Law on 1 Jan 2026', () => {
    expect(shippedBook.at('unemployment_benefit_ratio', '2025-12-31')).toEqual({
      value: 0.6,
      document: '38/2013/QH13',
      article: 50,
    });
    expect(shippedBook.at('unemployment_benefit_ratio', '2026-01-01')).toEqual({
      value: 0.6,
      document: '74/2025/QH15',
      article: 39,
    });
  });

  it('has no overlapping rows for a key and region', () => {
    const seen = new Map<string, RateRow[]>();
    for (const row of shipped) {
      const id = `${row.key}|${row.region ?? ''}`;
      for (const other of seen.get(id) ?? []) {
        const overlap =
          row.effectiveFrom <= (other.effectiveTo ?? '9999-12-31') &&
          other.effectiveFrom <= (row.effectiveTo ?? '9999-12-31');
        expect(overlap, id).toBe(false);
      }
      seen.set(id, [...(seen.get(id) ?? []), row]);
    }
  });
});
