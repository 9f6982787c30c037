import { restoreCitizenIdZeros } from '@union/contracts/citizen-id';
import type { ErrorCode } from '@union/contracts/errors';
import {
  vietnameseNameCase,
  type ContractType,
  type MemberField,
  type MemberFields,
  type Sex,
} from '@union/contracts/members';
import { foldVietnamese } from '../../../kernel/text/fold.js';

/** A formula cell saved without its computed value (written by a program, not by Excel). */
export const UNCALCULATED_FORMULA = Symbol('uncalculated formula');

/** A cell as the file holds it. */
export type CellValue = string | number | boolean | Date | null | typeof UNCALCULATED_FORMULA;
/** A cell with something in it, ready to be read as a field. */
export type FilledCell = string | number | boolean | Date;

/**
 * A field read from a cell. A cell that cannot be understood keeps what was typed (so the record
 * validation fails on it too, and nothing is silently replaced) and says why in `problem`.
 */
export interface Reading<T> {
  value: T;
  problem?: ErrorCode;
}

export const isFilled = (cell: CellValue): cell is FilledCell | typeof UNCALCULATED_FORMULA =>
  cell !== null && (typeof cell !== 'string' || cell.trim() !== '');

/** Text as typed: NFC (some keyboards send decomposed diacritics), trimmed, inner spaces made single. */
export function cellText(cell: FilledCell): string {
  if (cell instanceof Date) return displayDate(isoDateOfUtc(cell) ?? '');
  return String(cell).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Folded for matching a typed word against a list ("Nữ", "NU", "nữ " → "nu"). */
const wordOf = (cell: FilledCell): string =>
  foldVietnamese(cellText(cell))
    .replace(/[^a-z0-9✓✔]+/g, ' ')
    .trim();

// ——— Dates ———

const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Some programs write a midnight time after the date ("15/03/1990 00:00:00"). */
const TRAILING_TIME = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/;
const DAY_MS = 86_400_000;

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** exceljs gives date cells as UTC midnights. */
const isoDateOfUtc = (date: Date): string | undefined =>
  Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);

/** yyyy-mm-dd → dd/mm/yyyy, as Vietnamese files write dates. */
export const displayDate = (iso: string): string => iso.split('-').reverse().join('/');

/** A two-digit year up to this year's is this century's; later ones were last century's. */
function fullYear(twoDigits: number): number {
  return twoDigits <= new Date().getUTCFullYear() % 100 ? 2000 + twoDigits : 1900 + twoDigits;
}

/**
 * An Excel serial day number (1900 date system). Excel counts 29/02/1900, a day that never was, so
 * serials from 61 on are one day ahead of a plain count. A whole number from 1900 to 2100 is a year
 * someone typed, not a day of 1905: no member was born or joined then.
 */
function isoDateOfSerial(serial: number): string | undefined {
  const day = Math.floor(serial);
  if (day < 1 || day === 60 || (Number.isInteger(serial) && serial >= 1900 && serial <= 2100))
    return undefined;
  const date = new Date(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * DAY_MS);
  return isoDateOfUtc(date);
}

function isoDateOfText(text: string): string | undefined {
  const date = text.replace(TRAILING_TIME, '');
  if (/^\d+(\.\d+)?$/.test(date)) return isoDateOfSerial(Number(date));
  const dayFirst = DAY_MONTH_YEAR.exec(date);
  if (dayFirst) {
    const [, day, month, year] = dayFirst.map(Number) as [number, number, number, number];
    return isoDate(dayFirst[3]!.length === 2 ? fullYear(year) : year, month, day);
  }
  const iso = ISO_DATE.exec(date);
  return iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
}

function isoDateOf(cell: FilledCell): string | undefined {
  if (cell instanceof Date) return isoDateOfUtc(cell);
  if (typeof cell === 'number') return isoDateOfSerial(cell);
  return typeof cell === 'string' ? isoDateOfText(cellText(cell)) : undefined;
}

/** dd/mm/yyyy and its variants, ISO, Excel serials and date cells → yyyy-mm-dd. Never mm/dd. */
export function readDate(cell: FilledCell): Reading<string> {
  const iso = isoDateOf(cell);
  return iso ? { value: iso } : { value: cellText(cell), problem: 'member.date_invalid' };
}

