import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  MEMBER_CODE_PATTERN,
  type AgeBand,
  type MemberEventDto,
  type MemberListItemDto,
  type MemberListQuery,
} from '@union/contracts/members';
import { normaliseVietnamesePhone } from '@union/contracts/vn-phone';
import type { Db } from '../../kernel/db/database.js';
import { scopePaths, type Actor } from '../../kernel/access/actor.js';
import { withinScope } from '../../kernel/access/scope.js';
import type { Permission } from '../../kernel/access/permissions.js';
import { DomainError } from '../../kernel/errors.js';
import { decodeCursor, encodeCursor } from '../../kernel/http/cursor.js';
import { escapeLike, foldVietnamese } from '../../kernel/text/fold.js';
import { todayInVietnam } from '../../kernel/time.js';
import { getUnitOrThrow, unsafeUnitSummaries } from '../units/index.js';
import { memberEvents, members } from './members.schema.js';

export type MemberRow = typeof members.$inferSelect;

/** A member in the actor's scope for `permission`, or undefined: out of scope reads as missing. */
export async function findMember(db: Db, actor: Actor, id: number, permission: Permission = 'members.read') {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.id, id), withinScope(members.unitPath, actor, permission)));
  return row;
}

export async function getMemberOrThrow(
  db: Db,
  actor: Actor,
  id: number,
  permission: Permission = 'members.read',
): Promise<MemberRow> {
  const member = await findMember(db, actor, id, permission);
  if (!member) throw new DomainError('member.not_found');
  return member;
}

/** Locks the row for a change: two officers acting on one member at once take turns. */
export async function lockMember(tx: Db, id: number): Promise<MemberRow> {
  const [row] = await tx.select().from(members).where(eq(members.id, id)).for('update');
  if (!row) throw new DomainError('member.not_found');
  return row;
}

/** Who the members behind a page of transfers or corrections are, by id. */
export async function memberSummaries(db: Db, ids: readonly number[]) {
  const people = ids.length
    ? await db
        .select({
          id: members.id,
          memberCode: members.memberCode,
          fullName: members.fullName,
          birthDate: members.birthDate,
          unitId: members.unitId,
        })
        .from(members)
        .where(inArray(members.id, [...new Set(ids)]))
    : [];
  return new Map(people.map((person) => [person.id, person]));
}

export async function unitNames(db: Db, ids: Iterable<number>): Promise<Map<number, string>> {
  const summaries = await unsafeUnitSummaries(db, [...new Set(ids)]);
  return new Map(summaries.map((unit) => [unit.id, unit.name]));
}

export async function listHistory(db: Db, memberId: number, accountNames: AccountNames) {
  const events = await db
    .select()
    .from(memberEvents)
    .where(eq(memberEvents.memberId, memberId))
    .orderBy(asc(memberEvents.effectiveOn), asc(memberEvents.id));
  const names = await unitNames(
    db,
    events.flatMap((event) => (event.toUnitId ? [event.unitId, event.toUnitId] : [event.unitId])),
  );
  const recorders = await accountNames(db, [
    ...new Set(events.flatMap((event) => (event.recordedBy ? [event.recordedBy] : []))),
  ]);
  return events.map((event): MemberEventDto => ({
    id: event.id,
    type: event.type as MemberEventDto['type'],
    effectiveOn: event.effectiveOn,
    unitId: event.unitId,
    unitName: names.get(event.unitId) ?? null,
    toUnitId: event.toUnitId,
    toUnitName: event.toUnitId ? (names.get(event.toUnitId) ?? null) : null,
    reason: event.reason,
    decisionRef: event.decisionRef,
    applicationDate: event.applicationDate,
    recordedAt: event.recordedAt.toISOString(),
    recordedByName: event.recordedBy ? (recorders.get(event.recordedBy) ?? null) : null,
    changes: event.changes ?? null,
  }));
}

export type AccountNames = (db: Db, ids: number[]) => Promise<Map<number, string>>;

// ——— Search ———

type SearchKind =
  | { kind: 'code'; value: string }
  | { kind: 'citizenId'; value: string }
  | { kind: 'legacyId'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'name'; folded: string; typed: string };

