import {
  formatMonths,
  formatNumber,
  formatPercent,
  formatVnd,
  joinVietnamese,
  roundVnd,
} from './calculator-text.js';
import type { Figures, OvertimeDayKind, WorkKind } from './figures.js';
import type { Rate, RateBook } from './rate-book.js';

export { detectCalculation } from './calculation-intent.js';

// The kinds are part of the API (curated answers name their calculator): one list, in the contract.
import { CALCULATOR_KINDS, type CalculatorKind } from '@union/contracts/assistant';
export { CALCULATOR_KINDS, type CalculatorKind };

export type Citation = { document: string; article: number };

export type CalculationResult =
  | { outcome: 'computed'; text: string; formula: string; amount?: number; citations: Citation[] }
  | { outcome: 'needs_info'; missing: string[]; text: string };

export type Calculator = (figures: Figures, rates: RateBook, onDate: string) => CalculationResult;

/** A payroll convention, not a legal figure: companies divide by 22–26 days; 26 is the common default. */
export const DEFAULT_WORKING_DAYS_PER_MONTH = 26;

/** How to ask for each figure, phrased to slot into "Bạn cho mình biết … nhé." */
const ASK: Readonly<Record<string, string>> = {
  monthlyWage: 'mức lương theo hợp đồng mỗi tháng',
  serviceMonths: 'số năm bạn đã làm ở công ty',
  overtimeHours: 'số giờ bạn đã làm thêm',
  unemploymentInsuranceMonths: 'bạn đã đóng bảo hiểm thất nghiệp được bao lâu',
  insuredSalary: 'mức lương đóng bảo hiểm thất nghiệp mỗi tháng (bình quân 6 tháng gần nhất)',
  region: 'nơi bạn làm việc thuộc vùng lương tối thiểu nào (vùng I, II, III hay IV)',
  duesSalary: 'mức lương đóng bảo hiểm xã hội mỗi tháng',
};

function needsInfo(missing: string[]): CalculationResult {
  return {
    outcome: 'needs_info',
    missing,
    text: `Bạn cho mình biết ${joinVietnamese(missing.map((m) => ASK[m] ?? m))} nhé.`,
  };
}

/** Collects the rates a result rests on, so its citations are exactly the rows used. */
class RateReader {
  private readonly used: Citation[] = [];

  constructor(
    private readonly rates: RateBook,
    private readonly onDate: string,
  ) {}

  value(key: string, region?: string): number {
    return this.note(this.rates.require(key, this.onDate, region)).value;
  }

  note(rate: Rate): Rate {
    if (!this.used.some((c) => c.document === rate.document && c.article === rate.article)) {
      this.used.push({ document: rate.document, article: rate.article });
    }
    return rate;
  }

  citations(): Citation[] {
    return [...this.used];
  }
}

function computed(
  headline: string,
  formula: string,
  assumptions: string[],
  reader: RateReader,
  amount?: number,
): CalculationResult {
  const text = [
    headline,
    `Cách tính: ${formula}.`,
    ...(assumptions.length ? ['Lưu ý:', ...assumptions.map((a) => `- ${a}`)] : []),
  ].join('\n');
  return {
    outcome: 'computed',
    text,
    formula,
    ...(amount === undefined ? {} : { amount }),
    citations: reader.citations(),
  };
}

// ---- Overtime ----------------------------------------------------------------------------------------

const DAY_LABEL: Readonly<Record<OvertimeDayKind, string>> = {
  normal: 'ngày thường',
  weekly_rest: 'ngày nghỉ hằng tuần',
  holiday: 'ngày lễ, Tết hoặc ngày nghỉ có hưởng lương',
};
const DAY_MULTIPLIER_KEY: Readonly<Record<OvertimeDayKind, string>> = {
  normal: 'overtime_multiplier_normal_day',
  weekly_rest: 'overtime_multiplier_weekly_rest',
  holiday: 'overtime_multiplier_holiday',
};

