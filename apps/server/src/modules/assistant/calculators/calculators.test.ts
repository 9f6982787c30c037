import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calculate, CALCULATOR_KINDS, type CalculationResult } from './calculators.js';
import { extractFigures, type Figures } from './figures.js';
import { MissingRateError, RateBook, type RateRow } from './rate-book.js';

const calculatorRows = JSON.parse(
  readFileSync(new URL('./calculator-rates.json', import.meta.url), 'utf8'),
) as RateRow[];

// The minimum-wage, base-salary and dues rows live in ../knowledge/rates.json; the tests bring their own.
const minimumWage = (
  region: string,
  value: number,
  from: string,
  to: string | null,
  document: string,
): RateRow => ({
  key: 'regional_minimum_wage_monthly',
  region,
  value,
  effectiveFrom: from,
  effectiveTo: to,
  document,
  article: 3,
});
const ownRows: RateRow[] = [
  minimumWage('I', 4_960_000, '2024-07-01', '2025-12-31', '74/2024/NĐ-CP'),
  minimumWage('II', 4_410_000, '2024-07-01', '2025-12-31', '74/2024/NĐ-CP'),
  minimumWage('III', 3_860_000, '2024-07-01', '2025-12-31', '74/2024/NĐ-CP'),
  minimumWage('IV', 3_450_000, '2024-07-01', '2025-12-31', '74/2024/NĐ-CP'),
  minimumWage('I', 5_310_000, '2026-01-01', null, '293/2025/NĐ-CP'),
  minimumWage('II', 4_730_000, '2026-01-01', null, '293/2025/NĐ-CP'),
  minimumWage('III', 4_140_000, '2026-01-01', null, '293/2025/NĐ-CP'),
  minimumWage('IV', 3_700_000, '2026-01-01', null, '293/2025/NĐ-CP'),
  {
    key: 'base_salary',
    value: 2_340_000,
    effectiveFrom: '2024-07-01',
    effectiveTo: '2026-06-30',
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
    key: 'member_dues_rate',
    value: 0.01,
    effectiveFrom: '2016-01-01',
    effectiveTo: '2025-06-30',
    document: '1908/QĐ-TLĐ',
    article: 23,
  },
  { key: 'member_dues_rate', value: 0.005, effectiveFrom: '2025-07-01', document: '61/QĐ-TLĐ', article: 1 },
  {
    key: 'member_dues_cap_base_salary_ratio',
    value: 0.1,
    effectiveFrom: '2016-01-01',
    document: '61/QĐ-TLĐ',
    article: 1,
  },
];
const rates = new RateBook([...calculatorRows, ...ownRows]);
const ON = '2026-03-01';

function computedOf(result: CalculationResult) {
  if (result.outcome !== 'computed') throw new Error(`expected computed, got ${result.text}`);
  return result;
}