// ——— Words ———

const SEX_WORDS: Readonly<Record<string, Sex>> = {
  nam: 'male',
  'nam gioi': 'male',
  male: 'male',
  m: 'male',
  nu: 'female',
  'nu gioi': 'female',
  female: 'female',
  f: 'female',
};

export function readSex(cell: FilledCell): Reading<string> {
  const sex = SEX_WORDS[wordOf(cell)];
  return sex ? { value: sex } : { value: cellText(cell), problem: 'member.sex_invalid' };
}

const YES_WORDS = new Set([
  'co',
  'x',
  'v',
  '1',
  '✓',
  '✔',
  'y',
  'yes',
  'true',
  'dong y',
  'da dong y',
  'co dong y',
]);

/** Ticked or "Có". Anything else is no: sensitive data is kept only on a clear yes. */
export const isYes = (cell: FilledCell): boolean =>
  typeof cell === 'boolean' ? cell : YES_WORDS.has(wordOf(cell));

const NO_WORDS = new Set(['khong', '0', 'n', 'no', 'false', 'chua', '-']);

/** A "Nam" or "Nữ" column counts as ticked with x, 1, ✓ or any mark that is not a clear no. */
export const isTicked = (cell: FilledCell): boolean =>
  typeof cell === 'boolean' ? cell : !NO_WORDS.has(wordOf(cell));

const CONTRACT_WORDS: Readonly<Record<string, ContractType>> = {
  'khong xac dinh thoi han': 'indefinite',
  kxdth: 'indefinite',
  'khong thoi han': 'indefinite',
  'vo thoi han': 'indefinite',
  indefinite: 'indefinite',
  'xac dinh thoi han': 'fixed_term',
  xdth: 'fixed_term',
  'co thoi han': 'fixed_term',
  'co xac dinh thoi han': 'fixed_term',
  // Seasonal contracts were folded into fixed-term ones by the Labour Code 2019; old lists still say so.
  'thoi vu': 'fixed_term',
  'mua vu': 'fixed_term',
  'fixed term': 'fixed_term',
  'khong co hdld': 'none',
  'khong co hop dong': 'none',
  'chua co hdld': 'none',
  'chua co hop dong': 'none',
  'khong co': 'none',
  khong: 'none',
  none: 'none',
};

export function readContractType(cell: FilledCell): Reading<string> {
  const word = wordOf(cell).replace(/^(hdld|hop dong lao dong|hop dong|hd) /, '');
  const type = CONTRACT_WORDS[word];
  return type ? { value: type } : { value: cellText(cell), problem: 'member.contract_type_invalid' };
}

// ——— Numbers ———

function monthsOfText(text: string): number {
  const term = /^(\d+(?:[.,]\d+)?) ?(thang|nam)?$/.exec(foldVietnamese(text));
  if (!term) return NaN;
  const amount = Number(term[1]!.replace(',', '.'));
  return term[2] === 'nam' ? amount * 12 : amount;
}

/** "12", "12 tháng", "1 năm" → 12. */
export function readContractMonths(cell: FilledCell): Reading<number | null> {
  const months = typeof cell === 'number' ? cell : monthsOfText(cellText(cell));
  return Number.isInteger(months) && months >= 0
    ? { value: months }
    : { value: null, problem: 'member.contract_months_invalid' };
}

const CURRENCY_SUFFIX = /\s*(vnđ|vnd|đồng|đ|₫)\.?$/i;
const GROUPED_DIGITS = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/;

/** Whole đồng from 5000000, "5.000.000", "5,000,000", "5 000 000 đ". */
export function readMoney(cell: FilledCell): Reading<number | null> {
  if (typeof cell === 'number' && Number.isFinite(cell)) return { value: Math.round(cell) };
  const digits = cellText(cell).replace(CURRENCY_SUFFIX, '').replace(/\s/g, '');
  if (/^\d+$/.test(digits)) return { value: Number(digits) };
  if (GROUPED_DIGITS.test(digits)) return { value: Number(digits.replace(/[.,]/g, '')) };
  return { value: null, problem: 'member.insured_salary_invalid' };
}

// ——— Identifiers ———

/** A number cell holding an identifier: its digits, without Excel's float noise. */
const integerText = (cell: number): string | undefined =>
  Number.isSafeInteger(cell) && cell >= 0 ? String(cell) : undefined;

