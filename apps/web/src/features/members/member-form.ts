import {
  type MemberField,
  MemberFields,
  memberRecordProblems,
  type UpdateMemberBody,
} from '@union/contracts/members';
import type { FieldErrors } from '../../app/form-errors';
import { validate } from '../../app/form-errors';
import { todayIsoDate } from '../../ui/dates';
import type { MemberRecord } from './components/MemberDetails';
import { codeMessage } from './member-errors';
import { localPhone } from './member-values';

/** Every record field as the form holds it: text, as typed. */
export const EMPTY_MEMBER_FORM = {
  fullName: '',
  birthDate: '',
  sex: '',
  citizenId: '',
  legacyIdNumber: '',
  passportNumber: '',
  nationality: 'VN',
  ethnicity: '',
  religion: '',
  phone: '',
  email: '',
  addressLine: '',
  provinceCode: '',
  communeCode: '',
  employerName: '',
  employerTaxCode: '',
  contractType: '',
  contractMonths: '',
  occupation: '',
  qualification: '',
  insuredSalary: '',
  cardNumber: '',
  unionPosition: '',
  joinedAt: '',
};
export type MemberFormValues = typeof EMPTY_MEMBER_FORM;
type FormField = keyof MemberFormValues;

const NUMBER_FIELDS = new Set<FormField>(['contractMonths', 'insuredSalary']);
const SENSITIVE_FIELDS = new Set<FormField>(['ethnicity', 'religion']);

export const isForeign = (values: Pick<MemberFormValues, 'nationality'>) =>
  (values.nationality.trim().toUpperCase() || 'VN') !== 'VN';

/** A field the form shows: passport for foreigners, citizen IDs for Vietnamese (or whichever holds a value). */
export function isShown(field: FormField, values: MemberFormValues, consent: boolean): boolean {
  const foreign = isForeign(values);
  switch (field) {
    case 'passportNumber':
      return foreign || values.passportNumber !== '';
    case 'citizenId':
    case 'legacyIdNumber':
      return !foreign || values[field] !== '';
    case 'contractMonths':
      return values.contractType === 'fixed_term';
    case 'ethnicity':
    case 'religion':
      return consent;
    default:
      return true;
  }
}

function fieldValue(field: FormField, text: string): string | number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (NUMBER_FIELDS.has(field)) return Number(trimmed);
  return trimmed;
}

/**
 * The record as the API takes it. Blank fields are left out; sensitive fields go only with consent,
 * and only from a form that may show them.
 */
export function toMemberFields(
  values: MemberFormValues,
  consent: boolean,
  withSensitive: boolean,
): MemberFields {
  const fields: Record<string, unknown> = {};
  for (const field of Object.keys(values) as FormField[]) {
    if (SENSITIVE_FIELDS.has(field) && !(withSensitive && consent)) continue;
    const value = fieldValue(field, values[field]);
    if (value !== null) fields[field] = value;
  }
  if (withSensitive && consent) fields.sensitiveDataConsent = true;
  return fields as MemberFields;
}

/** The form filled from a record, to edit it. */
export function formFromRecord(member: MemberRecord): MemberFormValues {
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    fullName: member.fullName,
    birthDate: member.birthDate,
    sex: member.sex,
    citizenId: text(member.citizenId),
    legacyIdNumber: text(member.legacyIdNumber),
    passportNumber: text(member.passportNumber),
    nationality: member.nationality,
    ethnicity: text(member.ethnicity),
    religion: text(member.religion),
    phone: member.phone === null ? '' : localPhone(member.phone),
    email: text(member.email),
    addressLine: text(member.addressLine),
    provinceCode: text(member.provinceCode),
    communeCode: text(member.communeCode),
    employerName: text(member.employerName),
    employerTaxCode: text(member.employerTaxCode),
    contractType: text(member.contractType),
    contractMonths: text(member.contractMonths),
    occupation: text(member.occupation),
    qualification: text(member.qualification),
    insuredSalary: text(member.insuredSalary),
    cardNumber: text(member.cardNumber),
    unionPosition: text(member.unionPosition),
    joinedAt: member.joinedAt,
  };
}

/**
 * Only what changed, for a PATCH: a cleared field is sent as null. Withdrawn consent is sent alone
 * (the server erases what it covered); sensitive fields only when the form may show them.
 */
export function changedFields(
  initial: MemberFormValues,
  values: MemberFormValues,
  consent: { initial: boolean; now: boolean },
  withSensitive: boolean,
): Partial<UpdateMemberBody> {
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(values) as FormField[]) {
    if (SENSITIVE_FIELDS.has(field) && !(withSensitive && consent.now)) continue;
    if (values[field].trim() === initial[field].trim()) continue;
    changes[field] = fieldValue(field, values[field]);
  }
  if (withSensitive && consent.now !== consent.initial) changes.sensitiveDataConsent = consent.now;
  return changes as Partial<UpdateMemberBody>;
}

/**
 * A problem is shown where the user can act on it: a foreign worker's contract too short for
 * membership lies with the contract type when no term is asked for.
 */
export function placeErrors(errors: FieldErrors, values: MemberFormValues): FieldErrors {
  if (errors.contractMonths && values.contractType !== 'fixed_term') {
    const { contractMonths, ...rest } = errors;
    return { ...rest, contractType: rest.contractType ?? contractMonths };
  }
  return errors;
}

/** The record's rules in the browser, the very ones the server applies (`memberRecordProblems`). */
export function checkRecord(fields: MemberFields, values: MemberFormValues): FieldErrors {
  const shape = validate(MemberFields, fields);
  if (!shape.ok) return placeErrors(shape.errors, values);
  const checked = memberRecordProblems(fields, todayIsoDate());
  const errors: FieldErrors = {};
  for (const problem of checked.problems) {
    errors[problem.field satisfies MemberField] ??= codeMessage(problem.code);
  }
  return placeErrors(errors, values);
}

/** After a refused submit, the first field marked invalid takes the focus (and so scrolls into view). */
export function focusFirstError(form: HTMLFormElement): void {
  window.setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}
