import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  CURRENT_STATUSES,
  IMPORT_MAX_ROWS,
  memberRecordProblems,
  type CleanMemberFields,
  type ImportReportDto,
  type ImportRowError,
  type MemberField,
  type MemberFields,
} from '@union/contracts/members';
import type { ErrorCode } from '@union/contracts/errors';
import { bulkTransaction, type CopyValue } from '../../kernel/db/bulk-copy.js';
import type { Database, Db } from '../../kernel/db/database.js';
import { mayAt, type Actor } from '../../kernel/access/actor.js';
import { recordAudit, type AuditActor } from '../../kernel/audit/audit.js';
import { DomainError, messageOf, type Language } from '../../kernel/errors.js';
import { enqueueJob, JobInterrupted, type JobContext } from '../../kernel/jobs/job-runner.js';
import { foldVietnamese } from '../../kernel/text/fold.js';
import { todayInVietnam } from '../../kernel/time.js';
import { unsafeMembershipPlaces } from '../units/index.js';
import { readMemberSheet, type SheetRow } from './spreadsheet/read-member-sheet.js';
import { memberEvents, memberImports, members } from './members.schema.js';
import {
  assertMembershipPlace,
  changesBetween,
  fieldsOf,
  getMembershipPlace,
  nextMemberCodes,
  recordColumns,
} from './members.service.js';
import type { MemberRow } from './members.queries.js';

export const IMPORT_JOB_KIND = 'members.import';
const BATCH_ROWS = 2_000;
const REPORTED_ERRORS_MAX = 1_000;

type Place = Awaited<ReturnType<typeof getMembershipPlace>>;

/** What one valid row will do: add a member, change one already here, or nothing. */
type Plan =
  | { kind: 'admit'; record: CleanMemberFields }
  | {
      kind: 'update';
      member: MemberRow;
      after: CleanMemberFields;
      changes: Record<string, [unknown, unknown]>;
    }
  | { kind: 'unchanged' };

interface PlannedBatch {
  plans: Plan[];
  errors: ImportRowError[];
}

/**
 * Classifies a batch of rows against the database as it is now: reads only, so a dry run and each
 * committed batch share it. A row's citizen ID (or passport) finds the member anywhere; a row without
 * one matches a member of the same name and birth date inside the target unit, so a re-import adds no
 * one twice.
 */
