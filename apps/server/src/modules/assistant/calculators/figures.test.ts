import { describe, expect, it } from 'vitest';
import { extractFigures, mergeFigures, parseNumber, type Figures } from './figures.js';

const cases: [string, Figures][] = [
  // Monthly wage, every way workers write it.
  ['Lương 8 triệu một tháng', { monthlyWage: 8_000_000 }],
  ['luong 8tr', { monthlyWage: 8_000_000 }],
  ['lg 8 tr/thang', { monthlyWage: 8_000_000 }],
  ['Lương của em là 8.500.000đ', { monthlyWage: 8_500_000 }],
  ['luong 8,500,000 dong', { monthlyWage: 8_500_000 }],
  ['lương 8,5 triệu', { monthlyWage: 8_500_000 }],
  ['luong 8.5 trieu', { monthlyWage: 8_500_000 }],
  ['lương 8tr5', { monthlyWage: 8_500_000 }],
  ['luong 8tr500', { monthlyWage: 8_500_000 }],
  ['lương 8 triệu 500 nghìn', { monthlyWage: 8_500_000 }],
  ['lương 12 củ', { monthlyWage: 12_000_000 }],
  ['luong 12 cu', { monthlyWage: 12_000_000 }],
  ['lương 7 triệu rưỡi', { monthlyWage: 7_500_000 }],
  ['luong tam trieu', { monthlyWage: 8_000_000 }],
  ['Lương cơ bản 6 triệu', { monthlyWage: 6_000_000 }],
  ['thu nhập 9500000 vnđ', { monthlyWage: 9_500_000 }],
  ['làm công nhật 500k/ngày', { dailyWage: 500_000 }],
  ['lam 350 nghin mot ngay', { dailyWage: 350_000 }],
  ['lương thử việc 5 triệu, lương chính thức 8 triệu', { probationWage: 5_000_000, monthlyWage: 8_000_000 }],
  [
    'lương 10 triệu nhưng đóng bảo hiểm theo mức 6 triệu',
    { monthlyWage: 10_000_000, insuredSalary: 6_000_000 },
  ],
  ['lương 8 triệu, phụ cấp xăng xe 500k', { monthlyWage: 8_000_000 }],
  // Service length.
  ['làm được 3 năm rưỡi', { serviceMonths: 42 }],
  ['lam duoc 3 nam ruoi', { serviceMonths: 42 }],
  ['em làm 3 năm 4 tháng', { serviceMonths: 40 }],
  ['lam 3 nam va 4 thang', { serviceMonths: 40 }],
  ['làm 18 tháng', { serviceMonths: 18 }],
  ['tôi làm ở cty 5 năm', { serviceMonths: 60 }],
  ['mới làm được nửa năm', { serviceMonths: 6 }],
  ['làm ba năm', { serviceMonths: 36 }],
  ['lam muoi hai nam', { serviceMonths: 144 }],
  ['làm năm năm rồi', { serviceMonths: 60 }],
  ['ký hợp đồng 1 năm, đã làm được 8 tháng', { serviceMonths: 8 }],
  ['thử việc 2 tháng', {}],
  // Insurance time.
  ['đóng bhtn 5 năm', { unemploymentInsuranceMonths: 60 }],
  ['da dong bao hiem that nghiep 30 thang', { unemploymentInsuranceMonths: 30 }],
  ['đóng BHXH được 10 năm', { socialInsuranceMonths: 120 }],
  ['làm 4 năm, công ty không đóng bảo hiểm', { serviceMonths: 48, unemploymentInsuranceMonths: 0 }],
  ['làm 6 năm, đóng bhtn 4 năm', { serviceMonths: 72, unemploymentInsuranceMonths: 48 }],
  // Overtime hours, day kind and night.
  ['làm thêm 10 tiếng', { overtimeHours: 10 }],
  ['làm thêm 10 giờ', { overtimeHours: 10 }],
  ['tăng ca 2h', { overtimeHours: 2 }],
  ['OT 4 tiếng', { overtimeHours: 4 }],
  ['tc 3 tieng ruoi', { overtimeHours: 3.5 }],
  ['làm 8 tiếng rồi tăng ca thêm 2 tiếng', { overtimeHours: 2 }],
  ['tăng ca 2h chủ nhật', { overtimeHours: 2, overtimeDay: 'weekly_rest' }],
  ['làm thêm 8 tiếng vào ngày nghỉ hằng tuần', { overtimeHours: 8, overtimeDay: 'weekly_rest' }],
  ['tang ca ngay le 8 tieng', { overtimeHours: 8, overtimeDay: 'holiday' }],
  ['mùng 1 Tết làm thêm 4 tiếng', { overtimeHours: 4, overtimeDay: 'holiday' }],
  ['tăng ca ngày thường 3 tiếng', { overtimeHours: 3, overtimeDay: 'normal' }],
  ['OT 4 tiếng ca đêm', { overtimeHours: 4, night: true }],
  ['tăng ca 3 tiếng sau 22h', { overtimeHours: 3, night: true }],
  ['lam them 2 tieng ban dem', { overtimeHours: 2, night: true }],
  ['tăng ca từ 17h đến 19h', {}],
  // Work kind, region, working days.
  ['em làm nghề nặng nhọc, độc hại', { workKind: 'heavy' }],
  ['công việc đặc biệt nặng nhọc', { workKind: 'especially_heavy' }],
  ['em dưới 18 tuổi', { workKind: 'minor' }],
  ['em 17 tuổi đi làm', { workKind: 'minor' }],
  ['tôi là người khuyết tật', { workKind: 'disabled' }],
  ['công ty ở vùng 1', { region: 'I' }],
  ['cty thuộc vùng I', { region: 'I' }],
  ['vung 2', { region: 'II' }],
  ['doanh nghiệp vùng IV', { region: 'IV' }],
  ['công ty ở Hà Nội', {}],
  ['làm 26 ngày/tháng', { workingDaysPerMonth: 26 }],
  ['mỗi tháng làm 24 ngày công/tháng', { workingDaysPerMonth: 24 }],
];