describe('overtime_pay', () => {
  it('pays 150% on a normal day, with the hourly wage from 26 days × 8 hours', () => {
    const r = computedOf(calculate('overtime_pay', { monthlyWage: 8_000_000, overtimeHours: 10 }, rates, ON));
    // 8,000,000 ÷ 26 ÷ 8 = 38,461.54; × 1.5 × 10 = 576,923.08
    expect(r.amount).toBe(576_923);
    expect(r.formula).toBe('8.000.000 ₫ ÷ 26 ngày ÷ 8 giờ = 38.462 ₫/giờ; × 150% × 10 giờ = 576.923 ₫');
    expect(r.text.split('\n')[0]).toContain('576.923 ₫');
    expect(r.text).toContain('26 ngày công');
    expect(r.citations).toEqual([
      { document: '45/2019/QH14', article: 105 },
      { document: '45/2019/QH14', article: 98 },
    ]);
  });

  it('uses the stated working days and a daily wage', () => {
    expect(
      calculate(
        'overtime_pay',
        { monthlyWage: 7_200_000, workingDaysPerMonth: 24, overtimeHours: 4 },
        rates,
        ON,
      ),
    ).toMatchObject({
      amount: 225_000, // 7,200,000 ÷ 24 ÷ 8 = 37,500 × 150% × 4
    });
    const daily = computedOf(
      calculate('overtime_pay', extractFigures('500k/ngày tăng ca 2h chủ nhật'), rates, ON),
    );
    expect(daily.amount).toBe(250_000); // 500,000 ÷ 8 = 62,500 × 200% × 2
    expect(daily.formula).toBe('500.000 ₫ ÷ 8 giờ = 62.500 ₫/giờ; × 200% × 2 giờ = 250.000 ₫');
  });

  it('adds the night premium and the 20% of the daytime rate', () => {
    // Normal day, night: 150% + 30% + 20% × 100% = 200%; 38,461.54 × 2 × 3 = 230,769.23
    expect(
      calculate('overtime_pay', { monthlyWage: 8_000_000, overtimeHours: 3, night: true }, rates, ON),
    ).toMatchObject({
      amount: 230_769,
    });
    // Holiday, night: 300% + 30% + 20% × 300% = 390%; 10,400,000 ÷ 26 ÷ 8 = 50,000 × 3.9 × 4 = 780,000
    const r = computedOf(
      calculate(
        'overtime_pay',
        { monthlyWage: 10_400_000, overtimeHours: 4, overtimeDay: 'holiday', night: true },
        rates,
        ON,
      ),
    );
    expect(r.amount).toBe(780_000);
    expect(r.formula).toContain('(300% + 30% + 20% × 300%) = 390%');
    // Weekly rest, night: 200% + 30% + 40% = 270%; 50,000 × 2.7 × 2 = 270,000
    expect(
      calculate(
        'overtime_pay',
        { monthlyWage: 10_400_000, overtimeHours: 2, overtimeDay: 'weekly_rest', night: true },
        rates,
        ON,
      ),
    ).toMatchObject({ amount: 270_000 });
  });

  it('asks for the wage and the hours', () => {
    expect(calculate('overtime_pay', {}, rates, ON)).toEqual({
      outcome: 'needs_info',
      missing: ['monthlyWage', 'overtimeHours'],
      text: 'Bạn cho mình biết mức lương theo hợp đồng mỗi tháng và số giờ bạn đã làm thêm nhé.',
    });
  });
});

describe('severance', () => {
  it('pays half a month per year, rounding 6 odd months to half a year', () => {
    const r = computedOf(
      calculate('severance', extractFigures('lương 8 triệu, làm được 3 năm rưỡi'), rates, ON),
    );
    expect(r.amount).toBe(14_000_000); // 8,000,000 × 0.5 × 3.5
    expect(r.formula).toBe('8.000.000 ₫ × 0,5 tháng lương × 3,5 năm = 14.000.000 ₫');
    expect(r.text).toContain('chưa trừ thời gian bạn đã đóng bảo hiểm thất nghiệp');
    expect(r.citations).toEqual(
      expect.arrayContaining([
        { document: '45/2019/QH14', article: 46 },
        { document: '145/2020/NĐ-CP', article: 8 },
      ]),
    );
  });

  it.each([
    [40, 14_000_000], // 3 y 4 m → 3.5 years
    [45, 16_000_000], // 3 y 9 m → 4 years
    [69, 24_000_000], // 5 y 9 m → 6 years
    [60, 20_000_000], // 5 y exactly
    [12, 4_000_000],
  ])('%i months of service at 8M → %i', (serviceMonths, amount) => {
    expect(calculate('severance', { monthlyWage: 8_000_000, serviceMonths }, rates, ON)).toMatchObject({
      amount,
    });
  });

  it('subtracts the time covered by unemployment insurance', () => {
    const r = computedOf(
      calculate(
        'severance',
        { monthlyWage: 8_000_000, serviceMonths: 72, unemploymentInsuranceMonths: 48 },
        rates,
        ON,
      ),
    );
    expect(r.amount).toBe(8_000_000); // (72 − 48) = 24 months = 2 years × 0.5 × 8M
    expect(r.text).not.toContain('chưa trừ');
    expect(
      calculate(
        'severance',
        { monthlyWage: 8_000_000, serviceMonths: 48, unemploymentInsuranceMonths: 48 },
        rates,
        ON,
      ),
    ).toMatchObject({
      amount: 0,
    });
  });

  it('pays nothing under 12 months and asks for what is missing', () => {
    expect(calculate('severance', { monthlyWage: 8_000_000, serviceMonths: 11 }, rates, ON)).toMatchObject({
      outcome: 'computed',
      amount: 0,
    });
    expect(calculate('severance', {}, rates, ON)).toEqual({
      outcome: 'needs_info',
      missing: ['monthlyWage', 'serviceMonths'],
      text: 'Bạn cho mình biết mức lương theo hợp đồng mỗi tháng và số năm bạn đã làm ở công ty nhé.',
    });
    expect(calculate('severance', { monthlyWage: 8_000_000 }, rates, ON)).toMatchObject({
      missing: ['serviceMonths'],
    });
  });
});

