import { z } from 'zod';
import { Id, IsoDate, PageQuery, pageOf } from './common.js';
import { citizenIdProblems, LEGACY_IDENTITY_CARD_PATTERN } from './citizen-id.js';
import { normaliseVietnamesePhone } from './vn-phone.js';
import type { ErrorCode } from './errors.js';

/**
 * The member record (domain.md §2.2) and its lifecycle (§2.3). The same rules run in the admit form, on
 * the server and on every imported row: `memberRecordProblems` is the one place they are written.
 */

export const SEXES = ['male', 'female'] as const;
export const Sex = z.enum(SEXES);
export type Sex = z.infer<typeof Sex>;

/** Labour Code 2019 Art. 20 has two contract types; Law 50/2024 Art. 5 admits workers with none. */
export const CONTRACT_TYPES = ['indefinite', 'fixed_term', 'none'] as const;
export const ContractType = z.enum(CONTRACT_TYPES);
export type ContractType = z.infer<typeof ContractType>;

/** Derived from the dated events, never written directly. */
export const MEMBER_STATUSES = ['active', 'suspended', 'left', 'expelled', 'deceased'] as const;
export const MemberStatus = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatus>;
/** Still a member: counts towards the one-person-one-membership rule. */
export const CURRENT_STATUSES: readonly MemberStatus[] = ['active', 'suspended'];

export const MEMBER_EVENT_TYPES = [
  'admit',
  'readmit',
  'transfer',
  'suspend',
  'resume',
  'exemption_start',
  'exemption_end',
  'leave',
  'expel',
  'reinstate',
  'honorary_grant',
  'honorary_revoke',
  'death',
  'record_corrected',
] as const;
export const MemberEventType = z.enum(MEMBER_EVENT_TYPES);
export type MemberEventType = z.infer<typeof MemberEventType>;

/** What an officer may record through POST /members/:id/events (admission and corrections have their own routes). */
export const RECORDABLE_EVENT_TYPES = [
  'transfer',
  'suspend',
  'resume',
  'exemption_start',
  'exemption_end',
  'leave',
  'expel',
  'reinstate',
  'honorary_grant',
  'honorary_revoke',
  'death',
] as const satisfies readonly MemberEventType[];
export type RecordableEventType = (typeof RECORDABLE_EVENT_TYPES)[number];

export const MEMBER_CODE_PATTERN = /^DV\d{10}$/;
export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;
export const PASSPORT_PATTERN = /^[A-Z0-9]{6,20}$/;
export const PROVINCE_CODE_PATTERN = /^\d{2}$/;
export const COMMUNE_CODE_PATTERN = /^\d{5}$/;
export const NATIONALITY_PATTERN = /^[A-Z]{2}$/;
export const MEMBER_NAME_MAX = 120;
export const MIN_MEMBER_AGE = 15;
/** Law 50/2024 Art. 5: a foreign worker joins with a labour contract of at least 12 months. */
export const FOREIGN_MIN_CONTRACT_MONTHS = 12;
export const INSURED_SALARY_MAX = 10_000_000_000;
export const MEMBER_SEARCH_MIN = 2;
export const REASON_MAX = 500;

const text = (max: number) => z.string().max(max);

/**
 * The fields a person's record holds, as typed or imported. Shapes only: the rules (required fields,
 * citizen-ID structure, ages, dates) are `memberRecordProblems`, so a form, an import row and the API
 * all get the same per-field messages (422 with `error.fields`).
 */