export const overtimePay: Calculator = (figures, rates, onDate) => {
  const { monthlyWage, dailyWage, overtimeHours } = figures;
  const missing: string[] = [];
  if (monthlyWage === undefined && dailyWage === undefined) missing.push('monthlyWage');
  if (overtimeHours === undefined) missing.push('overtimeHours');
  if (missing.length) return needsInfo(missing);

  const r = new RateReader(rates, onDate);
  const hoursPerDay = r.value('normal_hours_per_day');
  const day = figures.overtimeDay ?? 'normal';
  const multiplier = r.value(DAY_MULTIPLIER_KEY[day]);
  const assumptions: string[] = [];

  let hourly: number;
  let hourlyFormula: string;
  if (monthlyWage !== undefined) {
    const days = figures.workingDaysPerMonth ?? DEFAULT_WORKING_DAYS_PER_MONTH;
    hourly = monthlyWage / days / hoursPerDay;
    hourlyFormula = `${formatVnd(monthlyWage)} ÷ ${days} ngày ÷ ${hoursPerDay} giờ = ${formatVnd(hourly)}/giờ`;
    if (figures.workingDaysPerMonth === undefined) {
      assumptions.push(
        `Mình chia lương cho ${days} ngày công mỗi tháng vì bạn chưa nói số ngày công; nếu công ty tính theo số ngày khác (ví dụ 24 hay 22 ngày) thì tiền mỗi giờ sẽ cao hơn.`,
      );
    }
  } else {
    hourly = dailyWage! / hoursPerDay;
    hourlyFormula = `${formatVnd(dailyWage!)} ÷ ${hoursPerDay} giờ = ${formatVnd(hourly)}/giờ`;
  }

  let rate = multiplier;
  let rateFormula = formatPercent(multiplier);
  if (figures.night) {
    const nightPremium = r.value('night_work_premium');
    const nightExtra = r.value('night_overtime_extra');
    // NĐ 145/2020 Art. 57: the 20% is of that day's daytime hourly pay — 100% on a normal day without
    // daytime overtime, the rest-day or holiday rate otherwise.
    const daytimeRate = day === 'normal' ? 1 : multiplier;
    rate = multiplier + nightPremium + nightExtra * daytimeRate;
    rateFormula = `(${formatPercent(multiplier)} + ${formatPercent(nightPremium)} + ${formatPercent(nightExtra)} × ${formatPercent(daytimeRate)}) = ${formatPercent(rate)}`;
    if (day === 'normal') {
      assumptions.push(
        'Giờ làm thêm ban đêm (22 giờ đến 6 giờ sáng) được tính như bạn không làm thêm vào ban ngày hôm đó; nếu ban ngày cũng đã làm thêm thì phần 20% tính trên 150%, tổng thành 210%.',
      );
    }
  }
  const amount = roundVnd(hourly * rate * overtimeHours!);
  const formula = `${hourlyFormula}; × ${rateFormula} × ${formatNumber(overtimeHours!, 1)} giờ = ${formatVnd(amount)}`;

  if (figures.overtimeDay === undefined) {
    assumptions.push(
      'Mình tính như làm thêm vào ngày thường; làm vào ngày nghỉ hằng tuần được ít nhất 200%, ngày lễ, Tết ít nhất 300%.',
    );
  }
  if (day === 'holiday') {
    assumptions.push(
      'Nếu bạn hưởng lương theo ngày, bạn còn được trả tiền lương của chính ngày lễ, Tết đó, ngoài số tiền trên.',
    );
  }
  assumptions.push(
    'Đây là mức tối thiểu luật cho phép, tính trên tiền lương theo hợp đồng của công việc đang làm; công ty có thể trả cao hơn.',
  );
  const headline = `Tiền làm thêm giờ của bạn ít nhất là ${formatVnd(amount)} cho ${formatNumber(overtimeHours!, 1)} giờ làm thêm vào ${DAY_LABEL[day]}${figures.night ? ' ban đêm' : ''}.`;
  return computed(headline, formula, assumptions, r, amount);
};

// ---- Severance and job loss --------------------------------------------------------------------------

/** NĐ 145/2020 Art. 8(3)(c): whole years; odd months up to the threshold count as half a year, above it as one. */
function countableYears(months: number, halfYearMax: number): number {
  const full = Math.floor(months / 12);
  const odd = months - full * 12;
  if (odd <= 0) return full;
  return full + (odd <= halfYearMax ? 0.5 : 1);
}

