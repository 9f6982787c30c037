import { sql } from 'drizzle-orm';
import { bytea } from '../../kernel/db/columns.js';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Member codes are drawn from here and never reused, whatever becomes of the member. */
export const memberCodeSequence = pgSequence('member_code_seq', { startWith: 1 });

/**
 * One row per person, for life: a transfer moves the row, a leave or an expulsion changes its status,
 * the member code never changes. `status`, `honorary` and `dues_exempt` are derived from the events and
 * kept here so lists need no replay. Designed for 11 M rows: scope by `unit_path` (text_pattern_ops)
 * or `province_id`, names searched by their folded prefix within a province.
 */
export const members = pgTable(
  'members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberCode: text('member_code').notNull(),
    /** Where the member belongs: a grassroots union or guild, or a branch or group in one. */
    unitId: integer('unit_id').notNull(),
    grassrootsUnitId: integer('grassroots_unit_id').notNull(),
    unitPath: text('unit_path').notNull(),
    provinceId: integer('province_id'),
    status: text('status').notNull(),
    honorary: boolean('honorary').notNull().default(false),
    duesExempt: boolean('dues_exempt').notNull().default(false),
    fullName: text('full_name').notNull(),
    fullNameFolded: text('full_name_folded').notNull(),
    /** Vietnamese lists sort by given name, then the rest: "an nguyen van an". */
    sortName: text('sort_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').notNull(),
    citizenId: text('citizen_id'),
    legacyIdNumber: text('legacy_id_number'),
    passportNumber: text('passport_number'),
    nationality: text('nationality').notNull().default('VN'),
    ethnicity: text('ethnicity'),
    religion: text('religion'),
    sensitiveConsentAt: timestamp('sensitive_consent_at', { withTimezone: true }),
    sensitiveConsentBy: integer('sensitive_consent_by'),
    phone: text('phone'),
    email: text('email'),
    addressLine: text('address_line'),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    employerName: text('employer_name'),
    employerFolded: text('employer_folded'),
    employerTaxCode: text('employer_tax_code'),
    contractType: text('contract_type'),
    contractMonths: smallint('contract_months'),
    occupation: text('occupation'),
    qualification: text('qualification'),
    // VND has no minor unit: whole đồng in a bigint.
    insuredSalary: bigint('insured_salary', { mode: 'number' }),
    cardNumber: text('card_number'),
    unionPosition: text('union_position'),
    joinedAt: date('joined_at', { mode: 'string' }).notNull(),
    admittedByUnitId: integer('admitted_by_unit_id'),
    /** The member's own login, when they have one (matched by phone). */
    accountId: integer('account_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_member_code_key').on(t.memberCode),
    // One person, one membership: a citizen ID has one record for life (a transfer moves it, a former
    // member is readmitted on it), so a unique index is the rule itself, and concurrency cannot break it.
    uniqueIndex('members_citizen_id_key')
      .on(t.citizenId)
      .where(sql`${t.citizenId} is not null`),
    uniqueIndex('members_passport_key')
      .on(t.nationality, t.passportNumber)
      .where(sql`${t.passportNumber} is not null`),
    index('members_unit_path_idx').on(t.unitPath.op('text_pattern_ops')),
    index('members_unit_sort_idx').on(t.unitId, t.sortName, t.id),
    index('members_province_name_idx').on(t.provinceId, t.fullNameFolded.op('text_pattern_ops'), t.id),
    index('members_name_idx').on(t.fullNameFolded.op('text_pattern_ops'), t.id),
    index('members_province_sort_idx').on(t.provinceId, t.sortName, t.id),
    index('members_phone_idx')
      .on(t.phone)
      .where(sql`${t.phone} is not null`),
    index('members_legacy_id_idx')
      .on(t.legacyIdNumber)
      .where(sql`${t.legacyIdNumber} is not null`),
    index('members_account_idx')
      .on(t.accountId)
      .where(sql`${t.accountId} is not null`),
    check(
      'members_status_check',
      sql`${t.status} in ('active', 'suspended', 'left', 'expelled', 'deceased')`,
    ),
    check('members_sex_check', sql`${t.sex} in ('male', 'female')`),
    check(
      'members_contract_check',
      sql`${t.contractType} is null or ${t.contractType} in ('indefinite', 'fixed_term', 'none')`,
    ),
    check(
      'members_sensitive_consent_check',
      sql`(${t.ethnicity} is null and ${t.religion} is null) or ${t.sensitiveConsentAt} is not null`,
    ),
  ],
);

