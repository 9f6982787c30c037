import { foldVietnamese } from '../../../kernel/text/fold.js';

/** Questions are a few sentences; a pasted contract stays cheap to scan. */
export const MAX_QUESTION_CHARS = 2000;

/**
 * Folded shorthand → folded expansion, for the words the calculators read. Kept apart from the voice
 * classifier's list: there "k" means "không", here "500 k" is money, and "tr" must become "triệu".
 */
const SHORTHAND: Readonly<Record<string, string>> = {
  ot: 'tang ca',
  tc: 'tang ca',
  overtime: 'tang ca',
  bhtn: 'bao hiem that nghiep',
  bhxh: 'bao hiem xa hoi',
  bh: 'bao hiem',
  lg: 'luong',
  luog: 'luong',
  salary: 'luong',
  tr: 'trieu',
  cty: 'cong ty',
  cti: 'cong ty',
  dc: 'duoc',
  dk: 'duoc',
  lm: 'lam',
  bn: 'bao nhieu',
  bnhieu: 'bao nhieu',
  nhiu: 'nhieu',
  ntn: 'nhu the nao',
  ko: 'khong',
  hok: 'khong',
  khg: 'khong',
  hdld: 'hop dong lao dong',
  hd: 'hop dong',
  nld: 'nguoi lao dong',
  cd: 'cong doan',
  cdcs: 'cong doan co so',
  dv: 'doan vien',
  tcxh: 'tro cap',
};

// A whole word: letters with no letter or digit on either side, so "8tr5" and "4h" stay as written.
const WHOLE_WORD = /(?<![\p{L}\p{N}])\p{L}+(?![\p{L}\p{N}])/gu;

/** Folded (no diacritics, đ→d, lower case) with shorthand expanded: every matcher here reads this form. */
export function prepareText(text: string): string {
  return foldVietnamese(text.slice(0, MAX_QUESTION_CHARS)).replace(WHOLE_WORD, (w) => SHORTHAND[w] ?? w);
}

const VND = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** Whole đồng: VND has no minor unit. */
export const roundVnd = (amount: number): number => Math.round(amount);

export const formatVnd = (amount: number): string => `${VND.format(roundVnd(amount))} ₫`;

export const formatNumber = (value: number, maxFraction = 2): string =>
  new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFraction }).format(value);

export const formatPercent = (ratio: number): string => `${formatNumber(ratio * 100)}%`;

/** "3 năm 6 tháng", "8 tháng", "2 năm". */
export function formatMonths(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months - years * 12;
  if (years === 0) return `${formatNumber(rest, 1)} tháng`;
  return rest === 0 ? `${years} năm` : `${years} năm ${formatNumber(rest, 1)} tháng`;
}

/** "A", "A và B", "A, B và C". */
export function joinVietnamese(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}
