import { expect } from 'vitest';
import type { JobDto } from '@union/contracts/jobs';
import {
  reportYearOf,
  type OfficerFiguresDto,
  type OrganisationReportDto,
  type StatisticsSeriesDto,
  type UnitStatisticsDto,
  type WorkforceDto,
} from '@union/contracts/statistics';
import type { UnitDto } from '@union/contracts/units';
import { jobs } from '../../src/kernel/jobs/jobs.schema.js';
import { IMPORT_JOB_KIND } from '../../src/modules/members/index.js';
import {
  daysFromToday,
  logIn,
  signInAsAdmin,
  TEST_PASSWORD,
  type SignedIn,
  type TreeUnit,
} from '../support/index.js';
import {
  denied,
  expectError,
  expectStatus,
  invalid,
  notFound,
  ok,
  routeSpec,
  type AccessSuite,
  type Case,
  type Headers,
  type Response,
  type RouteTable,
} from './denial.js';

/** An id no unit (or job) has: a missing record must read exactly like one out of scope. */
export const MISSING_ID = 2_000_000_000;
/** An id beyond the database's integer range: refused as input before anything is looked up. */
const OUT_OF_RANGE_ID = 3_000_000_000;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a statistics read is aimed at: a unit, and the query string the route needs. */
export interface Aim {
  unit: { id: number };
  query: string;
}
const aimAt = (unit: { id: number }, query = ''): Aim => ({ unit, query });

