import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centurySexDigit } from '@union/contracts/citizen-id';
import type { JobDto } from '@union/contracts/jobs';
import type { AdmitMemberBody, MemberDto } from '@union/contracts/members';
import type {
  OfficerFiguresDto,
  OrganisationReportDto,
  StatisticsSeriesDto,
  UnitStatisticsDto,
} from '@union/contracts/statistics';
import {
  buildTestApp,
  daysFromToday,
  givenUnitTree,
  signInAs,
  signInAsAdmin,
  type SignedIn,
  type TestApp,
  type TreeUnit,
} from '../../../test/support/index.js';
import { queryRows } from '../../kernel/db/database.js';
import { queueAgeRebandIfDue } from './age-bands.js';
import { figuresAt, listChildren, liveFigures, type UnitPlace } from './statistics.queries.js';
import { unsafeFindUnitPlace, unsafeVerifyStatistics } from './statistics.system.js';

type Tree = Awaited<ReturnType<typeof givenUnitTree>>;
type Sex = 'male' | 'female';

/**
 * The statistics routes over a small country (test/support/unit-tree.ts): Hà Nội with two commune
 * unions and three grassroots unions, HCMC with one. Every figure asserted here was counted by hand.
 */
describe('statistics', () => {
  let t: TestApp;
  let tree: Tree;
  let admin: SignedIn;
  let hanoiOfficer: SignedIn;
  let rootId: number;
  const today = daysFromToday(0);
  const year = Number(today.slice(0, 4));

  const get = (url: string, who: SignedIn = admin) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who.headers });
  const statisticsOf = async (unit: { id: number }, query = '') => {
    const response = await get(`/units/${unit.id}/statistics${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<UnitStatisticsDto>();
  };

  let serial = 0;
  const admit = async (
    unit: TreeUnit,
    birthDate: string,
    sex: Sex,
    overrides: Partial<AdmitMemberBody> = {},
  ) => {
    const body: AdmitMemberBody = {
      unitId: unit.id,
      fullName: sex === 'female' ? 'Nguyễn Thị Thống Kê' : 'Trần Văn Thống Kê',
      birthDate,
      sex,
      citizenId: `001${centurySexDigit(Number(birthDate.slice(0, 4)), sex)}${birthDate.slice(2, 4)}${String(++serial).padStart(6, '0')}`,
      joinedAt: '2024-01-10',
      ...overrides,
    };
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: admin.headers,
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<MemberDto>();
  };
  const recordEvent = async (id: number, body: { type: string; date: string; toUnitId?: number }) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/members/${id}/events`,
      headers: admin.headers,
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  let leaver: MemberDto;
  let mover: MemberDto;

  beforeAll(async () => {
    t = await buildTestApp();
    tree = await givenUnitTree(t);
    admin = await signInAsAdmin(t);
    hanoiOfficer = await signInAs(t, { role: 'federation_officer', unit: tree.hanoi });
    rootId = (await queryRows<{ id: number }>(t.db, sql`select id from units where parent_id is null`))[0]!
      .id;
    // grassrootsA: two women (20s and 40s) and a man in his 30s; one more woman in its branch.
    await admit(tree.grassrootsA, `${year - 25}-03-01`, 'female');
    await admit(tree.grassrootsA, `${year - 45}-03-01`, 'female');
    leaver = await admit(tree.grassrootsA, `${year - 35}-03-01`, 'male');
    await admit(tree.branchA, `${year - 52}-03-01`, 'female');
    // grassrootsB: a man who will move to HCMC; grassrootsC (HCMC): a man in his 60s.
    mover = await admit(tree.grassrootsB, `${year - 30}-03-01`, 'male');
    await admit(tree.grassrootsC, `${year - 61}-03-01`, 'male');
    // Today: one leaves grassrootsA, one transfers from Hà Nội to HCMC.
    await recordEvent(leaver.id, { type: 'leave', date: today });
    await recordEvent(mover.id, { type: 'transfer', date: today, toUnitId: tree.grassrootsC.id });
  });
  afterAll(async () => t?.close());

  it('counts the subtree of a province from its counters, with a line per child unit', async () => {
    const hanoi = await statisticsOf(tree.hanoi);
    expect(hanoi).toMatchObject({ unitId: tree.hanoi.id, at: today, live: true });
    expect(hanoi.members).toMatchObject({
      total: 3,
      active: 3,
      current: 3,
      female: 3,
      male: 0,
      byAgeBand: { under_30: 1, '30_39': 0, '40_49': 1, '50_59': 1, '60_plus': 0 },
      byStatus: { active: 3, suspended: 0, left: 1, expelled: 0, deceased: 0 },
    });
    // The movements cover this report year (from 1/12): they joined in 2024.
    expect(hanoi.movements).toMatchObject({ admitted: 0, left: 1, transferredOut: 1, transferredIn: 0 });
    // Hà Nội itself, two commune unions, three grassroots unions, a branch and a group.
    expect(hanoi.units).toMatchObject({ grassroots: 3 });
    expect(hanoi.units.byType).toMatchObject({
      provincial_federation: 1,
      commune_union: 2,
      grassroots_union: 3,
      union_branch: 1,
      union_group: 1,
    });
    const communeA = hanoi.children.find((child) => child.unitId === tree.communeA.id)!;
    const communeB = hanoi.children.find((child) => child.unitId === tree.communeB.id)!;
    expect(communeA.members.total).toBe(3);
    expect(communeB.members.total).toBe(0);
    expect(communeB.movements.transferredOut).toBe(1);
    expect(hanoi.childrenTotal).toBe(hanoi.children.length);
    // Largest first.
    expect(hanoi.children[0]!.unitId).toBe(tree.communeA.id);
  });

  it("tells a unit's own members from those of the units below it", async () => {
    const grassrootsA = await statisticsOf(tree.grassrootsA);
    expect(grassrootsA.members.total).toBe(3);
    expect(grassrootsA.own.members.total).toBe(2);
    expect(grassrootsA.children.map((child) => [child.unitId, child.members.total])).toEqual([
      [tree.branchA.id, 1],
    ]);
  });

  it('counts the Confederation as the sum of its children, and a transfer on both sides', async () => {
    const hcm = await statisticsOf(tree.hcm);
    expect(hcm.members).toMatchObject({ total: 2, male: 2, byAgeBand: { '30_39': 1, '60_plus': 1 } });
    expect(hcm.movements).toMatchObject({ admitted: 0, transferredIn: 1 });
    const root = await statisticsOf({ id: rootId });
    expect(root.members.total).toBe(5);
    expect(root.movements).toMatchObject({ admitted: 0, transferredIn: 1, transferredOut: 1, left: 1 });
    expect(root.units.byType.confederation).toBe(1);
    expect(root.children.find((child) => child.unitId === tree.hanoi.id)?.members.total).toBe(3);
  });

  it('recomputes any figure at a past cut-off date from the dated events', async () => {
    const yesterday = daysFromToday(-1);
    const hanoi = await statisticsOf(tree.hanoi, `?at=${yesterday}`);
    expect(hanoi).toMatchObject({ at: yesterday, live: false });
    // Before today's leave and transfer: five members, none gone.
    expect(hanoi.members).toMatchObject({ total: 5, female: 3, male: 2 });
    expect(hanoi.members.byStatus.left).toBe(0);
    expect(hanoi.movements).toMatchObject({ left: 0, transferredOut: 0 });
    const before = await statisticsOf(tree.hanoi, '?at=2023-12-31');
    expect(before.members.total).toBe(0);
    expect(before.units.grassroots).toBe(3);
  });

  it('gives the same figures from the events as from the counters, today', async () => {
    for (const id of [tree.hanoi.id, tree.hcm.id, tree.communeA.id, tree.grassrootsA.id, tree.branchA.id]) {
      const unit = (await unsafeFindUnitPlace(t.db, id)) as UnitPlace;
      const live = await liveFigures(t.db, unit, await listChildren(t.db, id));
      const recomputed = await figuresAt(t.db, unit, today);
      const nonZero = (bag: Map<string, number>) =>
        Object.fromEntries([...bag].filter(([metric, value]) => value !== 0 && !metric.startsWith('unit.')));
      expect(nonZero(recomputed.subtree), `unit ${id}`).toEqual(nonZero(live.subtree));
    }
  });

  it('refuses a cut-off date in the future', async () => {
    const response = await get(`/units/${tree.hanoi.id}/statistics?at=${daysFromToday(2)}`);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('statistics.future_date');
  });

  it('draws the monthly series: movements, and the members at each month end', async () => {
    const from = `${year - 1}-12`;
    const response = await get(
      `/units/${tree.hanoi.id}/statistics/series?from=${from}&to=${today.slice(0, 7)}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const { months } = response.json<StatisticsSeriesDto>();
    expect(months[0]!.month).toBe(from);
    const last = months.at(-1)!;
    expect(last.month).toBe(today.slice(0, 7));
    expect(last.membersAtEnd).toBe(3);
    expect(last.movements).toMatchObject({ left: 1, transferredOut: 1 });
    // Joined in January 2024: five members at the end of every month before this one.
    expect(months.at(-2)?.membersAtEnd ?? 5).toBe(5);
    const january = await get(`/units/${tree.hanoi.id}/statistics/series?from=2024-01&to=2024-01`);
    expect(january.json<StatisticsSeriesDto>().months).toEqual([
      expect.objectContaining({
        month: '2024-01',
        membersAtEnd: 5,
        movements: expect.objectContaining({ admitted: 5 }),
      }),
    ]);
    const tooLong = await get(`/units/${tree.hanoi.id}/statistics/series?from=2010-01&to=2026-01`);
    expect(tooLong.json().error.code).toBe('statistics.series_too_long');
  });

  it('lists grassroots unions without a chair in office', async () => {
    await signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsA, termStart: '2023-01-01' });
    await signInAs(t, {
      role: 'grassroots_chair',
      unit: tree.grassrootsB,
      termStart: '2018-01-01',
      termEnd: '2023-01-01',
    });
    const response = await get(`/units/${tree.hanoi.id}/statistics/officers`);
    expect(response.statusCode, response.body).toBe(200);
    const figures = response.json<OfficerFiguresDto>();
    expect(figures).toMatchObject({ grassroots: 3, withoutChair: 2, chairTermExpired: 1 });
    expect(figures.gaps.map((gap) => [gap.unitId, gap.gap, gap.termEndedOn])).toEqual(
      expect.arrayContaining([
        [tree.grassrootsB.id, 'term_expired', '2023-01-01'],
        [tree.grassrootsA2.id, 'no_chair', null],
      ]),
    );
    expect(figures.officers).toBeGreaterThanOrEqual(2);
  });

  it('adds a declared workforce to the figures, and the coverage with it', async () => {
    const declare = (workers: number, femaleWorkers: number, asOf = today) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/units/${tree.grassrootsA.id}/workforce`,
        headers: admin.headers,
        payload: { asOf, workers, femaleWorkers },
      });
    expect((await declare(8, 5)).statusCode).toBe(200);
    expect((await declare(6, 4)).statusCode).toBe(200); // the same date again: replaces
    expect((await declare(50, 40, '2024-01-01')).statusCode).toBe(200); // older: not the latest
    const hanoi = await statisticsOf(tree.hanoi);
    expect(hanoi.workforce).toEqual({ workers: 6, femaleWorkers: 4, unitsDeclared: 1, coverage: 0.5 });
    // Coverage compares the declaring union's members with its workers: HCMC's members, in a union that
    // declared nothing, do not raise the national rate.
    const root = await statisticsOf({ id: rootId });
    expect(root.members.current).toBe(5);
    expect(root.workforce.coverage).toBe(0.5);
    const read = await get(`/units/${tree.grassrootsA.id}/workforce`);
    expect(read.json()).toMatchObject({ asOf: today, workers: 6 });
    const onCommune = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/units/${tree.communeA.id}/workforce`,
      headers: admin.headers,
      payload: { asOf: today, workers: 1, femaleWorkers: 0 },
    });
    expect(onCommune.json().error.code).toBe('statistics.not_grassroots');
    expect(await unsafeVerifyStatistics(t.db)).toEqual([]);
  });

  it('produces the organisation report as data, as .xlsx and as PDF', async () => {
    const period = `${year}-annual`;
    const json = await get(`/units/${tree.hanoi.id}/reports/organisation?period=${period}`, hanoiOfficer);
    expect(json.statusCode, json.body).toBe(200);
    const report = json.json<OrganisationReportDto>();
    expect(report.total).toMatchObject({
      members: 3,
      femaleMembers: 3,
      grassrootsUnions: 3,
      admitted: 0, // they joined in 2024, before this report year
      left: 1,
      transferredOut: 1,
    });
    expect(report.lines.map((line) => line.unitId).sort()).toEqual(
      [tree.communeA.id, tree.communeB.id].sort(),
    );

    const xlsx = await get(
      `/units/${tree.hanoi.id}/reports/organisation?period=${period}&format=xlsx`,
      hanoiOfficer,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = workbook.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells.join(' ')).toContain('BÁO CÁO SỐ LIỆU TỔ CHỨC CÔNG ĐOÀN');
    expect(cells).toContain('Công đoàn phường Thử Nghiệm A');

    const pdf = await get(
      `/units/${tree.hanoi.id}/reports/organisation?period=${year}-H1&format=pdf`,
      hanoiOfficer,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const invalid = await get(`/units/${tree.hanoi.id}/reports/organisation?period=2026-Q5`);
    expect(invalid.statusCode).toBe(400);
    const notStarted = await get(`/units/${tree.hanoi.id}/reports/organisation?period=${year + 2}-annual`);
    expect(notStarted.json().error.code).toBe('statistics.period_not_started');
  });

  it("runs the Confederation's report as a job whose file only its starter may fetch", async () => {
    const started = await get(`/units/${rootId}/reports/organisation?period=${year}-annual&format=xlsx`);
    expect(started.statusCode, started.body).toBe(202);
    const { jobId } = started.json<{ jobId: number }>();
    let job: JobDto | undefined;
    for (let attempt = 0; attempt < 100; attempt++) {
      job = (await get(`/jobs/${jobId}`)).json<JobDto>();
      if (job.status === 'succeeded' || job.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(job).toMatchObject({ status: 'succeeded', progress: 1 });
    const file = await get(`/statistics/report-files/${jobId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const someoneElse = await get(`/statistics/report-files/${jobId}`, hanoiOfficer);
    expect(someoneElse.statusCode).toBe(404);
  });

  it('re-counts the age bands when a new year begins', async () => {
    await t.db.execute(sql`update statistics_settings set age_band_year = ${year - 1}`);
    // Counted for last year, the woman born 25 years ago was 24: the same band; the man born 30 years
    // ago (now in HCMC) was 29, under 30.
    expect(await queueAgeRebandIfDue(t.database)).toBe(true);
    expect(await queueAgeRebandIfDue(t.database)).toBe(false); // already queued
    let settled = false;
    for (let attempt = 0; attempt < 100 && !settled; attempt++) {
      const [row] = await queryRows<{ year: number }>(
        t.db,
        sql`select age_band_year as year from statistics_settings`,
      );
      settled = Number(row!.year) === year;
      if (!settled) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(settled).toBe(true);
    expect(await unsafeVerifyStatistics(t.db)).toEqual([]);
    const hcm = await statisticsOf(tree.hcm);
    expect(hcm.members.byAgeBand).toMatchObject({ '30_39': 1, '60_plus': 1 });
  });
});