type ServiceBasis = { years: number; explanation: string; notes: string[] };

function serviceBasis(figures: Figures, r: RateReader): ServiceBasis {
  const service = figures.serviceMonths!;
  const ui = figures.unemploymentInsuranceMonths;
  const countable = Math.max(0, service - (ui ?? 0));
  const years = countableYears(countable, r.value('service_odd_months_half_year_max'));
  const notes: string[] = [];
  let explanation: string;
  if (ui === undefined) {
    explanation = `${formatMonths(service)} làm việc, tính là ${formatNumber(years, 1)} năm`;
    notes.push(
      'Mình chưa trừ thời gian bạn đã đóng bảo hiểm thất nghiệp: thời gian có đóng BHTN không được tính trợ cấp (vì đã được quỹ BHTN lo). Nếu công ty có đóng BHTN cho bạn, số tiền thực tế thấp hơn; bạn cho mình biết đã đóng BHTN bao lâu để tính lại nhé.',
    );
  } else {
    explanation = `(${formatMonths(service)} làm việc − ${formatMonths(ui)} đã đóng BHTN = ${formatMonths(countable)}, tính là ${formatNumber(years, 1)} năm)`;
  }
  notes.push('Tháng lẻ từ 6 tháng trở xuống được tính là nửa năm, trên 6 tháng tính là 1 năm.');
  notes.push(
    'Tiền lương để tính là lương bình quân theo hợp đồng của 6 tháng liền kề trước khi nghỉ; mình lấy mức lương bạn nêu.',
  );
  return { years, explanation, notes };
}

function serviceMissing(figures: Figures): string[] {
  const missing: string[] = [];
  if (figures.monthlyWage === undefined) missing.push('monthlyWage');
  if (figures.serviceMonths === undefined) missing.push('serviceMonths');
  return missing;
}

export const severance: Calculator = (figures, rates, onDate) => {
  const missing = serviceMissing(figures);
  if (missing.length) return needsInfo(missing);
  const r = new RateReader(rates, onDate);
  const minService = r.value('severance_min_service_months');
  const perYear = r.value('severance_months_per_year');
  const wage = figures.monthlyWage!;
  if (figures.serviceMonths! < minService) {
    return computed(
      `Bạn chưa được trợ cấp thôi việc: phải làm việc thường xuyên từ đủ ${minService} tháng trở lên, bạn mới làm ${formatMonths(figures.serviceMonths!)}.`,
      `${formatMonths(figures.serviceMonths!)} < ${minService} tháng`,
      [],
      r,
      0,
    );
  }
  const basis = serviceBasis(figures, r);
  const amount = roundVnd(wage * perYear * basis.years);
  const formula = `${formatVnd(wage)} × ${formatNumber(perYear)} tháng lương × ${formatNumber(basis.years, 1)} năm = ${formatVnd(amount)}`;
  const headline =
    amount === 0
      ? 'Bạn không có khoản trợ cấp thôi việc nào: toàn bộ thời gian làm việc đã có đóng bảo hiểm thất nghiệp, nên khi nghỉ bạn hưởng trợ cấp thất nghiệp thay vào đó.'
      : `Trợ cấp thôi việc của bạn khoảng ${formatVnd(amount)} (${basis.explanation}).`;
  return computed(headline, formula, basis.notes, r, amount);
};

