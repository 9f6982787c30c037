import { prepareText } from './calculator-text.js';

export type OvertimeDayKind = 'normal' | 'weekly_rest' | 'holiday';
/** Labour Code Art. 113: minors, disabled workers and heavy or hazardous work share the middle tier. */
export type WorkKind = 'normal' | 'heavy' | 'especially_heavy' | 'minor' | 'disabled';
export type Region = 'I' | 'II' | 'III' | 'IV';

/** What a worker told us, in canonical units: VND, months, hours. Absent means not said. */
export type Figures = {
  monthlyWage?: number;
  dailyWage?: number;
  /** The salary the employer declares for social and unemployment insurance, when said apart from the wage. */
  insuredSalary?: number;
  probationWage?: number;
  serviceMonths?: number;
  unemploymentInsuranceMonths?: number;
  socialInsuranceMonths?: number;
  overtimeHours?: number;
  overtimeDay?: OvertimeDayKind;
  night?: boolean;
  workKind?: WorkKind;
  region?: Region;
  workingDaysPerMonth?: number;
};

const UNITS: Readonly<Record<string, number>> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

// "năm" is both five and year, "sáu" folds to "sau" (after): number words only count right before a unit.
const NUM = String.raw`\d+(?:[.,]\d+)?|muoi(?: (?:mot|hai|ba|bon|lam|nam|sau|bay|tam|chin))?|mot|hai|ba|bon|nam|sau|bay|tam|chin`;
const START = String.raw`(?<![\p{L}\p{N}.,/:])`;
const END = String.raw`(?![\p{L}\p{N}])`;

/** "8.500.000" and "8,500,000" group thousands; "8,5" and "8.5" are decimals; "mười hai" is 12. */
export function parseNumber(raw: string): number {
  const s = raw.trim();
  if (/^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  if (/^\d/.test(s)) return Number(s.replace(',', '.'));
  const [first, second] = s.split(' ');
  if (first === 'muoi') return 10 + (second ? (UNITS[second] ?? 0) : 0);
  return UNITS[first!] ?? Number.NaN;
}

type Match = { start: number; end: number; value: number; kind: string };

/** The text before a match, back to the nearest clause break: what the number is about. */
function leadOf(text: string, start: number, floor: number): string {
  let i = start - 1;
  for (; i >= floor; i--) {
    const c = text[i]!;
    const decimalMark =
      (c === '.' || c === ',') && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '');
    if (/[.,;!?\n]/.test(c) && !decimalMark) break;
  }
  return text.slice(Math.max(i + 1, floor, start - 60), start);
}

const overlaps = (taken: readonly Match[], start: number, end: number): boolean =>
  taken.some((m) => start < m.end && m.start < end);

// ---- Money -------------------------------------------------------------------------------------------

const MILLIONS = new RegExp(
  String.raw`${START}(${NUM})\s*(?:trieu|tr|cu)(?:\s*(ruoi)|\s*(\d{1,3})(?!\s*(?:nam|thang|ngay|tieng|gio|h|tuan|nguoi|lan|%|[.,]?\d))(?:\s*(?:nghin|ngan|k))?)?${END}`,
  'gu',
);
const THOUSANDS = new RegExp(String.raw`${START}(\d+(?:[.,]\d+)?)\s*(?:k|nghin|ngan)${END}`, 'gu');
const GROUPED = new RegExp(
  String.raw`${START}(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*)\s*(?:d|dong|vnd)?${END}`,
  'gu',
);
const PLAIN_WITH_UNIT = new RegExp(String.raw`${START}(\d{5,10})\s*(?:d|dong|vnd)${END}`, 'gu');

function moneyMatches(text: string): Match[] {
  const found: Match[] = [];
  const add = (m: RegExpExecArray, value: number) => {
    const start = m.index;
    const end = start + m[0].length;
    if (!Number.isFinite(value) || overlaps(found, start, end)) return;
    found.push({ start, end, value, kind: 'money' });
  };
  for (const m of text.matchAll(MILLIONS)) {
    const base = parseNumber(m[1]!) * 1_000_000;
    const tail = m[3];
    // "8tr5" is 8.5 million, "8tr50" too: the trailing digits fill the hundreds of thousands downward.
    const extra = m[2] ? 500_000 : tail ? Number(tail) * 10 ** (6 - tail.length) : 0;
    add(m, base + extra);
  }
  for (const m of text.matchAll(THOUSANDS)) add(m, parseNumber(m[1]!) * 1000);
  for (const m of text.matchAll(GROUPED)) add(m, parseNumber(m[1]!));
  for (const m of text.matchAll(PLAIN_WITH_UNIT)) add(m, Number(m[1]));
  return found.sort((a, b) => a.start - b.start);
}

