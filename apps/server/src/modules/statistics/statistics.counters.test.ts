import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centurySexDigit } from '@union/contracts/citizen-id';
import type { AdmitMemberBody, MemberDto } from '@union/contracts/members';
import type { UnitDto } from '@union/contracts/units';
import {
  buildTestApp,
  daysFromToday,
  givenUnitTree,
  signInAsAdmin,
  type SignedIn,
  type TestApp,
  type TreeUnit,
} from '../../../test/support/index.js';
import { testDatabaseUrl } from '../../../test/support/databases.js';
import { queryRows } from '../../kernel/db/database.js';
import { unsafeVerifyStatistics } from './index.js';

type Tree = Awaited<ReturnType<typeof givenUnitTree>>;
type Figures = Record<string, number>;

/**
 * The live counters, example by example, with every expected figure worked out by hand: when the
 * property test (statistics.property.test.ts) finds a disagreement, these say in plain numbers what
 * each figure should be.
 */
describe('live statistics counters', () => {
  let t: TestApp;
  let tree: Tree;
  let admin: SignedIn;
  let bandYear: number;
  const today = () => daysFromToday(0);
  const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: admin.headers,
      ...(payload === undefined ? {} : { payload }),
    });
  const ok = async (response: Awaited<ReturnType<typeof api>>, status = 200) => {
    expect(response.statusCode, response.body).toBe(status);
    return response;
  };

  /** A unit's stored figures, zeros left out. */
  const figures = async (unit: { id: number }): Promise<Figures> => {
    const rows = await queryRows<{ metric: string; value: number }>(
      t.db,
      sql`select metric, value from unit_figures where unit_id = ${unit.id} and value <> 0`,
    );
    return Object.fromEntries(rows.map((row) => [row.metric, Number(row.value)]));
  };
  /** A unit's stored monthly movements as "yyyy-mm-01 metric" → value, zeros left out. */
  const movements = async (unit: { id: number }): Promise<Figures> => {
    const rows = await queryRows<{ month: string; metric: string; value: number }>(
      t.db,
      sql`select month::text as month, metric, value from unit_monthly_movements
        where unit_id = ${unit.id} and value <> 0`,
    );
    return Object.fromEntries(rows.map((row) => [`${row.month} ${row.metric}`, Number(row.value)]));
  };
  const pick = (all: Figures, keys: string[]) => Object.fromEntries(keys.map((key) => [key, all[key] ?? 0]));
  const expectRecountAgrees = async () => expect(await unsafeVerifyStatistics(t.db)).toEqual([]);

  let serial = 0;
  const person = (
    unit: TreeUnit,
    born: number,
    sex: 'male' | 'female',
    joinedAt: string,
  ): AdmitMemberBody => ({
    unitId: unit.id,
    fullName: sex === 'female' ? 'Nguyễn Thị Đếm' : 'Trần Văn Đếm',
    birthDate: `${born}-06-15`,
    sex,
    citizenId: `001${centurySexDigit(born, sex)}${String(born % 100).padStart(2, '0')}${String(++serial).padStart(6, '0')}`,
    joinedAt,
  });
  const admit = async (body: AdmitMemberBody) =>
    (await ok(await api('POST', '/members', body), 201)).json<MemberDto>();
  const recordEvent = async (id: number, body: { type: string; date: string; toUnitId?: number }) =>
    ok(await api('POST', `/members/${id}/events`, body));
  const addUnit = async (parent: TreeUnit, type: UnitDto['type'], name: string): Promise<TreeUnit> => {
    const response = await ok(
      await api('POST', '/units', { parentId: parent.id, type, name, establishedOn: '2020-01-01' }),
      201,
    );
    const unit = response.json<UnitDto>();
    return { id: unit.id, name, path: unit.path, depth: unit.depth, provinceId: unit.provinceId, type };
  };

  // The three members of the first example: two women, one man, in three age bands.
  let young: MemberDto;
  let middle: MemberDto;
  let older: MemberDto;
  const joined = '2024-03-15';

  beforeAll(async () => {
    t = await buildTestApp();
    tree = await givenUnitTree(t);
    admin = await signInAsAdmin(t);
    const [row] = await queryRows<{ year: number }>(
      t.db,
      sql`select age_band_year::int as year from statistics_settings`,
    );
    bandYear = Number(row!.year);
  });
  afterAll(() => t.close());

  it('admitting three members (two women) counts them at the grassroots union, its commune union and Hà Nội', async () => {
    young = await admit(person(tree.grassrootsA, bandYear - 25, 'female', joined));
    middle = await admit(person(tree.grassrootsA, bandYear - 45, 'male', joined));
    older = await admit(person(tree.grassrootsA, bandYear - 61, 'female', joined));
    const metrics = [
      'status.active',
      'active.female',
      'active.male',
      'age.under_30',
      'age.30_39',
      'age.40_49',
      'age.60_plus',
    ];
    const expected = {
      'status.active': 3,
      'active.female': 2,
      'active.male': 1,
      'age.under_30': 1,
      'age.30_39': 0,
      'age.40_49': 1,
      'age.60_plus': 1,
    };
    for (const unit of [tree.grassrootsA, tree.communeA, tree.hanoi]) {
      expect(pick(await figures(unit), metrics), unit.name).toEqual(expected);
      expect(pick(await movements(unit), ['2024-03-01 admitted', '2024-03-01 current_net'])).toEqual({
        '2024-03-01 admitted': 3,
        '2024-03-01 current_net': 3,
      });
    }
    // Nobody was admitted in the sibling union, the other commune, or Ho Chi Minh City.
    for (const unit of [tree.grassrootsA2, tree.communeB, tree.hcm]) {
      expect(pick(await figures(unit), ['status.active']), unit.name).toEqual({ 'status.active': 0 });
    }
    await expectRecountAgrees();
  });

  it('counts the units of each subtree: Hà Nội holds two test commune unions and three grassroots unions', async () => {
    expect(
      pick(await figures(tree.communeA), ['unit.grassroots_union', 'unit.union_branch', 'unit.union_group']),
    ).toEqual({
      'unit.grassroots_union': 2,
      'unit.union_branch': 1,
      'unit.union_group': 1,
    });
    // A unit counts itself in its own figures.
    expect(pick(await figures(tree.grassrootsA), ['unit.grassroots_union'])).toEqual({
      'unit.grassroots_union': 1,
    });
    expect(pick(await figures(tree.hanoi), ['unit.commune_union', 'unit.grassroots_union'])).toEqual({
      'unit.commune_union': 2,
      'unit.grassroots_union': 3,
    });
  });

  it('keeps no figures at all for the Confederation: its figures are the sum of its children', async () => {
    const [root] = await queryRows<{ id: number }>(t.db, sql`select id from units where parent_id is null`);
    expect(await figures(root!)).toEqual({});
    expect(await movements(root!)).toEqual({});
  });

  it('a transfer to Ho Chi Minh City takes the member out of Hà Nội and into the receiving units, both months recorded', async () => {
    const date = today();
    await recordEvent(middle.id, { type: 'transfer', date, toUnitId: tree.grassrootsC.id });
    const metrics = ['status.active', 'active.female', 'active.male', 'age.40_49'];
    for (const unit of [tree.grassrootsA, tree.communeA, tree.hanoi]) {
      expect(pick(await figures(unit), metrics), unit.name).toEqual({
        'status.active': 2,
        'active.female': 2,
        'active.male': 0,
        'age.40_49': 0,
      });
      expect(
        pick(await movements(unit), [`${monthOf(date)} transferred_out`, `${monthOf(date)} current_net`]),
      ).toEqual({
        [`${monthOf(date)} transferred_out`]: 1,
        [`${monthOf(date)} current_net`]: -1,
      });
    }
    for (const unit of [tree.grassrootsC, tree.communeC, tree.hcm]) {
      expect(pick(await figures(unit), metrics), unit.name).toEqual({
        'status.active': 1,
        'active.female': 0,
        'active.male': 1,
        'age.40_49': 1,
      });
      expect(
        pick(await movements(unit), [`${monthOf(date)} transferred_in`, `${monthOf(date)} current_net`]),
      ).toEqual({
        [`${monthOf(date)} transferred_in`]: 1,
        [`${monthOf(date)} current_net`]: 1,
      });
    }
    await expectRecountAgrees();
  });

  it('suspending and leaving change the status figures; only leaving changes the current members', async () => {
    const date = today();
    await recordEvent(young.id, { type: 'suspend', date });
    await recordEvent(older.id, { type: 'leave', date });
    expect(
      pick(await figures(tree.communeA), [
        'status.active',
        'status.suspended',
        'status.left',
        'active.female',
      ]),
    ).toEqual({ 'status.active': 0, 'status.suspended': 1, 'status.left': 1, 'active.female': 0 });
    // Suspended members are still members: the month's net change is the transfer and the leaving.
    expect(
      pick(await movements(tree.hanoi), [`${monthOf(date)} left`, `${monthOf(date)} current_net`]),
    ).toEqual({
      [`${monthOf(date)} left`]: 1,
      [`${monthOf(date)} current_net`]: -2,
    });
    await recordEvent(young.id, { type: 'resume', date });
    expect(pick(await figures(tree.hanoi), ['status.active', 'status.suspended', 'active.female'])).toEqual({
      'status.active': 1,
      'status.suspended': 0,
      'active.female': 1,
    });
    await expectRecountAgrees();
  });

  it('moving the commune union to Ho Chi Minh City carries its whole subtree: figures and movements', async () => {
    const before = {
      hanoi: { figures: await figures(tree.hanoi), movements: await movements(tree.hanoi) },
      hcm: { figures: await figures(tree.hcm), movements: await movements(tree.hcm) },
      commune: { figures: await figures(tree.communeA), movements: await movements(tree.communeA) },
    };
    expect(before.commune.figures['status.active']).toBe(1);
    await ok(
      await api('POST', `/units/${tree.communeA.id}/move`, {
        newParentId: tree.hcm.id,
        effectiveOn: today(),
      }),
    );

    const shifted = (from: Figures, by: Figures, sign: 1 | -1) => {
      const result: Figures = { ...from };
      for (const [key, value] of Object.entries(by)) result[key] = (result[key] ?? 0) + sign * value;
      return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== 0));
    };
    expect(await figures(tree.communeA)).toEqual(before.commune.figures);
    expect(await movements(tree.communeA)).toEqual(before.commune.movements);
    expect(await figures(tree.hanoi)).toEqual(shifted(before.hanoi.figures, before.commune.figures, -1));
    expect(await movements(tree.hanoi)).toEqual(
      shifted(before.hanoi.movements, before.commune.movements, -1),
    );
    expect(await figures(tree.hcm)).toEqual(shifted(before.hcm.figures, before.commune.figures, 1));
    expect(await movements(tree.hcm)).toEqual(shifted(before.hcm.movements, before.commune.movements, 1));
    // In plain numbers: Hà Nội has no members left; Ho Chi Minh City has the transferred man and the commune's woman.
    expect(pick(await figures(tree.hanoi), ['status.active', 'status.left', 'unit.commune_union'])).toEqual({
      'status.active': 0,
      'status.left': 0,
      'unit.commune_union': 1,
    });
    expect(
      pick(await figures(tree.hcm), ['status.active', 'status.left', 'active.female', 'active.male']),
    ).toEqual({
      'status.active': 2,
      'status.left': 1,
      'active.female': 1,
      'active.male': 1,
    });
    expect(pick(await movements(tree.hcm), ['2024-03-01 admitted'])).toEqual({ '2024-03-01 admitted': 3 });
    await expectRecountAgrees();
  });

  it('refuses to change or remove a member event: the history is append-only', async () => {
    await expect(
      t.db.execute(sql`update member_events set reason = 'sửa' where member_id = ${young.id}`),
    ).rejects.toThrow();
    await expect(
      t.db.execute(sql`delete from member_events where member_id = ${young.id}`),
    ).rejects.toThrow();
    const [row] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from member_events where member_id = ${young.id}`,
    );
    expect(Number(row!.n)).toBe(3);
  });

  it('a merge dated before a member came back moves no current member in that month (both sides agree)', async () => {
    // Joined 2019, left 2020, readmitted today into the union that then merges with an effective date of
    // 2021: the transfer the merge writes is dated when the member was a former member.
    const closing = await addUnit(tree.communeB, 'grassroots_union', 'CĐCS Công ty Sáp Nhập Sớm');
    const into = await addUnit(tree.communeB, 'grassroots_union', 'CĐCS Công ty Nhận Sáp Nhập');
    const body = person(closing, bandYear - 40, 'male', '2019-01-10');
    const member = await admit(body);
    await recordEvent(member.id, { type: 'leave', date: '2020-05-01' });
    await admit({ ...body, joinedAt: today() });
    await ok(
      await api('POST', `/units/${closing.id}/merge`, { intoUnitId: into.id, effectiveOn: '2021-02-01' }),
    );
    const [row] = await queryRows<{ unit_id: number; status: string }>(
      t.db,
      sql`select unit_id, status from members where id = ${member.id}`,
    );
    expect(row).toEqual({ unit_id: into.id, status: 'active' });
    expect(pick(await figures(into), ['status.active'])).toEqual({ 'status.active': 1 });
    // Transferred in, but not a current member on that date: the net change in current members is nil.
    expect(pick(await movements(into), ['2021-02-01 transferred_in', '2021-02-01 current_net'])).toEqual({
      '2021-02-01 transferred_in': 1,
      '2021-02-01 current_net': 0,
    });
    await expectRecountAgrees();
  });

  it('a transaction sees its own changes in the figures once it commits, or at once when it asks', async () => {
    const union = await addUnit(tree.communeB, 'grassroots_union', 'CĐCS Công ty Tự Đọc Số Liệu');
    const member = await admit(person(union, bandYear - 28, 'male', joined));
    const exempt = async (db: typeof t.db) =>
      Number(
        (
          await queryRows<{ value: number }>(
            db,
            sql`select coalesce(sum(value), 0)::int as value from unit_figures
              where unit_id = ${union.id} and metric = 'active.dues_exempt'`,
          )
        )[0]!.value,
      );
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`update members set dues_exempt = true where id = ${member.id}`);
      expect(await exempt(tx)).toBe(0);
      await tx.execute(sql`select statistics_apply_now()`);
      expect(await exempt(tx)).toBe(1);
      // Later changes in the same transaction are noted again, and added when it commits.
      await tx.execute(sql`update members set dues_exempt = false where id = ${member.id}`);
    });
    expect(await exempt(t.db)).toBe(0);
    await expectRecountAgrees();
  });

  /**
   * Two transactions at once, statement by statement, on two connections (PostgreSQL only: PGlite runs one
   * transaction at a time). Each pair below went wrong when the triggers added to the figures mid-transaction.
   */
  describe.runIf(testDatabaseUrl())('two transactions at once (PostgreSQL)', () => {
    const twoConnections = async () => Promise.all([t.database.pool!.connect(), t.database.pool!.connect()]);

    it('a change to a member while their union moves to another province is counted where the union now is', async () => {
      const from = await addUnit(tree.hanoi, 'commune_union', 'Công đoàn phường Hai Giao Dịch A');
      const to = await addUnit(tree.hcm, 'commune_union', 'Công đoàn phường Hai Giao Dịch B');
      const union = await addUnit(from, 'grassroots_union', 'CĐCS Công ty Hai Giao Dịch');
      const member = await admit(person(union, bandYear - 33, 'female', joined));
      const [first, second] = await twoConnections();
      try {
        // The first starts a dues exemption (not committed yet)…
        await first.query('begin');
        await first.query('update members set dues_exempt = true where id = $1', [member.id]);
        // …while the second moves the union to Ho Chi Minh City, as a restructuring does, and commits.
        await second.query('begin');
        await second.query(
          `update units set path = $1 || substr(path, length($2) + 1), province_id = $3 where path like $4`,
          [to.path, from.path, tree.hcm.id, `${union.path}%`],
        );
        await second.query('update units set parent_id = $1 where id = $2', [to.id, union.id]);
        await second.query('commit');
        await first.query('commit');
      } finally {
        first.release();
        second.release();
      }
      expect(pick(await figures(to), ['status.active', 'active.dues_exempt'])).toEqual({
        'status.active': 1,
        'active.dues_exempt': 1,
      });
      expect(pick(await figures(from), ['status.active', 'active.dues_exempt'])).toEqual({
        'status.active': 0,
        'active.dues_exempt': 0,
      });
      await expectRecountAgrees();
    });

    it('a leaving and a transfer out of the same union, written in opposite orders, do not deadlock', async () => {
      const union = await addUnit(tree.communeB, 'grassroots_union', 'CĐCS Công ty Không Khóa Chéo');
      const leaving = await admit(person(union, bandYear - 30, 'male', joined));
      const moving = await admit(person(union, bandYear - 50, 'female', joined));
      const date = today();
      const [first, second] = await twoConnections();
      try {
        // A lifecycle event writes the member, then the event; a transfer the event, then the member.
        await first.query('begin');
        await second.query('begin');
        await first.query(`update members set status = 'left' where id = $1`, [leaving.id]);
        await second.query(
          `insert into member_events (member_id, type, effective_on, unit_id, to_unit_id)
           values ($1, 'transfer', $2, $3, $4)`,
          [moving.id, date, union.id, tree.grassrootsC.id],
        );
        const firstEvent = first.query(
          `insert into member_events (member_id, type, effective_on, unit_id) values ($1, 'leave', $2, $3)`,
          [leaving.id, date, union.id],
        );
        const secondMember = second.query(
          `update members set unit_id = $1, grassroots_unit_id = $1, unit_path = $2, province_id = $3 where id = $4`,
          [tree.grassrootsC.id, tree.grassrootsC.path, tree.hcm.id, moving.id],
        );
        await Promise.all([firstEvent, secondMember]);
        await Promise.all([first.query('commit'), second.query('commit')]);
      } finally {
        first.release();
        second.release();
      }
      expect(pick(await figures(union), ['status.active', 'status.left'])).toEqual({
        'status.active': 0,
        'status.left': 1,
      });
      expect(
        pick(await movements(union), [
          `${monthOf(date)} left`,
          `${monthOf(date)} transferred_out`,
          `${monthOf(date)} current_net`,
        ]),
      ).toEqual({
        [`${monthOf(date)} left`]: 1,
        [`${monthOf(date)} transferred_out`]: 1,
        [`${monthOf(date)} current_net`]: -2,
      });
      await expectRecountAgrees();
    });
  });
});