/** "001 090 012 345", "001.090.012.345" → "001090012345"; other text is left as typed. */
const withoutDigitSeparators = (text: string): string =>
  /^\d[\d .-]*\d$/.test(text) ? text.replace(/[ .-]/g, '') : text;

/**
 * Excel shows a long number as "1,09001E+11" and a CSV saved from it keeps only that. Only a mantissa
 * that still holds every digit can be turned back into the number.
 */
function exactScientific(text: string): string | undefined {
  const match = /^(\d)[.,](\d+)E\+?(\d+)$/i.exec(text);
  return match && match[2]!.length === Number(match[3]) ? match[1]! + match[2]! : undefined;
}

/** Digits of an identifier from a number cell or text; a number cell (or CSV) has lost leading zeros. */
function identifierDigits(cell: FilledCell): string {
  const text = cellText(cell);
  if (typeof cell === 'number') return integerText(cell) ?? text;
  return exactScientific(text) ?? withoutDigitSeparators(text);
}

export function readCitizenId(cell: FilledCell): Reading<string> {
  return { value: restoreCitizenIdZeros(identifierDigits(cell)) };
}

const padDigits = (value: string, length: number): string =>
  /^\d+$/.test(value) && value.length < length ? value.padStart(length, '0') : value;

/** The old 9-digit identity card: a number cell drops its leading zero. */
function readLegacyId(cell: FilledCell): Reading<string> {
  return { value: padDigits(identifierDigits(cell), 9) };
}

/** Codes of fixed length whose leading zeros a number cell drops: province 01, commune 00004, tax code. */
const readFixedLengthCode =
  (length: number) =>
  (cell: FilledCell): Reading<string> => {
    const code = typeof cell === 'number' ? integerText(cell) : undefined;
    return { value: padDigits(code ?? cellText(cell).replace(/\s/g, ''), length) };
  };

/** A mobile number typed into a number cell has lost its leading 0 (912345678). */
export function readPhone(cell: FilledCell): Reading<string> {
  const text = typeof cell === 'number' ? (integerText(cell) ?? cellText(cell)) : cellText(cell);
  return { value: /^[35789]\d{8}$/.test(text) ? `0${text}` : text };
}

// ——— Text ———

const VIETNAM_NAMES = new Set(['viet nam', 'vietnam', 'vn', 'nuoc chxhcn viet nam', 'chxhcn viet nam']);

/** "Việt Nam" as unions write it, or a 2-letter code. */
function readNationality(cell: FilledCell): Reading<string> {
  const text = cellText(cell);
  if (VIETNAM_NAMES.has(wordOf(cell))) return { value: 'VN' };
  return { value: /^[a-z]{2}$/i.test(text) ? text.toUpperCase() : text };
}

export const readFullName = (cell: FilledCell): Reading<string> => ({
  value: vietnameseNameCase(cellText(cell)),
});

const readText = (cell: FilledCell): Reading<string> => ({ value: cellText(cell) });

const readEmail = (cell: FilledCell): Reading<string> => ({ value: cellText(cell).replace(/^mailto:/i, '') });

const readConsent = (cell: FilledCell): Reading<boolean> => ({ value: isYes(cell) });

export type FieldReader<F extends MemberField> = (cell: FilledCell) => Reading<MemberFields[F]>;

/** How each field is read from a filled cell. */
export const FIELD_READERS: { [F in MemberField]: FieldReader<F> } = {
  fullName: readFullName,
  birthDate: readDate,
  sex: readSex,
  citizenId: readCitizenId,
  legacyIdNumber: readLegacyId,
  passportNumber: readText,
  nationality: readNationality,
  ethnicity: readText,
  religion: readText,
  sensitiveDataConsent: readConsent,
  phone: readPhone,
  email: readEmail,
  addressLine: readText,
  provinceCode: readFixedLengthCode(2),
  communeCode: readFixedLengthCode(5),
  employerName: readText,
  employerTaxCode: readFixedLengthCode(10),
  contractType: readContractType,
  contractMonths: readContractMonths,
  occupation: readText,
  qualification: readText,
  insuredSalary: readMoney,
  cardNumber: readText,
  unionPosition: readText,
  joinedAt: readDate,
};