const DAILY_TAIL = /^\s*(?:\/\s*|mot |moi |1 )?ngay(?! cong)/;
const HOURLY_TAIL = /^\s*(?:\/\s*|mot |moi |1 )?(?:gio|tieng|h)\b/;
const NOT_A_WAGE =
  /phu cap|(?<!binh |ngay )\bthuong\b|tro cap|\bno\b|tien an|xang xe|chuyen can|doan phi|\bphat\b|boi thuong|\bvay\b/;
const INSURED = /bao hiem|muc dong/;
/** Below this a monthly figure is not a wage but a fee, a fine, an allowance. */
const MIN_PLAUSIBLE_MONTHLY_WAGE = 1_000_000;

function readMoney(text: string, figures: Figures): void {
  let previousEnd = 0;
  let monthlyFromLabel = false;
  for (const m of moneyMatches(text)) {
    const lead = leadOf(text, m.start, previousEnd);
    const tail = text.slice(m.end, m.end + 20);
    previousEnd = m.end;
    if (NOT_A_WAGE.test(lead) || HOURLY_TAIL.test(tail)) continue;
    if (DAILY_TAIL.test(tail)) {
      figures.dailyWage ??= m.value;
    } else if (/thu viec/.test(lead)) {
      figures.probationWage ??= m.value;
    } else if (INSURED.test(lead)) {
      figures.insuredSalary ??= m.value;
    } else if (m.value >= MIN_PLAUSIBLE_MONTHLY_WAGE) {
      // A figure introduced by "lương" beats an earlier bare amount.
      const labelled = /luong|thu nhap|nhan|tra/.test(lead);
      if (figures.monthlyWage === undefined || (labelled && !monthlyFromLabel)) {
        figures.monthlyWage = m.value;
        monthlyFromLabel = labelled;
      }
    }
  }
}

// ---- Durations ---------------------------------------------------------------------------------------

const DURATION = new RegExp(
  String.raw`${START}(?:(${NUM})\s*nam(?:\s+(ruoi))?(?:\s*(?:va\s+)?(${NUM})\s*thang)?|(${NUM})\s*thang|(nua)\s+nam)${END}`,
  'gu',
);
const NOT_SERVICE =
  /thu viec|thai san|nghi om|nghi phep|no luong|cham luong|\bcon\b|tuoi|sinh con|bao truoc|tang ca|lam them|(?:mung|ngay|cong)\s*$/;

// "8 triệu một tháng": the month is the wage's period, not a length of service.
const PER_MONTH_AFTER_MONEY = /(?:trieu|\btr|\bcu|\dk|\bk|\bd|dong|vnd|nghin|ngan)\s*$/;

function readDurations(text: string, figures: Figures): void {
  let previousEnd = 0;
  for (const m of text.matchAll(DURATION)) {
    const [, years, half, yearMonths, monthsOnly, halfYear] = m;
    const months =
      halfYear !== undefined
        ? 6
        : monthsOnly !== undefined
          ? parseNumber(monthsOnly)
          : parseNumber(years!) * 12 + (half ? 6 : 0) + (yearMonths ? parseNumber(yearMonths) : 0);
    const lead = leadOf(text, m.index, previousEnd);
    previousEnd = m.index + m[0].length;
    if (!Number.isFinite(months)) continue;
    // "tháng 5" after the number is a date ("mùng 1 tháng 5"), not a length of time.
    if (monthsOnly !== undefined && /^\s*\d/.test(text.slice(previousEnd))) continue;
    if (/bao hiem that nghiep/.test(lead)) figures.unemploymentInsuranceMonths ??= months;
    else if (/bao hiem/.test(lead)) figures.socialInsuranceMonths ??= months;
    else if (/hop dong/.test(lead) && !/\b(?:lam|duoc|gan bo|cong tac)\b/.test(lead)) continue;
    else if (NOT_SERVICE.test(lead) || PER_MONTH_AFTER_MONEY.test(lead)) continue;
    else figures.serviceMonths ??= months;
  }
  // "công ty không đóng bảo hiểm": no unemployment-insurance time to take off a severance.
  if (
    figures.unemploymentInsuranceMonths === undefined &&
    /(?:khong|chua|chang) (?:he )?(?:duoc )?(?:dong|tham gia|co) (?:bao hiem|bao hiem that nghiep)\b/.test(
      text,
    )
  ) {
    figures.unemploymentInsuranceMonths = 0;
  }
}

// ---- Overtime ----------------------------------------------------------------------------------------

