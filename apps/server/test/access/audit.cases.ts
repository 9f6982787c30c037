import { expect } from 'vitest';
import type { AuditEntryDto } from '@union/contracts/audit';
import type { TreeUnit } from '../support/index.js';
import {
  denied,
  expectStatus,
  notFound,
  ok,
  routeSpec,
  type AccessSuite,
  type Headers,
  type Response,
  type RouteTable,
} from './denial.js';

/** Route tables for the audit log. */
export function auditRouteTable(s: AccessSuite): RouteTable {
  const tree = () => s.tree;

  /**
   * Something happened at each of these units: the administrator saved each one unchanged, which the
   * log records as unit.update at that unit. Done once per file, before the first audit test.
   */
  let seeded: Promise<void> | undefined;
  const seed = async () => {
    const t = tree();
    for (const unit of [
      t.communeA,
      t.grassrootsA,
      t.branchA,
      t.grassrootsA2,
      t.communeB,
      t.grassrootsB,
      t.grassrootsC,
    ]) {
      const response = await s.inject(s.admin.headers, {
        method: 'PATCH',
        url: `/api/v1/units/${unit.id}`,
        payload: { name: unit.name },
      });
      expectStatus(response, 200);
    }
  };

  /** Every entry listed is about one of `within`, and each of `including` has its entry. */
  const listsOnly =
    (within: () => TreeUnit[], including: () => TreeUnit[]) =>
    (response: Response): void => {
      const units = response.json<{ items: AuditEntryDto[] }>().items.map((entry) => entry.unitId);
      const allowed = within().map((unit) => unit.id);
      expect(units.filter((id) => id === null || !allowed.includes(id))).toEqual([]);
      expect(units).toEqual(expect.arrayContaining(including().map((unit) => unit.id)));
    };

  return {
    'GET /api/v1/audit': routeSpec({
      target: async () => {
        seeded ??= seed();
        await seeded;
        return tree().grassrootsA;
      },
      send: (headers: Headers, unit: TreeUnit) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/audit?unitId=${unit.id}&limit=200` }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA: entries of grassrootsA and below, nothing else',
          who: (T) => s.as('grassroots_chair', T),
          expect: ok(
            listsOnly(
              () => [tree().grassrootsA, tree().branchA, tree().groupA],
              () => [tree().grassrootsA, tree().branchA],
            ),
          ),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA asking about communeA: its subtree, not communeB or HCMC',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: () => tree().communeA,
          expect: ok(
            listsOnly(
              () => [tree().communeA, tree().grassrootsA, tree().grassrootsA2, tree().branchA, tree().groupA],
              () => [tree().communeA, tree().grassrootsA, tree().grassrootsA2, tree().branchA],
            ),
          ),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots chair of grassrootsA reaching up to the log of communeA',
          who: (T) => s.as('grassroots_chair', T),
          aim: () => tree().communeA,
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of branchA (no role a branch may hold grants audit.read)',
          who: () => s.as('grassroots_officer', tree().branchA),
          expect: denied,
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
          title: 'grassroots officer of grassrootsA (sees it) who chairs grassrootsA2 (reads the log there)',
          who: (T) =>
            s.asMany(
              { role: 'grassroots_officer', unit: T },
              { role: 'grassroots_chair', unit: tree().grassrootsA2 },
            ),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of grassrootsA whose term ended yesterday',
          who: (T) => s.as('grassroots_chair', T, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of grassrootsA whose term starts tomorrow',
          who: (T) => s.as('grassroots_chair', T, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'grassroots officer of grassrootsA',
          who: (T) => s.as('grassroots_officer', T),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'legal adviser of communeA',
          who: () => s.as('legal_adviser', tree().communeA),
          expect: denied,
        },
      ],
    }),
  };
}