export const MemberFields = z.object({
  fullName: text(MEMBER_NAME_MAX + 20),
  birthDate: text(20),
  sex: text(10),
  citizenId: text(20).nullish(),
  legacyIdNumber: text(20).nullish(),
  passportNumber: text(30).nullish(),
  nationality: text(2).nullish(),
  ethnicity: text(60).nullish(),
  religion: text(60).nullish(),
  /** The member's recorded consent to keep ethnicity and religion (sensitive data, Law 91/2025). */
  sensitiveDataConsent: z.boolean().optional(),
  phone: text(30).nullish(),
  email: text(200).nullish(),
  addressLine: text(300).nullish(),
  provinceCode: text(2).nullish(),
  communeCode: text(5).nullish(),
  employerName: text(300).nullish(),
  employerTaxCode: text(20).nullish(),
  contractType: text(20).nullish(),
  contractMonths: z.number().int().min(0).max(1200).nullish(),
  occupation: text(200).nullish(),
  qualification: text(200).nullish(),
  insuredSalary: z.number().int().min(0).max(INSURED_SALARY_MAX).nullish(),
  cardNumber: text(30).nullish(),
  unionPosition: text(200).nullish(),
  joinedAt: text(20).nullish(),
});
export type MemberFields = z.infer<typeof MemberFields>;
export type MemberField = keyof MemberFields;

export const AdmitMemberBody = MemberFields.extend({
  unitId: Id,
  applicationDate: IsoDate.optional(),
  /** The officer saw the probable duplicates and confirms this is another person. */
  notDuplicate: z.boolean().optional(),
});
export type AdmitMemberBody = z.infer<typeof AdmitMemberBody>;

/** A change to the record: only the fields given change. */
export const UpdateMemberBody = MemberFields.partial().refine(
  (body) => Object.values(body).some((value) => value !== undefined),
  { message: 'member.update_empty' },
);
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

/** The record after the rules: trimmed, normalised, nulls for blanks. */
export interface CleanMemberFields {
  fullName: string;
  birthDate: string;
  sex: Sex;
  citizenId: string | null;
  legacyIdNumber: string | null;
  passportNumber: string | null;
  nationality: string;
  ethnicity: string | null;
  religion: string | null;
  sensitiveDataConsent: boolean;
  phone: string | null;
  email: string | null;
  addressLine: string | null;
  provinceCode: string | null;
  communeCode: string | null;
  employerName: string | null;
  employerTaxCode: string | null;
  contractType: ContractType | null;
  contractMonths: number | null;
  occupation: string | null;
  qualification: string | null;
  insuredSalary: number | null;
  cardNumber: string | null;
  unionPosition: string | null;
  joinedAt: string;
}

export interface FieldProblem {
  field: MemberField;
  code: ErrorCode;
}

const titleCaseSyllable = (syllable: string): string => {
  const lower = syllable.toLocaleLowerCase('vi');
  const [first = ''] = lower;
  return first.toLocaleUpperCase('vi') + lower.slice(first.length);
};

/** "NGUYỄN VĂN AN" and "nguyễn văn an" → "Nguyễn Văn An"; a name typed in mixed case is left alone. */
export function vietnameseNameCase(name: string): string {
  const uniform = name === name.toLocaleUpperCase('vi') || name === name.toLocaleLowerCase('vi');
  return uniform ? name.split(' ').map(titleCaseSyllable).join(' ') : name;
}

// Vietnamese keyboards may type decomposed marks ("Unicode tổ hợp"): one form, NFC, is stored.
const blankToNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
};

const isRealIsoDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** Whole years from `from` to `to` (both yyyy-mm-dd), as a person counts their age. */
export function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) >= from.slice(5) ? years : years - 1;
}

const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/**
 * Checks a record against every rule and returns it cleaned, or the problems field by field. `today`
 * is the Vietnam date (a parameter so the rules are pure and testable).
 */
