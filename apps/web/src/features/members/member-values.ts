import type { TFunction } from 'i18next';
import { CONTRACT_TYPES, type ContractType, SEXES, type Sex } from '@union/contracts/members';
import { formatDate } from '../../ui/dates';

const money = new Intl.NumberFormat('vi-VN');

/** VND has no minor unit: whole đồng, grouped as Vietnamese readers expect (1.234.567 ₫). */
export function formatMoney(amount: number): string {
  return `${money.format(amount)} ₫`;
}

const FIELD_LABELS = [
  'fullName',
  'birthDate',
  'sex',
  'citizenId',
  'legacyIdNumber',
  'passportNumber',
  'nationality',
  'ethnicity',
  'religion',
  'phone',
  'email',
  'addressLine',
  'provinceCode',
  'communeCode',
  'employerName',
  'employerTaxCode',
  'contractType',
  'contractMonths',
  'occupation',
  'qualification',
  'insuredSalary',
  'cardNumber',
  'unionPosition',
  'joinedAt',
] as const;
type LabelledField = (typeof FIELD_LABELS)[number];

const isLabelledField = (field: string): field is LabelledField =>
  (FIELD_LABELS as readonly string[]).includes(field);
const isSex = (value: unknown): value is Sex => (SEXES as readonly unknown[]).includes(value);
const isContractType = (value: unknown): value is ContractType =>
  (CONTRACT_TYPES as readonly unknown[]).includes(value);

/** A record field by its Vietnamese name; a field this app does not know yet shows by its key. */
export function fieldLabel(t: TFunction, field: string): string {
  return isLabelledField(field) ? t(`memberField.${field}`) : field;
}

/** A value of a record field as people read it: dates dd/mm/yyyy, money in đồng, enums in words. */
export function fieldValueText(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('members.changes.blank');
  if ((field === 'birthDate' || field === 'joinedAt') && typeof value === 'string') return formatDate(value);
  if (field === 'sex' && isSex(value)) return t(`sex.${value}`);
  if (field === 'contractType' && isContractType(value)) return t(`contractType.${value}`);
  if (field === 'insuredSalary' && typeof value === 'number') return formatMoney(value);
  if (field === 'phone' && typeof value === 'string') return formatPhone(value);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The region's name in the UI language (VN → Việt Nam), or the code if the browser does not know it. */
export function nationalityName(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** Stored as +84…; Vietnamese readers know their numbers as 0… */
export function localPhone(phone: string): string {
  return phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
}

/** A mobile number grouped as people say it: 0912 345 678. */
export function formatPhone(phone: string): string {
  const local = localPhone(phone);
  return /^0\d{9}$/.test(local) ? `${local.slice(0, 4)} ${local.slice(4, 7)} ${local.slice(7)}` : local;
}
