import { foldVietnamese } from '../../apps/server/src/kernel/text/fold.js';
import { generateUnitCode } from './app-internals.js';
import { copyJson, copyValue, type BulkSession } from './bulk.js';
import {
  BRANDS,
  COMMUNE_PLACES,
  COMPANY_FORMS,
  DEPARTMENTS,
  PROVINCE_PROFILES,
  SCHOOLS,
  TRADES,
  type ProvinceProfile,
} from './places.js';
import type { Random } from './random.js';

/** The country at full scale: 11 million members in about 127,000 grassroots unions (VGCL, 2025). */
export const FULL_SCALE_MEMBERS = 11_000_000;
export const FULL_SCALE_GRASSROOTS = 127_000;
/** Commune and ward unions after the 2025 reorganisation (3,321 communes), industrial zones among them. */
export const FULL_SCALE_UPPER_UNITS = 3_321;
/** Members per grassroots union: lognormal, so most are small and a few factories are huge. */
const GRASSROOTS_SIGMA = 1.25;
/** A legal grassroots union has at least five members. */
const GRASSROOTS_MIN = 5;
/** Unions this large are organised in branches (công đoàn bộ phận) that hold most of the members. */
const BRANCHES_FROM = 300;
const COMMUNES_ESTABLISHED_ON = '2025-07-01';

export interface Province {
  id: number;
  code: string;
  name: string;
  path: string;
  depth: number;
  profile: ProvinceProfile;
}

/** A unit members belong to (a grassroots union or one of its branches), with its share of members. */
export interface MemberHome {
  unitId: number;
  grassrootsId: number;
  path: string;
  province: Province;
  employerName: string;
  employerFolded: string;
  /** Days since 1970-01-01: no member joined before the union existed. */
  establishedDay: number;
  members: number;
}

export interface BuiltTree {
  provinces: Province[];
  upperUnits: number;
  industrialZones: number;
  grassroots: number;
  branches: number;
  homes: MemberHome[];
}

interface PlannedUnit {
  type: 'commune_union' | 'industrial_zone_union' | 'grassroots_union' | 'union_branch';
  name: string;
  parent: PlannedUnit | Province;
  province: Province;
  establishedOn: string;
  /** Filled when ids are reserved. */
  id?: number;
  path?: string;
  depth?: number;
  /** For grassroots unions and branches: members placed here. */
  members?: number;
  grassroots?: PlannedUnit;
  employerName?: string;
}

const DAY_MS = 86_400_000;
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** `total` split in proportion to `weights`, largest remainders first, each at least `min` when possible. */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const floor = Math.min(min, Math.floor(total / n));
  const rest = total - floor * n;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * rest);
  const counts = exact.map((x) => Math.floor(x));
  let left = rest - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) counts[order[k]![1]] = counts[order[k]![1]]! + 1;
  return counts.map((c) => c + floor);
}

function grassrootsName(random: Random, n: number): { name: string; employer: string } {
  const roll = random.next();
  const employer =
    roll < 0.72
      ? `${random.pick(COMPANY_FORMS)} ${random.pick(TRADES)} ${random.pick(BRANDS)} ${n}`
      : roll < 0.9
        ? `${random.pick(SCHOOLS)} ${random.pick(COMMUNE_PLACES)} ${n}`
        : `Ủy ban nhân dân phường ${random.pick(COMMUNE_PLACES)} ${n}`;
  return { name: `CĐCS ${employer}`, employer };
}

/**
 * Plans the tree under the 34 provinces for `members` members: commune and industrial-zone unions
 * (proportional to 3,321 at full scale, more in big provinces), grassroots unions (127,000 at full
 * scale, in proportion to each province's members) with lognormal sizes, and branches in the largest.
 */