describe('extractFigures', () => {
  it.each(cases)('reads %j', (text, expected) => {
    expect(extractFigures(text)).toEqual(expected);
  });

  it('reads a whole question', () => {
    expect(
      extractFigures(
        'Lương em 8 triệu, làm được 3 năm rưỡi, đóng bhtn 2 năm, công ty ở vùng 2. Nghỉ việc được bao nhiêu?',
      ),
    ).toEqual({ monthlyWage: 8_000_000, serviceMonths: 42, unemploymentInsuranceMonths: 24, region: 'II' });
    expect(extractFigures('luong 7tr, tc chu nhat 5 tieng thi dc bn tien, lam 26 ngay/thang')).toEqual({
      monthlyWage: 7_000_000,
      overtimeHours: 5,
      overtimeDay: 'weekly_rest',
      workingDaysPerMonth: 26,
    });
  });

  it('does not take dates, ages or clock times for figures', () => {
    expect(extractFigures('nghỉ lễ 30/4 và 1/5')).toEqual({});
    expect(extractFigures('em sinh năm 2000')).toEqual({});
  });
});

describe('parseNumber', () => {
  it('tells thousands separators from decimal marks', () => {
    expect(parseNumber('8.500.000')).toBe(8_500_000);
    expect(parseNumber('8,5')).toBe(8.5);
    expect(parseNumber('8.5')).toBe(8.5);
    expect(parseNumber('muoi lam')).toBe(15);
  });
});

describe('mergeFigures', () => {
  it('lets a follow-up change only what it states', () => {
    const first = extractFigures('lương 8 triệu, làm 3 năm, đóng bhtn 2 năm, nghỉ việc được bao nhiêu?');
    const merged = mergeFigures(first, extractFigures('thế nếu tôi làm 5 năm thì sao?'));
    expect(merged).toEqual({ monthlyWage: 8_000_000, serviceMonths: 60, unemploymentInsuranceMonths: 24 });
  });

  it('keeps earlier figures when the new message has none and never writes undefined over them', () => {
    const previous: Figures = { monthlyWage: 8_000_000, region: 'I' };
    expect(mergeFigures(previous, {})).toEqual(previous);
    expect(mergeFigures(previous, { monthlyWage: undefined, region: 'III' })).toEqual({
      monthlyWage: 8_000_000,
      region: 'III',
    });
  });
});