export function memberRecordProblems(
  input: MemberFields,
  today: string,
): { record: CleanMemberFields; problems: [] } | { record: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fail = (field: MemberField, code: ErrorCode) => problems.push({ field, code });

  const fullName = vietnameseNameCase(blankToNull(input.fullName) ?? '');
  if (fullName.length < 2) fail('fullName', 'member.full_name_required');
  else if (fullName.length > MEMBER_NAME_MAX || /[0-9@#$%^&*_=+<>{}[\]|\\/]/.test(fullName))
    fail('fullName', 'member.full_name_invalid');

  const birthDate = blankToNull(input.birthDate) ?? '';
  const birthOk = isRealIsoDate(birthDate);
  if (!birthOk) fail('birthDate', 'member.date_invalid');
  else if (birthDate > today) fail('birthDate', 'member.date_in_future');
  else if (birthDate < '1900-01-01') fail('birthDate', 'member.date_invalid');

  const sexParsed = Sex.safeParse(input.sex);
  if (!sexParsed.success) fail('sex', 'member.sex_invalid');

  const nationality = (blankToNull(input.nationality) ?? 'VN').toUpperCase();
  if (!NATIONALITY_PATTERN.test(nationality)) fail('nationality', 'member.nationality_invalid');
  const foreign = nationality !== 'VN';

  const citizenId = blankToNull(input.citizenId)?.replace(/\s/g, '') ?? null;
  if (citizenId !== null && birthOk && sexParsed.success) {
    const [first] = citizenIdProblems(citizenId, { birthDate, sex: sexParsed.data });
    if (first) fail('citizenId', first);
  } else if (citizenId !== null && !/^\d{12}$/.test(citizenId)) fail('citizenId', 'citizen_id.format');

  const legacyIdNumber = blankToNull(input.legacyIdNumber)?.replace(/\s/g, '') ?? null;
  if (legacyIdNumber !== null && !LEGACY_IDENTITY_CARD_PATTERN.test(legacyIdNumber))
    fail('legacyIdNumber', 'member.legacy_id_invalid');

  const passportNumber = blankToNull(input.passportNumber)?.replace(/\s/g, '').toUpperCase() ?? null;
  if (passportNumber !== null && !PASSPORT_PATTERN.test(passportNumber))
    fail('passportNumber', 'member.passport_invalid');
  if (foreign && passportNumber === null) fail('passportNumber', 'member.passport_required');
  if (foreign && citizenId !== null) fail('citizenId', 'member.citizen_id_for_foreigner');

  const ethnicity = blankToNull(input.ethnicity);
  const religion = blankToNull(input.religion);
  const sensitiveDataConsent = input.sensitiveDataConsent === true;
  if ((ethnicity !== null || religion !== null) && !sensitiveDataConsent)
    fail(ethnicity !== null ? 'ethnicity' : 'religion', 'member.sensitive_needs_consent');

  const rawPhone = blankToNull(input.phone);
  const phone = rawPhone === null ? null : (normaliseVietnamesePhone(rawPhone) ?? null);
  if (rawPhone !== null && phone === null) fail('phone', 'member.phone_invalid');

  const email = blankToNull(input.email)?.toLowerCase() ?? null;
  if (email !== null && !isEmail(email)) fail('email', 'member.email_invalid');

  const provinceCode = blankToNull(input.provinceCode);
  if (provinceCode !== null && !PROVINCE_CODE_PATTERN.test(provinceCode))
    fail('provinceCode', 'member.province_code_invalid');
  const communeCode = blankToNull(input.communeCode);
  if (communeCode !== null && !COMMUNE_CODE_PATTERN.test(communeCode))
    fail('communeCode', 'member.commune_code_invalid');

  const employerTaxCode = blankToNull(input.employerTaxCode)?.replace(/\s/g, '') ?? null;
  if (employerTaxCode !== null && !TAX_CODE_PATTERN.test(employerTaxCode))
    fail('employerTaxCode', 'member.tax_code_invalid');

  const contractRaw = blankToNull(input.contractType);
  const contractParsed = contractRaw === null ? null : ContractType.safeParse(contractRaw);
  if (contractParsed && !contractParsed.success) fail('contractType', 'member.contract_type_invalid');
  const contractType = contractParsed?.success ? contractParsed.data : null;
  const contractMonths = input.contractMonths ?? null;
  if (contractType === 'fixed_term' && contractMonths === null)
    fail('contractMonths', 'member.contract_months_required');
  if (
    foreign &&
    !(
      contractType === 'indefinite' ||
      (contractType === 'fixed_term' && (contractMonths ?? 0) >= FOREIGN_MIN_CONTRACT_MONTHS)
    )
  )
    fail('contractMonths', 'member.foreign_contract_too_short');

  const joinedAt = blankToNull(input.joinedAt) ?? today;
  if (!isRealIsoDate(joinedAt)) fail('joinedAt', 'member.date_invalid');
  else if (joinedAt > today) fail('joinedAt', 'member.date_in_future');
  else if (birthOk && birthDate <= today && yearsBetween(birthDate, joinedAt) < MIN_MEMBER_AGE)
    fail('birthDate', 'member.too_young');

  if (problems.length > 0) return { record: null, problems };
  return {
    record: {
      fullName,
      birthDate,
      sex: sexParsed.data!,
      citizenId,
      legacyIdNumber,
      passportNumber,
      nationality,
      ethnicity,
      religion,
      sensitiveDataConsent,
      phone,
      email,
      addressLine: blankToNull(input.addressLine),
      provinceCode,
      communeCode,
      employerName: blankToNull(input.employerName),
      employerTaxCode,
      contractType,
      contractMonths: contractType === 'fixed_term' ? contractMonths : null,
      occupation: blankToNull(input.occupation),
      qualification: blankToNull(input.qualification),
      insuredSalary: input.insuredSalary ?? null,
      cardNumber: blankToNull(input.cardNumber),
      unionPosition: blankToNull(input.unionPosition),
      joinedAt,
    },
    problems: [],
  };
}

// ——— Reading ———

export const MemberListItemDto = z.object({
  id: z.number(),
  memberCode: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  sex: Sex,
  unitId: z.number(),
  unitName: z.string(),
  status: MemberStatus,
});
export type MemberListItemDto = z.infer<typeof MemberListItemDto>;
export const MemberPage = pageOf(MemberListItemDto);
export type MemberPage = z.infer<typeof MemberPage>;

export const AGE_BANDS = ['15-30', '31-40', '41-50', '51-60', '61+'] as const;
export const AgeBand = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBand>;

export const MemberListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  unitId: Id.optional(),
  status: MemberStatus.optional(),
  sex: Sex.optional(),
  ageBand: AgeBand.optional(),
  employer: z.string().trim().max(100).optional(),
  joinedFrom: IsoDate.optional(),
  joinedTo: IsoDate.optional(),
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;

export const MemberEventDto = z.object({
  id: z.number(),
  type: MemberEventType,
  effectiveOn: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  toUnitId: z.number().nullable(),
  toUnitName: z.string().nullable(),
  reason: z.string().nullable(),
  decisionRef: z.string().nullable(),
  applicationDate: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
  /** For corrections: field → [old, new]. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
});
export type MemberEventDto = z.infer<typeof MemberEventDto>;

export const MemberDto = z.object({
  id: z.number(),
  memberCode: z.string(),
  status: MemberStatus,
  honorary: z.boolean(),
  duesExempt: z.boolean(),
  unitId: z.number(),
  unitName: z.string(),
  grassrootsUnitId: z.number(),
  grassrootsUnitName: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  sex: Sex,
  citizenId: z.string().nullable(),
  legacyIdNumber: z.string().nullable(),
  passportNumber: z.string().nullable(),
  nationality: z.string(),
  /** Null unless the caller may read sensitive data here; `sensitiveHidden` says which. */
  ethnicity: z.string().nullable(),
  religion: z.string().nullable(),
  sensitiveHidden: z.boolean(),
  sensitiveDataConsentAt: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  addressLine: z.string().nullable(),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  employerName: z.string().nullable(),
  employerTaxCode: z.string().nullable(),
  contractType: ContractType.nullable(),
  contractMonths: z.number().nullable(),
  occupation: z.string().nullable(),
  qualification: z.string().nullable(),
  insuredSalary: z.number().nullable(),
  cardNumber: z.string().nullable(),
  unionPosition: z.string().nullable(),
  joinedAt: z.string(),
  pendingTransferId: z.number().nullable(),
  /** The member can sign in: their record is linked to an account, or an account holds their phone. */
  hasAccount: z.boolean(),
  history: z.array(MemberEventDto),
  can: z.object({
    update: z.boolean(),
    recordEvents: z.boolean(),
    transfer: z.boolean(),
  }),
});
export type MemberDto = z.infer<typeof MemberDto>;

// ——— Lifecycle ———

export const RecordMemberEventBody = z.object({
  type: z.enum(RECORDABLE_EVENT_TYPES),
  date: IsoDate,
  /** For a transfer: the receiving grassroots union (or a branch/group in one). */
  toUnitId: Id.optional(),
  reason: z.string().trim().max(REASON_MAX).optional(),
  /** The number of the decision (quyết định) behind the event, when there is one. */
  decisionRef: z.string().trim().max(100).optional(),
});
export type RecordMemberEventBody = z.infer<typeof RecordMemberEventBody>;

/** A recorded event, or a transfer: done at once within the caller's units, else waiting (`completed: false`). */
export const EventOutcomeDto = z.object({
  completed: z.boolean(),
  transferId: z.number().nullable(),
  member: MemberDto.nullable(),
});
export type EventOutcomeDto = z.infer<typeof EventOutcomeDto>;

export const TRANSFER_STATUSES = ['pending', 'accepted', 'rejected', 'cancelled'] as const;
export const TransferStatus = z.enum(TRANSFER_STATUSES);

export const TransferDto = z.object({
  id: z.number(),
  status: TransferStatus,
  memberId: z.number(),
  memberCode: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  fromUnitId: z.number(),
  fromUnitName: z.string(),
  toUnitId: z.number(),
  toUnitName: z.string(),
  requestedOn: z.string(),
  effectiveOn: z.string(),
  requestedBy: z.enum(['sending', 'receiving']),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The caller may accept or reject it (it waits on the caller's side). */
  canDecide: z.boolean(),
  canCancel: z.boolean(),
});
export type TransferDto = z.infer<typeof TransferDto>;
export const TransferPage = pageOf(TransferDto);

export const TransferListQuery = PageQuery.extend({
  direction: z.enum(['incoming', 'outgoing']),
  status: TransferStatus.default('pending'),
});
export type TransferListQuery = z.infer<typeof TransferListQuery>;

/** The receiving union asks for a member it cannot see, known by citizen ID (and the card's member code). */
export const RequestTransferInBody = z.object({
  citizenId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'citizen_id.format'),
  memberCode: z.string().trim().toUpperCase().regex(MEMBER_CODE_PATTERN, 'member.code_invalid'),
  toUnitId: Id,
  date: IsoDate,
  reason: z.string().trim().max(REASON_MAX).optional(),
});
export type RequestTransferInBody = z.infer<typeof RequestTransferInBody>;

export const DecideTransferBody = z.object({
  decision: z.enum(['accept', 'reject', 'cancel']),
  reason: z.string().trim().max(REASON_MAX).optional(),
});
export type DecideTransferBody = z.infer<typeof DecideTransferBody>;

// ——— Duplicates ———

export const DuplicateCheckQuery = z.object({
  fullName: z.string().trim().min(2).max(MEMBER_NAME_MAX),
  birthDate: IsoDate,
});
export const DuplicateCandidateDto = z.object({
  id: z.number(),
  memberCode: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  unitName: z.string(),
  status: MemberStatus,
});
export type DuplicateCandidateDto = z.infer<typeof DuplicateCandidateDto>;

/** Probable duplicates the caller may see, and how many more exist outside their units. */
export const DuplicateCheckDto = z.object({
  candidates: z.array(DuplicateCandidateDto),
  elsewhere: z.number(),
});
export type DuplicateCheckDto = z.infer<typeof DuplicateCheckDto>;

/** `error.details` of 409 member.citizen_id_taken: the holder is named only inside the caller's scope. */
export const CitizenIdTakenDetails = z.object({
  inScope: z.boolean(),
  memberId: z.number().optional(),
  memberCode: z.string().optional(),
  unitName: z.string().optional(),
  transferPossible: z.boolean(),
});
export type CitizenIdTakenDetails = z.infer<typeof CitizenIdTakenDetails>;

/** A grassroots union (or a branch or group in one) anywhere in the country: a transfer destination. */
export const TransferDestinationDto = z.object({ id: z.number(), name: z.string(), code: z.string() });
export type TransferDestinationDto = z.infer<typeof TransferDestinationDto>;
export const TransferDestinationQuery = z.object({ q: z.string().trim().min(2).max(100) });

// ——— Corrections requested by members ———

/** What a member may ask to have corrected on their own record. */
export const CORRECTABLE_FIELDS = [
  'fullName',
  'birthDate',
  'sex',
  'citizenId',
  'phone',
  'email',
  'addressLine',
  'provinceCode',
  'communeCode',
  'employerName',
  'occupation',
  'qualification',
] as const satisfies readonly MemberField[];

export const CorrectionRequestBody = z.object({
  changes: MemberFields.pick({
    fullName: true,
    birthDate: true,
    sex: true,
    citizenId: true,
    phone: true,
    email: true,
    addressLine: true,
    provinceCode: true,
    communeCode: true,
    employerName: true,
    occupation: true,
    qualification: true,
  })
    .partial()
    .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
      message: 'member.update_empty',
    }),
  note: z.string().trim().max(REASON_MAX).optional(),
});
export type CorrectionRequestBody = z.infer<typeof CorrectionRequestBody>;

