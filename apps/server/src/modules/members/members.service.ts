import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  CURRENT_STATUSES,
  memberRecordProblems,
  type AdmitMemberBody,
  type CleanMemberFields,
  type DuplicateCandidateDto,
  type MemberDto,
  type MemberEventType,
  type MemberFields,
  type MemberStatus,
  type RecordMemberEventBody,
  type UpdateMemberBody,
} from '@union/contracts/members';
import type { Db } from '../../kernel/db/database.js';
import { isUniqueViolation } from '../../kernel/db/pg-errors.js';
import { mayAt, permissionsAt, type Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { DomainError } from '../../kernel/errors.js';
import { foldVietnamese } from '../../kernel/text/fold.js';
import { todayInVietnam } from '../../kernel/time.js';
import { getAccountNames, unsafeAccountIdByPhone } from '../accounts/index.js';
import { notify } from '../notifications/index.js';
import { unsafeMembershipPlaces, type MembershipPlace } from '../units/index.js';
import { memberCodeFromSerial } from './member-codes.js';
import { nextState, type MembershipState } from './member-lifecycle.js';
import { membershipChangedNotice } from './member-notices.js';
import {
  findMember,
  getMemberOrThrow,
  listHistory,
  lockMember,
  unitNames,
  type MemberRow,
} from './members.queries.js';
import { memberEvents, members, memberTransfers } from './members.schema.js';

const MEMBER_UNIT_TYPES = ['grassroots_union', 'grassroots_guild', 'union_branch', 'union_group'];

/** "Nguyễn Văn An" sorts as "an nguyen van an": Vietnamese lists go by given name first. */
export function sortNameOf(folded: string): string {
  const given = folded.slice(folded.lastIndexOf(' ') + 1);
  return `${given} ${folded}`;
}

/** The rules, or a 422 listing every field that breaks one. */
export function cleanRecord(fields: MemberFields): CleanMemberFields {
  const checked = memberRecordProblems(fields, todayInVietnam());
  if (!checked.record) {
    throw new DomainError(
      'member.record_invalid',
      checked.problems.map((problem) => ({ path: problem.field, code: problem.code })),
    );
  }
  return checked.record;
}

/** Where a member may belong, as the caller may act there: missing, closed or not grassroots is refused. */
export async function getMembershipPlace(
  db: Db,
  actor: Actor,
  unitId: number,
  permission: Parameters<typeof mayAt>[1],
): Promise<MembershipPlace & { grassrootsId: number }> {
  const [place] = await unsafeMembershipPlaces(db, [unitId]);
  if (!place || !mayAt(actor, permission, place.path)) throw new DomainError('unit.not_found');
  return assertMembershipPlace(place);
}

export function assertMembershipPlace(place: MembershipPlace): MembershipPlace & { grassrootsId: number } {
  if (!MEMBER_UNIT_TYPES.includes(place.type) || place.grassrootsId === null)
    throw new DomainError('member.unit_not_grassroots');
  if (place.status !== 'active') throw new DomainError('member.unit_closed');
  return place as MembershipPlace & { grassrootsId: number };
}

/** The stored columns of a clean record (identity, contact, work, union). */
export function recordColumns(record: CleanMemberFields) {
  const fullNameFolded = foldVietnamese(record.fullName);
  return {
    fullName: record.fullName,
    fullNameFolded,
    sortName: sortNameOf(fullNameFolded),
    birthDate: record.birthDate,
    sex: record.sex,
    citizenId: record.citizenId,
    legacyIdNumber: record.legacyIdNumber,
    passportNumber: record.passportNumber,
    nationality: record.nationality,
    ethnicity: record.ethnicity,
    religion: record.religion,
    phone: record.phone,
    email: record.email,
    addressLine: record.addressLine,
    provinceCode: record.provinceCode,
    communeCode: record.communeCode,
    employerName: record.employerName,
    employerFolded: record.employerName ? foldVietnamese(record.employerName) : null,
    employerTaxCode: record.employerTaxCode,
    contractType: record.contractType,
    contractMonths: record.contractMonths,
    occupation: record.occupation,
    qualification: record.qualification,
    insuredSalary: record.insuredSalary,
    cardNumber: record.cardNumber,
    unionPosition: record.unionPosition,
    joinedAt: record.joinedAt,
  };
}

/** The record as the fields a form or a file speaks. */
export function fieldsOf(row: MemberRow): CleanMemberFields {
  return {
    fullName: row.fullName,
    birthDate: row.birthDate,
    sex: row.sex as CleanMemberFields['sex'],
    citizenId: row.citizenId,
    legacyIdNumber: row.legacyIdNumber,
    passportNumber: row.passportNumber,
    nationality: row.nationality,
    ethnicity: row.ethnicity,
    religion: row.religion,
    sensitiveDataConsent: row.sensitiveConsentAt !== null,
    phone: row.phone,
    email: row.email,
    addressLine: row.addressLine,
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
    employerName: row.employerName,
    employerTaxCode: row.employerTaxCode,
    contractType: row.contractType as CleanMemberFields['contractType'],
    contractMonths: row.contractMonths,
    occupation: row.occupation,
    qualification: row.qualification,
    insuredSalary: row.insuredSalary,
    cardNumber: row.cardNumber,
    unionPosition: row.unionPosition,
    joinedAt: row.joinedAt,
  };
}

/** Field → [old, new] for what a clean record changes; consent is a fact with a date, not a field. */
export function changesBetween(
  before: CleanMemberFields,
  after: CleanMemberFields,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof CleanMemberFields)[]) {
    if (key === 'sensitiveDataConsent') continue;
    if (before[key] !== after[key]) changes[key] = [before[key], after[key]];
  }
  return changes;
}