const OVERTIME_WORDS = /tang ca|lam them/;
const HOURS = new RegExp(String.raw`${START}(${NUM})\s*(?:tieng|gio|h)(?:\s+(ruoi))?${END}`, 'gu');
const TIME_OF_DAY_LEAD = /(?:sau|tu|luc|den|toi|truoc|qua|khoang|bat dau|ket thuc|-)\s*$/;

function readOvertime(text: string, figures: Figures): void {
  if (!OVERTIME_WORDS.test(text)) return;
  let chosen: number | undefined;
  let fallback: number | undefined;
  for (const m of text.matchAll(HOURS)) {
    const value = parseNumber(m[1]!) + (m[2] ? 0.5 : 0);
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 25);
    if (TIME_OF_DAY_LEAD.test(before) || /^\s*(?:sang|chieu|toi|dem)\b/.test(after)) {
      // A clock time: 22:00–06:00 is night work (Labour Code Art. 106).
      if ((value >= 22 && value <= 24) || (value < 6 && !/^\s*chieu/.test(after))) figures.night ??= true;
      continue;
    }
    if (chosen === undefined && OVERTIME_WORDS.test(before)) chosen = value;
    else if (fallback === undefined && OVERTIME_WORDS.test(after)) fallback = value;
  }
  const hours = chosen ?? fallback;
  if (hours !== undefined) figures.overtimeHours ??= hours;

  if (
    /\b(?:ngay le|nghi le|le tet|tet|mung (?:\d|mot|hai|ba)|quoc khanh|gio to|30\/4|1\/5|2\/9|ngay nghi (?:co )?huong luong|nghi phep)\b/.test(
      text,
    )
  ) {
    figures.overtimeDay = 'holiday';
  } else if (/\b(?:chu nhat|ngay nghi hang tuan|nghi hang tuan|ngay nghi)\b/.test(text)) {
    figures.overtimeDay = 'weekly_rest';
  } else if (/\b(?:ngay thuong|ngay lam viec binh thuong|ngay binh thuong)\b/.test(text)) {
    figures.overtimeDay = 'normal';
  }
  if (/\b(?:ban dem|ca dem|dem)\b/.test(text)) figures.night = true;
}

// ---- The rest ----------------------------------------------------------------------------------------

const REGIONS: Readonly<Record<string, Region>> = {
  i: 'I',
  '1': 'I',
  mot: 'I',
  ii: 'II',
  '2': 'II',
  hai: 'II',
  iii: 'III',
  '3': 'III',
  ba: 'III',
  iv: 'IV',
  '4': 'IV',
  bon: 'IV',
};

function readContext(text: string, figures: Figures): void {
  if (/dac biet (?:nang nhoc|doc hai|nguy hiem)/.test(text)) figures.workKind = 'especially_heavy';
  else if (/nang nhoc|doc hai|nguy hiem/.test(text)) figures.workKind = 'heavy';
  else if (/khuyet tat/.test(text)) figures.workKind = 'disabled';
  else if (/duoi 18 tuoi|chua thanh nien|chua du 18|\b1[5-7] tuoi|muoi (?:lam|nam|sau|bay) tuoi/.test(text)) {
    figures.workKind = 'minor';
  }

  // Only an explicit "vùng N": a city name alone does not fix the region (suburbs and industrial parks differ).
  const region = /\bvung (iv|iii|ii|i|[1-4]|mot|hai|ba|bon)\b/.exec(text);
  if (region) figures.region = REGIONS[region[1]!];

  const days =
    /\b(\d{2})\s*(?:ngay|cong)(?: lam viec| cong)?\s*(?:\/|mot|moi|1|trong|tren)\s*thang\b/.exec(text) ??
    /\bngay cong (?:chuan )?(?:la )?(\d{2})\b/.exec(text);
  if (days) {
    const value = Number(days[1]);
    if (value >= 20 && value <= 31) figures.workingDaysPerMonth = value;
  }
}

/** The figures a worker wrote, read with or without diacritics and in the usual shorthand. */
export function extractFigures(text: string): Figures {
  const prepared = prepareText(text);
  const figures: Figures = {};
  readMoney(prepared, figures);
  readDurations(prepared, figures);
  readOvertime(prepared, figures);
  readContext(prepared, figures);
  return figures;
}

/** Conversation memory: each figure the newer message states replaces the older one; the rest carry over. */
export function mergeFigures(previous: Figures, next: Figures): Figures {
  const merged: Figures = { ...previous };
  for (const [key, value] of Object.entries(next) as [keyof Figures, Figures[keyof Figures]][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