async function planBatch(
  db: Db,
  place: Place,
  rows: readonly SheetRow[],
  presentFields: ReadonlySet<MemberField>,
  columnOf: (field: MemberField) => string,
  language: Language,
  seenIds: Set<string>,
): Promise<PlannedBatch> {
  const errors: ImportRowError[] = [];
  const fail = (row: number, field: MemberField | null, code: ErrorCode, column?: string) =>
    errors.push({
      row,
      column: column ?? (field ? columnOf(field) : ''),
      code,
      message: messageOf(code, language),
    });
  const valid: { row: SheetRow; record: CleanMemberFields }[] = [];
  const today = todayInVietnam();
  for (const row of rows) {
    if (row.problems.length > 0) {
      for (const problem of row.problems) fail(row.row, problem.field, problem.code, problem.column);
      continue;
    }
    const checked = memberRecordProblems(row.fields, today);
    if (!checked.record) {
      for (const problem of checked.problems) fail(row.row, problem.field, problem.code);
      continue;
    }
    const identity = checked.record.citizenId ?? checked.record.passportNumber;
    if (identity) {
      if (seenIds.has(identity)) {
        fail(row.row, checked.record.citizenId ? 'citizenId' : 'passportNumber', 'import.duplicate_in_file');
        continue;
      }
      seenIds.add(identity);
    }
    valid.push({ row, record: checked.record });
  }

  const citizenIds = valid.flatMap((v) => (v.record.citizenId ? [v.record.citizenId] : []));
  const passports = valid.flatMap((v) => (v.record.passportNumber ? [v.record.passportNumber] : []));
  const unidentified = valid.filter((v) => !v.record.citizenId && !v.record.passportNumber);
  const [byCitizenId, byPassport, byNameAndBirth] = await Promise.all([
    citizenIds.length ? db.select().from(members).where(inArray(members.citizenId, citizenIds)) : [],
    passports.length ? db.select().from(members).where(inArray(members.passportNumber, passports)) : [],
    unidentified.length
      ? db
          .select()
          .from(members)
          .where(
            and(
              inArray(
                members.fullNameFolded,
                unidentified.map((v) => foldVietnamese(v.record.fullName)),
              ),
              sql`${members.unitPath} like ${`${place.path}%`}`,
            ),
          )
      : [],
  ]);
  const citizenIndex = new Map(byCitizenId.map((m) => [m.citizenId!, m]));
  const passportIndex = new Map(byPassport.map((m) => [`${m.nationality}:${m.passportNumber}`, m]));
  const nameIndex = new Map(byNameAndBirth.map((m) => [`${m.fullNameFolded}:${m.birthDate}`, m]));

  const plans: Plan[] = [];
  for (const { row, record } of valid) {
    const existing = record.citizenId
      ? citizenIndex.get(record.citizenId)
      : record.passportNumber
        ? passportIndex.get(`${record.nationality}:${record.passportNumber}`)
        : nameIndex.get(`${foldVietnamese(record.fullName)}:${record.birthDate}`);
    if (!existing) {
      plans.push({ kind: 'admit', record });
      continue;
    }
    if (!existing.unitPath.startsWith(place.path)) {
      fail(row.row, 'citizenId', 'import.member_out_of_scope');
      continue;
    }
    if (!(CURRENT_STATUSES as string[]).includes(existing.status)) {
      fail(row.row, 'citizenId', 'import.member_not_current');
      continue;
    }
    // A column the file lacks, or a blank cell, keeps what the record holds: an import never erases.
    const before = fieldsOf(existing);
    const merged = { ...before } as Record<string, unknown>;
    for (const field of presentFields) {
      const value = record[field as keyof CleanMemberFields];
      if (value !== null && value !== undefined && field !== 'sensitiveDataConsent') merged[field] = value;
    }
    const after = memberRecordProblems(merged as MemberFields, today);
    if (!after.record) {
      for (const problem of after.problems) fail(row.row, problem.field, problem.code);
      continue;
    }
    const changes = changesBetween(before, after.record);
    plans.push(
      Object.keys(changes).length === 0
        ? { kind: 'unchanged' }
        : { kind: 'update', member: existing, after: after.record, changes },
    );
  }
  return { plans, errors };
}

