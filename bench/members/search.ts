import { performance } from 'node:perf_hooks';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { sql, type Logger } from 'drizzle-orm';
import { MemberListQuery, type MemberPage } from '@union/contracts/members';
import type { RoleCode } from '@union/contracts/auth';
import type { Actor } from '../../apps/server/src/kernel/access/actor.js';
import { isPermission, type Permission } from '../../apps/server/src/kernel/access/permissions.js';
import type { Database, Db } from '../../apps/server/src/kernel/db/database.js';
import { foldVietnamese } from '../../apps/server/src/kernel/text/fold.js';
import { summarise, type LatencySummary } from '../harness/serial-timing.js';
import { searchMembers } from './app-internals.js';
import type { BulkSession } from '../../scripts/national/bulk.js';
import { drawName } from '../../scripts/national/names.js';
import { Random } from '../../scripts/national/random.js';

export type ScopeLevel = 'confederation' | 'province' | 'commune' | 'grassroots';
export const SCOPE_LEVELS: readonly ScopeLevel[] = ['confederation', 'province', 'commune', 'grassroots'];
export const LEVEL_LABELS: Record<ScopeLevel, string> = {
  confederation: 'Confederation',
  province: 'province federation',
  commune: 'commune union',
  grassroots: 'grassroots union',
};
export const LEVEL_ROLES: Record<ScopeLevel, RoleCode> = {
  confederation: 'confederation_admin',
  province: 'federation_officer',
  commune: 'upper_union_officer',
  grassroots: 'grassroots_chair',
};

/** What people type into the search box. */
export const SHAPES = [
  'full name, unaccented',
  'full name, with diacritics',
  'surname + middle name',
  'up to the given name’s first letter',
  'surname only',
] as const;
export type Shape = (typeof SHAPES)[number];

export interface ScopeUnit {
  id: number;
  name: string;
  path: string;
  depth: number;
  provinceId: number | null;
  members: number;
}

export interface ScopeActor {
  level: ScopeLevel;
  unit: ScopeUnit;
  actor: Actor;
  /** Names of members in this scope, as stored ("Nguyễn Thị Thu Hà"). */
  names: string[];
}

export interface SearchCase {
  level: ScopeLevel;
  actorIndex: number;
  shape: Shape;
  /** The name was taken from the actor's own scope (else drawn: it may exist only elsewhere). */
  inScope: boolean;
  q: string;
}

export interface TimedCase extends SearchCase {
  ms: number;
  hits: number;
}

/** Unit ids with their member counts, for choosing whom the bench acts as. */
export async function scopeUnits(session: BulkSession) {
  const units = await session.query<{
    id: number;
    type: string;
    name: string;
    path: string;
    depth: number;
    province_id: number | null;
  }>(
    `select id, type, name, path, depth, province_id from units
     where type in ('confederation', 'provincial_federation', 'commune_union', 'industrial_zone_union',
                    'grassroots_union')
     order by id`,
  );
  const counts = await session.query<{ id: number; n: number }>(
    `select grassroots_unit_id as id, count(*)::int as n from members group by grassroots_unit_id`,
  );
  const byGrassroots = new Map(counts.map((row) => [Number(row.id), Number(row.n)]));
  const byId = new Map<number, ScopeUnit & { type: string }>();
  for (const u of units) {
    byId.set(u.id, {
      id: u.id,
      type: u.type,
      name: u.name,
      path: u.path,
      depth: u.depth,
      provinceId: u.province_id,
      members: 0,
    });
  }
  // A grassroots union's members count in every unit on its path.
  for (const unit of byId.values()) {
    if (unit.type !== 'grassroots_union') continue;
    const n = byGrassroots.get(unit.id) ?? 0;
    unit.members = n;
    for (const ancestor of unit.path.split('/').filter(Boolean).slice(0, -1)) {
      const above = byId.get(Number(ancestor));
      if (above) above.members += n;
    }
  }
  const of = (...types: string[]) =>
    [...byId.values()].filter((u) => types.includes(u.type) && u.members > 0);
  return {
    root: of('confederation')[0]!,
    provinces: of('provincial_federation'),
    communes: of('commune_union', 'industrial_zone_union'),
    grassroots: of('grassroots_union'),
  };
}

