import { foldVietnamese } from '../../apps/server/src/kernel/text/fold.js';
import { generateUnitCode } from './app-internals.js';
import { copyJson, copyValue, type BulkSession } from './bulk.js';
import {
  BRANDS,
  CENTRAL_UNIONS,
  CITIES,
  COMMUNE_PLACES,
  COMPANY_FORMS,
  DEPARTMENTS,
  PROVINCE_PROFILES,
  SCHOOLS,
  TRADES,
  type CentralUnionProfile,
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

/**
 * A level-2 unit: a provincial federation (made by first start), or a central sector or corporate union
 * (made by the generator). Its `profile` says where its people were born and how they spell names.
 */
export interface Province {
  id: number;
  code: string;
  name: string;
  path: string;
  depth: number;
  type: 'provincial_federation' | 'sector_union' | 'corporate_union';
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

/** A unit that holds offices: a grassroots union, or a commune, industrial-zone or upper union. */
export interface OfficeUnit {
  id: number;
  path: string;
  code: string;
  name: string;
  province: Province;
  establishedDay: number;
}

export interface BuiltTree {
  provinces: Province[];
  /** Central sector and corporate unions (none unless asked for). */
  centralUnions: Province[];
  upperUnits: number;
  industrialZones: number;
  grassroots: number;
  branches: number;
  homes: MemberHome[];
  /** Grassroots unions, in id order: where chairs sit and workforces are declared. */
  grassrootsUnits: OfficeUnit[];
  /** Commune, industrial-zone and upper unions. */
  upperUnitList: OfficeUnit[];
}

interface PlannedUnit {
  type: 'commune_union' | 'industrial_zone_union' | 'upper_union' | 'grassroots_union' | 'union_branch';
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

/** Splits a large grassroots union into branches holding most of its members; small ones keep them all. */
function placeMembers(
  random: Random,
  g: PlannedUnit,
  size: number,
  province: Province,
  branches: PlannedUnit[],
): void {
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
}

const randomDate = (random: Random, fromYear: number, toYear: number): string =>
  `${random.int(fromYear, toYear)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;

interface Plan {
  uppers: PlannedUnit[];
  grassroots: PlannedUnit[];
  branches: PlannedUnit[];
}

/**
 * Plans the tree under the 34 provinces: commune and industrial-zone unions (`upperTotal`, more in big
 * provinces), `grassrootsTotal` grassroots unions in proportion to each province's members, with
 * lognormal sizes, and branches in the largest.
 */
function planProvinces(
  random: Random,
  members: number,
  grassrootsTotal: number,
  upperTotal: number,
  provinces: Province[],
  plan: Plan,
): void {
  const { uppers, grassroots, branches } = plan;
  const shares = provinces.map((p) => p.profile.share);
  const membersBy = apportion(members, shares, 1);
  const grassrootsBy = apportion(grassrootsTotal, shares, 1);
  const uppersBy = apportion(
    upperTotal,
    shares.map((s) => Math.sqrt(s)),
    1,
  );
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
        localGrassroots.push({
          type: 'grassroots_union',
          name,
          employerName: employer,
          parent: upper,
          province,
          establishedOn: randomDate(random, 1995, 2022),
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
    localGrassroots.forEach((g, i) => placeMembers(random, g, sizes[i]!, province, branches));
    grassroots.push(...localGrassroots);
  });
}

/**
 * Plans the central sector and corporate unions' subtrees: their upper unions (the corporations'
 * member companies, the sectors' own upper unions), and grassroots unions nationwide, most under an
 * upper union where there are some, with the same size distribution as in the provinces.
 */
function planCentralUnions(
  random: Random,
  members: number,
  grassrootsTotal: number,
  centrals: readonly { unit: Province; profile: CentralUnionProfile }[],
  plan: Plan,
): void {
  const shares = centrals.map((c) => c.profile.share);
  const membersBy = apportion(members, shares, 1);
  const grassrootsBy = apportion(grassrootsTotal, shares, 1);
  centrals.forEach(({ unit, profile }, c) => {
    const uppers: PlannedUnit[] = profile.uppers.map((name) => ({
      type: 'upper_union',
      name,
      parent: unit,
      province: unit,
      establishedOn: randomDate(random, Math.max(profile.founded, 1995), 2012),
    }));
    plan.uppers.push(...uppers);
    const local: PlannedUnit[] = [];
    for (let n = 1; n <= grassrootsBy[c]!; n++) {
      const upper = uppers.length > 0 && random.chance(0.7) ? random.pick(uppers) : undefined;
      const employer = `${random.pick(profile.employers)} ${random.pick(CITIES)} ${n}`;
      // Not before the union above it.
      const earliest = Math.max(
        profile.founded,
        1990,
        upper ? Number(upper.establishedOn.slice(0, 4)) + 1 : 0,
      );
      local.push({
        type: 'grassroots_union',
        name: `CĐCS ${employer}`,
        employerName: employer,
        parent: upper ?? unit,
        province: unit,
        establishedOn: randomDate(random, Math.min(earliest, 2022), 2022),
      });
    }
    const sizes = apportion(
      membersBy[c]!,
      local.map(() => random.logNormal(0, GRASSROOTS_SIGMA)),
      GRASSROOTS_MIN,
    );
    local.forEach((g, i) => placeMembers(random, g, sizes[i]!, unit, plan.branches));
    plan.grassroots.push(...local);
  });
}

/**
 * The country for `members` members: grassroots unions (127,000 at full scale) and commune unions
 * (3,321) in proportion, shared between the provinces and, when given, the central unions by their
 * members' shares.
 */
function planTree(
  random: Random,
  members: number,
  provinces: Province[],
  centrals: readonly { unit: Province; profile: CentralUnionProfile }[],
): Plan {
  const scale = members / FULL_SCALE_MEMBERS;
  const grassrootsTotal = Math.max(provinces.length, Math.round(FULL_SCALE_GRASSROOTS * scale));
  const upperTotal = Math.max(provinces.length, Math.round(FULL_SCALE_UPPER_UNITS * scale));
  const provinceShare = provinces.reduce((sum, p) => sum + p.profile.share, 0);
  const centralShare = centrals.reduce((sum, c) => sum + c.profile.share, 0);
  const centralFraction = centralShare / (centralShare + provinceShare);
  const centralMembers = Math.round(members * centralFraction);
  const centralGrassroots = centrals.length
    ? Math.max(centrals.length, Math.round(grassrootsTotal * centralFraction))
    : 0;
  const plan: Plan = { uppers: [], grassroots: [], branches: [] };
  planProvinces(
    random,
    members - centralMembers,
    Math.max(provinces.length, grassrootsTotal - centralGrassroots),
    upperTotal,
    provinces,
    plan,
  );
  // A stream of its own: the provinces' units are the same with or without the central unions.
  if (centrals.length)
    planCentralUnions(random.fork(0xce47), centralMembers, centralGrassroots, centrals, plan);
  return plan;
}

interface UnitRow {
  id: number;
  type: string;
  code: string;
  name: string;
  parentId: number;
  parentName: string;
  provinceId: number;
  path: string;
  depth: number;
  establishedOn: string;
}

/** Units as `insertUnit` writes them: the row, its first placement and its "established" event. */
async function writeUnits(session: BulkSession, units: readonly UnitRow[]): Promise<void> {
  const unitLines: string[] = [];
  const placementLines: string[] = [];
  const eventLines: string[] = [];
  for (const unit of units) {
    unitLines.push(
      [
        unit.id,
        unit.type,
        unit.code,
        unit.name,
        foldVietnamese(unit.name),
        unit.parentId,
        unit.parentId,
        unit.provinceId,
        unit.path,
        unit.depth,
        unit.establishedOn,
      ]
        .map(copyValue)
        .join('\t'),
    );
    placementLines.push([unit.id, unit.parentId, unit.path, unit.establishedOn].map(copyValue).join('\t'));
    eventLines.push(
      [
        unit.id,
        'established',
        unit.establishedOn,
        copyJson({ parentId: unit.parentId, parentName: unit.parentName }),
      ].join('\t'),
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
}

async function reserveUnitIds(session: BulkSession, count: number): Promise<number[]> {
  const rows = await session.query<{ id: number }>(
    `select nextval(pg_get_serial_sequence('units', 'id'))::int as id from generate_series(1, $1)`,
    [count],
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** The central sector and corporate unions under the Confederation, written first: they are parents. */
async function writeCentralUnions(
  session: BulkSession,
): Promise<{ unit: Province; profile: CentralUnionProfile }[]> {
  const [root] = await session.query<{ id: number; name: string; path: string; depth: number }>(
    `select id, name, path, depth from units where parent_id is null`,
  );
  if (!root) throw new Error('the Confederation is missing: did first start run?');
  const ids = await reserveUnitIds(session, CENTRAL_UNIONS.length);
  const centrals = CENTRAL_UNIONS.map((profile, i) => {
    const id = ids[i]!;
    const unit: Province = {
      id,
      code: generateUnitCode(profile.type, id, null),
      name: profile.name,
      path: `${root.path}${id}/`,
      depth: Number(root.depth) + 1,
      type: profile.type,
      profile: profile.profile,
    };
    return { unit, profile };
  });
  await writeUnits(
    session,
    centrals.map(({ unit, profile }) => ({
      id: unit.id,
      type: unit.type,
      code: unit.code,
      name: unit.name,
      parentId: Number(root.id),
      parentName: root.name,
      provinceId: unit.id,
      path: unit.path,
      depth: unit.depth,
      establishedOn: `${profile.founded}-07-28`,
    })),
  );
  return centrals;
}

export interface BuildTreeOptions {
  /** Add the ~20 central sector and corporate unions with their subtrees (the national seed does). */
  centralUnions?: boolean;
}

/**
 * Builds the tree in bulk with the columns `insertUnit` writes (ids from the units sequence, the
 * path, level-2 ancestor, depth, a generated code, the first placement and the "established" event),
 * three COPYs instead of 5 statements per unit: 127,000 unions one by one would take minutes.
 */
export async function buildTree(
  session: BulkSession,
  random: Random,
  members: number,
  options: BuildTreeOptions = {},
): Promise<BuiltTree> {
  const rows = await session.query<{ id: number; code: string; name: string; path: string; depth: number }>(
    `select id, code, name, path, depth from units where type = 'provincial_federation' order by id`,
  );
  const provinces: Province[] = PROVINCE_PROFILES.map((profile) => {
    const row = rows.find((r) => r.code === profile.code);
    if (!row) throw new Error(`province ${profile.code} is missing: did first start run?`);
    return { ...row, id: Number(row.id), depth: Number(row.depth), type: 'provincial_federation', profile };
  });
  if (rows.length !== provinces.length) throw new Error(`expected 34 provinces, found ${rows.length}`);
  const centrals = options.centralUnions ? await writeCentralUnions(session) : [];
  const plan = planTree(random, members, provinces, centrals);
  const all = [...plan.uppers, ...plan.grassroots, ...plan.branches];
  const ids = await reserveUnitIds(session, all.length);
  all.forEach((unit, i) => {
    const parent = unit.parent;
    unit.id = ids[i]!;
    unit.path = `${parent.path!}${unit.id}/`;
    unit.depth = parent.depth! + 1;
  });
  const codeOf = (unit: PlannedUnit) => generateUnitCode(unit.type, unit.id!, unit.province.code);
  await writeUnits(
    session,
    all.map((unit) => ({
      id: unit.id!,
      type: unit.type,
      code: codeOf(unit),
      name: unit.name,
      parentId: unit.parent.id!,
      parentName: unit.parent.name,
      provinceId: unit.province.id,
      path: unit.path!,
      depth: unit.depth!,
      establishedOn: unit.establishedOn,
    })),
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
  const officeUnit = (unit: PlannedUnit): OfficeUnit => ({
    id: unit.id!,
    path: unit.path!,
    code: codeOf(unit),
    name: unit.name,
    province: unit.province,
    establishedDay: dayOf(unit.establishedOn),
  });
  return {
    provinces,
    centralUnions: centrals.map((c) => c.unit),
    upperUnits: plan.uppers.length,
    industrialZones: plan.uppers.filter((u) => u.type === 'industrial_zone_union').length,
    grassroots: plan.grassroots.length,
    branches: plan.branches.length,
    homes,
    grassrootsUnits: plan.grassroots.map(officeUnit),
    upperUnitList: plan.uppers.map(officeUnit),
  };
}