const stateOf = (row: MemberRow): MembershipState => ({
  status: row.status as MemberStatus,
  honorary: row.honorary,
  duesExempt: row.duesExempt,
});

export async function nextMemberCodes(db: Db, count: number): Promise<string[]> {
  const rows = await db.execute<{ serial: number }>(
    sql`select nextval('member_code_seq')::int as serial from generate_series(1, ${count})`,
  );
  return (rows as unknown as { rows: { serial: number }[] }).rows.map((row) =>
    memberCodeFromSerial(Number(row.serial)),
  );
}

/** The member holding this citizen ID (or passport) anywhere, whoever may see them. */
async function unsafeFindByIdentity(db: Db, record: CleanMemberFields) {
  const condition = record.citizenId
    ? eq(members.citizenId, record.citizenId)
    : record.passportNumber
      ? and(eq(members.nationality, record.nationality), eq(members.passportNumber, record.passportNumber))
      : undefined;
  if (!condition) return undefined;
  const [row] = await db.select().from(members).where(condition);
  return row;
}

/** The 409 for an identity that is already a member: it names the holder only inside the caller's scope. */
async function identityTaken(db: Db, actor: Actor, holder: MemberRow, record: CleanMemberFields) {
  const visible = mayAt(actor, 'members.read', holder.unitPath);
  const unitName = visible ? (await unitNames(db, [holder.unitId])).get(holder.unitId) : undefined;
  return new DomainError(record.citizenId ? 'member.citizen_id_taken' : 'member.passport_taken', undefined, {
    inScope: visible,
    ...(visible ? { memberId: holder.id, memberCode: holder.memberCode, unitName } : {}),
    transferPossible: !visible && (CURRENT_STATUSES as string[]).includes(holder.status),
  });
}

export async function findProbableDuplicates(
  db: Db,
  actor: Actor,
  fullName: string,
  birthDate: string,
): Promise<{ candidates: DuplicateCandidateDto[]; elsewhere: number }> {
  const rows = await db
    .select()
    .from(members)
    .where(
      and(
        eq(members.fullNameFolded, foldVietnamese(fullName)),
        eq(members.birthDate, birthDate),
        inArray(members.status, [...CURRENT_STATUSES]),
      ),
    )
    .limit(50);
  const visible = rows.filter((row) => mayAt(actor, 'members.read', row.unitPath));
  const names = await unitNames(
    db,
    visible.map((row) => row.unitId),
  );
  return {
    candidates: visible.map((row) => ({
      id: row.id,
      memberCode: row.memberCode,
      fullName: row.fullName,
      birthDate: row.birthDate,
      unitName: names.get(row.unitId) ?? '',
      status: row.status as MemberStatus,
    })),
    elsewhere: rows.length - visible.length,
  };
}