/** `count` units, half drawn in proportion to their members (busy offices), half uniformly. */
function sampleUnits<T extends { members: number }>(random: Random, units: T[], count: number): T[] {
  const chosen = new Set<T>();
  const total = units.reduce((sum, u) => sum + u.members, 0);
  for (let i = 0; chosen.size < Math.min(count, units.length) && i < count * 50; i++) {
    if (i % 2 === 0) {
      let target = random.next() * total;
      const found = units.find((u) => (target -= u.members) < 0) ?? units.at(-1)!;
      chosen.add(found);
    } else {
      chosen.add(random.pick(units));
    }
  }
  return [...chosen];
}

/**
 * Who searches: the Confederation; the two largest provinces (Hồ Chí Minh City, Hà Nội) and a middle
 * one; communes and grassroots unions drawn half by size, half uniformly. Each actor is built as the
 * auth hook builds it: its office at that unit, with the role's permissions from role_permissions.
 */
export async function chooseActors(
  session: BulkSession,
  seed: number,
  perLevel: { commune: number; grassroots: number },
): Promise<Record<ScopeLevel, ScopeActor[]>> {
  const random = new Random(seed ^ 0xac70_0001);
  const units = await scopeUnits(session);
  const provinces = [...units.provinces].sort((a, b) => b.members - a.members);
  const chosen: Record<ScopeLevel, ScopeUnit[]> = {
    confederation: [units.root],
    province: [provinces[0]!, provinces[1]!, provinces[Math.floor(provinces.length / 2)]!],
    commune: sampleUnits(random, units.communes, perLevel.commune),
    grassroots: sampleUnits(random, units.grassroots, perLevel.grassroots),
  };
  const permissionsOf = async (role: RoleCode) =>
    new Set(
      (
        await session.query<{ permission: string }>(
          `select permission from role_permissions where role = $1`,
          [role],
        )
      )
        .map((row) => row.permission)
        .filter(isPermission) as Permission[],
    );
  const maxId = Number(
    (await session.query<{ max: number }>(`select max(id)::int as max from members`))[0]?.max ?? 0,
  );
  const result = {} as Record<ScopeLevel, ScopeActor[]>;
  for (const level of SCOPE_LEVELS) {
    const permissions = await permissionsOf(LEVEL_ROLES[level]);
    result[level] = [];
    for (const [k, unit] of chosen[level].entries()) {
      const actor: Actor = {
        accountId: -1 - k,
        fullName: `Bench ${level} ${k}`,
        sessionId: -1,
        ip: '127.0.0.1',
        grants: [
          { officeId: -1 - k, unitId: unit.id, unitPath: unit.path, role: LEVEL_ROLES[level], permissions },
        ],
        totpSetupRequired: false,
      };
      result[level].push({ level, unit, actor, names: await namesInScope(session, random, unit, maxId) });
    }
  }
  return result;
}

/** Up to 400 names of members in the scope: random ids for wide scopes, the path index for narrow ones. */
async function namesInScope(session: BulkSession, random: Random, unit: ScopeUnit, maxId: number) {
  if (unit.depth <= 1) {
    const ids = Array.from({ length: 4_000 }, () => random.int(1, maxId));
    const rows = await session.query<{ full_name: string }>(
      `select full_name from members where id = any($1) and unit_path like $2 limit 400`,
      [ids, `${unit.path}%`],
    );
    return rows.map((r) => r.full_name);
  }
  const rows = await session.query<{ full_name: string }>(
    `select full_name from members where unit_path like $1 limit 2000`,
    [`${unit.path}%`],
  );
  const names = rows.map((r) => r.full_name);
  return Array.from({ length: Math.min(400, names.length) }, () => random.pick(names));
}

/** The text a user types for a name, in one of the shapes. */
export function typed(fullName: string, shape: Shape, random: Random): string {
  const parts = fullName.split(' ');
  const folded = parts.map((p) => foldVietnamese(p));
  switch (shape) {
    case 'full name, unaccented':
      return folded.join(' ');
    case 'full name, with diacritics':
      return random.chance(0.5) ? fullName : fullName.toLocaleLowerCase('vi');
    case 'surname + middle name':
      return folded.slice(0, 2).join(' ');
    case 'up to the given name’s first letter': {
      const given = folded.at(-1)!;
      return [...folded.slice(0, -1), given.slice(0, random.chance(0.5) ? 1 : 2)].join(' ');
    }
    case 'surname only':
      return folded[0]!;
  }
}

