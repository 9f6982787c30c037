import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CompactSign, generateKeyPair } from 'jose';
import type { CardClaims } from '@union/contracts/cards';
import type { JobDto } from '@union/contracts/jobs';
import type { EngineKind } from '../../apps/server/src/kernel/db/database.js';
import { copyValue, type BulkSession } from '../../scripts/national/bulk.js';
import { fetchJson } from '../harness/servers.js';

const seconds = (since: number) => (performance.now() - since) / 1000;
/** Rows generated at a time, and per COPY statement (PGlite takes each statement as one Blob). */
const PIECE_ROWS = 5_000;
const COPY_ROWS = { postgres: 1_000_000, pglite: 100_000 } as const;
/** What the job signs at once (`CARDS_PER_WRITE` in bulk-issue.ts). */
const SIGN_BATCH = 2_000;
const SCRATCH = 'bench_cards_copy';

/** Claims of a printed card as `mintCredential` writes them, for a member of a grassroots union. */
function printedClaims(i: number, now: number): CardClaims {
  return {
    iss: 'urn:cong-doan-so:cards',
    sub: `CD${String(10_000_000 + i).padStart(10, '0')}`,
    jti: String(i + 1),
    iat: now,
    exp: now + 5 * 365 * 86_400,
    name: 'Nguyễn Thị Thanh Hương',
    unit: 'CĐCS Công ty TNHH Dệt may Sài Gòn 1234',
    st: 'active',
    knd: 'p',
    sl: i,
  };
}

/**
 * Ed25519 signing alone, as the job signs: jose `CompactSign` over a printed card's claims, `SIGN_BATCH`
 * at a time with `Promise.all`. A fresh key (the same algorithm and library as the platform's). Returns
 * signatures per second and the length of one credential.
 */
export async function timeSigning(count: number): Promise<{ perSecond: number; credentialLength: number }> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const kid = randomUUID();
  const encoder = new TextEncoder();
  const now = Math.floor(Date.now() / 1000);
  const sign = (i: number) =>
    new CompactSign(encoder.encode(JSON.stringify(printedClaims(i, now))))
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .sign(privateKey);
  const sample = await sign(0);
  for (let i = 0; i < 200; i++) await sign(i);
  const started = performance.now();
  for (let start = 0; start < count; start += SIGN_BATCH) {
    await Promise.all(Array.from({ length: Math.min(SIGN_BATCH, count - start) }, (_, k) => sign(start + k)));
  }
  return { perSecond: count / seconds(started), credentialLength: sample.length };
}

/**
 * The raw COPY baseline: `rows` rows shaped like issued printed cards (a credential of the real length,
 * unit name, key id, dates) into a scratch table made `LIKE cards` with its defaults, constraints and
 * indexes (no triggers), in COPY statements as the seeds make them. The table is dropped after.
 */
export async function timeRawCopy(
  session: BulkSession,
  engine: EngineKind,
  rows: number,
  credentialLength: number,
): Promise<{ perSecond: number; seconds: number }> {
  await session.exec(`drop table if exists ${SCRATCH}`);
  await session.exec(
    `create table ${SCRATCH} (like cards including defaults including constraints including indexes)`,
  );
  try {
    const noise = randomBytes(Math.ceil(((credentialLength + 4_096) * 3) / 4)).toString('base64url');
    const kid = randomUUID();
    const issuedAt = new Date().toISOString();
    const expiresAt = new Date(Date.now() + 5 * 365 * 86_400_000).toISOString();
    function* pieces(from: number, to: number): Generator<string> {
      for (let start = from; start < to; start += PIECE_ROWS) {
        const lines: string[] = [];
        for (let i = start; i < Math.min(to, start + PIECE_ROWS); i++) {
          const offset = i % 4_096;
          lines.push(
            [
              i + 1,
              i + 1,
              'printed',
              i,
              100_000 + (i % 5_000),
              `CĐCS Công ty TNHH Dệt may Sài Gòn ${i % 5_000}`,
              // A base64url string of a credential's length: no two neighbouring rows alike.
              noise.slice(offset, offset + credentialLength),
              kid,
              issuedAt,
              expiresAt,
            ]
              .map(copyValue)
              .join('\t'),
          );
        }
        yield `${lines.join('\n')}\n`;
      }
    }
    const columns = [
      'id',
      'member_id',
      'kind',
      'status_index',
      'unit_id',
      'unit_name',
      'credential',
      'kid',
      'issued_at',
      'expires_at',
    ];
    const started = performance.now();
    for (let from = 0; from < rows; from += COPY_ROWS[engine]) {
      await session.copy(SCRATCH, columns, pieces(from, Math.min(rows, from + COPY_ROWS[engine])));
    }
    const elapsed = seconds(started);
    const [row] = await session.query<{ n: number }>(`select count(*)::int as n from ${SCRATCH}`);
    if (Number(row!.n) !== rows) throw new Error(`raw COPY: ${row!.n} rows in the table, ${rows} written`);
    return { perSecond: rows / elapsed, seconds: elapsed };
  } finally {
    await session.exec(`drop table if exists ${SCRATCH}`);
  }
}

export interface IssueRun {
  jobId: number;
  seconds: number;
  polls: number;
  result: Record<string, unknown>;
}

/**
 * `POST /units/:id/cards/issue` as an officer of the unit, then `GET /jobs/:id` every `pollMs` until the
 * job succeeded: the whole wait, the job runner's own pick-up included.
 */
export async function issueThroughJob(
  origin: string,
  token: string,
  unitId: number,
  pollMs: number,
  log: (message: string) => void,
): Promise<IssueRun> {
  const auth = { authorization: `Bearer ${token}` };
  const started = performance.now();
  const { jobId } = await fetchJson<{ jobId: number }>(`${origin}/api/v1/units/${unitId}/cards/issue`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ reissue: false }),
  });
  let polls = 0;
  let reported = 0;
  for (;;) {
    polls++;
    const job = await fetchJson<JobDto>(`${origin}/api/v1/jobs/${jobId}`, { headers: auth });
    if (job.status === 'succeeded') {
      return { jobId, seconds: seconds(started), polls, result: job.result ?? {} };
    }
    if (job.status === 'failed')
      throw new Error(`bulk issue job ${jobId} failed: ${JSON.stringify(job.error)}`);
    if (seconds(started) - reported >= 15) {
      reported = seconds(started);
      log(`  bulk issue: ${Math.round(job.progress * 100)} % after ${Math.round(reported)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