/** `yyyy-mm`, `back` months before the current one. */
export const monthsAgo = (back: number): string => {
  const [year, month] = daysFromToday(0).split('-').map(Number) as [number, number];
  const index = year * 12 + month - 1 - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The annual report of the union's current report year (1/12 to 30/11): it has always begun. */
export const currentAnnual = (): string => `${reportYearOf(daysFromToday(0)).to.slice(0, 4)}-annual`;

/** The Confederation itself (the tree's root), as the administrator sees it. */
export async function confederationOf(s: AccessSuite): Promise<TreeUnit> {
  const response = await s.inject(s.admin.headers, { method: 'GET', url: '/api/v1/units/roots' });
  expectStatus(response, 200);
  const [root] = response.json<UnitDto[]>();
  expect(root!.depth).toBe(0);
  return { id: root!.id, name: root!.name, path: root!.path, depth: 0, provinceId: null, type: root!.type };
}

/** A finished report job of the Confederation, and who started it (to sign in again as them). */
export interface ReportJob {
  id: number;
  owner: SignedIn;
}

/** The job, as the account that started it sees it, once the runner has finished it. */
export async function finishedJob(s: AccessSuite, owner: SignedIn, id: number): Promise<JobDto> {
  const read = async () => {
    const response = await s.inject(owner.headers, { method: 'GET', url: `/api/v1/jobs/${id}` });
    expectStatus(response, 200);
    return response.json<JobDto>();
  };
  // The job runner works off the request path: wait for it as the web app does, by asking.
  await expect
    .poll(async () => (await read()).status, { timeout: 25_000, interval: 100 })
    .not.toMatch(/^(queued|running)$/);
  return read();
}

/** Route tables for the statistics module. Targets are built per test; nothing here runs before a test does. */
export function statisticsRouteTable(s: AccessSuite): RouteTable {
  const tree = () => s.tree;
  const today = () => daysFromToday(0);

  /** A member admitted by the administrator into `unit` today: a woman born in 1990. */
  const admitWoman = async (unit: { id: number }) => {
    const response = await s.inject(s.admin.headers, {
      method: 'POST',
      url: '/api/v1/members',
      payload: {
        unitId: unit.id,
        fullName: 'Lê Thị Thống Kê',
        birthDate: '1990-05-01',
        sex: 'female',
        citizenId: null,
        notDuplicate: true,
      },
    });
    expectStatus(response, 201);
  };

  /**
   * A fresh grassroots union under communeA holding exactly one member, admitted today: grassrootsA2 is
   * its sibling, communeA its parent. Every figure the allowed officer reads of it is known exactly.
   */
  const countedUnion = async (): Promise<TreeUnit> => {
    const unit = await s.freshGrassroots();
    await admitWoman(unit);
    return unit;
  };

  const declare = (headers: Headers, unit: { id: number }, body: object) =>
    s.inject(headers, { method: 'PUT', url: `/api/v1/units/${unit.id}/workforce`, payload: body });

  /** A fresh grassroots union under communeA that declared 250 workers, 140 of them women, today. */
  const declaredUnion = async (): Promise<TreeUnit> => {
    const unit = await s.freshGrassroots();
    expectStatus(
      await declare(s.admin.headers, unit, { asOf: today(), workers: 250, femaleWorkers: 140 }),
      200,
    );
    return unit;
  };

  const statisticsOf = async (unit: { id: number }) => {
    const response = await s.inject(s.admin.headers, {
      method: 'GET',
      url: `/api/v1/units/${unit.id}/statistics`,
    });
    expectStatus(response, 200);
    return response.json<UnitStatisticsDto>();
  };

  const getPart =
    (suffix: string) =>
    (headers: Headers, { unit, query }: Aim) =>
      s.inject(headers, {
        method: 'GET',
        url: `/api/v1/units/${unit.id}${suffix}${query ? `?${query}` : ''}`,
      });

  /**
   * The wrongly placed callers for a read of T (a fresh union under communeA) by roles holding
   * statistics.read, and the rightly placed ones above it: parents see below, nobody sees up or across.
   * `check` proves what the union's own officer gets; `query` is sent with every case.
   */
  const readOfCountedUnion = (
    check: (response: Response, T: TreeUnit) => unknown,
    query = '',
    checkAbove: (response: Response, T: TreeUnit) => unknown = check,
  ): Case<TreeUnit, Aim>[] => [
    {
      kind: 'allowed',
      title: 'grassroots officer of the union',
      who: (T) => s.as('grassroots_officer', T),
      expect: ok(check),
    },
    {
      kind: 'allowed',
      title: 'upper union officer of communeA, above it (parents see below): the same figures',
      who: () => s.as('upper_union_officer', tree().communeA),
      expect: ok(checkAbove),
    },
    {
      kind: 'allowed',
      title: 'federation officer of Hà Nội, two levels above it',
      who: () => s.as('federation_officer', tree().hanoi),
      expect: ok(),
    },
    {
      kind: 'allowed',
      title: 'grassroots chair of the union whose term ends today (still current)',
      who: (T) => s.as('grassroots_chair', T, 'ends today'),
      expect: ok(),
    },
    {
      kind: 'allowed',
      title: 'grassroots chair of the union whose term starts today',
      who: (T) => s.as('grassroots_chair', T, 'starts today'),
      expect: ok(),
    },
    {
      kind: 'sibling',
      title: 'grassroots chair of grassrootsA2, beside it',
      who: () => s.as('grassroots_chair', tree().grassrootsA2),
      expect: notFound(),
    },
    {
      kind: 'parent',
      title: 'grassroots officer of a branch of the union, below it, reaching up',
      who: async (T) => s.as('grassroots_officer', await s.addUnit(T, 'union_branch')),
      expect: notFound(),
    },
    {
      kind: 'parent',
      title: 'grassroots chair of the union reaching up to communeA',
      who: (T) => s.as('grassroots_chair', T),
      aim: () => aimAt(tree().communeA, query),
      expect: notFound(),
    },
    {
      kind: 'parent',
      title: 'upper union officer of communeA reaching up to Hà Nội',
      who: () => s.as('upper_union_officer', tree().communeA),
      aim: () => aimAt(tree().hanoi, query),
      expect: notFound(),
    },
    {
      kind: 'child',
      title: 'upper union officer of communeB (the union is a child of communeA)',
      who: () => s.as('upper_union_officer', tree().communeB),
      expect: notFound(),
    },
    {
      kind: 'child',
      title: 'federation officer of HCMC (the union lies in Hà Nội)',
      who: () => s.as('federation_officer', tree().hcm),
      expect: notFound(),
    },
    {
      kind: 'permission elsewhere',
      title:
        'legal adviser of communeA (sees the union) and officer of grassrootsA2 (reads statistics there)',
      who: () =>
        s.asMany(
          { role: 'legal_adviser', unit: tree().communeA },
          { role: 'grassroots_officer', unit: tree().grassrootsA2 },
        ),
      expect: notFound(),
    },
    {
      kind: 'expired',
      title: 'grassroots officer of the union whose term ended yesterday',
      who: (T) => s.as('grassroots_officer', T, 'expired'),
      expect: denied,
    },
    {
      kind: 'expired',
      title: 'term at communeA ended yesterday, current chair of grassrootsA2: the old term widens nothing',
      who: () =>
        s.asMany(
          { role: 'upper_union_officer', unit: tree().communeA, termEnd: daysFromToday(-1) },
          { role: 'grassroots_chair', unit: tree().grassrootsA2 },
        ),
      expect: notFound(),
    },
    {
      kind: 'future',
      title: 'grassroots officer of the union whose term starts tomorrow',
      who: (T) => s.as('grassroots_officer', T, 'future'),
      expect: denied,
    },
    { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
    {
      kind: 'lacks permission',
      title: 'member of the union (the role grants no statistics.read)',
      who: (T) => s.as('member', T),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'legal adviser of communeA (units.read, but no statistics.read)',
      who: () => s.as('legal_adviser', tree().communeA),
      expect: denied,
    },
    {
      kind: 'missing',
      title: 'federation officer of Hà Nội asking for an id no unit has (same answer as out of scope)',
      who: () => s.as('federation_officer', tree().hanoi),
      aim: () => aimAt({ id: MISSING_ID }, query),
      expect: notFound(),
    },
    {
      kind: 'missing',
      title: 'federation officer of Hà Nội asking for an id beyond the integer range: refused as input',
      who: () => s.as('federation_officer', tree().hanoi),
      aim: () => aimAt({ id: OUT_OF_RANGE_ID }, query),
      expect: invalid,
    },
  ];

  /** The one member admitted today, as the union's figures show her. */
  const countsTheMember = (response: Response, T: TreeUnit) => {
    const body = response.json<UnitStatisticsDto>();
    expect(body).toMatchObject({
      unitId: T.id,
      at: today(),
      live: true,
      members: { total: 1, active: 1, current: 1, female: 1, male: 0 },
      movements: { admitted: 1, transferredIn: 0, left: 0 },
      units: { grassroots: 1 },
      own: { members: { total: 1 }, movements: { admitted: 1 } },
      children: [],
      childrenTotal: 0,
    });
  };

  // From last month to this one: the member, admitted today, shows this month only.
  const seriesQuery = () => `from=${monthsAgo(1)}&to=${monthsAgo(0)}`;
  const seriesOfTheMember = (response: Response, T: TreeUnit) => {
    const body = response.json<StatisticsSeriesDto>();
    expect(body.unitId).toBe(T.id);
    expect(
      body.months.map((month) => ({
        month: month.month,
        admitted: month.movements.admitted,
        membersAtEnd: month.membersAtEnd,
      })),
    ).toEqual([
      { month: monthsAgo(1), admitted: 0, membersAtEnd: 0 },
      { month: monthsAgo(0), admitted: 1, membersAtEnd: 1 },
    ]);
  };

  /** The union has no chair yet: one gap, its one member, and the officer reading is its only officer. */
  const officersOfTheUnion = (response: Response, T: TreeUnit) =>
    expect(response.json<OfficerFiguresDto>()).toEqual({
      unitId: T.id,
      grassroots: 1,
      withoutChair: 1,
      chairTermExpired: 0,
      officers: 1,
      membersPerOfficer: 1,
      gaps: [
        {
          unitId: T.id,
          name: T.name,
          code: expect.any(String),
          type: 'grassroots_union',
          parentName: tree().communeA.name,
          gap: 'no_chair',
          termEndedOn: null,
          members: 1,
        },
      ],
    });

  const reportQuery = (format?: string) => `period=${currentAnnual()}${format ? `&format=${format}` : ''}`;
  /** The union's own report: no unit below it, the one member in the total. */
  const reportOfTheUnion = (response: Response, T: TreeUnit) => {
    const body = response.json<OrganisationReportDto>();
    expect(body).toMatchObject({
      unit: { id: T.id, name: T.name },
      period: { code: currentAnnual() },
      at: today(),
      total: { unitId: T.id, grassrootsUnions: 1, members: 1, femaleMembers: 1, admitted: 1, left: 0 },
      lines: [],
    });
  };
  const isFile = (contentType: string, magic: string) => (response: Response) => {
    expect(response.headers['content-type']).toBe(contentType);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="/);
    expect(response.rawPayload.subarray(0, magic.length).toString('latin1')).toBe(magic);
  };

  /** A report job of the Confederation by a new confederation administrator, finished; once per file. */
  let sharedReportJob: Promise<ReportJob> | undefined;
  const reportJob = () =>
    (sharedReportJob ??= (async () => {
      const root = await confederationOf(s);
      const owner = await s.as('confederation_admin', root);
      const response = await s.inject(owner.headers, {
        method: 'GET',
        url: `/api/v1/units/${root.id}/reports/organisation?${reportQuery('xlsx')}`,
      });
      expectStatus(response, 202);
      const { jobId } = response.json<{ jobId: number }>();
      expect(await finishedJob(s, owner, jobId)).toMatchObject({ status: 'succeeded' });
      return { id: jobId, owner };
    })());
  /** A job of another kind (a member import) started by the same account. */
  const otherKindOfJob = async (T: ReportJob) => {
    const [row] = await s.t.db
      .insert(jobs)
      .values({ kind: IMPORT_JOB_KIND, status: 'succeeded', progress: 1, accountId: T.owner.accountId })
      .returning({ id: jobs.id });
    return { id: row!.id };
  };

  interface Declaration {
    unit: { id: number };
    body: { asOf: string; workers: number; femaleWorkers: number };
  }
  const declaration = (unit: { id: number }): Declaration => ({
    unit,
    body: { asOf: today(), workers: 120, femaleWorkers: 70 },
  });
  /** The union's figures now count the declaration, once. */
  const countsTheDeclaration = async (response: Response, T: TreeUnit) => {
    expect(response.json<WorkforceDto>()).toEqual({
      unitId: T.id,
      asOf: today(),
      workers: 120,
      femaleWorkers: 70,
    });
    expect((await statisticsOf(T)).workforce).toEqual({
      workers: 120,
      femaleWorkers: 70,
      unitsDeclared: 1,
      coverage: 0,
    });
  };

  return {
    'GET /api/v1/units/:id/statistics': routeSpec({
      target: countedUnion,
      aim: (T): Aim => aimAt(T),
      send: getPart('/statistics'),
      cases: [
        ...readOfCountedUnion(countsTheMember),
        {
          kind: 'allowed',
          title: 'upper union officer of communeA reading communeA: the union among its children, counted',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: () => aimAt(tree().communeA),
          expect: ok((response, T: TreeUnit) =>
            expect(
              response.json<UnitStatisticsDto>().children.find((child) => child.unitId === T.id),
            ).toMatchObject({ name: T.name, members: { total: 1, female: 1 }, movements: { admitted: 1 } }),
          ),
        },
        {
          kind: 'allowed',
          title: 'grassroots officer of the union, as at yesterday: recomputed, before the member joined',
          who: (T) => s.as('grassroots_officer', T),
          aim: (T) => aimAt(T, `at=${daysFromToday(-1)}`),
          expect: ok((response, T: TreeUnit) =>
            expect(response.json<UnitStatisticsDto>()).toMatchObject({
              unitId: T.id,
              at: daysFromToday(-1),
              live: false,
              members: { total: 0 },
              movements: { admitted: 0 },
              units: { grassroots: 1 },
            }),
          ),
        },
        {
          kind: 'allowed',
          title: 'a confederation administrator reading the Confederation: the sum of its children',
          who: async () => s.as('confederation_admin', await confederationOf(s)),
          aim: async () => aimAt(await confederationOf(s)),
          expect: ok((response) => {
            const body = response.json<UnitStatisticsDto>();
            const sum = body.children.reduce((total, child) => total + child.members.total, 0);
            expect(body.members.total).toBeGreaterThanOrEqual(1);
            expect(body.members.total).toBe(sum);
          }),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2 asking for the union as at yesterday',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: (T) => aimAt(T, `at=${daysFromToday(-1)}`),
          expect: notFound(),
        },
      ],
    }),

    'GET /api/v1/units/:id/statistics/series': routeSpec({
      target: countedUnion,
      aim: (T): Aim => aimAt(T, seriesQuery()),
      send: getPart('/statistics/series'),
      cases: readOfCountedUnion(seriesOfTheMember, seriesQuery()),
    }),

    'GET /api/v1/units/:id/statistics/officers': routeSpec({
      target: countedUnion,
      aim: (T): Aim => aimAt(T),
      send: getPart('/statistics/officers'),
      cases: readOfCountedUnion(officersOfTheUnion, '', (response, T) => {
        // The reader's office is above the union: the union counts no officer of its own.
        const body = response.json<OfficerFiguresDto>();
        expect(body).toMatchObject({ unitId: T.id, grassroots: 1, withoutChair: 1, officers: 0 });
        expect(body.membersPerOfficer).toBeNull();
      }),
    }),

    'GET /api/v1/units/:id/workforce': routeSpec({
      target: declaredUnion,
      aim: (T): Aim => aimAt(T),
      send: getPart('/workforce'),
      cases: [
        ...readOfCountedUnion((response, T) =>
          expect(response.json<WorkforceDto>()).toEqual({
            unitId: T.id,
            asOf: today(),
            workers: 250,
            femaleWorkers: 140,
          }),
        ),
        {
          kind: 'missing',
          title: 'grassroots officer of grassrootsA2, which has declared nothing',
          who: () => s.as('grassroots_officer', tree().grassrootsA2),
          aim: () => aimAt(tree().grassrootsA2),
          expect: notFound('workforce.not_found'),
        },
      ],
    }),

    'PUT /api/v1/units/:id/workforce': routeSpec({
      target: () => s.freshGrassroots(),
      aim: (T): Declaration => declaration(T),
      send: (headers: Headers, { unit, body }: Declaration) => declare(headers, unit, body),
      // A refused declaration leaves the union with none, and its figures (and its parent's) untouched.
      unchanged: async (T) => {
        const response = await s.inject(s.admin.headers, {
          method: 'GET',
          url: `/api/v1/units/${T.id}/workforce`,
        });
        expectError(response, 404, 'workforce.not_found');
        expect((await statisticsOf(T)).workforce).toEqual({
          workers: 0,
          femaleWorkers: 0,
          unitsDeclared: 0,
          coverage: null,
        });
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of the union declares its workforce',
          who: (T) => s.as('grassroots_chair', T),
          expect: ok(countsTheDeclaration),
        },
        {
          kind: 'allowed',
          title: 'grassroots officer of the union (every officer role may declare)',
          who: (T) => s.as('grassroots_officer', T),
          expect: ok(countsTheDeclaration),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above it',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: ok(countsTheDeclaration),
        },
        {
          kind: 'allowed',
          title: 'grassroots chair correcting a declaration of the same date: replaced, not added',
          who: (T) => s.as('grassroots_chair', T),
          aim: async (T) => {
            const first = { asOf: today(), workers: 300, femaleWorkers: 200 };
            expectStatus(await declare(s.admin.headers, T, first), 200);
            return declaration(T);
          },
          expect: ok(countsTheDeclaration),
        },
        {
          kind: 'sees, may not change',
          title: 'upper union officer of communeA declaring for communeA (only grassroots unions declare)',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: () => declaration(tree().communeA),
          expect: { status: 422, code: 'statistics.not_grassroots' },
        },
        {
          kind: 'sees, may not change',
          title: 'grassroots chair of the union declaring for a branch of it',
          who: (T) => s.as('grassroots_chair', T),
          aim: async (T) => declaration(await s.addUnit(T, 'union_branch')),
          expect: { status: 422, code: 'statistics.not_grassroots' },
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title:
            'grassroots chair of grassrootsA2 declaring for communeA, above it: not found, never "not grassroots"',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: () => declaration(tree().communeA),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of a branch of the union, below it, reaching up',
          who: async (T) => s.as('grassroots_officer', await s.addUnit(T, 'union_branch')),
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'upper union officer of communeB',
          who: () => s.as('upper_union_officer', tree().communeB),
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC',
          who: () => s.as('federation_officer', tree().hcm),
          expect: notFound(),
        },
        {
          kind: 'permission elsewhere',
          title: 'legal adviser of communeA (sees the union) and chair of grassrootsA2 (declares there)',
          who: () =>
            s.asMany(
              { role: 'legal_adviser', unit: tree().communeA },
              { role: 'grassroots_chair', unit: tree().grassrootsA2 },
            ),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of the union whose term ended yesterday',
          who: (T) => s.as('grassroots_chair', T, 'expired'),
          expect: denied,
        },
        {
          kind: 'expired',
          title:
            'term at communeA ended yesterday, current chair of grassrootsA2: the old term widens nothing',
          who: () =>
            s.asMany(
              { role: 'upper_union_officer', unit: tree().communeA, termEnd: daysFromToday(-1) },
              { role: 'grassroots_chair', unit: tree().grassrootsA2 },
            ),
          expect: notFound(),
        },
        {
          kind: 'future',
          title: 'grassroots chair of the union whose term starts tomorrow',
          who: (T) => s.as('grassroots_chair', T, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of the union',
          who: (T) => s.as('member', T),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'legal adviser of communeA',
          who: () => s.as('legal_adviser', tree().communeA),
          expect: denied,
        },
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội declaring for an id no unit has',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: () => declaration({ id: MISSING_ID }),
          expect: notFound(),
        },
        {
          kind: 'missing',
          title:
            'federation officer of Hà Nội declaring for an id beyond the integer range: refused as input',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: () => declaration({ id: OUT_OF_RANGE_ID }),
          expect: invalid,
        },
      ],
    }),

    'GET /api/v1/units/:id/reports/organisation': routeSpec({
      target: countedUnion,
      aim: (T): Aim => aimAt(T, reportQuery()),
      send: getPart('/reports/organisation'),
      cases: [
        ...readOfCountedUnion(reportOfTheUnion, reportQuery()),
        {
          kind: 'allowed',
          title: 'upper union officer of communeA reporting on communeA: a line for the union, counted',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: () => aimAt(tree().communeA, reportQuery()),
          expect: ok((response, T: TreeUnit) =>
            expect(
              response.json<OrganisationReportDto>().lines.find((line) => line.unitId === T.id),
            ).toMatchObject({ name: T.name, members: 1, femaleMembers: 1, admitted: 1 }),
          ),
        },
        {
          kind: 'allowed',
          title: 'grassroots officer of the union: the same report as a spreadsheet',
          who: (T) => s.as('grassroots_officer', T),
          aim: (T) => aimAt(T, reportQuery('xlsx')),
          expect: ok(isFile(XLSX, 'PK')),
        },
        {
          kind: 'allowed',
          title: 'grassroots officer of the union: the same report as a PDF',
          who: (T) => s.as('grassroots_officer', T),
          aim: (T) => aimAt(T, reportQuery('pdf')),
          expect: ok(isFile('application/pdf', '%PDF')),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2 asking for the spreadsheet',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: (T) => aimAt(T, reportQuery('xlsx')),
          expect: notFound(),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2 asking for the PDF',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: (T) => aimAt(T, reportQuery('pdf')),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title:
            'federation officer of Hà Nội asking for the Confederation’s spreadsheet (a job there): no job',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: async () => aimAt(await confederationOf(s), reportQuery('xlsx')),
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC asking for the spreadsheet',
          who: () => s.as('federation_officer', tree().hcm),
          aim: (T) => aimAt(T, reportQuery('xlsx')),
          expect: notFound(),
        },
      ],
    }),

    'GET /api/v1/statistics/report-files/:id': routeSpec({
      target: reportJob,
      aim: (T: ReportJob) => ({ id: T.id }),
      send: (headers: Headers, { id }: { id: number }) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/statistics/report-files/${id}` }),
      cases: [
        {
          kind: 'allowed',
          title: 'the confederation administrator who started the job: the spreadsheet',
          who: (T) => logIn(s.t, T.owner.login, TEST_PASSWORD),
          expect: ok(isFile(XLSX, 'PK')),
        },
        {
          kind: 'sibling',
          title: 'another confederation administrator (the same office, beside the one who started it)',
          who: async () => s.as('confederation_admin', await confederationOf(s)),
          expect: notFound('job.not_found'),
        },
        {
          kind: 'sibling',
          title: 'the seeded administrator, who reads every unit’s statistics',
          who: () => signInAsAdmin(s.t),
          expect: notFound('job.not_found'),
        },
        {
          kind: 'parent',
          title: 'federation officer of Hà Nội, whose figures the report holds, reaching up',
          who: () => s.as('federation_officer', tree().hanoi),
          expect: notFound('job.not_found'),
        },
        {
          kind: 'expired',
          title: 'a confederation administrator whose term ended yesterday',
          who: async () => s.as('confederation_admin', await confederationOf(s), 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'a confederation administrator whose term starts tomorrow',
          who: async () => s.as('confederation_admin', await confederationOf(s), 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'legal adviser of the Confederation (no statistics.read)',
          who: async () => s.as('legal_adviser', await confederationOf(s)),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: () => s.as('member', tree().grassrootsA),
          expect: denied,
        },
        {
          kind: 'missing',
          title: 'the account that started it, asking for an id no job has',
          who: (T) => logIn(s.t, T.owner.login, TEST_PASSWORD),
          aim: () => ({ id: MISSING_ID }),
          expect: notFound('job.not_found'),
        },
        {
          kind: 'missing',
          title: 'the account that started it, naming its own job of another kind (an import)',
          who: (T) => logIn(s.t, T.owner.login, TEST_PASSWORD),
          aim: otherKindOfJob,
          expect: notFound('job.not_found'),
        },
        {
          kind: 'missing',
          title: 'the account that started it, asking for an id beyond the integer range: refused as input',
          who: (T) => logIn(s.t, T.owner.login, TEST_PASSWORD),
          aim: () => ({ id: OUT_OF_RANGE_ID }),
          expect: invalid,
        },
      ],
    }),
  };
}