describe('job_loss', () => {
  it('pays one month per year', () => {
    expect(calculate('job_loss', { monthlyWage: 10_000_000, serviceMonths: 60 }, rates, ON)).toMatchObject({
      amount: 50_000_000,
    });
  });

  it('pays at least two months', () => {
    const r = computedOf(calculate('job_loss', { monthlyWage: 10_000_000, serviceMonths: 18 }, rates, ON));
    expect(r.amount).toBe(20_000_000); // 1.5 years → 1.5 months < 2
    expect(r.formula).toContain('lấy 2 tháng');
    expect(r.citations).toContainEqual({ document: '45/2019/QH14', article: 47 });
  });
});

describe('annual_leave', () => {
  it.each<[Figures, number]>([
    [{ serviceMonths: 36 }, 12],
    [{ serviceMonths: 60 }, 13],
    [{ serviceMonths: 132 }, 14], // 11 years → 2 steps
    [{ serviceMonths: 36, workKind: 'heavy' }, 14],
    [{ serviceMonths: 36, workKind: 'minor' }, 14],
    [{ serviceMonths: 36, workKind: 'disabled' }, 14],
    [{ serviceMonths: 60, workKind: 'especially_heavy' }, 17],
    [{ serviceMonths: 6 }, 6],
  ])('%j → %i days', (figures, days) => {
    expect(calculate('annual_leave', figures, rates, ON)).toMatchObject({
      outcome: 'computed',
      amount: days,
    });
  });

  it('prorates under 12 months', () => {
    const r = computedOf(calculate('annual_leave', { serviceMonths: 5, workKind: 'heavy' }, rates, ON));
    expect(r.amount).toBeCloseTo(5.833, 3); // 14 × 5 ÷ 12
    expect(r.formula).toBe('14 ngày × 5 tháng ÷ 12 tháng = 5,8 ngày');
  });

  it('cites Art. 113 and 114 and asks for service length', () => {
    const r = computedOf(calculate('annual_leave', { serviceMonths: 60 }, rates, ON));
    expect(r.formula).toBe('12 ngày + 1 ngày × 1 (mỗi 5 năm làm việc) = 13 ngày');
    expect(r.citations).toEqual([
      { document: '45/2019/QH14', article: 113 },
      { document: '45/2019/QH14', article: 114 },
    ]);
    expect(calculate('annual_leave', {}, rates, ON)).toMatchObject({
      outcome: 'needs_info',
      missing: ['serviceMonths'],
    });
  });
});

describe('probation_pay', () => {
  it('is at least 85% of the job wage, and says when the offer falls short', () => {
    const r = computedOf(
      calculate(
        'probation_pay',
        extractFigures('lương thử việc 6 triệu, lương chính thức 8 triệu'),
        rates,
        ON,
      ),
    );
    expect(r.amount).toBe(6_800_000);
    expect(r.formula).toBe('8.000.000 ₫ × 85% = 6.800.000 ₫');
    expect(r.text).toContain('thấp hơn luật 800.000 ₫');
    expect(r.citations).toEqual([{ document: '45/2019/QH14', article: 26 }]);
    expect(calculate('probation_pay', {}, rates, ON)).toMatchObject({
      outcome: 'needs_info',
      missing: ['monthlyWage'],
    });
  });
});