export const jobLoss: Calculator = (figures, rates, onDate) => {
  const missing = serviceMissing(figures);
  if (missing.length) return needsInfo(missing);
  const r = new RateReader(rates, onDate);
  const minService = r.value('job_loss_min_service_months');
  const perYear = r.value('job_loss_months_per_year');
  const minMonths = r.value('job_loss_min_months');
  const wage = figures.monthlyWage!;
  if (figures.serviceMonths! < minService) {
    return computed(
      `Bạn chưa được trợ cấp mất việc làm: phải làm việc thường xuyên từ đủ ${minService} tháng trở lên, bạn mới làm ${formatMonths(figures.serviceMonths!)}.`,
      `${formatMonths(figures.serviceMonths!)} < ${minService} tháng`,
      [],
      r,
      0,
    );
  }
  const basis = serviceBasis(figures, r);
  const months = Math.max(perYear * basis.years, minMonths);
  const amount = roundVnd(wage * months);
  const floorApplied = perYear * basis.years < minMonths;
  const formula = floorApplied
    ? `${formatNumber(perYear)} tháng × ${formatNumber(basis.years, 1)} năm = ${formatNumber(perYear * basis.years, 1)} tháng, thấp hơn mức tối thiểu nên lấy ${formatNumber(minMonths)} tháng; ${formatVnd(wage)} × ${formatNumber(minMonths)} = ${formatVnd(amount)}`
    : `${formatVnd(wage)} × ${formatNumber(perYear)} tháng lương × ${formatNumber(basis.years, 1)} năm = ${formatVnd(amount)}`;
  const notes = [
    ...basis.notes,
    `Trợ cấp mất việc làm ít nhất bằng ${formatNumber(minMonths)} tháng lương, kể cả khi thời gian được tính ngắn.`,
    'Khoản này dành cho người mất việc vì công ty thay đổi cơ cấu, công nghệ, lý do kinh tế, sáp nhập, chia tách; nghỉ vì lý do khác thì xem trợ cấp thôi việc.',
  ];
  const headline = `Trợ cấp mất việc làm của bạn khoảng ${formatVnd(amount)} (${basis.explanation}).`;
  return computed(headline, formula, notes, r, amount);
};

// ---- Annual leave ------------------------------------------------------------------------------------

const LEAVE_KEY: Readonly<Record<WorkKind, string>> = {
  normal: 'annual_leave_days_normal',
  heavy: 'annual_leave_days_heavy',
  minor: 'annual_leave_days_heavy',
  disabled: 'annual_leave_days_heavy',
  especially_heavy: 'annual_leave_days_especially_heavy',
};
const WORK_LABEL: Readonly<Record<WorkKind, string>> = {
  normal: 'công việc trong điều kiện bình thường',
  heavy: 'công việc nặng nhọc, độc hại, nguy hiểm',
  minor: 'người lao động chưa thành niên',
  disabled: 'người lao động khuyết tật',
  especially_heavy: 'công việc đặc biệt nặng nhọc, độc hại, nguy hiểm',
};

export const annualLeave: Calculator = (figures, rates, onDate) => {
  if (figures.serviceMonths === undefined) return needsInfo(['serviceMonths']);
  const r = new RateReader(rates, onDate);
  const kind = figures.workKind ?? 'normal';
  const base = r.value(LEAVE_KEY[kind]);
  const months = figures.serviceMonths;
  const notes: string[] = [];
  if (figures.workKind === undefined) {
    notes.push(
      'Mình tính cho công việc bình thường; người chưa thành niên, người khuyết tật hoặc làm việc nặng nhọc, độc hại được 14 ngày, đặc biệt nặng nhọc được 16 ngày.',
    );
  }
  notes.push(
    'Đây là ngày làm việc được nghỉ, hưởng nguyên lương; ngày nghỉ lễ, Tết và ngày nghỉ hằng tuần không tính vào.',
  );

  if (months < 12) {
    const days = (base * months) / 12;
    notes.push(
      'Khi chưa đủ 12 tháng, số ngày phép tính theo tỷ lệ số tháng đã làm; cách làm tròn theo quy chế của công ty.',
    );
    const formula = `${base} ngày × ${formatNumber(months, 1)} tháng ÷ 12 tháng = ${formatNumber(days, 1)} ngày`;
    return computed(
      `Bạn được khoảng ${formatNumber(days, 1)} ngày nghỉ hằng năm (làm ${formatMonths(months)}, chưa đủ 12 tháng; ${WORK_LABEL[kind]}).`,
      formula,
      notes,
      r,
      days,
    );
  }
  const step = r.value('annual_leave_seniority_step_years');
  const extraPerStep = r.value('annual_leave_seniority_extra_days');
  const steps = Math.floor(months / 12 / step);
  const days = base + steps * extraPerStep;
  const formula =
    steps > 0
      ? `${base} ngày + ${extraPerStep} ngày × ${steps} (mỗi ${step} năm làm việc) = ${days} ngày`
      : `${base} ngày (chưa đủ ${step} năm nên chưa có ngày tăng theo thâm niên)`;
  return computed(
    `Bạn được ${formatNumber(days)} ngày nghỉ hằng năm hưởng nguyên lương (${WORK_LABEL[kind]}, đã làm ${formatMonths(months)}).`,
    formula,
    notes,
    r,
    days,
  );
};

