import { sql } from 'drizzle-orm';
import type { UnitType } from '@union/contracts/units';
import type { Db } from '../../apps/server/src/kernel/db/database.js';
import {
  insertUnit,
  unsafeFindUnitByCode,
  type ParentPlace,
} from '../../apps/server/src/modules/units/index.js';

/** A unit the bench keeps a handle on. */
export type SeededUnit = ParentPlace & { type: UnitType };

export interface TreeShape {
  /** Commune and industrial-zone unions under the big province. */
  communes: number;
  /** Grassroots unions per commune: uniform in [min, max]. */
  grassrootsMin: number;
  grassrootsMax: number;
  /** Branches of the one grassroots union whose officer the bench signs in. */
  branches: number;
  seed: number;
}

export interface SeededTree {
  /** Hà Nội: where the load is. */
  province: SeededUnit;
  communes: SeededUnit[];
  /** A grassroots union with `branches` union branches. */
  grassrootsWithBranches: SeededUnit;
  /** Communes in the other provinces that have data, for the officers that only sign in. */
  otherCommunes: SeededUnit[];
}

/** Hà Nội holds the big tree; these provinces get a smaller one each, so paths and stats are realistic. */
const BIG_PROVINCE = '01';
const OTHER_PROVINCES = ['79', '31', '48', '92', '22'];
const OTHER_COMMUNES = 8;
const OTHER_GRASSROOTS = [10, 40] as const;
/** One grassroots union in this many also has a few branches (2–6). */
const BRANCHED_EVERY = 25;
const ESTABLISHED_ON = '2025-07-01';

/** mulberry32: a small seeded generator, so every run builds the same tree. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Random = ReturnType<typeof seededRandom>;

const PLACES = [
  'Ba Đình',
  'Hoàn Kiếm',
  'Đống Đa',
  'Cầu Giấy',
  'Thanh Xuân',
  'Long Biên',
  'Tây Hồ',
  'Hai Bà Trưng',
  'Hoàng Mai',
  'Hà Đông',
  'Sóc Sơn',
  'Đông Anh',
  'Gia Lâm',
  'Thường Tín',
  'Phú Xuyên',
  'Ứng Hòa',
  'Mỹ Đức',
  'Chương Mỹ',
  'Thạch Thất',
  'Quốc Oai',
  'Đan Phượng',
  'Hoài Đức',
  'Mê Linh',
  'Ba Vì',
  'Phúc Thọ',
  'Sơn Tây',
  'Thanh Oai',
  'Yên Nghĩa',
  'Kim Liên',
  'Văn Miếu',
  'Láng',
  'Ô Chợ Dừa',
  'Bạch Mai',
  'Vĩnh Tuy',
  'Tương Mai',
  'Định Công',
  'Khương Đình',
  'Phương Liệt',
  'Nghĩa Đô',
  'Xuân Đỉnh',
];
const COMPANY_FORMS = [
  'Công ty TNHH',
  'Công ty Cổ phần',
  'Công ty TNHH MTV',
  'Chi nhánh Công ty',
  'Tổng công ty',
];
const TRADES = [
  'May mặc',
  'Điện tử',
  'Cơ khí',
  'Xây dựng',
  'Thực phẩm',
  'Dệt may',
  'Giày da',
  'Vận tải',
  'Thương mại',
  'Dược phẩm',
  'Nhựa',
  'Bao bì',
  'Thép',
  'Đồ gỗ',
  'Thủy sản',
  'Phần mềm',
  'Logistics',
  'Cấp nước',
];
const BRANDS = [
  'Sông Hồng',
  'Thăng Long',
  'Hòa Bình',
  'Đông Á',
  'Phú Thịnh',
  'An Phát',
  'Việt Tiến',
  'Hưng Thịnh',
  'Minh Long',
  'Đại Việt',
  'Tân Hoàng',
  'Bình Minh',
  'Hải Đăng',
  'Trường Sơn',
  'Đức Thành',
  'Ánh Dương',
  'Kim Ngân',
  'Phương Đông',
  'Sao Mai',
  'Thành Công',
  'Quang Trung',
  'Lạc Hồng',
  'Hồng Hà',
  'Tràng An',
];
const SCHOOLS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS', 'Trường THPT'];
const DEPARTMENTS = [
  'Phân xưởng',
  'Phòng Kỹ thuật',
  'Phòng Kinh doanh',
  'Tổ sản xuất',
  'Kho vận',
  'Chuyền may',
];

function grassrootsName(random: Random, n: number): string {
  const roll = random.next();
  if (roll < 0.72) {
    return `CĐCS ${random.pick(COMPANY_FORMS)} ${random.pick(TRADES)} ${random.pick(BRANDS)} ${n}`;
  }
  if (roll < 0.9) return `CĐCS ${random.pick(SCHOOLS)} ${random.pick(PLACES)} ${n}`;
  return `CĐCS Ủy ban nhân dân phường ${random.pick(PLACES)} ${n}`;
}

async function levelTwo(db: Db, code: string): Promise<SeededUnit> {
  const unit = await unsafeFindUnitByCode(db, code);
  if (!unit) throw new Error(`province ${code} is missing: did first start run?`);
  return {
    id: unit.id,
    name: unit.name,
    path: unit.path,
    depth: unit.depth,
    provinceId: unit.provinceId,
    type: 'provincial_federation',
  };
}

async function add(db: Db, parent: SeededUnit, type: UnitType, name: string): Promise<SeededUnit> {
  const created = await insertUnit(db, parent, { type, name, establishedOn: ESTABLISHED_ON });
  return { ...created, name, type };
}

/** A commune with its grassroots unions (and a few branches), in one transaction. */
async function addCommune(
  db: Db,
  random: Random,
  province: SeededUnit,
  index: number,
  grassroots: readonly [number, number],
): Promise<{ commune: SeededUnit; grassroots: SeededUnit[] }> {
  return db.transaction(async (tx) => {
    const industrial = index % 6 === 5;
    const commune = await add(
      tx,
      province,
      industrial ? 'industrial_zone_union' : 'commune_union',
      industrial
        ? `Công đoàn các Khu công nghiệp ${random.pick(PLACES)} ${index + 1}`
        : `Công đoàn ${random.next() < 0.6 ? 'phường' : 'xã'} ${random.pick(PLACES)} ${index + 1}`,
    );
    const children: SeededUnit[] = [];
    const count = random.int(grassroots[0], grassroots[1]);
    for (let n = 1; n <= count; n++) {
      const unit = await add(tx, commune, 'grassroots_union', grassrootsName(random, n));
      children.push(unit);
      if (random.int(1, BRANCHED_EVERY) === 1) {
        const branches = random.int(2, 6);
        for (let b = 1; b <= branches; b++) {
          await add(tx, unit, 'union_branch', `Công đoàn bộ phận ${random.pick(DEPARTMENTS)} ${b}`);
        }
      }
    }
    return { commune, grassroots: children };
  });
}