/**
 * `count` searches per level: every shape in turn, half of them for a member of the actor's own scope
 * (someone the officer is looking for), half a name drawn from the national distribution (which may
 * exist only elsewhere: the search must say so quickly too).
 */
export function buildCases(
  actors: Record<ScopeLevel, ScopeActor[]>,
  count: number,
  seed: number,
): Record<ScopeLevel, SearchCase[]> {
  const random = new Random(seed ^ 0x5ea7_c0de);
  const result = {} as Record<ScopeLevel, SearchCase[]>;
  for (const level of SCOPE_LEVELS) {
    const list = actors[level];
    result[level] = Array.from({ length: count }, (_, i) => {
      const actorIndex = i % list.length;
      const shape = SHAPES[Math.floor(i / 2) % SHAPES.length]!;
      const own = list[actorIndex]!.names;
      const inScope = i % 2 === 0 && own.length > 0;
      const fullName = inScope ? random.pick(own) : drawName(random, random.chance(0.5)).fullName;
      return { level, actorIndex, shape, inScope, q: typed(fullName, shape, random) };
    });
  }
  return result;
}

const searchQuery = (q: string) => MemberListQuery.parse({ q });

/**
 * In process, serially: a primary-key lookup and a search, alternating, so drift falls on both alike.
 * `warmup` cases run first and are not recorded.
 */
export async function timeSearches(
  db: Db,
  actors: ScopeActor[],
  cases: SearchCase[],
  pkIds: number[],
  warmup: number,
): Promise<{ pk: number[]; searches: TimedCase[] }> {
  const pk: number[] = [];
  const searches: TimedCase[] = [];
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    let started = performance.now();
    await db.execute(sql`select * from members where id = ${pkIds[i % pkIds.length]!}`);
    const pkMs = performance.now() - started;
    started = performance.now();
    const page = await searchMembers(db, actors[c.actorIndex]!.actor, searchQuery(c.q));
    const ms = performance.now() - started;
    if (i >= warmup) {
      pk.push(pkMs);
      searches.push({ ...c, ms, hits: page.items.length });
    }
  }
  return { pk, searches };
}

