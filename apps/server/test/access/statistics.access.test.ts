import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type ErrorCode } from '@union/contracts/errors';
import type { StatisticsSeriesDto, WorkforceDto } from '@union/contracts/statistics';
import { queryRows } from '../../src/kernel/db/database.js';
import { jobs } from '../../src/kernel/jobs/jobs.schema.js';
import { REPORT_JOB_KIND } from '../../src/modules/statistics/index.js';
import { daysFromToday, type SignedIn } from '../support/index.js';
import { accessSuite, expectError, expectStatus, type Headers, type Response } from './denial.js';
import {
  confederationOf,
  currentAnnual,
  finishedJob,
  MISSING_ID,
  monthsAgo,
  statisticsRouteTable,
  XLSX,
} from './statistics.cases.js';

// Denial suites for statistics: one describe block per route, cases in statistics.cases.ts. Below them,
// what the tables cannot hold: input the server refuses, with the fields named, and report jobs (202).
const s = accessSuite();
s.describeRoutes(statisticsRouteTable(s));

/**
 * Input that fails its schema under a code of its own: 400, the code, its message, and exactly these
 * fields (each with a message).
 */
function expectFieldError(response: Response, code: ErrorCode, paths: string[]): void {
  expect({ status: response.statusCode, body: response.json() }).toEqual({
    status: 400,
    body: {
      error: {
        code,
        message: ERROR_MESSAGES[code].vi,
        fields: paths.map((path) => ({ path, message: expect.any(String) })),
      },
    },
  });
}

const get = (who: { headers: Headers }, url: string) => s.inject(who.headers, { method: 'GET', url });
const chairOfGrassrootsA = () => s.as('grassroots_chair', s.tree.grassrootsA);
const chairOfGrassrootsA2 = () => s.as('grassroots_chair', s.tree.grassrootsA2);

describe('GET /api/v1/units/:id/statistics: input', () => {
  const statistics = (who: SignedIn, id: number, query: string) =>
    get(who, `/api/v1/units/${id}/statistics?${query}`);

  it('a cut-off that is no date: 400 validation.failed naming `at`', async () => {
    const chair = await chairOfGrassrootsA();
    for (const at of ['hom-qua', '2025-02-30', '25/12/2025']) {
      expectFieldError(await statistics(chair, s.tree.grassrootsA.id, `at=${at}`), 'validation.failed', [
        'at',
      ]);
    }
  });

  it('a cut-off after today: 422 statistics.future_date', async () => {
    const chair = await chairOfGrassrootsA();
    const response = await statistics(chair, s.tree.grassrootsA.id, `at=${daysFromToday(1)}`);
    expectError(response, 422, 'statistics.future_date');
  });

  it('a cut-off of today reads the live counters', async () => {
    const chair = await chairOfGrassrootsA();
    const response = await statistics(chair, s.tree.grassrootsA.id, `at=${daysFromToday(0)}`);
    expectStatus(response, 200);
    expect(response.json()).toMatchObject({ at: daysFromToday(0), live: true });
  });

  it('a future cut-off says nothing about the unit: the same answer in scope, out of it, and for no unit', async () => {
    const chair = await chairOfGrassrootsA2();
    const query = `at=${daysFromToday(1)}`;
    for (const id of [s.tree.grassrootsA2.id, s.tree.grassrootsA.id, MISSING_ID]) {
      expectError(await statistics(chair, id, query), 422, 'statistics.future_date');
    }
  });
});