/** What the officer typed: a member code, a citizen ID, an old ID card, a phone number, or a name. */
export function classifyQuery(q: string): SearchKind | undefined {
  const compact = q.replace(/[\s.-]/g, '');
  if (MEMBER_CODE_PATTERN.test(compact.toUpperCase())) return { kind: 'code', value: compact.toUpperCase() };
  if (/^\d{12}$/.test(compact)) return { kind: 'citizenId', value: compact };
  if (/^\d{9}$/.test(compact)) return { kind: 'legacyId', value: compact };
  const phone = normaliseVietnamesePhone(compact);
  if (phone) return { kind: 'phone', value: phone };
  const folded = foldVietnamese(q);
  if (folded.length < 2) return undefined;
  return {
    kind: 'name',
    folded,
    typed: q.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi'),
  };
}

/** Birth dates that make a person's age fall in the band today. */
function ageBandCondition(band: AgeBand, today: string): SQL {
  const [min, max] = band === '61+' ? [61, 200] : band.split('-').map(Number);
  const year = Number(today.slice(0, 4));
  const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  // Whole years back from today; from 29 February into a common year, that is 28 February.
  const shift = (years: number) =>
    today.endsWith('-02-29') && !isLeapYear(year - years)
      ? `${year - years}-02-28`
      : `${year - years}${today.slice(4)}`;
  // Age ≥ min ⇔ born on or before today − min years; age ≤ max ⇔ born after today − (max + 1) years.
  return sql`${members.birthDate} <= ${shift(min!)} and ${members.birthDate} > ${shift(max! + 1)}`;
}

/** Level-2 ids of scope paths ("/1/14/203/" → 14): the province columns let the indexes narrow first. */
function scopeCondition(paths: string[]): SQL {
  const perPath = paths.map((path) => {
    const ids = path.split('/').filter(Boolean).map(Number);
    if (ids.length < 2) return sql`true`;
    // A whole province is its province id alone: adding the path prefix (implied by it) made the
    // planner misjudge the row count and sort a province's matches (stack-notes; bench: 4 s at 11 M).
    const province = eq(members.provinceId, ids[1]!);
    return ids.length === 2 ? province : and(province, sql`${members.unitPath} like ${`${path}%`}`)!;
  });
  return or(...perPath)!;
}

type NamePosition = [string, number];
/** A name-search cursor still among the exact matches: "=" never begins a folded name. */
const EXACT_PHASE = '=';
type SortPosition = [string, number];
const isPosition = (value: unknown): value is [string, number] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Number.isInteger(value[1]);

const listColumns = {
  id: members.id,
  memberCode: members.memberCode,
  fullName: members.fullName,
  birthDate: members.birthDate,
  sex: members.sex,
  unitId: members.unitId,
  status: members.status,
  fullNameFolded: members.fullNameFolded,
  sortName: members.sortName,
};

/**
 * The scope and the list filters as SQL, or null when nothing can match (no scope, a query that is
 * too short). Shared by the list and the export, so both show exactly the same people.
 */
export async function memberFilters(
  db: Db,
  actor: Actor,
  query: Omit<MemberListQuery, 'limit' | 'cursor'>,
  permission: Permission = 'members.read',
): Promise<SQL[] | null> {
  const paths = query.unitId
    ? [(await getUnitOrThrow(db, actor, query.unitId, permission)).path]
    : scopePaths(actor, permission);
  if (paths.length === 0) return null;
  const filters: SQL[] = [scopeCondition(paths)];
  if (query.status) filters.push(eq(members.status, query.status));
  if (query.sex) filters.push(eq(members.sex, query.sex));
  if (query.ageBand) filters.push(ageBandCondition(query.ageBand, todayInVietnam()));
  if (query.employer)
    filters.push(sql`${members.employerFolded} like ${`${escapeLike(foldVietnamese(query.employer))}%`}`);
  if (query.joinedFrom) filters.push(sql`${members.joinedAt} >= ${query.joinedFrom}`);
  if (query.joinedTo) filters.push(sql`${members.joinedAt} <= ${query.joinedTo}`);
  if (query.q && !classifyQuery(query.q)) return null;
  return filters;
}

/** The filters plus what `q` asks for, without ranking: for the export. */
export function queryCondition(q: string | undefined): SQL | undefined {
  const search = q ? classifyQuery(q) : undefined;
  if (!search) return undefined;
  if (search.kind === 'name') return sql`${members.fullNameFolded} like ${`${escapeLike(search.folded)}%`}`;
  const column = {
    code: members.memberCode,
    citizenId: members.citizenId,
    legacyId: members.legacyIdNumber,
    phone: members.phone,
  }[search.kind];
  return eq(column, search.value);
}

/**
 * Scoped member search. Exact identifiers use their unique indexes; names use the folded prefix index
 * inside the province (`province_id, full_name_folded, id`), ordered so the index returns the page
 * without a sort; the first page puts the names typed with exactly these diacritics first. Without a
 * query the list is in Vietnamese order (given name first).
 */