export async function admitMember(db: Db, actor: Actor, body: AdmitMemberBody): Promise<MemberDto> {
  const place = await getMembershipPlace(db, actor, body.unitId, 'members.admit');
  const record = cleanRecord(body);
  if (!mayAt(actor, 'members.read_sensitive', place.path) && (record.ethnicity || record.religion))
    throw new DomainError('access.denied');
  const holder = await unsafeFindByIdentity(db, record);
  if (holder) {
    if (holder.status === 'left' || holder.status === 'expelled')
      return readmitMember(db, actor, holder, place, record);
    throw await identityTaken(db, actor, holder, record);
  }
  if (!record.citizenId && !record.passportNumber && !body.notDuplicate) {
    const duplicates = await findProbableDuplicates(db, actor, record.fullName, record.birthDate);
    if (duplicates.candidates.length + duplicates.elsewhere > 0)
      throw new DomainError('member.probable_duplicate', undefined, duplicates);
  }
  let id: number;
  try {
    id = await db.transaction(async (tx) => {
      const [memberCode] = await nextMemberCodes(tx, 1);
      const accountId = record.phone ? await unsafeAccountIdByPhone(tx, record.phone) : undefined;
      // One account, one record: a second person with that number (a family phone) is not linked to it.
      const [taken] = accountId
        ? await tx.select({ id: members.id }).from(members).where(eq(members.accountId, accountId)).limit(1)
        : [];
      const [created] = await tx
        .insert(members)
        .values({
          ...recordColumns(record),
          memberCode: memberCode!,
          unitId: place.id,
          grassrootsUnitId: place.grassrootsId,
          unitPath: place.path,
          provinceId: place.provinceId,
          status: 'active',
          admittedByUnitId: place.grassrootsId,
          accountId: taken ? null : (accountId ?? null),
          ...(record.sensitiveDataConsent && (record.ethnicity || record.religion)
            ? { sensitiveConsentAt: new Date(), sensitiveConsentBy: actor.accountId }
            : {}),
        })
        .returning({ id: members.id });
      await tx.insert(memberEvents).values({
        memberId: created!.id,
        type: 'admit',
        effectiveOn: record.joinedAt,
        unitId: place.id,
        applicationDate: body.applicationDate ?? null,
        recordedBy: actor.accountId,
      });
      await recordAudit(tx, actor, {
        action: 'member.admit',
        entityType: 'member',
        entityId: created!.id,
        unitId: place.id,
        unitPath: place.path,
        details: { memberCode },
      });
      return created!.id;
    });
  } catch (error) {
    // Two officers admitting the same person at once: the unique index lets one through.
    if (
      isUniqueViolation(error, 'members_citizen_id_key') ||
      isUniqueViolation(error, 'members_passport_key')
    ) {
      const winner = await unsafeFindByIdentity(db, record);
      if (winner) throw await identityTaken(db, actor, winner, record);
    }
    throw error;
  }
  return getMemberDto(db, actor, id, { audit: false });
}

/** A former member joins again: the same record and code, now in this union, with the details given. */
async function readmitMember(
  db: Db,
  actor: Actor,
  holder: MemberRow,
  place: MembershipPlace & { grassrootsId: number },
  record: CleanMemberFields,
): Promise<MemberDto> {
  const joinedOn = record.joinedAt;
  await db.transaction(async (tx) => {
    const locked = await lockMember(tx, holder.id);
    const next = nextState(stateOf(locked), 'readmit');
    if (!next) throw await identityTaken(tx, actor, locked, record);
    await assertNotBeforeLastEvent(tx, locked.id, joinedOn);
    const { joinedAt: _originalJoin, ...details } = recordColumns(record);
    await tx
      .update(members)
      .set({
        ...details,
        ...next,
        unitId: place.id,
        grassrootsUnitId: place.grassrootsId,
        unitPath: place.path,
        provinceId: place.provinceId,
        updatedAt: new Date(),
      })
      .where(eq(members.id, locked.id));
    await tx.insert(memberEvents).values({
      memberId: locked.id,
      type: 'readmit',
      effectiveOn: joinedOn,
      unitId: place.id,
      recordedBy: actor.accountId,
    });
    await recordAudit(tx, actor, {
      action: 'member.readmit',
      entityType: 'member',
      entityId: locked.id,
      unitId: place.id,
      unitPath: place.path,
      details: { memberCode: locked.memberCode },
    });
  });
  return getMemberDto(db, actor, holder.id, { audit: false });
}

export async function getMemberDto(
  db: Db,
  actor: Actor,
  id: number,
  options: { audit: boolean },
): Promise<MemberDto> {
  const row = await getMemberOrThrow(db, actor, id);
  if (options.audit) {
    // Reading a person's record is processing personal data: it is logged (Law 91/2025).
    await recordAudit(db, actor, {
      action: 'member.read',
      entityType: 'member',
      entityId: row.id,
      unitId: row.unitId,
      unitPath: row.unitPath,
    });
  }
  return toMemberDto(db, actor, row);
}