async function* batchesOf(rows: AsyncIterable<SheetRow>, skip: number): AsyncGenerator<SheetRow[]> {
  let batch: SheetRow[] = [];
  let index = 0;
  for await (const row of rows) {
    if (index++ < skip) continue;
    batch.push(row);
    if (batch.length === BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function openSheet(bytes: Buffer, filename: string, place: Place, mayKeepSensitive: boolean) {
  const sheet = await readMemberSheet({ bytes, filename });
  const present = new Set(
    sheet.header.columns.flatMap((column) => (column.field ? [column.field] : [])),
  ) as Set<MemberField>;
  // Without the right to read sensitive data here, those columns are not taken in at all.
  if (!mayKeepSensitive) for (const field of ['ethnicity', 'religion'] as const) present.delete(field);
  // A field read from two columns (sex as "Nam" | "Nữ") is named by its first.
  const headers = new Map<MemberField, string>();
  for (const column of sheet.header.columns)
    if (column.field && !headers.has(column.field)) headers.set(column.field, column.header);
  const columnOf = (field: MemberField) => headers.get(field) ?? field;
  const rows = mayKeepSensitive ? sheet.rows : withoutSensitive(sheet.rows);
  return { place, present, columnOf, rows };
}

async function* withoutSensitive(rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRow> {
  for await (const row of rows) {
    yield { ...row, fields: { ...row.fields, ethnicity: null, religion: null, sensitiveDataConsent: false } };
  }
}

/** The dry run: every row checked against the rules and the registry, nothing written. */
export async function dryRunImport(
  db: Db,
  actor: Actor,
  input: { unitId: number; bytes: Buffer; filename: string; language: Language },
): Promise<ImportReportDto> {
  const place = await getMembershipPlace(db, actor, input.unitId, 'members.import');
  const sheet = await openSheet(
    input.bytes,
    input.filename,
    place,
    mayAt(actor, 'members.read_sensitive', place.path),
  );
  const report: ImportReportDto = {
    total: 0,
    valid: 0,
    invalid: 0,
    toAdmit: 0,
    toUpdate: 0,
    unchanged: 0,
    errors: [],
    errorsTruncated: false,
  };
  const seen = new Set<string>();
  for await (const batch of batchesOf(sheet.rows, 0)) {
    const planned = await planBatch(db, place, batch, sheet.present, sheet.columnOf, input.language, seen);
    const invalidRows = new Set(planned.errors.map((error) => error.row)).size;
    report.total += batch.length;
    report.invalid += invalidRows;
    report.valid += batch.length - invalidRows;
    for (const plan of planned.plans) {
      if (plan.kind === 'admit') report.toAdmit++;
      else if (plan.kind === 'update') report.toUpdate++;
      else report.unchanged++;
    }
    const room = REPORTED_ERRORS_MAX - report.errors.length;
    report.errors.push(...planned.errors.slice(0, Math.max(0, room)));
    if (planned.errors.length > room) report.errorsTruncated = true;
  }
  return report;
}

/** The commit: the file is kept with a job, which imports it batch by batch (and resumes after a crash). */
export async function startImport(
  db: Db,
  actor: Actor,
  input: { unitId: number; bytes: Buffer; filename: string },
): Promise<number> {
  const place = await getMembershipPlace(db, actor, input.unitId, 'members.import');
  // Reading the header now refuses a file that is not a member list before any job exists.
  await readMemberSheet({ bytes: input.bytes, filename: input.filename });
  return db.transaction(async (tx) => {
    const jobId = await enqueueJob(tx, {
      kind: IMPORT_JOB_KIND,
      payload: {
        unitId: place.id,
        ip: actor.ip,
        mayKeepSensitive: mayAt(actor, 'members.read_sensitive', place.path),
      },
      accountId: actor.accountId,
    });
    await tx.insert(memberImports).values({
      jobId,
      unitId: place.id,
      unitPath: place.path,
      filename: input.filename.slice(0, 200),
      fileSha256: createHash('sha256').update(input.bytes).digest('hex'),
      file: input.bytes,
    });
    return jobId;
  });
}

const MEMBER_COPY_COLUMNS = [
  'member_code',
  'unit_id',
  'grassroots_unit_id',
  'unit_path',
  'province_id',
  'status',
  'full_name',
  'full_name_folded',
  'sort_name',
  'birth_date',
  'sex',
  'citizen_id',
  'legacy_id_number',
  'passport_number',
  'nationality',
  'ethnicity',
  'religion',
  'sensitive_consent_at',
  'sensitive_consent_by',
  'phone',
  'email',
  'address_line',
  'province_code',
  'commune_code',
  'employer_name',
  'employer_folded',
  'employer_tax_code',
  'contract_type',
  'contract_months',
  'occupation',
  'qualification',
  'insured_salary',
  'card_number',
  'union_position',
  'joined_at',
  'admitted_by_unit_id',
] as const;

function memberCopyRow(
  code: string,
  place: Place,
  record: CleanMemberFields,
  accountId: number | null,
): CopyValue[] {
  const c = recordColumns(record);
  const consent = record.sensitiveDataConsent && (record.ethnicity !== null || record.religion !== null);
  return [
    code,
    place.id,
    place.grassrootsId,
    place.path,
    place.provinceId,
    'active',
    c.fullName,
    c.fullNameFolded,
    c.sortName,
    c.birthDate,
    c.sex,
    c.citizenId,
    c.legacyIdNumber,
    c.passportNumber,
    c.nationality,
    c.ethnicity,
    c.religion,
    consent ? new Date().toISOString() : null,
    consent ? accountId : null,
    c.phone,
    c.email,
    c.addressLine,
    c.provinceCode,
    c.communeCode,
    c.employerName,
    c.employerFolded,
    c.employerTaxCode,
    c.contractType,
    c.contractMonths,
    c.occupation,
    c.qualification,
    c.insuredSalary,
    c.cardNumber,
    c.unionPosition,
    c.joinedAt,
    place.grassrootsId,
  ];
}

/**
 * The import job. Each batch is one transaction that also advances `rows_done` and the job's progress,
 * so a process that dies mid-file resumes after the last committed batch: no row is lost or doubled.
 */
export function importJobHandler(database: Database) {
  return async (context: JobContext): Promise<Record<string, unknown>> => {
    const db = database.db;
    const [state] = await db.select().from(memberImports).where(eq(memberImports.jobId, context.job.id));
    if (!state?.file) throw new DomainError('job.not_found');
    const [unit] = await unsafeMembershipPlaces(db, [state.unitId]);
    if (!unit) throw new DomainError('unit.not_found');
    const place = assertMembershipPlace(unit);
    const payload = context.job.payload as { ip?: string; mayKeepSensitive?: boolean };
    const actor: AuditActor = { accountId: context.job.accountId ?? 0, ip: payload.ip ?? '' };
    // Counting first reads the whole file: one over the row limit fails here, before anything is written.
    const total = await rowsToImport(state.file, state.filename).catch(async (error: unknown) => {
      await forgetFile(db, state.id);
      throw error;
    });
    const sheet = await openSheet(state.file, state.filename, place, payload.mayKeepSensitive === true);
    // Identities already imported by committed batches are in the registry now: they plan as "unchanged".
    const seen = new Set<string>();
    let done = state.rowsDone;
    for await (const batch of batchesOf(sheet.rows, state.rowsDone)) {
      // Let queued requests in between batches: on PGlite everything shares one connection.
      await setImmediate();
      if (context.stopping()) throw new JobInterrupted();
      await bulkTransaction(database, async ({ db: tx, copyInto }) => {
        const planned = await planBatch(tx, place, batch, sheet.present, sheet.columnOf, 'vi', seen);
        const admits = planned.plans.filter((plan) => plan.kind === 'admit');
        const updates = planned.plans.filter((plan) => plan.kind === 'update');
        const codes = await nextMemberCodes(tx, admits.length);
        await copyInto(
          'members',
          MEMBER_COPY_COLUMNS,
          admits.map((plan, i) => memberCopyRow(codes[i]!, place, plan.record, context.job.accountId)),
        );
        if (codes.length > 0) {
          await tx.execute(sql`
            insert into member_events (member_id, type, effective_on, unit_id, recorded_by)
            select id, 'admit', joined_at, unit_id, ${context.job.accountId}
            from members where member_code = any(${`{${codes.join(',')}}`}::text[])`);
        }
        for (const plan of updates) {
          await tx
            .update(members)
            .set({ ...recordColumns(plan.after), updatedAt: new Date() })
            .where(eq(members.id, plan.member.id));
          await tx.insert(memberEvents).values({
            memberId: plan.member.id,
            type: 'record_corrected',
            effectiveOn: todayInVietnam(),
            unitId: plan.member.unitId,
            changes: plan.changes,
            recordedBy: context.job.accountId,
          });
        }
        const rejected = new Set(planned.errors.map((error) => error.row)).size;
        done += batch.length;
        await tx
          .update(memberImports)
          .set({
            rowsDone: done,
            admitted: sql`${memberImports.admitted} + ${admits.length}`,
            updated: sql`${memberImports.updated} + ${updates.length}`,
            unchanged: sql`${memberImports.unchanged} + ${planned.plans.length - admits.length - updates.length}`,
            rejected: sql`${memberImports.rejected} + ${rejected}`,
          })
          .where(eq(memberImports.id, state.id));
        await recordAudit(tx, actor, {
          action: 'member.import',
          entityType: 'member_import',
          entityId: state.id,
          unitId: place.id,
          unitPath: place.path,
          details: { rows: batch.length, admitted: admits.length, updated: updates.length, rejected },
        });
        await context.checkpoint(tx, total ? done / total : 1);
      });
    }
    const finished = await forgetFile(db, state.id);
    return {
      total: finished!.rowsDone,
      admitted: finished!.admitted,
      updated: finished!.updated,
      unchanged: finished!.unchanged,
      rejected: finished!.rejected,
    };
  };
}

/** The uploaded file is personal data: it is kept only while the import needs it. */
async function forgetFile(db: Db, importId: number) {
  const [row] = await db
    .update(memberImports)
    .set({ file: null })
    .where(eq(memberImports.id, importId))
    .returning();
  return row;
}

/**
 * About how many rows the job will read, for its progress. A text file with no more lines than the
 * limit cannot pass it, so only a spreadsheet or a long text file is read through first.
 */
async function rowsToImport(bytes: Buffer, filename: string): Promise<number> {
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') {
    let lines = 1;
    for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) lines++;
    if (lines <= IMPORT_MAX_ROWS) return lines;
  }
  return countRows(bytes, filename);
}

async function countRows(bytes: Buffer, filename: string): Promise<number> {
  let count = 0;
  for await (const _row of (await readMemberSheet({ bytes, filename })).rows) count++;
  return count;
}
