import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReportDto, MemberPage } from '@union/contracts/members';
import type { JobDto } from '@union/contracts/jobs';
import {
  buildTestApp,
  givenUnitTree,
  signInAs,
  type SignedIn,
  type TestApp,
} from '../../../test/support/index.js';
import { buildApp } from '../../app.js';
import { queryRows } from '../../kernel/db/database.js';
import { syntheticPeople } from '../../bootstrap/synthetic-people.js';
import { readMemberSheet } from './spreadsheet/read-member-sheet.js';

type Tree = Awaited<ReturnType<typeof givenUnitTree>>;

const HEADER = 'STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,SĐT,Ngày vào Công đoàn';
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A CSV as unions keep it: `count` people, every tenth row broken in a different way. */
function memberCsv(count: number, seed: number, badEvery = 0) {
  const next = syntheticPeople(seed, '2026-01-01');
  const lines = [HEADER];
  const bad: number[] = [];
  for (let i = 1; i <= count; i++) {
    const person = next();
    let birth = ddmmyyyy(person.birthDate);
    let citizenId = person.citizenId;
    if (badEvery && i % badEvery === 0) {
      bad.push(i + 1); // the spreadsheet row: the header is row 1
      if (i % (badEvery * 2) === 0) birth = '31/02/1990';
      else citizenId = `${citizenId.slice(0, 3)}9${citizenId.slice(4)}`;
    }
    const sex = person.sex === 'male' ? 'Nam' : 'Nữ';
    lines.push(`${i},${person.fullName.toUpperCase()},${birth},${sex},${citizenId},,01/01/2025`);
  }
  return { text: `${lines.join('\r\n')}\r\n`, bad };
}