/**
 * The membership history as dated events: the status is their consequence, and any cut-off date's
 * figures can be recomputed from them. `unit_id` is where the member was when it happened.
 */
export const memberEvents = pgTable(
  'member_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    type: text('type').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    unitId: integer('unit_id').notNull(),
    toUnitId: integer('to_unit_id'),
    reason: text('reason'),
    decisionRef: text('decision_ref'),
    /** For an admission: the date of the written application (đơn gia nhập). */
    applicationDate: date('application_date', { mode: 'string' }),
    /** For a correction: field → [old, new]. */
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: integer('recorded_by'),
  },
  (t) => [
    index('member_events_member_idx').on(t.memberId, t.effectiveOn, t.id),
    index('member_events_unit_idx').on(t.unitId, t.effectiveOn),
    // Who arrived in a unit, for the figures at a past cut-off date.
    index('member_events_to_unit_idx')
      .on(t.toUnitId, t.effectiveOn)
      .where(sql`${t.toUnitId} is not null`),
  ],
);

/** A transfer between grassroots unions waits for the side that did not ask for it. */
export const memberTransfers = pgTable(
  'member_transfers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    fromUnitId: integer('from_unit_id').notNull(),
    fromUnitPath: text('from_unit_path').notNull(),
    toUnitId: integer('to_unit_id').notNull(),
    toUnitPath: text('to_unit_path').notNull(),
    requestedBy: text('requested_by').notNull(),
    status: text('status').notNull().default('pending'),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    reason: text('reason'),
    decisionRef: text('decision_ref'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    requestedByAccount: integer('requested_by_account'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: integer('decided_by'),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    uniqueIndex('member_transfers_one_pending')
      .on(t.memberId)
      .where(sql`${t.status} = 'pending'`),
    index('member_transfers_to_idx').on(t.toUnitPath.op('text_pattern_ops'), t.status),
    index('member_transfers_from_idx').on(t.fromUnitPath.op('text_pattern_ops'), t.status),
    check('member_transfers_side_check', sql`${t.requestedBy} in ('sending', 'receiving')`),
    check(
      'member_transfers_status_check',
      sql`${t.status} in ('pending', 'accepted', 'rejected', 'cancelled')`,
    ),
  ],
);

/** A member asks for their record to be corrected; an officer of their union decides. */
export const memberCorrections = pgTable(
  'member_corrections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** Copied so the officers' queue is a prefix scan; rewritten on moves like the member's own. */
    unitPath: text('unit_path').notNull(),
    status: text('status').notNull().default('pending'),
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull(),
    note: text('note'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: integer('decided_by'),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    uniqueIndex('member_corrections_one_pending')
      .on(t.memberId)
      .where(sql`${t.status} = 'pending'`),
    index('member_corrections_path_idx').on(t.unitPath.op('text_pattern_ops'), t.status),
    check('member_corrections_status_check', sql`${t.status} in ('pending', 'approved', 'rejected')`),
  ],
);

/**
 * An uploaded member list waiting to be (or being) imported. The file is kept until the job finishes so
 * a restart can resume from `rows_done`, which advances in the same transaction as each batch.
 */
export const memberImports = pgTable('member_imports', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  jobId: integer('job_id').notNull(),
  unitId: integer('unit_id').notNull(),
  unitPath: text('unit_path').notNull(),
  filename: text('filename').notNull(),
  fileSha256: text('file_sha256').notNull(),
  /** Cleared when the job ends: the uploaded file is personal data and is kept only while needed. */
  file: bytea('file'),
  rowsDone: integer('rows_done').notNull().default(0),
  admitted: integer('admitted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
});
