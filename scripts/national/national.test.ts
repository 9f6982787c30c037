import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { citizenIdProblems } from '@union/contracts/citizen-id';
import type { MemberEventType, MemberStatus } from '@union/contracts/members';
import { queryRows } from '../../apps/server/src/kernel/db/database.js';
// The lifecycle's transition table itself, not a copy: the seed's histories must replay through it.
import { replay } from '../../apps/server/src/modules/members/member-lifecycle.js';
import { unsafeVerifyStatistics } from '../../apps/server/src/modules/statistics/index.js';
import { buildTestApp, type TestApp } from '../../apps/server/test/support/index.js';
import { seedNational, type SeedSummary } from './seed.js';

const MEMBERS = 3_000;

describe('the national seed', () => {
  let testApp: TestApp;
  let summary: SeedSummary;

  beforeAll(async () => {
    testApp = await buildTestApp();
    summary = await seedNational(testApp.database, {
      members: MEMBERS,
      seed: 7,
      asOf: '2026-06-30',
      officerPassword: 'Officer@2026',
    });
  }, 120_000);
  afterAll(async () => testApp?.close());

  it('loads the members asked for, in a tree with central unions and branches', async () => {
    expect(summary.members).toBe(MEMBERS);
    const [units] = await queryRows<Record<string, number>>(
      testApp.db,
      sql`select count(*) filter (where type in ('sector_union', 'corporate_union'))::int as central,
                 count(*) filter (where type = 'grassroots_union')::int as grassroots,
                 (select count(*) from members)::int as members
          from units`,
    );
    expect(units).toMatchObject({ central: 20, members: MEMBERS });
    expect(Number(units!.grassroots)).toBeGreaterThanOrEqual(54);
  });

  it('keeps statistics that agree with a recount', async () => {
    expect(await unsafeVerifyStatistics(testApp.db)).toEqual([]);
  });

  it("replays every member's events to the stored status", async () => {
    const rows = await queryRows<{
      status: MemberStatus;
      honorary: boolean;
      duesExempt: boolean;
      types: MemberEventType[];
    }>(
      testApp.db,
      sql`select m.status, m.honorary, m.dues_exempt as "duesExempt",
                 array_agg(e.type order by e.effective_on, e.id) as types
          from members m join member_events e on e.member_id = m.id
          group by m.id`,
    );
    expect(rows).toHaveLength(MEMBERS);
    const wrong = rows.filter((row) => {
      const state = replay(row.types);
      return (
        !state ||
        state.status !== row.status ||
        state.honorary !== row.honorary ||
        state.duesExempt !== row.duesExempt
      );
    });
    expect(wrong).toEqual([]);
    // Not only admissions: the histories take many paths.
    expect(new Set(rows.map((row) => row.status)).size).toBeGreaterThanOrEqual(4);
  });

  it('records transfers from another grassroots union, with the member row in the new one', async () => {
    const rows = await queryRows<{ n: number; bad: number }>(
      testApp.db,
      sql`select count(*)::int as n,
                 count(*) filter (where e.to_unit_id <> m.unit_id or a.unit_id <> e.unit_id
                   or m.admitted_by_unit_id = m.grassroots_unit_id or e.effective_on <= m.joined_at)::int as bad
          from member_events e
          join members m on m.id = e.member_id
          join member_events a on a.member_id = m.id and a.type = 'admit'
          where e.type = 'transfer'`,
    );
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    expect(Number(rows[0]!.bad)).toBe(0);
  });

  it('admits nobody before their union existed or before the join date', async () => {
    const [row] = await queryRows<{ early: number; offDate: number }>(
      testApp.db,
      sql`select count(*) filter (where e.effective_on < u.established_on)::int as early,
                 count(*) filter (where e.effective_on <> m.joined_at)::int as "offDate"
          from member_events e join units u on u.id = e.unit_id join members m on m.id = e.member_id
          where e.type = 'admit'`,
    );
    expect(row).toEqual({ early: 0, offDate: 0 });
  });

  it('writes citizen IDs that agree with birth date and sex, and passports for foreigners', async () => {
    const rows = await queryRows<{
      citizenId: string | null;
      birthDate: string;
      sex: 'male' | 'female';
      nationality: string;
      passport: string | null;
    }>(
      testApp.db,
      sql`select citizen_id as "citizenId", birth_date::text as "birthDate", sex, nationality,
                 passport_number as passport from members`,
    );
    const bad = rows.filter((row) =>
      row.nationality === 'VN'
        ? row.citizenId === null ||
          citizenIdProblems(row.citizenId, { birthDate: row.birthDate, sex: row.sex }).length > 0
        : row.citizenId !== null || row.passport === null,
    );
    expect(bad).toEqual([]);
  });

  it('makes grassroots unions of skewed sizes: most small, a few large', () => {
    expect(summary.grassrootsSizes.median).toBeLessThan(summary.grassrootsSizes.mean);
    expect(summary.grassrootsSizes.largest).toBeGreaterThan(3 * summary.grassrootsSizes.mean);
  });

  it('gives most grassroots unions a chair, some with an expired term, and advances the member codes', async () => {
    expect(summary.offices.chairs).toBeGreaterThan(summary.units.grassroots * 0.8);
    const [row] = await queryRows<{ next: number }>(
      testApp.db,
      sql`select nextval('member_code_seq')::int as next`,
    );
    expect(Number(row!.next)).toBe(MEMBERS + 1);
    // Every latest workforce declaration counts at least the union's current members.
    const [short] = await queryRows<{ n: number }>(
      testApp.db,
      sql`select count(*)::int as n from unit_workforce w
          where w.workers < (select count(*) from members m
                             where m.grassroots_unit_id = w.unit_id and m.status in ('active', 'suspended'))
            and w.as_of = (select max(as_of) from unit_workforce l where l.unit_id = w.unit_id)`,
    );
    expect(Number(short!.n)).toBe(0);
  });
});