/**
 * The tree the foundation suite reads: the 34 provinces from first start, `communes` commune and
 * industrial-zone unions under Hà Nội with their grassroots unions, a smaller tree in five other
 * provinces, and about one grassroots union in thirty closed. Built through `insertUnit`, as the app does.
 */
export async function seedTree(
  db: Db,
  shape: TreeShape,
  log: (message: string) => void,
): Promise<SeededTree> {
  const random = seededRandom(shape.seed);
  const province = await levelTwo(db, BIG_PROVINCE);
  const communes: SeededUnit[] = [];
  let firstGrassroots: SeededUnit | undefined;
  for (let i = 0; i < shape.communes; i++) {
    const built = await addCommune(db, random, province, i, [shape.grassrootsMin, shape.grassrootsMax]);
    communes.push(built.commune);
    firstGrassroots ??= built.grassroots[0];
    if ((i + 1) % 10 === 0) log(`  ${i + 1}/${shape.communes} communes under ${province.name}`);
  }
  const otherCommunes: SeededUnit[] = [];
  for (const code of OTHER_PROVINCES) {
    const other = await levelTwo(db, code);
    for (let i = 0; i < OTHER_COMMUNES; i++) {
      otherCommunes.push((await addCommune(db, random, other, i, OTHER_GRASSROOTS)).commune);
    }
  }
  if (!firstGrassroots)
    throw new Error('the tree has no grassroots union: raise --communes or --grassroots-min');
  const grassrootsWithBranches = firstGrassroots;
  await db.transaction(async (tx) => {
    for (let b = 1; b <= shape.branches; b++) {
      await add(
        tx,
        grassrootsWithBranches,
        'union_branch',
        `Công đoàn bộ phận ${random.pick(DEPARTMENTS)} ${b}`,
      );
    }
  });
  // Closed units stay in the tree; listings skip them, so the status filter has work to do.
  await db.execute(sql`
    update units set status = 'dissolved', closed_on = '2025-12-31'
    where type = 'grassroots_union' and id % 31 = 0 and id <> ${grassrootsWithBranches.id}`);
  return { province, communes, grassrootsWithBranches, otherCommunes };
}
