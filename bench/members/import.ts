import { performance } from 'node:perf_hooks';
import type { JobDto } from '@union/contracts/jobs';
import { memberCodeFromSerial, sortNameOf } from '../../scripts/national/app-internals.js';
import { copyValue, type BulkSession } from '../../scripts/national/bulk.js';
import { CitizenIds, drawPerson, MEMBER_COLUMNS, type Person } from '../../scripts/national/people.js';
import type { ProvinceProfile } from '../../scripts/national/places.js';
import { Random } from '../../scripts/national/random.js';

/** The headers unions use in their own spreadsheets (the importer also reads the variants). */
export const IMPORT_HEADERS = [
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Số định danh cá nhân (CCCD)',
  'Số điện thoại',
  'Ngày vào Công đoàn',
] as const;

/** Serials of the baseline's member codes: far above any the sequence will reach in a bench. */
const BASELINE_SERIALS_FROM = 900_000_000;

export interface ImportTarget {
  unitId: number;
  grassrootsId: number;
  path: string;
  provinceId: number;
  profile: ProvinceProfile;
  establishedDay: number;
}

/**
 * New people for one grassroots union. Their citizen IDs count down from the top of each prefix's
 * range (`run` shifts them on a kept database), so they are none of the generated members.
 */
export function importPeople(seed: number, count: number, target: ImportTarget, run: number): Person[] {
  const random = new Random(seed ^ 0x1a40_0001 ^ run);
  const ids = new CitizenIds(999_999 - run * count);
  return Array.from({ length: count }, () => drawPerson(random, ids, target.profile, target.establishedDay));
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The file an officer would upload: Vietnamese headers, dd/mm/yyyy dates, Nam/Nữ. */
export function toCsv(people: Person[]): string {
  const lines = [IMPORT_HEADERS.join(',')];
  for (const p of people) {
    lines.push(
      [
        p.name.fullName,
        dmy(p.birthDate),
        p.name.sex === 'male' ? 'Nam' : 'Nữ',
        p.citizenId,
        p.phone ?? '',
        dmy(p.joinedAt),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The same people as members rows, ready for COPY: the baseline does nothing but store them. */
export function toCopyText(people: Person[], target: ImportTarget): string {
  return `${people
    .map((p, i) =>
      [
        memberCodeFromSerial(BASELINE_SERIALS_FROM + i),
        target.unitId,
        target.grassrootsId,
        target.path,
        target.provinceId,
        'active',
        p.name.fullName,
        p.name.folded,
        sortNameOf(p.name.folded),
        p.birthDate,
        p.name.sex,
        p.citizenId,
        p.phone,
        // The file has no employer column: the import leaves it empty too.
        null,
        null,
        p.joinedAt,
        target.grassrootsId,
      ]
        .map(copyValue)
        .join('\t'),
    )
    .join('\n')}\n`;
}

/**
 * Raw COPY of the rows into the live members table (all its indexes and triggers), timed; then, as a
 * second floor, the 'admit' event of each (one INSERT … SELECT, the foreign key checked): what any
 * import must write at least. Both are rolled back (member events are append-only: never deleted).
 */
export async function timeBaselineCopy(
  session: BulkSession,
  text: string,
  rows: number,
): Promise<{ copySeconds: number; eventsSeconds: number }> {
  const [before] = await session.query<{ max: number }>(
    `select coalesce(max(id), 0)::int as max from members`,
  );
  await session.exec('begin');
  try {
    let started = performance.now();
    const copied = await session.copy('members', MEMBER_COLUMNS, text);
    const copySeconds = (performance.now() - started) / 1000;
    if (copied !== rows) throw new Error(`baseline COPY stored ${copied} rows of ${rows}`);
    started = performance.now();
    await session.query(
      `insert into member_events (member_id, type, effective_on, unit_id)
       select id, 'admit', joined_at, unit_id from members where id > $1`,
      [before!.max],
    );
    const eventsSeconds = (performance.now() - started) / 1000;
    return { copySeconds, eventsSeconds };
  } finally {
    await session.exec('rollback');
  }
}

export type ImportOutcome =
  | { available: false; status: number; body: string }
  | {
      available: true;
      seconds: number;
      jobId: number;
      job: JobDto;
      polls: number;
    };

/**
 * Sends a few GETs until one gets through. A keep-alive socket left idle while PGlite held the event
 * loop (its queries run on this thread) may have been closed by the server just as it is reused,
 * which fetch reports as "fetch failed": this spends that socket on a request that is not measured.
 */
export async function refreshConnections(url: string, headers: Record<string, string>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await (await fetch(url, { headers })).text();
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * Whether POST /members/import exists: a one-line file (headers only) as a dry run. Any answer but the
 * API's 404 for an unknown route means it does; a large body sent to a missing route may instead be
 * cut off mid-upload, so the real file is not used to find out.
 */
export async function importEndpointStatus(
  origin: string,
  token: string,
  unitId: number,
): Promise<{ available: boolean; status: number; body: string }> {
  const form = new FormData();
  form.append('file', new Blob([`${IMPORT_HEADERS.join(',')}\r\n`], { type: 'text/csv' }), 'probe.csv');
  const response = await fetch(`${origin}/api/v1/members/import?unitId=${unitId}&dryRun=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await response.text();
  return {
    available: !(response.status === 404 && body.includes('request.not_found')),
    status: response.status,
    body,
  };
}

/**
 * The whole import as an officer does it: upload the file (commit, not dry run), then poll the job
 * until it has succeeded. Timed from the upload to the poll that sees it finished (polls every 25 ms).
 */
export async function runImport(
  origin: string,
  token: string,
  unitId: number,
  csv: string,
  options: { dryRun: boolean; timeoutSeconds: number },
): Promise<ImportOutcome & { dryRunReport?: unknown }> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'danh-sach-doan-vien.csv');
  const started = performance.now();
  const response = await fetch(
    `${origin}/api/v1/members/import?unitId=${unitId}&dryRun=${options.dryRun ? 'true' : 'false'}`,
    { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form },
  );
  const body = await response.text();
  if (response.status === 404 && body.includes('request.not_found')) {
    return { available: false, status: response.status, body };
  }
  if (!response.ok) throw new Error(`import upload: ${response.status} ${body.slice(0, 500)}`);
  const answer = JSON.parse(body) as { jobId?: number };
  if (options.dryRun) {
    return {
      available: true,
      seconds: (performance.now() - started) / 1000,
      jobId: 0,
      job: undefined as unknown as JobDto,
      polls: 0,
      dryRunReport: answer,
    };
  }
  if (typeof answer.jobId !== 'number') throw new Error(`import upload answered without a jobId: ${body}`);
  const deadline = started + options.timeoutSeconds * 1000;
  let polls = 0;
  for (;;) {
    const poll = await fetch(`${origin}/api/v1/jobs/${answer.jobId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    polls++;
    const text = await poll.text();
    if (!poll.ok) throw new Error(`GET /jobs/${answer.jobId}: ${poll.status} ${text.slice(0, 300)}`);
    const job = JSON.parse(text) as JobDto;
    if (job.status === 'succeeded') {
      return {
        available: true,
        seconds: (performance.now() - started) / 1000,
        jobId: answer.jobId,
        job,
        polls,
      };
    }
    if (job.status === 'failed') throw new Error(`import job ${answer.jobId} failed: ${text}`);
    if (performance.now() > deadline) {
      throw new Error(
        `import job ${answer.jobId} still ${job.status} after ${options.timeoutSeconds} s` +
          (job.status === 'queued' ? ' (does buildApp start the job runner?)' : ''),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