/** The record if the caller can still see it (after a transfer out of their units they cannot). */
export async function findVisibleMemberDto(db: Db, actor: Actor, id: number): Promise<MemberDto | undefined> {
  const row = await findMember(db, actor, id);
  return row && toMemberDto(db, actor, row);
}

export async function toMemberDto(db: Db, actor: Actor, row: MemberRow): Promise<MemberDto> {
  const granted = permissionsAt(actor, row.unitPath);
  const mayReadSensitive = granted.has('members.read_sensitive');
  const [history, names, pending, phoneAccount] = await Promise.all([
    listHistory(db, row.id, getAccountNames),
    unitNames(db, [row.unitId, row.grassrootsUnitId]),
    db
      .select({ id: memberTransfers.id })
      .from(memberTransfers)
      .where(and(eq(memberTransfers.memberId, row.id), eq(memberTransfers.status, 'pending'))),
    row.accountId === null && row.phone ? unsafeAccountIdByPhone(db, row.phone) : undefined,
  ]);
  const current = (CURRENT_STATUSES as string[]).includes(row.status);
  return {
    ...fieldsOf(row),
    id: row.id,
    memberCode: row.memberCode,
    status: row.status as MemberStatus,
    honorary: row.honorary,
    duesExempt: row.duesExempt,
    unitId: row.unitId,
    unitName: names.get(row.unitId) ?? '',
    grassrootsUnitId: row.grassrootsUnitId,
    grassrootsUnitName: names.get(row.grassrootsUnitId) ?? '',
    ethnicity: mayReadSensitive ? row.ethnicity : null,
    religion: mayReadSensitive ? row.religion : null,
    sensitiveHidden: !mayReadSensitive && (row.ethnicity !== null || row.religion !== null),
    sensitiveDataConsentAt: row.sensitiveConsentAt?.toISOString() ?? null,
    pendingTransferId: pending[0]?.id ?? null,
    hasAccount: row.accountId !== null || phoneAccount !== undefined,
    history,
    can: {
      update: granted.has('members.update') && row.status !== 'deceased',
      recordEvents: granted.has('members.lifecycle') && row.status !== 'deceased',
      transfer: granted.has('members.transfer') && current && pending.length === 0,
    },
  };
}

export async function updateMember(
  db: Db,
  actor: Actor,
  id: number,
  body: UpdateMemberBody,
): Promise<MemberDto> {
  const member = await getMemberOrThrow(db, actor, id, 'members.update');
  const touchesSensitive =
    body.ethnicity !== undefined || body.religion !== undefined || body.sensitiveDataConsent !== undefined;
  if (touchesSensitive && !mayAt(actor, 'members.read_sensitive', member.unitPath))
    throw new DomainError('access.denied');
  await applyRecordChange(db, actor, member.id, body, 'member.update');
  return getMemberDto(db, actor, id, { audit: false });
}

/**
 * Writes a change to the record as one `record_corrected` event listing old → new, so every change
 * keeps who, when and what. Shared by officers' edits and approved member corrections.
 */
export async function applyRecordChange(
  db: Db,
  actor: Actor,
  memberId: number,
  change: Partial<MemberFields>,
  action: 'member.update' | 'member.correction_decide',
): Promise<Record<string, [unknown, unknown]>> {
  try {
    return await db.transaction((tx) => changeRecord(tx, actor, memberId, change, action));
  } catch (error) {
    // Another change took the same identity a moment earlier: the unique index stopped this one.
    if (isUniqueViolation(error, 'members_citizen_id_key')) throw new DomainError('member.citizen_id_taken');
    if (isUniqueViolation(error, 'members_passport_key')) throw new DomainError('member.passport_taken');
    throw error;
  }
}