export async function searchMembers(db: Db, actor: Actor, query: MemberListQuery) {
  const filters = await memberFilters(db, actor, query);
  if (!filters) return { items: [], nextCursor: null };
  const search = query.q ? classifyQuery(query.q) : undefined;

  let rows: (typeof listColumns extends infer C ? { [K in keyof C]: unknown } : never)[];
  let nextCursor: string | null = null;
  if (search && search.kind !== 'name') {
    rows = await db
      .select(listColumns)
      .from(members)
      .where(and(...filters, queryCondition(query.q)))
      .orderBy(asc(members.id))
      .limit(query.limit);
  } else if (search) {
    const page = await searchByName(db, filters, search, query);
    rows = page.rows;
    nextCursor = page.nextCursor;
  } else {
    const after = query.cursor ? decodeCursor<SortPosition>(query.cursor, isPosition) : undefined;
    const found = await db
      .select(listColumns)
      .from(members)
      .where(
        and(
          ...filters,
          after
            ? or(
                gt(members.sortName, after[0]),
                and(eq(members.sortName, after[0]), gt(members.id, after[1])),
              )
            : undefined,
        ),
      )
      .orderBy(asc(members.sortName), asc(members.id))
      .limit(query.limit + 1);
    rows = found.slice(0, query.limit);
    const last = found.length > query.limit ? rows.at(-1) : undefined;
    nextCursor = last ? encodeCursor([last.sortName, last.id]) : null;
  }
  const names = await unitNames(
    db,
    rows.map((row) => row.unitId as number),
  );
  const items = rows.map((row): MemberListItemDto => ({
    id: row.id as number,
    memberCode: row.memberCode as string,
    fullName: row.fullName as string,
    birthDate: row.birthDate as string,
    sex: row.sex as MemberListItemDto['sex'],
    unitId: row.unitId as number,
    unitName: names.get(row.unitId as number) ?? '',
    status: row.status as MemberListItemDto['status'],
  }));
  return { items, nextCursor };
}

async function searchByName(
  db: Db,
  filters: SQL[],
  search: Extract<SearchKind, { kind: 'name' }>,
  query: MemberListQuery,
) {
  const exactly = sql`${members.fullNameFolded} = ${search.folded} and lower(${members.fullName}) = ${search.typed}`;
  const after = query.cursor ? decodeCursor<NamePosition>(query.cursor, isPosition) : undefined;
  // Typed without diacritics, every match is as exact as another: no first phase to read.
  const typedMarks = search.typed !== search.folded;
  // The exact matches come first, by id, page after page; then the rest from its beginning.
  const inExact = typedMarks && (!after || after[0] === EXACT_PHASE);
  const exact = inExact
    ? await db
        .select(listColumns)
        .from(members)
        .where(and(...filters, sql`${exactly}`, after ? gt(members.id, after[1]) : undefined))
        .orderBy(asc(members.id))
        .limit(query.limit + 1)
    : [];
  if (exact.length > query.limit) {
    const page = exact.slice(0, query.limit);
    return { rows: page, nextCursor: encodeCursor([EXACT_PHASE, page.at(-1)!.id]) };
  }
  if (exact.length === query.limit) return { rows: exact, nextCursor: encodeCursor(['', 0]) };
  const restAfter = inExact ? undefined : after;
  const wanted = query.limit - exact.length;
  const found = await db
    .select(listColumns)
    .from(members)
    .where(
      and(
        ...filters,
        sql`${members.fullNameFolded} like ${`${escapeLike(search.folded)}%`}`,
        typedMarks ? sql`not (${exactly})` : undefined,
        restAfter
          ? or(
              sql`${members.fullNameFolded} ~>~ ${restAfter[0]}`,
              and(eq(members.fullNameFolded, restAfter[0]), gt(members.id, restAfter[1])),
            )
          : undefined,
      ),
    )
    // The order the text_pattern_ops index keeps (byte order): the index returns the page as it
    // finds the prefix, with no sort of every match in scope (bench: 4 s → 18 ms p95 at 11 M).
    .orderBy(sql`${members.fullNameFolded} using ~<~`, asc(members.id))
    .limit(wanted + 1);
  const rest = found.slice(0, wanted);
  const last = found.length > wanted ? rest.at(-1) : undefined;
  return {
    rows: [...exact, ...rest],
    nextCursor: last ? encodeCursor([last.fullNameFolded, last.id]) : null,
  };
}