describe('GET /api/v1/units/:id/statistics/series: input', () => {
  const series = (who: SignedIn, query: string, id = s.tree.grassrootsA.id) =>
    get(who, `/api/v1/units/${id}/statistics/series?${query}`);

  it('a month that is not yyyy-mm: 400 statistics.month_invalid naming the field', async () => {
    const chair = await chairOfGrassrootsA();
    expectFieldError(await series(chair, `from=2025-13&to=${monthsAgo(0)}`), 'statistics.month_invalid', [
      'from',
    ]);
    expectFieldError(await series(chair, `from=${monthsAgo(1)}&to=2025-1`), 'statistics.month_invalid', [
      'to',
    ]);
  });

  it('no range at all: 400 validation.failed naming both ends', async () => {
    const chair = await chairOfGrassrootsA();
    const response = await series(chair, '');
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json<{ error: { fields: { path: string }[] } }>()
        .error.fields.map((f) => f.path)
        .sort(),
    ).toEqual(['from', 'to']);
  });

  it('120 months: answered, month by month', async () => {
    const chair = await chairOfGrassrootsA();
    const response = await series(chair, `from=${monthsAgo(119)}&to=${monthsAgo(0)}`);
    expectStatus(response, 200);
    const months = response.json<StatisticsSeriesDto>().months;
    expect(months).toHaveLength(120);
    expect([months[0]!.month, months[119]!.month]).toEqual([monthsAgo(119), monthsAgo(0)]);
  });

  it('121 months, or a range that ends before it starts: 422 statistics.series_too_long', async () => {
    const chair = await chairOfGrassrootsA();
    expectError(
      await series(chair, `from=${monthsAgo(120)}&to=${monthsAgo(0)}`),
      422,
      'statistics.series_too_long',
    );
    expectError(
      await series(chair, `from=${monthsAgo(0)}&to=${monthsAgo(1)}`),
      422,
      'statistics.series_too_long',
    );
  });

  it('a range refused says nothing about the unit: the same answer out of scope and for no unit', async () => {
    const chair = await chairOfGrassrootsA2();
    const query = `from=${monthsAgo(120)}&to=${monthsAgo(0)}`;
    for (const id of [s.tree.grassrootsA.id, MISSING_ID]) {
      expectError(await series(chair, query, id), 422, 'statistics.series_too_long');
    }
  });
});

describe('GET /api/v1/units/:id/reports/organisation: input', () => {
  const report = (who: SignedIn, query: string, id = s.tree.grassrootsA.id) =>
    get(who, `/api/v1/units/${id}/reports/organisation?${query}`);

  it('a period not written as one: 400 statistics.period_invalid naming `period`', async () => {
    const chair = await chairOfGrassrootsA();
    for (const period of ['annual-2026', '2026-Q5', '2026-H2', '']) {
      expectFieldError(await report(chair, `period=${period}`), 'statistics.period_invalid', ['period']);
    }
  });

  it('no period at all: 400 validation.failed naming `period`', async () => {
    const chair = await chairOfGrassrootsA();
    expectFieldError(await report(chair, 'format=xlsx'), 'validation.failed', ['period']);
  });

  it('a period written right but out of the calendar the union keeps: 422 statistics.period_invalid', async () => {
    const chair = await chairOfGrassrootsA();
    expectError(await report(chair, 'period=1900-annual'), 422, 'statistics.period_invalid');
  });

  it('a period that has not begun: 422 statistics.period_not_started', async () => {
    const chair = await chairOfGrassrootsA();
    expectError(await report(chair, 'period=2199-annual'), 422, 'statistics.period_not_started');
  });

  it('a format it does not make: 400 validation.failed naming `format`', async () => {
    const chair = await chairOfGrassrootsA();
    expectFieldError(await report(chair, `period=${currentAnnual()}&format=docx`), 'validation.failed', [
      'format',
    ]);
  });

  it('a period refused says nothing about the unit: the same answer out of scope and for no unit', async () => {
    const chair = await chairOfGrassrootsA2();
    for (const id of [s.tree.grassrootsA.id, MISSING_ID]) {
      expectError(await report(chair, 'period=2199-annual', id), 422, 'statistics.period_not_started');
    }
  });
});