// ---- Probation ---------------------------------------------------------------------------------------

export const probationPay: Calculator = (figures, rates, onDate) => {
  if (figures.monthlyWage === undefined) return needsInfo(['monthlyWage']);
  const r = new RateReader(rates, onDate);
  const ratio = r.value('probation_wage_min_ratio');
  const wage = figures.monthlyWage;
  const minimum = roundVnd(wage * ratio);
  const formula = `${formatVnd(wage)} × ${formatPercent(ratio)} = ${formatVnd(minimum)}`;
  const notes = [
    'Mức lương để so là lương của chính công việc đó khi làm chính thức; hai bên có thể thỏa thuận cao hơn.',
  ];
  let headline = `Lương thử việc của bạn phải ít nhất ${formatVnd(minimum)} mỗi tháng.`;
  const offered = figures.probationWage;
  if (offered !== undefined && offered < minimum) {
    headline += ` Mức ${formatVnd(offered)} công ty trả đang thấp hơn luật ${formatVnd(minimum - offered)} mỗi tháng.`;
  } else if (offered !== undefined) {
    headline += ` Mức ${formatVnd(offered)} công ty trả là đúng luật.`;
  }
  return computed(headline, formula, notes, r, minimum);
};

// ---- Unemployment benefit ----------------------------------------------------------------------------

export const unemploymentBenefit: Calculator = (figures, rates, onDate) => {
  const salary = figures.insuredSalary ?? figures.monthlyWage;
  const months = figures.unemploymentInsuranceMonths;
  const missing: string[] = [];
  if (salary === undefined) missing.push('insuredSalary');
  if (months === undefined) missing.push('unemploymentInsuranceMonths');
  if (missing.length) return needsInfo(missing);

  const r = new RateReader(rates, onDate);
  const minMonths = r.value('unemployment_min_contribution_months');
  if (months! < minMonths) {
    return computed(
      `Bạn chưa đủ điều kiện hưởng trợ cấp thất nghiệp: cần đóng bảo hiểm thất nghiệp từ đủ ${minMonths} tháng, bạn mới đóng ${formatMonths(months!)}.`,
      `${formatMonths(months!)} < ${minMonths} tháng`,
      ['Thời gian đã đóng vẫn được bảo lưu để cộng cho lần sau.'],
      r,
      0,
    );
  }
  const ratio = r.value('unemployment_benefit_ratio');
  const multiple = r.value('unemployment_benefit_cap_min_wage_multiple');
  const averageMonths = r.value('unemployment_average_salary_months');
  const raw = salary! * ratio;

  // The cap is 5× the regional minimum wage; when even the lowest region's cap is not reached, the region
  // cannot change the answer, so we do not ask for it.
  let cap: number | undefined;
  let capFormula = '';
  if (figures.region) {
    const minWage = r.value('regional_minimum_wage_monthly', figures.region);
    cap = minWage * multiple;
    capFormula = `; mức trần = ${formatNumber(multiple)} × ${formatVnd(minWage)} (lương tối thiểu vùng ${figures.region}) = ${formatVnd(cap)}`;
  } else {
    const regions = rates.regionsAt('regional_minimum_wage_monthly', onDate);
    const lowest = Math.min(
      ...regions.map((g) => rates.require('regional_minimum_wage_monthly', onDate, g).value),
    );
    if (!Number.isFinite(lowest)) r.value('regional_minimum_wage_monthly', 'IV'); // throws: no row in force
    if (raw > lowest * multiple) return needsInfo(['region']);
  }
  const capped = cap !== undefined && raw > cap;
  const monthly = roundVnd(capped ? cap! : raw);

  const baseDuration = r.value('unemployment_base_duration_months');
  const baseUpTo = r.value('unemployment_base_duration_max_contribution_months');
  const step = r.value('unemployment_extra_month_per_contribution_months');
  const maxDuration = r.value('unemployment_max_duration_months');
  const extra = months! > baseUpTo ? Math.floor((months! - baseUpTo) / step) : 0;
  const duration = Math.min(baseDuration + extra, maxDuration);

  const formula =
    `${formatVnd(salary!)} × ${formatPercent(ratio)} = ${formatVnd(raw)}${capFormula}` +
    `${capped ? ` → lấy mức trần ${formatVnd(monthly)}` : ''}; ` +
    `${formatMonths(months!)} đóng BHTN → ${baseDuration} tháng${extra > 0 ? ` + ${extra} tháng` : ''}${baseDuration + extra > maxDuration ? `, tối đa ${maxDuration} tháng` : ''} = ${duration} tháng`;
  const notes = [
    figures.insuredSalary === undefined
      ? `Mình coi mức lương bạn nêu là bình quân tiền lương đóng bảo hiểm thất nghiệp của ${formatNumber(averageMonths)} tháng gần nhất; nếu công ty đóng trên mức thấp hơn thì trợ cấp cũng thấp hơn.`
      : `Tiền lương tính là bình quân tiền lương đóng bảo hiểm thất nghiệp của ${formatNumber(averageMonths)} tháng gần nhất.`,
    'Bạn cần nộp hồ sơ tại trung tâm dịch vụ việc làm trong thời hạn luật định sau khi nghỉ việc và chưa có việc làm mới.',
  ];
  if (figures.region === undefined) {
    notes.push('Mức này chưa chạm trần của vùng nào nên không phụ thuộc nơi bạn làm việc.');
  }
  const headline = `Bạn được hưởng trợ cấp thất nghiệp khoảng ${formatVnd(monthly)} mỗi tháng trong ${duration} tháng (tổng khoảng ${formatVnd(monthly * duration)}).`;
  return computed(headline, formula, notes, r, monthly);
};

