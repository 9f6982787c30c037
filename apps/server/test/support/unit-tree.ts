import type { UnitType } from '@union/contracts/units';
import { insertUnit, unsafeFindUnitByCode, type ParentPlace } from '../../src/modules/units/index.js';
import type { TestApp } from './test-app.js';

export type TreeUnit = ParentPlace & { type: UnitType };

/**
 * A small country for access tests, under the real Hà Nội and HCMC federations:
 *
 *   hanoi ─ communeA ─ grassrootsA ─ branchA ─ groupA
 *         │          └ grassrootsA2
 *         └ communeB ─ grassrootsB
 *   hcm ─── communeC ─ grassrootsC
 */
export async function givenUnitTree(testApp: TestApp) {
  const db = testApp.db;
  const federation = async (code: string): Promise<TreeUnit> => {
    const unit = await unsafeFindUnitByCode(db, code);
    if (!unit) throw new Error(`province ${code} missing from the template`);
    return {
      id: unit.id,
      name: unit.name,
      path: unit.path,
      depth: unit.depth,
      provinceId: unit.provinceId,
      type: 'provincial_federation',
    };
  };
  const add = async (parent: TreeUnit, type: UnitType, name: string): Promise<TreeUnit> => {
    const created = await insertUnit(db, parent, { type, name, establishedOn: '2020-01-01' });
    return { ...created, name, type };
  };
  const hanoi = await federation('01');
  const hcm = await federation('79');
  const communeA = await add(hanoi, 'commune_union', 'Công đoàn phường Thử Nghiệm A');
  const communeB = await add(hanoi, 'commune_union', 'Công đoàn phường Thử Nghiệm B');
  const communeC = await add(hcm, 'commune_union', 'Công đoàn phường Thử Nghiệm C');
  const grassrootsA = await add(communeA, 'grassroots_union', 'CĐCS Công ty TNHH Thử Nghiệm A');
  const grassrootsA2 = await add(communeA, 'grassroots_union', 'CĐCS Công ty Cổ phần Thử Nghiệm A2');
  const grassrootsB = await add(communeB, 'grassroots_union', 'CĐCS Công ty TNHH Thử Nghiệm B');
  const grassrootsC = await add(communeC, 'grassroots_union', 'CĐCS Công ty TNHH Thử Nghiệm C');
  const branchA = await add(grassrootsA, 'union_branch', 'Công đoàn bộ phận Phân xưởng 1');
  const groupA = await add(branchA, 'union_group', 'Tổ công đoàn 1');
  return {
    hanoi,
    hcm,
    communeA,
    communeB,
    communeC,
    grassrootsA,
    grassrootsA2,
    grassrootsB,
    grassrootsC,
    branchA,
    groupA,
  };
}
