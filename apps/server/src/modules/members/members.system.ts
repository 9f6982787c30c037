import { sql } from 'drizzle-orm';
import type { CleanMemberFields, MemberEventType } from '@union/contracts/members';
import type { Db } from '../../kernel/db/database.js';
import { unsafeMembershipPlaces } from '../units/index.js';
import { nextState, ADMITTED, type MembershipState } from './member-lifecycle.js';
import { memberEvents, members } from './members.schema.js';
import { assertMembershipPlace, nextMemberCodes, recordColumns } from './members.service.js';

/** Writes without an actor: demo data and seeds only, never reachable from a request. */

export interface SeedMember {
  record: CleanMemberFields;
  /** Events after admission, in order, each allowed by the lifecycle. */
  later?: ReadonlyArray<{ type: Exclude<MemberEventType, 'admit' | 'transfer'>; date: string }>;
}

// PostgreSQL takes at most 65,535 parameters a statement: ~30 columns a row fit 1,000 rows.
const INSERT_CHUNK = 1_000;

export async function unsafeAdmitMembers(
  db: Db,
  unitId: number,
  people: readonly SeedMember[],
): Promise<void> {
  for (let start = 0; start < people.length; start += INSERT_CHUNK)
    await admitChunk(db, unitId, people.slice(start, start + INSERT_CHUNK));
}

async function admitChunk(db: Db, unitId: number, people: readonly SeedMember[]): Promise<void> {
  if (people.length === 0) return;
  const place = assertMembershipPlace((await unsafeMembershipPlaces(db, [unitId]))[0]!);
  const codes = await nextMemberCodes(db, people.length);
  const states = people.map((person) =>
    (person.later ?? []).reduce<MembershipState>((state, event) => {
      const next = nextState(state, event.type);
      if (!next) throw new Error(`seed event ${event.type} not allowed from ${state.status}`);
      return next;
    }, ADMITTED),
  );
  const created = await db
    .insert(members)
    .values(
      people.map((person, i) => ({
        ...recordColumns(person.record),
        ...states[i]!,
        memberCode: codes[i]!,
        unitId: place.id,
        grassrootsUnitId: place.grassrootsId,
        unitPath: place.path,
        provinceId: place.provinceId,
        admittedByUnitId: place.grassrootsId,
      })),
    )
    .returning({ id: members.id });
  await db.insert(memberEvents).values(
    people.flatMap((person, i) => [
      { memberId: created[i]!.id, type: 'admit', effectiveOn: person.record.joinedAt, unitId: place.id },
      ...(person.later ?? []).map((event) => ({
        memberId: created[i]!.id,
        type: event.type,
        effectiveOn: event.date,
        unitId: place.id,
      })),
    ]),
  );
}

export async function unsafeCountMembers(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(members);
  return row?.count ?? 0;
}