// ---- Member dues -------------------------------------------------------------------------------------

export const memberDues: Calculator = (figures, rates, onDate) => {
  const salary = figures.insuredSalary ?? figures.monthlyWage;
  if (salary === undefined) return needsInfo(['duesSalary']);
  const r = new RateReader(rates, onDate);
  const rate = r.value('member_dues_rate');
  const capRatio = r.value('member_dues_cap_base_salary_ratio');
  const baseSalary = r.value('base_salary');
  const raw = salary * rate;
  const cap = roundVnd(baseSalary * capRatio);
  const amount = roundVnd(Math.min(raw, cap));
  const formula =
    `${formatVnd(salary)} × ${formatPercent(rate)} = ${formatVnd(raw)}; ` +
    `mức trần = ${formatPercent(capRatio)} × ${formatVnd(baseSalary)} (lương cơ sở) = ${formatVnd(cap)}` +
    (raw > cap ? ` → đóng ${formatVnd(cap)}` : '');
  const notes = [
    figures.insuredSalary === undefined
      ? 'Mình coi mức lương bạn nêu là tiền lương đóng bảo hiểm xã hội; đoàn phí tính trên lương đóng BHXH, không phải thu nhập thực nhận.'
      : 'Đoàn phí tính trên tiền lương đóng bảo hiểm xã hội.',
    'Áp dụng cho đoàn viên ở doanh nghiệp ngoài nhà nước; ở doanh nghiệp nhà nước đoàn phí tính trên lương thực lĩnh sau khi trừ bảo hiểm và thuế. Công đoàn cơ sở có thể quyết định mức cao hơn.',
  ];
  const headline = `Đoàn phí của bạn là ${formatVnd(amount)} mỗi tháng.`;
  return computed(headline, formula, notes, r, amount);
};

const CALCULATORS: Readonly<Record<CalculatorKind, Calculator>> = {
  overtime_pay: overtimePay,
  severance,
  job_loss: jobLoss,
  annual_leave: annualLeave,
  probation_pay: probationPay,
  unemployment_benefit: unemploymentBenefit,
  member_dues: memberDues,
};

export function calculate(
  kind: CalculatorKind,
  figures: Figures,
  rates: RateBook,
  onDate: string,
): CalculationResult {
  return CALCULATORS[kind](figures, rates, onDate);
}