function planTree(random: Random, members: number, provinces: Province[]) {
  const scale = members / FULL_SCALE_MEMBERS;
  const grassrootsTotal = Math.max(provinces.length, Math.round(FULL_SCALE_GRASSROOTS * scale));
  const upperTotal = Math.max(provinces.length, Math.round(FULL_SCALE_UPPER_UNITS * scale));
  const shares = provinces.map((p) => p.profile.share);
  const membersBy = apportion(members, shares, 1);
  const grassrootsBy = apportion(grassrootsTotal, shares, 1);
  const uppersBy = apportion(
    upperTotal,
    shares.map((s) => Math.sqrt(s)),
    1,
  );
  const uppers: PlannedUnit[] = [];
  const grassroots: PlannedUnit[] = [];
  const branches: PlannedUnit[] = [];
  provinces.forEach((province, p) => {
    const count = uppersBy[p]!;
    const industrialEvery = province.profile.share >= 2 ? 8 : count >= 10 ? 12 : Infinity;
    const local: PlannedUnit[] = [];
    for (let i = 0; i < count; i++) {
      const industrial = count > 1 && (i + 1) % industrialEvery === 0;
      local.push({
        type: industrial ? 'industrial_zone_union' : 'commune_union',
        name: industrial
          ? `Công đoàn các Khu công nghiệp ${random.pick(COMMUNE_PLACES)} ${i + 1}`
          : `Công đoàn ${random.chance(0.55) ? 'phường' : 'xã'} ${random.pick(COMMUNE_PLACES)} ${i + 1}`,
        parent: province,
        province,
        establishedOn: COMMUNES_ESTABLISHED_ON,
      });
    }
    uppers.push(...local);
    // Grassroots unions per commune: lognormal weights, industrial zones gather many factories.
    const perUpper = apportion(
      grassrootsBy[p]!,
      local.map((u) => random.logNormal(0, 0.7) * (u.type === 'industrial_zone_union' ? 6 : 1)),
      1,
    );
    const localGrassroots: PlannedUnit[] = [];
    local.forEach((upper, u) => {
      for (let n = 1; n <= perUpper[u]!; n++) {
        const { name, employer } = grassrootsName(random, n);
        const year = random.int(1995, 2022);
        localGrassroots.push({
          type: 'grassroots_union',
          name,
          employerName: employer,
          parent: upper,
          province,
          establishedOn: `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        });
      }
    });
    const sizes = apportion(
      membersBy[p]!,
      localGrassroots.map(
        (g) =>
          random.logNormal(0, GRASSROOTS_SIGMA) *
          ((g.parent as PlannedUnit).type === 'industrial_zone_union' ? 3 : 1),
      ),
      GRASSROOTS_MIN,
    );
    localGrassroots.forEach((g, i) => {
      const size = sizes[i]!;
      g.grassroots = g;
      if (size < BRANCHES_FROM) {
        g.members = size;
        return;
      }
      const count = Math.min(8, Math.max(2, Math.round(size / 200)));
      const split = apportion(size, [2, ...Array.from({ length: count }, () => 8 / count)]);
      g.members = split[0]!;
      for (let b = 1; b <= count; b++) {
        branches.push({
          type: 'union_branch',
          name: `Công đoàn bộ phận ${random.pick(DEPARTMENTS)} ${b}`,
          parent: g,
          grassroots: g,
          employerName: g.employerName!,
          province,
          establishedOn: g.establishedOn,
          members: split[b]!,
        });
      }
    });
    grassroots.push(...localGrassroots);
  });
  return { uppers, grassroots, branches };
}

/**
 * Builds the tree in bulk with the columns `insertUnit` writes (ids from the units sequence, the
 * path, level-2 ancestor, depth, a generated code, the first placement and the "established" event),
 * three COPYs instead of 5 statements per unit: 127,000 unions one by one would take minutes.
 */
export async function buildTree(session: BulkSession, random: Random, members: number): Promise<BuiltTree> {
  const rows = await session.query<{ id: number; code: string; name: string; path: string; depth: number }>(
    `select id, code, name, path, depth from units where type = 'provincial_federation' order by id`,
  );
  const provinces: Province[] = PROVINCE_PROFILES.map((profile) => {
    const row = rows.find((r) => r.code === profile.code);
    if (!row) throw new Error(`province ${profile.code} is missing: did first start run?`);
    return { ...row, profile };
  });
  if (rows.length !== provinces.length) throw new Error(`expected 34 provinces, found ${rows.length}`);
  const plan = planTree(random, members, provinces);
  const all = [...plan.uppers, ...plan.grassroots, ...plan.branches];
  const ids = (
    await session.query<{ id: number }>(
      `select nextval(pg_get_serial_sequence('units', 'id'))::int as id from generate_series(1, $1)`,
      [all.length],
    )
  )
    .map((r) => Number(r.id))
    .sort((a, b) => a - b);
  all.forEach((unit, i) => {
    const parent = unit.parent;
    unit.id = ids[i]!;
    unit.path = `${parent.path!}${unit.id}/`;
    unit.depth = parent.depth! + 1;
  });

  const unitLines: string[] = [];
  const placementLines: string[] = [];
  const eventLines: string[] = [];
  for (const unit of all) {
    const parentId = unit.parent.id!;
    unitLines.push(
      [
        unit.id,
        unit.type,
        generateUnitCode(unit.type, unit.id!, unit.province.code),
        unit.name,
        foldVietnamese(unit.name),
        parentId,
        parentId,
        unit.province.id,
        unit.path,
        unit.depth,
        unit.establishedOn,
      ]
        .map(copyValue)
        .join('\t'),
    );
    placementLines.push([unit.id, parentId, unit.path, unit.establishedOn].map(copyValue).join('\t'));
    eventLines.push(
      [unit.id, 'established', unit.establishedOn, copyJson({ parentId, parentName: unit.parent.name })].join(
        '\t',
      ),
    );
  }
  await session.copy(
    'units',
    [
      'id',
      'type',
      'code',
      'name',
      'name_folded',
      'parent_id',
      'managing_unit_id',
      'province_id',
      'path',
      'depth',
      'established_on',
    ],
    `${unitLines.join('\n')}\n`,
  );
  await session.copy(
    'unit_placements',
    ['unit_id', 'parent_id', 'path', 'valid_from'],
    `${placementLines.join('\n')}\n`,
  );
  await session.copy(
    'unit_events',
    ['unit_id', 'type', 'effective_on', 'details'],
    `${eventLines.join('\n')}\n`,
  );

  const homes: MemberHome[] = [...plan.grassroots, ...plan.branches]
    .filter((unit) => (unit.members ?? 0) > 0)
    .map((unit) => ({
      unitId: unit.id!,
      grassrootsId: unit.grassroots!.id!,
      path: unit.path!,
      province: unit.province,
      employerName: unit.employerName!,
      employerFolded: foldVietnamese(unit.employerName!),
      establishedDay: dayOf(unit.establishedOn),
      members: unit.members!,
    }));
  return {
    provinces,
    upperUnits: plan.uppers.length,
    industrialZones: plan.uppers.filter((u) => u.type === 'industrial_zone_union').length,
    grassroots: plan.grassroots.length,
    branches: plan.branches.length,
    homes,
  };
}