export const CorrectionDto = z.object({
  id: z.number(),
  memberId: z.number(),
  memberCode: z.string(),
  fullName: z.string(),
  unitName: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  note: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export type CorrectionDto = z.infer<typeof CorrectionDto>;
export const CorrectionPage = pageOf(CorrectionDto);

export const CorrectionListQuery = PageQuery.extend({
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
});

export const DecideCorrectionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(REASON_MAX).optional(),
});
export type DecideCorrectionBody = z.infer<typeof DecideCorrectionBody>;

/** A member's own view: the record, its history, and their correction requests. */
export const OwnMemberDto = z.object({
  member: MemberDto.omit({ can: true }),
  corrections: z.array(CorrectionDto),
});
export type OwnMemberDto = z.infer<typeof OwnMemberDto>;

/** "Công đoàn của tôi": the member's union, the unions above it, and the officers to reach. */
export const OwnUnionDto = z.object({
  unit: z.object({ id: z.number(), name: z.string(), type: z.string() }),
  /** From the member's unit up to the province-level union: "CĐCS …", "LĐLĐ tỉnh …". */
  superiors: z.array(z.object({ id: z.number(), name: z.string(), type: z.string() })),
  officers: z.array(
    z.object({
      fullName: z.string(),
      role: z.string(),
      roleName: z.string(),
      unitName: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
});
export type OwnUnionDto = z.infer<typeof OwnUnionDto>;

/** `POST /members/:id/account`: an officer sets up sign-in for a member who needs help. */
export const MemberAccountBody = z.object({ password: z.string().min(8).max(128) });
export type MemberAccountBody = z.infer<typeof MemberAccountBody>;
export const MemberAccountDto = z.object({ accountId: z.number(), login: z.string() });
export type MemberAccountDto = z.infer<typeof MemberAccountDto>;

// ——— Import and export ———

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 100_000;

export const ImportQuery = z.object({
  unitId: Id,
  dryRun: z.stringbool().default(true),
});

export const ImportRowError = z.object({
  row: z.number(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportReportDto = z.object({
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  /** Rows that will add a member, and rows that match one already here. */
  toAdmit: z.number(),
  toUpdate: z.number(),
  unchanged: z.number(),
  errors: z.array(ImportRowError),
  /** The errors list stops here; `invalid` still counts them all. */
  errorsTruncated: z.boolean(),
});
export type ImportReportDto = z.infer<typeof ImportReportDto>;

export const ImportStartedDto = z.object({ jobId: z.number() });
export type ImportStartedDto = z.infer<typeof ImportStartedDto>;

/** The `result` of a finished import job. */
export const ImportJobResult = z.object({
  total: z.number(),
  admitted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
});
export type ImportJobResult = z.infer<typeof ImportJobResult>;

export const ExportQuery = MemberListQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;