/** Serial HTTP requests, alternating the raw PK route and the API, each timed from send to full body. */
export async function timeHttpSearches(
  appOrigin: string,
  rawOrigin: string,
  tokens: string[],
  cases: SearchCase[],
  pkIds: number[],
  warmup: number,
): Promise<{ pk: number[]; searches: TimedCase[] }> {
  const pk: number[] = [];
  const searches: TimedCase[] = [];
  const get = async (url: string, headers?: Record<string, string>) => {
    const response = await fetch(url, headers ? { headers } : {});
    const text = await response.text();
    if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 300)}`);
    return text;
  };
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    let started = performance.now();
    await get(`${rawOrigin}/pk/${pkIds[i % pkIds.length]!}`);
    const pkMs = performance.now() - started;
    started = performance.now();
    const body = await get(`${appOrigin}/api/v1/members?q=${encodeURIComponent(c.q)}`, {
      authorization: `Bearer ${tokens[c.actorIndex]!}`,
    });
    const ms = performance.now() - started;
    if (i >= warmup) {
      pk.push(pkMs);
      searches.push({ ...c, ms, hits: (JSON.parse(body) as MemberPage).items.length });
    }
  }
  return { pk, searches };
}

/** Latency of the cases of one shape (or all), for the breakdown table. */
export function summariseCases(cases: TimedCase[]): LatencySummary {
  return summarise(cases.map((c) => c.ms));
}

export function breakdown(timed: Partial<Record<ScopeLevel, TimedCase[]>>): string {
  const lines = [
    `${'scope'.padEnd(20)} ${'shape'.padEnd(36)} ${'n'.padStart(4)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'hits'.padStart(6)}`,
  ];
  for (const level of SCOPE_LEVELS) {
    for (const shape of [...SHAPES, 'all'] as const) {
      const cases = (timed[level] ?? []).filter((c) => shape === 'all' || c.shape === shape);
      if (cases.length === 0) continue;
      const s = summariseCases(cases);
      const hits = cases.reduce((sum, c) => sum + c.hits, 0) / cases.length;
      lines.push(
        `${LEVEL_LABELS[level].padEnd(20)} ${shape.padEnd(36)} ${String(s.samples).padStart(4)} ${s.p50Ms.toFixed(2).padStart(8)} ${s.p95Ms.toFixed(2).padStart(8)} ${s.maxMs.toFixed(1).padStart(8)} ${hits.toFixed(1).padStart(6)}`,
      );
    }
  }
  return lines.join('\n');
}

export interface Captured {
  sql: string;
  params: unknown[];
}

/** A second Drizzle over the same connection that records every statement: the plans are the app's. */
function capturingDb(database: Database, into: Captured[]): Db {
  const logger: Logger = { logQuery: (sql, params) => into.push({ sql, params }) };
  return (database.kind === 'pglite'
    ? drizzlePglite(database.pglite!, { logger })
    : drizzleNodePg(database.pool!, { logger })) as unknown as Db;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement `searchMembers` runs for these cases, on the engine's
 * own connection: the exact SQL and parameters the app sends.
 */
export async function explainCases(
  database: Database,
  session: BulkSession,
  actors: Record<ScopeLevel, ScopeActor[]>,
  cases: TimedCase[],
  rewrite: (statement: string) => string = (statement) => statement,
): Promise<{ title: string; plan: string }[]> {
  const plans: { title: string; plan: string }[] = [];
  for (const c of cases) {
    const captured: Captured[] = [];
    const actor = actors[c.level][c.actorIndex]!;
    await searchMembers(capturingDb(database, captured), actor.actor, searchQuery(c.q));
    for (const [i, original] of captured.entries()) {
      const statement = { ...original, sql: rewrite(original.sql) };
      const rows = await session.query<Record<string, string>>(
        `explain (analyze, buffers) ${statement.sql}`,
        statement.params,
      );
      const params = statement.params.map((p) => JSON.stringify(p)).join(', ');
      plans.push({
        title:
          `${LEVEL_LABELS[c.level]} ${actor.unit.name} (${actor.unit.path}, ${actor.unit.members.toLocaleString('en-US')} members), ` +
          `${c.shape} "${c.q}": ${c.ms.toFixed(1)} ms in the run; statement ${i + 1}/${captured.length}`,
        plan: `${statement.sql}\n-- params: ${params}\n${rows.map((row) => Object.values(row)[0]).join('\n')}`,
      });
    }
  }
  return plans;
}

/** The statements `searchMembers` sends for each case, with their parameters, in order. */
export async function captureStatements(
  database: Database,
  actors: Record<ScopeLevel, ScopeActor[]>,
  cases: SearchCase[],
): Promise<Captured[][]> {
  const all: Captured[][] = [];
  for (const c of cases) {
    const captured: Captured[] = [];
    await searchMembers(
      capturingDb(database, captured),
      actors[c.level][c.actorIndex]!.actor,
      searchQuery(c.q),
    );
    all.push(captured);
  }
  return all;
}

/**
 * The name page ordered the way the text_pattern_ops indexes keep their keys (`USING ~<~`), so a prefix
 * scan on members_province_name_idx or members_name_idx returns the page already sorted and stops at
 * the limit. The app orders by the column's collation, which no text_pattern_ops index provides.
 */
export const patternOrder = (statement: string): string =>
  statement.replace(
    '"members"."full_name_folded" asc, "members"."id" asc',
    '"members"."full_name_folded" using ~<~, "members"."id" asc',
  );

/**
 * Replays the captured statements as raw SQL on the bulk connection, case by case, as they are and
 * rewritten, alternating: the same parameters, the same plans the app would get, one change apart.
 */
export async function replayPair(
  session: BulkSession,
  cases: SearchCase[],
  statements: Captured[][],
  rewrite: (statement: string) => string,
  warmup: number,
): Promise<{ original: TimedCase[]; rewritten: TimedCase[] }> {
  const original: TimedCase[] = [];
  const rewritten: TimedCase[] = [];
  const run = async (list: Captured[], change?: (s: string) => string) => {
    const started = performance.now();
    let hits = 0;
    for (const [i, statement] of list.entries()) {
      const rows = await session.query(change ? change(statement.sql) : statement.sql, statement.params);
      if (i < list.length - 1) hits += rows.length;
    }
    return { ms: performance.now() - started, hits: Math.min(hits, 50) };
  };
  for (const [i, c] of cases.entries()) {
    const a = await run(statements[i]!);
    const b = await run(statements[i]!, rewrite);
    if (i >= warmup) {
      original.push({ ...c, ...a });
      rewritten.push({ ...c, ...b });
    }
  }
  return { original, rewritten };
}