describe('unemployment_benefit', () => {
  it('pays 60% without asking the region when no cap can apply', () => {
    const r = computedOf(
      calculate(
        'unemployment_benefit',
        { monthlyWage: 10_000_000, unemploymentInsuranceMonths: 60 },
        rates,
        ON,
      ),
    );
    expect(r.amount).toBe(6_000_000);
    expect(r.text.split('\n')[0]).toBe(
      'Bạn được hưởng trợ cấp thất nghiệp khoảng 6.000.000 ₫ mỗi tháng trong 5 tháng (tổng khoảng 30.000.000 ₫).',
    );
    expect(r.citations).toEqual(expect.arrayContaining([{ document: '74/2025/QH15', article: 39 }]));
  });

  it('asks the region only when the amount may hit the cap', () => {
    expect(
      calculate(
        'unemployment_benefit',
        { monthlyWage: 40_000_000, unemploymentInsuranceMonths: 60 },
        rates,
        ON,
      ),
    ).toMatchObject({
      outcome: 'needs_info',
      missing: ['region'],
    });
    const capped = computedOf(
      calculate(
        'unemployment_benefit',
        { monthlyWage: 40_000_000, unemploymentInsuranceMonths: 60, region: 'IV' },
        rates,
        ON,
      ),
    );
    expect(capped.amount).toBe(18_500_000); // 5 × 3,700,000
    expect(capped.citations).toContainEqual({ document: '293/2025/NĐ-CP', article: 3 });
    expect(
      calculate(
        'unemployment_benefit',
        { monthlyWage: 40_000_000, unemploymentInsuranceMonths: 60, region: 'I' },
        rates,
        ON,
      ),
    ).toMatchObject({ amount: 24_000_000 }); // under 5 × 5,310,000 = 26,550,000
  });

  it.each([
    [12, 3],
    [36, 3],
    [47, 3],
    [48, 4],
    [144, 12],
    [240, 12],
  ])('%i months of contributions → %i months of benefit', (months, duration) => {
    const r = computedOf(
      calculate(
        'unemployment_benefit',
        { monthlyWage: 6_000_000, unemploymentInsuranceMonths: months },
        rates,
        ON,
      ),
    );
    expect(r.text).toContain(`trong ${duration} tháng`);
  });

  it('applies the 2013 law and the 2024 minimum wage before 2026', () => {
    const r = computedOf(
      calculate(
        'unemployment_benefit',
        { monthlyWage: 50_000_000, unemploymentInsuranceMonths: 60, region: 'I' },
        rates,
        '2025-06-01',
      ),
    );
    expect(r.amount).toBe(24_800_000); // 5 × 4,960,000
    expect(r.citations).toEqual(
      expect.arrayContaining([
        { document: '38/2013/QH13', article: 50 },
        { document: '74/2024/NĐ-CP', article: 3 },
      ]),
    );
  });

  it('refuses under 12 months and asks for what is missing', () => {
    expect(
      calculate(
        'unemployment_benefit',
        { monthlyWage: 8_000_000, unemploymentInsuranceMonths: 10 },
        rates,
        ON,
      ),
    ).toMatchObject({
      amount: 0,
    });
    expect(calculate('unemployment_benefit', { serviceMonths: 60 }, rates, ON)).toMatchObject({
      outcome: 'needs_info',
      missing: ['insuredSalary', 'unemploymentInsuranceMonths'],
    });
  });
});

describe('member_dues', () => {
  it('is 0.5% of the insured salary from 1 Jul 2025, 1% before', () => {
    expect(calculate('member_dues', { monthlyWage: 8_000_000 }, rates, '2025-08-01')).toMatchObject({
      amount: 40_000,
    });
    expect(calculate('member_dues', { monthlyWage: 8_000_000 }, rates, '2025-06-30')).toMatchObject({
      amount: 80_000,
    });
    expect(
      calculate('member_dues', { monthlyWage: 12_000_000, insuredSalary: 6_000_000 }, rates, ON),
    ).toMatchObject({ amount: 30_000 });
  });

  it('is capped at 10% of the base salary in force on the date', () => {
    const r = computedOf(calculate('member_dues', { monthlyWage: 60_000_000 }, rates, ON));
    expect(r.amount).toBe(234_000);
    expect(r.formula).toBe(
      '60.000.000 ₫ × 0,5% = 300.000 ₫; mức trần = 10% × 2.340.000 ₫ (lương cơ sở) = 234.000 ₫ → đóng 234.000 ₫',
    );
    expect(calculate('member_dues', { monthlyWage: 60_000_000 }, rates, '2026-07-01')).toMatchObject({
      amount: 253_000,
    });
    expect(calculate('member_dues', {}, rates, ON)).toMatchObject({
      outcome: 'needs_info',
      text: 'Bạn cho mình biết mức lương đóng bảo hiểm xã hội mỗi tháng nhé.',
    });
  });
});

describe('calculate', () => {
  it('covers every kind and reports missing rates instead of guessing', () => {
    const figures: Figures = {
      monthlyWage: 8_000_000,
      serviceMonths: 36,
      overtimeHours: 1,
      unemploymentInsuranceMonths: 36,
    };
    for (const kind of CALCULATOR_KINDS) expect(calculate(kind, figures, rates, ON).outcome).toBe('computed');
    expect(() => calculate('member_dues', figures, new RateBook(calculatorRows), ON)).toThrow(
      MissingRateError,
    );
  });
});