describe('member import and export', () => {
  let t: TestApp;
  let tree: Tree;
  let chair: SignedIn;

  const upload = (url: string, bytes: Buffer | string, filename: string, who = chair) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), filename);
    return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: who.headers, payload: form });
  };
  const memberCount = async (unitPath: string) =>
    (
      await queryRows<{ count: number }>(
        t.db,
        sql`select count(*)::int as count from members where unit_path like ${`${unitPath}%`}`,
      )
    )[0]!.count;
  const waitForJob = async (jobId: number, who = chair): Promise<JobDto> => {
    for (let i = 0; i < 600; i++) {
      const job = (
        await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers: who.headers })
      ).json<JobDto>();
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('job did not finish');
  };

  beforeAll(async () => {
    t = await buildTestApp();
    tree = await givenUnitTree(t);
    chair = await signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsA });
  });
  afterAll(() => t.close());

  it('imports 10,000 rows with 10% bad: every good row in, every bad row reported, nothing else', async () => {
    const { text, bad } = memberCsv(10_000, 11, 10);
    const before = await memberCount(tree.hanoi.path);

    const dry = await upload(`/members/import?unitId=${tree.grassrootsA.id}&dryRun=true`, text, 'ds.csv');
    expect(dry.statusCode).toBe(200);
    const report = dry.json<ImportReportDto>();
    expect(report).toMatchObject({
      total: 10_000,
      valid: 9_000,
      invalid: 1_000,
      toAdmit: 9_000,
      toUpdate: 0,
    });
    expect(report.errors.map((e) => e.row)).toEqual(bad);
    expect(report.errors[0]).toMatchObject({ column: 'Số CCCD', code: 'citizen_id.century_sex' });
    expect(report.errors[1]).toMatchObject({ column: 'Ngày sinh', code: 'member.date_invalid' });
    expect(report.errors[0]!.message).toMatch(/CCCD/);
    expect(await memberCount(tree.hanoi.path)).toBe(before);

    const commit = await upload(`/members/import?unitId=${tree.grassrootsA.id}&dryRun=false`, text, 'ds.csv');
    expect(commit.statusCode).toBe(202);
    const job = await waitForJob(commit.json<{ jobId: number }>().jobId);
    expect(job).toMatchObject({ status: 'succeeded', progress: 1 });
    expect(job.result).toEqual({ total: 10_000, admitted: 9_000, updated: 0, unchanged: 0, rejected: 1_000 });
    expect(await memberCount(tree.grassrootsA.path)).toBe(9_000);
    expect(await memberCount(tree.hanoi.path)).toBe(before + 9_000);
    // Names typed in capitals are stored in Vietnamese title case, each with an admission event.
    const [sample] = await queryRows<{ full_name: string; events: number }>(
      t.db,
      sql`select m.full_name, (select count(*)::int from member_events e where e.member_id = m.id) as events
          from members m where m.unit_id = ${tree.grassrootsA.id} order by m.id limit 1`,
    );
    expect(sample!.full_name).toMatch(/^(\p{Lu}\p{Ll}*)( \p{Lu}\p{Ll}*)+$/u);
    expect(sample!.events).toBe(1);

    // The same file again changes nothing.
    const again = await upload(`/members/import?unitId=${tree.grassrootsA.id}&dryRun=false`, text, 'ds.csv');
    const second = await waitForJob(again.json<{ jobId: number }>().jobId);
    expect(second.result).toEqual({
      total: 10_000,
      admitted: 0,
      updated: 0,
      unchanged: 9_000,
      rejected: 1_000,
    });
    expect(await memberCount(tree.hanoi.path)).toBe(before + 9_000);
  }, 120_000);

  it('exports the list to xlsx and csv, and an export imported again changes nothing', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const exported = await t.app.inject({
        method: 'GET',
        url: `/api/v1/members/export?format=${format}&unitId=${tree.grassrootsA.id}`,
        headers: chair.headers,
      });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-disposition']).toContain(`.${format}`);
      const sheet = await readMemberSheet({ bytes: exported.rawPayload, filename: `export.${format}` });
      let rows = 0;
      for await (const _row of sheet.rows) rows++;
      expect(rows).toBe(9_000);

      const dry = await upload(
        `/members/import?unitId=${tree.grassrootsA.id}&dryRun=true`,
        exported.rawPayload,
        `export.${format}`,
      );
      expect(dry.json<ImportReportDto>()).toMatchObject({
        total: 9_000,
        invalid: 0,
        toAdmit: 0,
        toUpdate: 0,
        unchanged: 9_000,
      });
    }
  }, 120_000);

  it('updates a member already in scope from a row with their citizen ID, and refuses one elsewhere', async () => {
    const [member] = await queryRows<{
      id: number;
      full_name: string;
      birth_date: string;
      sex: string;
      citizen_id: string;
    }>(
      t.db,
      sql`select id, full_name, birth_date::text, sex, citizen_id from members
          where unit_id = ${tree.grassrootsA.id} order by id limit 1`,
    );
    const row = (occupation: string) =>
      `Họ và tên,Ngày sinh,Giới tính,CCCD,Nghề nghiệp\n${member!.full_name},${ddmmyyyy(member!.birth_date)},${
        member!.sex === 'male' ? 'Nam' : 'Nữ'
      },${member!.citizen_id},${occupation}\n`;
    const dry = await upload(
      `/members/import?unitId=${tree.grassrootsA.id}&dryRun=true`,
      row('Thợ dệt'),
      'u.csv',
    );
    expect(dry.json<ImportReportDto>()).toMatchObject({ toUpdate: 1, toAdmit: 0 });
    const commit = await upload(
      `/members/import?unitId=${tree.grassrootsA.id}&dryRun=false`,
      row('Thợ dệt'),
      'u.csv',
    );
    expect((await waitForJob(commit.json<{ jobId: number }>().jobId)).result).toMatchObject({ updated: 1 });
    const [after] = await queryRows<{ occupation: string; corrections: number }>(
      t.db,
      sql`select occupation, (select count(*)::int from member_events
            where member_id = ${member!.id} and type = 'record_corrected') as corrections
          from members where id = ${member!.id}`,
    );
    expect(after).toEqual({ occupation: 'Thợ dệt', corrections: 1 });

    const otherChair = await signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsB });
    const elsewhere = await upload(
      `/members/import?unitId=${tree.grassrootsB.id}&dryRun=true`,
      row('Thợ may'),
      'u.csv',
      otherChair,
    );
    expect(elsewhere.json<ImportReportDto>().errors).toEqual([
      expect.objectContaining({ row: 2, code: 'import.member_out_of_scope' }),
    ]);
  });

  it('answers bad files with a clear error and changes nothing', async () => {
    const before = await memberCount('/');
    const url = `/members/import?unitId=${tree.grassrootsA.id}&dryRun=false`;
    const cases: Array<[Buffer | string, string, number, string]> = [
      [Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x01]), 'x.xlsx', 422, 'import.not_spreadsheet'],
      ['', 'empty.csv', 422, 'import.empty'],
      ['Tên đơn vị,Địa chỉ\nA,B\n', 'x.csv', 422, 'import.no_header'],
      [`${HEADER}\n`, 'x.csv', 422, 'import.empty'],
      [Buffer.alloc(21 * 1024 * 1024, 0x41), 'big.csv', 413, 'import.too_large'],
    ];
    for (const [bytes, filename, status, code] of cases) {
      const response = await upload(url, bytes, filename);
      expect({ filename, status: response.statusCode, code: response.json().error.code }).toEqual({
        filename,
        status,
        code,
      });
    }
    const noFile = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: chair.headers });
    expect(noFile.json().error.code).toBe('import.file_required');
    expect(await memberCount('/')).toBe(before);
  });

  it('refuses a file over 100,000 rows whole, in the dry run and in the job, writing nothing', async () => {
    const { text } = memberCsv(100_001, 31);
    const before = await memberCount('/');
    const dry = await upload(`/members/import?unitId=${tree.grassrootsA.id}&dryRun=true`, text, 'big.csv');
    expect(dry.statusCode).toBe(422);
    expect(dry.json().error.code).toBe('import.too_many_rows');
    const commit = await upload(
      `/members/import?unitId=${tree.grassrootsA.id}&dryRun=false`,
      text,
      'big.csv',
    );
    const job = await waitForJob(commit.json<{ jobId: number }>().jobId);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'import.too_many_rows' } });
    expect(job.error!.message).toMatch(/100\.000/);
    expect(await memberCount('/')).toBe(before);
  }, 120_000);

  it('reads formulas and merged cells in an xlsx as what they show', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['DANH SÁCH ĐOÀN VIÊN']);
    sheet.mergeCells('A1:E1');
    sheet.addRow(['Họ tên', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Ghi chú']);
    sheet.addRow(['Trần Thị Bích', new Date(Date.UTC(1995, 4, 20)), 'Nữ', '001195012345', 'x']);
    sheet.addRow([
      { formula: 'PROPER("LÊ VĂN CƯỜNG")', result: 'Lê Văn Cường' },
      '02/09/1985',
      'Nam',
      '001085012346',
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const neighbour = await signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsA2 });
    const dry = await upload(
      `/members/import?unitId=${tree.grassrootsA2.id}&dryRun=true`,
      bytes,
      'f.xlsx',
      neighbour,
    );
    expect(dry.json<ImportReportDto>()).toMatchObject({ total: 2, valid: 2, toAdmit: 2, errors: [] });
  });

  it('lists the imported people for the chair, and not for a neighbour', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/members?unitId=${tree.grassrootsA.id}&limit=5`,
      headers: chair.headers,
    });
    expect(list.json<MemberPage>().items).toHaveLength(5);
    const neighbour = await signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsA2 });
    const denied = await t.app.inject({
      method: 'GET',
      url: `/api/v1/members/export?unitId=${tree.grassrootsA.id}`,
      headers: neighbour.headers,
    });
    expect(denied.statusCode).toBe(404);
  });
});

describe('an import interrupted midway', () => {
  it('resumes after a restart from the last committed batch: every row once, none twice', async () => {
    const t = await buildTestApp();
    const tree = await givenUnitTree(t);
    const chair = await signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsB });
    const { text } = memberCsv(10_000, 23);
    const form = new FormData();
    form.append('file', new Blob([text]), 'lon.csv');
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/v1/members/import?unitId=${tree.grassrootsB.id}&dryRun=false`,
      headers: chair.headers,
      payload: form,
    });
    const { jobId } = started.json<{ jobId: number }>();
    const rowsDone = async () =>
      (
        await queryRows<{ rows_done: number }>(
          t.db,
          sql`select rows_done from member_imports where job_id = ${jobId}`,
        )
      )[0]?.rows_done ?? 0;
    while ((await rowsDone()) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // The process stops (a deploy, a crash): the batch in flight either commits whole or not at all.
    await t.app.close();
    const stoppedAt = await rowsDone();
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(10_000);
    expect(await countIn(t, tree.grassrootsB.path)).toBe(stoppedAt);

    const restarted = await buildApp({ database: t.database, config: t.config, logger: false });
    await restarted.ready();
    try {
      let job: JobDto | undefined;
      for (let i = 0; i < 600 && job?.status !== 'succeeded'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = (
          await restarted.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers: chair.headers })
        ).json<JobDto>();
      }
      expect(job).toMatchObject({ status: 'succeeded', result: { total: 10_000, admitted: 10_000 } });
      expect(await countIn(t, tree.grassrootsB.path)).toBe(10_000);
      const [events] = await queryRows<{ admits: number; distinct_ids: number }>(
        t.db,
        sql`select count(*)::int as admits, count(distinct m.citizen_id)::int as distinct_ids
            from member_events e join members m on m.id = e.member_id
            where e.type = 'admit' and m.unit_id = ${tree.grassrootsB.id}`,
      );
      expect(events).toEqual({ admits: 10_000, distinct_ids: 10_000 });
      const [file] = await queryRows<{ kept: boolean }>(
        t.db,
        sql`select file is not null as kept from member_imports where job_id = ${jobId}`,
      );
      expect(file!.kept).toBe(false);
    } finally {
      await restarted.close();
      await t.database.close();
    }
  }, 120_000);
});

async function countIn(t: TestApp, unitPath: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    t.db,
    sql`select count(*)::int as count from members where unit_path like ${`${unitPath}%`}`,
  );
  return row!.count;
}