describe('PUT /api/v1/units/:id/workforce: input', () => {
  const declare = (who: SignedIn, id: number, body: object) =>
    s.inject(who.headers, { method: 'PUT', url: `/api/v1/units/${id}/workforce`, payload: body });
  const nothingDeclared = async (unit: { id: number }) =>
    expectError(await get(s.admin, `/api/v1/units/${unit.id}/workforce`), 404, 'workforce.not_found');

  it('more women than workers: 400 statistics.female_workers_exceed naming femaleWorkers; nothing declared', async () => {
    const unit = await s.freshGrassroots();
    const chair = await s.as('grassroots_chair', unit);
    const response = await declare(chair, unit.id, {
      asOf: daysFromToday(0),
      workers: 10,
      femaleWorkers: 11,
    });
    expectFieldError(response, 'statistics.female_workers_exceed', ['femaleWorkers']);
    expect(response.json<{ error: { fields: { message: string }[] } }>().error.fields[0]!.message).toBe(
      ERROR_MESSAGES['statistics.female_workers_exceed'].vi,
    );
    await nothingDeclared(unit);
  });

  it('negative, fractional or missing counts: 400 validation.failed naming each; nothing declared', async () => {
    const unit = await s.freshGrassroots();
    const chair = await s.as('grassroots_chair', unit);
    const response = await declare(chair, unit.id, {
      asOf: daysFromToday(0),
      workers: -1,
      femaleWorkers: 0.5,
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json<{ error: { fields: { path: string }[] } }>()
        .error.fields.map((f) => f.path)
        .sort(),
    ).toEqual(['femaleWorkers', 'workers']);
    expectFieldError(await declare(chair, unit.id, { workers: 5, femaleWorkers: 1 }), 'validation.failed', [
      'asOf',
    ]);
    await nothingDeclared(unit);
  });

  it('a declaration dated after today: 422 statistics.future_date; nothing declared', async () => {
    const unit = await s.freshGrassroots();
    const chair = await s.as('grassroots_chair', unit);
    const response = await declare(chair, unit.id, { asOf: daysFromToday(1), workers: 10, femaleWorkers: 5 });
    expectError(response, 422, 'statistics.future_date');
    await nothingDeclared(unit);
  });

  it('a declaration as of an earlier date than the latest: kept, but the latest still counts', async () => {
    const unit = await s.freshGrassroots();
    const chair = await s.as('grassroots_chair', unit);
    expectStatus(
      await declare(chair, unit.id, { asOf: daysFromToday(0), workers: 40, femaleWorkers: 20 }),
      200,
    );
    expectStatus(
      await declare(chair, unit.id, { asOf: daysFromToday(-30), workers: 90, femaleWorkers: 9 }),
      200,
    );
    const now = await get(chair, `/api/v1/units/${unit.id}/workforce`);
    expect(now.json<WorkforceDto>()).toEqual({
      unitId: unit.id,
      asOf: daysFromToday(0),
      workers: 40,
      femaleWorkers: 20,
    });
    const figures = await get(chair, `/api/v1/units/${unit.id}/statistics`);
    expect(figures.json()).toMatchObject({ workforce: { workers: 40, femaleWorkers: 20, unitsDeclared: 1 } });
  });
});

describe('GET /api/v1/units/:id/reports/organisation: the Confederation’s report runs as a job', () => {
  it('202 {jobId} for a spreadsheet or a PDF, the file then fetched by its starter alone', async () => {
    const root = await confederationOf(s);
    const owner = await s.as('confederation_admin', root);
    for (const [format, contentType, magic] of [
      ['pdf', 'application/pdf', '%PDF'],
      ['xlsx', XLSX, 'PK'],
    ] as const) {
      const started = await get(
        owner,
        `/api/v1/units/${root.id}/reports/organisation?period=${currentAnnual()}&format=${format}`,
      );
      expectStatus(started, 202);
      const { jobId } = started.json<{ jobId: number }>();
      expect(started.json()).toEqual({ jobId: expect.any(Number) });
      expect(await finishedJob(s, owner, jobId)).toMatchObject({ status: 'succeeded' });
      const file = await get(owner, `/api/v1/statistics/report-files/${jobId}`);
      expectStatus(file, 200);
      expect(file.headers['content-type']).toBe(contentType);
      expect(file.rawPayload.subarray(0, magic.length).toString('latin1')).toBe(magic);
      const other = await s.as('confederation_admin', root);
      expectError(await get(other, `/api/v1/statistics/report-files/${jobId}`), 404, 'job.not_found');
      expectError(await get(other, `/api/v1/jobs/${jobId}`), 404, 'job.not_found');
    }
  });

  it('the JSON report of the Confederation answers at once (200), as for any unit', async () => {
    const root = await confederationOf(s);
    const response = await get(
      s.admin,
      `/api/v1/units/${root.id}/reports/organisation?period=${currentAnnual()}`,
    );
    expectStatus(response, 200);
    expect(response.json()).toMatchObject({ unit: { id: root.id }, period: { code: currentAnnual() } });
  });

  it('a job still running: 409 job.not_finished to its starter, 404 job.not_found to anyone else', async () => {
    const root = await confederationOf(s);
    const owner = await s.as('confederation_admin', root);
    // Running under a lease no runner may take over: it stays unfinished while the test asks.
    const [row] = await s.t.db
      .insert(jobs)
      .values({
        kind: REPORT_JOB_KIND,
        status: 'running',
        progress: 0.1,
        accountId: owner.accountId,
        payload: { unitId: root.id, period: currentAnnual(), format: 'xlsx' },
        leaseUntil: new Date('2999-01-01T00:00:00Z'),
      })
      .returning({ id: jobs.id });
    expectError(await get(owner, `/api/v1/statistics/report-files/${row!.id}`), 409, 'job.not_finished');
    expectError(
      await get(
        await s.as('confederation_admin', await confederationOf(s)),
        `/api/v1/statistics/report-files/${row!.id}`,
      ),
      404,
      'job.not_found',
    );
  });
});

/**
 * Inputs the schemas must refuse before the database sees them, and a report whose starter has since lost
 * the office that let them start it. The setup runs as a plain test first, so a broken setup fails loudly.
 */
describe('dates out of range, and reports of an office that ended', () => {
  /** A 500 is the only answer that fails these: any refusal of the input (4xx) turns them red. */
  const expectNoServerError = (response: Response) => {
    expect(response.statusCode, response.body).not.toBe(500);
    expect(response.json<{ error?: { code: string } }>().error?.code).not.toBe('internal.error');
  };
  const year0 = [
    ['GET', 'statistics?at=0000-01-01'],
    // The report year of 1 January 0001 begins on 1 December 0000.
    ['GET', 'statistics?at=0001-01-01'],
    ['GET', 'statistics/series?from=0000-01&to=0000-12'],
    ['PUT', 'workforce'],
  ] as const;
  for (const [method, part] of year0) {
    it(`${method} /api/v1/units/:id/${part}: year 0000 is refused as input, never a server error`, async () => {
      const chair = await chairOfGrassrootsA();
      const response = await s.inject(chair.headers, {
        method,
        url: `/api/v1/units/${s.tree.grassrootsA.id}/${part}`,
        ...(method === 'PUT' ? { payload: { asOf: '0000-06-01', workers: 1, femaleWorkers: 0 } } : {}),
      });
      expectNoServerError(response);
    });
  }

  // A confederation administrator, also an officer of grassrootsA, starts the national report; then the
  // Confederation office ends. The root is now out of scope (its statistics answer 404), yet its file is served.
  const ended: { owner?: SignedIn; jobId?: number } = {};
  it('setup: the national report of an account whose Confederation office has since ended', async () => {
    const root = await confederationOf(s);
    const owner = await s.asMany(
      { role: 'confederation_admin', unit: root },
      { role: 'grassroots_officer', unit: s.tree.grassrootsA },
    );
    const started = await get(
      owner,
      `/api/v1/units/${root.id}/reports/organisation?period=${currentAnnual()}&format=xlsx`,
    );
    expectStatus(started, 202);
    const { jobId } = started.json<{ jobId: number }>();
    expect(await finishedJob(s, owner, jobId)).toMatchObject({ status: 'succeeded' });
    expectStatus(await get(owner, `/api/v1/statistics/report-files/${jobId}`), 200);
    const endedOffices = await queryRows<{ id: number }>(
      s.t.db,
      sql`update offices set term_end = ${daysFromToday(-1)}::date
        where account_id = ${owner.accountId} and role = 'confederation_admin' returning id`,
    );
    expect(endedOffices).toHaveLength(1);
    expectError(await get(owner, `/api/v1/units/${root.id}/statistics`), 404, 'unit.not_found');
    Object.assign(ended, { owner, jobId });
  });
  it('then the file of that report: 404 job.not_found, like the root itself', async () => {
    expect(ended.owner).toBeDefined();
    const response = await get(ended.owner!, `/api/v1/statistics/report-files/${ended.jobId!}`);
    expectError(response, 404, 'job.not_found');
  });
});