async function changeRecord(
  tx: Db,
  actor: Actor,
  memberId: number,
  change: Partial<MemberFields>,
  action: 'member.update' | 'member.correction_decide',
): Promise<Record<string, [unknown, unknown]>> {
  const locked = await lockMember(tx, memberId);
  if (locked.status === 'deceased') throw new DomainError('member.transition_not_allowed');
  const before = fieldsOf(locked);
  // Withdrawing consent erases what it covered (Law 91/2025 Art. 4: the right to erasure).
  const erased = change.sensitiveDataConsent === false ? { ethnicity: null, religion: null } : {};
  const after = cleanRecord({ ...before, ...withoutUndefined(change), ...erased });
  const changes = changesBetween(before, after);
  const consentGiven = after.sensitiveDataConsent && !before.sensitiveDataConsent;
  const consentWithdrawn = !after.sensitiveDataConsent && before.sensitiveDataConsent;
  if (Object.keys(changes).length === 0 && !consentGiven && !consentWithdrawn) return changes;
  // Checked before writing: a failed statement would end the transaction before we could say who holds it.
  if (changes.citizenId || changes.passportNumber || changes.nationality) {
    const holder = await unsafeFindByIdentity(tx, after);
    if (holder && holder.id !== memberId) throw await identityTaken(tx, actor, holder, after);
  }
  await tx
    .update(members)
    .set({
      ...recordColumns(after),
      ...(consentWithdrawn ? { ethnicity: null, religion: null, sensitiveConsentAt: null } : {}),
      ...(consentGiven ? { sensitiveConsentAt: new Date(), sensitiveConsentBy: actor.accountId } : {}),
      updatedAt: new Date(),
    })
    .where(eq(members.id, memberId));
  await tx.insert(memberEvents).values({
    memberId,
    type: 'record_corrected',
    effectiveOn: todayInVietnam(),
    unitId: locked.unitId,
    // Sensitive values never enter the history: only that they changed.
    changes: Object.fromEntries(
      Object.entries(changes).map(([key, values]) =>
        key === 'ethnicity' || key === 'religion' ? [key, ['•••', '•••']] : [key, values],
      ),
    ),
    recordedBy: actor.accountId,
  });
  await recordAudit(tx, actor, {
    action,
    entityType: 'member',
    entityId: memberId,
    unitId: locked.unitId,
    unitPath: locked.unitPath,
    details: { fields: Object.keys(changes) },
  });
  return changes;
}

const withoutUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

export async function assertNotBeforeLastEvent(tx: Db, memberId: number, date: string): Promise<void> {
  if (date > todayInVietnam()) throw new DomainError('member.date_in_future');
  const [last] = await tx
    .select({ effectiveOn: memberEvents.effectiveOn })
    .from(memberEvents)
    .where(and(eq(memberEvents.memberId, memberId), sql`${memberEvents.type} <> 'record_corrected'`))
    .orderBy(desc(memberEvents.effectiveOn))
    .limit(1);
  if (last && date < last.effectiveOn) throw new DomainError('member.event_before_last');
}

/** Suspend, resume, exemptions, leave, expel, reinstate, honorary status, death: one dated event each. */
export async function recordLifecycleEvent(
  db: Db,
  actor: Actor,
  id: number,
  body: RecordMemberEventBody & { type: Exclude<MemberEventType, 'transfer'> },
): Promise<void> {
  const member = await getMemberOrThrow(db, actor, id, 'members.lifecycle');
  await db.transaction(async (tx) => {
    const locked = await lockMember(tx, member.id);
    const next = nextState(stateOf(locked), body.type);
    if (!next)
      throw new DomainError('member.transition_not_allowed', undefined, {
        status: locked.status,
        type: body.type,
      });
    await assertNotBeforeLastEvent(tx, locked.id, body.date);
    await tx
      .update(members)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(members.id, locked.id));
    await tx.insert(memberEvents).values({
      memberId: locked.id,
      type: body.type,
      effectiveOn: body.date,
      unitId: locked.unitId,
      reason: body.reason ?? null,
      decisionRef: body.decisionRef ?? null,
      recordedBy: actor.accountId,
    });
    if (!(CURRENT_STATUSES as string[]).includes(next.status)) {
      // Someone who left cannot arrive anywhere: a waiting transfer ends with them.
      await tx
        .update(memberTransfers)
        .set({ status: 'cancelled', decidedAt: new Date(), decidedBy: actor.accountId })
        .where(and(eq(memberTransfers.memberId, locked.id), eq(memberTransfers.status, 'pending')));
    }
    await recordAudit(tx, actor, {
      action: 'member.event',
      entityType: 'member',
      entityId: locked.id,
      unitId: locked.unitId,
      unitPath: locked.unitPath,
      details: { type: body.type, date: body.date },
    });
    const notice =
      locked.accountId !== null &&
      membershipChangedNotice(locked.accountId, body.type, body.date, body.reason);
    if (notice) await notify(tx, notice);
  });
}

/** Whether current members still belong anywhere in this subtree: a unit with members cannot close. */
export async function hasCurrentMembersUnder(tx: Db, path: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(sql`${members.unitPath} like ${`${path}%`}`, inArray(members.status, [...CURRENT_STATUSES])))
    .limit(1);
  return row !== undefined;
}
