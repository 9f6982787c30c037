import { expect } from 'vitest';
import type { UnitDto, UnitEventDto, UnitPage, UnitSummaryDto } from '@union/contracts/units';
import { daysFromToday, type SignedIn, type TreeUnit } from '../support/index.js';
import {
  childTypeOf,
  created,
  denied,
  invalid,
  expectStatus,
  idsOf,
  notFound,
  ok,
  routeSpec,
  uniqueName,
  type AccessSuite,
  type Case,
  type Headers,
  type Response,
  type RouteTable,
} from './denial.js';

/** An id no unit has: a missing unit must read exactly like one out of scope. */
const MISSING_ID = 2_000_000_000;
/** An id beyond the database's integer range: no unit can have it either. */
const OUT_OF_RANGE_ID = 3_000_000_000;

const sortedIds = (units: { id: number }[]) => idsOf(units).sort((a, b) => a - b);

/** The response lists exactly these units (in any order). */
const listsExactly =
  (expected: () => TreeUnit[]) =>
  (response: Response): void => {
    const body = response.json<UnitDto[] | UnitPage>();
    const items = Array.isArray(body) ? body : body.items;
    expect(sortedIds(items)).toEqual(sortedIds(expected()));
  };

/** Route tables for the units module. Targets are built per test; nothing here runs before a test does. */
export function unitsRouteTable(s: AccessSuite): RouteTable {
  const today = () => daysFromToday(0);
  const tree = () => s.tree;

  /**
   * The cases for a read of grassrootsA by roles holding units.read (officer at the union,
   * legal adviser above it), placed wrongly. `check` proves what the allowed officer gets.
   */
  const readOfGrassrootsA = (check: (response: Response) => unknown): Case<TreeUnit, TreeUnit>[] => [
    {
      kind: 'allowed',
      title: 'grassroots officer of grassrootsA',
      who: (T) => s.as('grassroots_officer', T),
      expect: ok(check),
    },
    {
      kind: 'allowed',
      title: 'legal adviser of communeA, above it',
      who: () => s.as('legal_adviser', tree().communeA),
      expect: ok(),
    },
    {
      kind: 'allowed',
      title: 'grassroots officer of grassrootsA whose term ends today (still current)',
      who: (T) => s.as('grassroots_officer', T, 'ends today'),
      expect: ok(),
    },
    {
      kind: 'allowed',
      title: 'grassroots officer of grassrootsA whose term starts today',
      who: (T) => s.as('grassroots_officer', T, 'starts today'),
      expect: ok(),
    },
    {
      kind: 'sibling',
      title: 'grassroots officer of grassrootsA2',
      who: () => s.as('grassroots_officer', tree().grassrootsA2),
      expect: notFound(),
    },
    {
      kind: 'parent',
      title: 'grassroots officer of branchA, below grassrootsA, reaching up',
      who: () => s.as('grassroots_officer', tree().branchA),
      expect: notFound(),
    },
    {
      kind: 'child',
      title: 'upper union officer of communeB (grassrootsA is a child of communeA)',
      who: () => s.as('upper_union_officer', tree().communeB),
      expect: notFound(),
    },
    {
      kind: 'child',
      title: 'federation officer of HCMC (grassrootsA lies in Hà Nội)',
      who: () => s.as('federation_officer', tree().hcm),
      expect: notFound(),
    },
    {
      kind: 'expired',
      title: 'grassroots officer of grassrootsA whose term ended yesterday',
      who: (T) => s.as('grassroots_officer', T, 'expired'),
      expect: denied,
    },
    {
      kind: 'expired',
      title: 'term at communeA ended yesterday, current officer of grassrootsA2: the old term widens nothing',
      who: () =>
        s.asMany(
          { role: 'upper_union_officer', unit: tree().communeA, termEnd: daysFromToday(-1) },
          { role: 'grassroots_officer', unit: tree().grassrootsA2 },
        ),
      expect: notFound(),
    },
    {
      kind: 'future',
      title: 'grassroots officer of grassrootsA whose term starts tomorrow',
      who: (T) => s.as('grassroots_officer', T, 'future'),
      expect: denied,
    },
    { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
    {
      kind: 'lacks permission',
      title: 'member of grassrootsA (the role grants no units.read)',
      who: (T) => s.as('member', T),
      expect: denied,
    },
    {
      kind: 'missing',
      title: 'federation officer of Hà Nội asking for an id no unit has (same answer as out of scope)',
      who: () => s.as('federation_officer', tree().hanoi),
      aim: (T) => ({ ...T, id: MISSING_ID }),
      expect: notFound(),
    },
  ];

  const getUnitPart = (suffix: string) => (headers: Headers, unit: TreeUnit & { query?: string }) =>
    s.inject(headers, { method: 'GET', url: `/api/v1/units/${unit.id}${suffix}?${unit.query ?? ''}` });

  /** Whatever the list shows, the caller can open: a list never names a unit outside scope. */
  const listsOnlyWhatCallerMayOpen = async (response: Response, _T: unknown, caller: SignedIn) => {
    const items = response.json<UnitPage>().items;
    const opened = await Promise.all(
      items.map(async (unit) => {
        const direct = await s.inject(caller.headers, { method: 'GET', url: `/api/v1/units/${unit.id}` });
        return { id: unit.id, status: direct.statusCode };
      }),
    );
    expect(opened.filter((unit) => unit.status !== 200)).toEqual([]);
  };

  const ALL_ABILITIES = ['createChild', 'update', 'move', 'dissolve', 'manageOffices', 'readAudit'] as const;
  /** The `can` object the UI hides buttons by: exactly these abilities are true. */
  const mayDo =
    (...abilities: (typeof ALL_ABILITIES)[number][]) =>
    (response: Response) =>
      expect(response.json<UnitDto>().can).toEqual(
        Object.fromEntries(ALL_ABILITIES.map((ability) => [ability, abilities.includes(ability)])),
      );

  const stillUnder = (parent: () => TreeUnit) => async (unit: TreeUnit) => {
    const now = await s.unitNow(unit);
    expect({ parentId: now.parentId, status: now.status }).toEqual({
      parentId: parent().id,
      status: 'active',
    });
  };

  interface Move {
    unit: TreeUnit;
    to: TreeUnit;
  }
  interface BulkMove {
    unitIds?: TreeUnit[];
    from?: TreeUnit;
    to: TreeUnit;
  }
  interface Merge {
    unit: TreeUnit;
    into: TreeUnit;
  }
  interface Create {
    parent: TreeUnit;
    managingUnitId?: number;
  }
  interface Update {
    unit: TreeUnit;
    managingUnitId?: number;
  }

  /** A fresh grassroots union with a branch holding a group: something a chair may move or merge. */
  const freshGroup = async (grassroots: TreeUnit) => s.addUnit(await s.addUnit(grassroots, 'union_branch'));

  return {
    'GET /api/v1/units/roots': routeSpec({
      target: async () => tree().grassrootsA,
      send: (headers: Headers) => s.inject(headers, { method: 'GET', url: '/api/v1/units/roots' }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA: exactly grassrootsA',
          who: (T) => s.as('grassroots_officer', T),
          expect: ok(listsExactly(() => [tree().grassrootsA])),
        },
        {
          kind: 'allowed',
          title:
            'officer of communeA and chair of grassrootsA: only communeA (the nested office adds nothing)',
          who: () =>
            s.asMany(
              { role: 'upper_union_officer', unit: tree().communeA },
              { role: 'grassroots_chair', unit: tree().grassrootsA },
            ),
          expect: ok(listsExactly(() => [tree().communeA])),
        },
        {
          kind: 'sibling',
          title: 'grassroots officer of grassrootsA2: only grassrootsA2',
          who: () => s.as('grassroots_officer', tree().grassrootsA2),
          expect: ok(listsExactly(() => [tree().grassrootsA2])),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of branchA: only branchA, never its parent grassrootsA',
          who: () => s.as('grassroots_officer', tree().branchA),
          expect: ok(listsExactly(() => [tree().branchA])),
        },
        {
          kind: 'child',
          title: 'upper union officer of communeB: only communeB',
          who: () => s.as('upper_union_officer', tree().communeB),
          expect: ok(listsExactly(() => [tree().communeB])),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC: only HCMC',
          who: () => s.as('federation_officer', tree().hcm),
          expect: ok(listsExactly(() => [tree().hcm])),
        },
        {
          kind: 'expired',
          title: 'grassroots officer of grassrootsA whose term ended yesterday',
          who: (T) => s.as('grassroots_officer', T, 'expired'),
          expect: denied,
        },
        {
          kind: 'expired',
          title: 'term at communeA ended yesterday, officer of grassrootsA2 now: only grassrootsA2',
          who: () =>
            s.asMany(
              { role: 'upper_union_officer', unit: tree().communeA, termEnd: daysFromToday(-1) },
              { role: 'grassroots_officer', unit: tree().grassrootsA2 },
            ),
          expect: ok(listsExactly(() => [tree().grassrootsA2])),
        },
        {
          kind: 'future',
          title: 'grassroots officer of grassrootsA whose term starts tomorrow',
          who: (T) => s.as('grassroots_officer', T, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: (T) => s.as('member', T),
          expect: denied,
        },
      ],
    }),

    'GET /api/v1/units': routeSpec({
      target: async () => tree().grassrootsA,
      // Every unit of the test tree but the branch and the group is named "… Thử Nghiệm …".
      aim: () => new URLSearchParams({ q: 'Thử Nghiệm', limit: '200' }).toString(),
      send: (headers: Headers, query: string) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/units?${query}` }),
      cases: [
        {
          kind: 'allowed',
          title: 'upper union officer of communeA: communeA and its two unions, nothing else',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: ok(listsExactly(() => [tree().communeA, tree().grassrootsA, tree().grassrootsA2])),
        },
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA finds it by its exact code',
          who: (T) => s.as('grassroots_officer', T),
          aim: async (T) => new URLSearchParams({ q: (await s.unitNow(T)).code }).toString(),
          expect: ok(listsExactly(() => [tree().grassrootsA])),
        },
        {
          kind: 'sibling',
          title: 'grassroots officer of grassrootsA2: only grassrootsA2',
          who: () => s.as('grassroots_officer', tree().grassrootsA2),
          expect: ok(listsExactly(() => [tree().grassrootsA2])),
        },
        {
          kind: 'sibling',
          title: "grassroots officer of grassrootsA2 typing grassrootsA's exact code: nothing",
          who: () => s.as('grassroots_officer', tree().grassrootsA2),
          aim: async (T) => new URLSearchParams({ q: (await s.unitNow(T)).code }).toString(),
          expect: ok(listsExactly(() => [])),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of branchA: nothing (its parent grassrootsA is above scope)',
          who: () => s.as('grassroots_officer', tree().branchA),
          expect: ok(listsExactly(() => [])),
        },
        {
          kind: 'parent',
          title: "grassroots officer of branchA typing grassrootsA's exact code: nothing",
          who: () => s.as('grassroots_officer', tree().branchA),
          aim: async (T) => new URLSearchParams({ q: (await s.unitNow(T)).code }).toString(),
          expect: ok(listsExactly(() => [])),
        },
        {
          kind: 'child',
          title: 'upper union officer of communeB: communeB and grassrootsB only',
          who: () => s.as('upper_union_officer', tree().communeB),
          expect: ok(listsExactly(() => [tree().communeB, tree().grassrootsB])),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC: communeC and grassrootsC only',
          who: () => s.as('federation_officer', tree().hcm),
          expect: ok(listsExactly(() => [tree().communeC, tree().grassrootsC])),
        },
        {
          kind: 'elsewhere',
          title: 'upper union officer of communeB searching under=grassrootsA',
          who: () => s.as('upper_union_officer', tree().communeB),
          aim: (T) => new URLSearchParams({ q: 'Thử Nghiệm', under: String(T.id) }).toString(),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'grassroots officer of grassrootsA whose term ended yesterday',
          who: (T) => s.as('grassroots_officer', T, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots officer of grassrootsA whose term starts tomorrow',
          who: (T) => s.as('grassroots_officer', T, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: (T) => s.as('member', T),
          expect: denied,
        },
      ],
    }),

    'POST /api/v1/units': routeSpec({
      target: () => s.freshGrassroots(),
      aim: (T): Create => ({ parent: T }),
      send: (headers: Headers, { parent, managingUnitId }: Create) =>
        s.inject(headers, {
          method: 'POST',
          url: '/api/v1/units',
          payload: {
            parentId: parent.id,
            type: childTypeOf(parent.type),
            name: uniqueName('Đơn vị được tạo'),
            managingUnitId,
          },
        }),
      unchanged: async (T) => {
        const response = await s.inject(s.admin.headers, {
          method: 'GET',
          url: `/api/v1/units/${T.id}/children?includeClosed=true&limit=200`,
        });
        const names = response.json<UnitPage>().items.map((unit) => unit.name);
        expect(names.filter((name) => name.startsWith('Đơn vị được tạo'))).toEqual([]);
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of the union creates a branch in it',
          who: (T) => s.as('grassroots_chair', T),
          expect: created((response, T: TreeUnit) => expect(response.json<UnitDto>().parentId).toBe(T.id)),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above it',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: created(),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots chair of the union reaching up to create under communeA',
          who: (T) => s.as('grassroots_chair', T),
          aim: () => ({ parent: tree().communeA }),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of a branch below it (no role a branch may hold grants units.create)',
          who: async (T) => s.as('grassroots_officer', await s.addUnit(T, 'union_branch')),
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
          kind: 'elsewhere',
          title: 'grassroots chair of the union naming grassrootsB as the managing unit',
          who: (T) => s.as('grassroots_chair', T),
          aim: (T) => ({ parent: T, managingUnitId: tree().grassrootsB.id }),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of the union whose term ended yesterday',
          who: (T) => s.as('grassroots_chair', T, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of the union whose term starts tomorrow',
          who: (T) => s.as('grassroots_chair', T, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'grassroots officer of the union (read-only role)',
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

    'POST /api/v1/units/bulk-move': routeSpec({
      target: () => s.freshGrassroots(),
      aim: (T): BulkMove => ({ unitIds: [T], to: tree().communeB }),
      send: (headers: Headers, { unitIds, from, to }: BulkMove) =>
        s.inject(headers, {
          method: 'POST',
          url: '/api/v1/units/bulk-move',
          payload: {
            unitIds: unitIds?.map((u) => u.id),
            fromParentId: from?.id,
            newParentId: to.id,
            effectiveOn: today(),
          },
        }),
      unchanged: stillUnder(() => tree().communeA),
      cases: [
        {
          kind: 'allowed',
          title: 'federation officer of Hà Nội moves the union from communeA to communeB',
          who: () => s.as('federation_officer', tree().hanoi),
          expect: ok(async (response, T: TreeUnit) => {
            expect(response.json()).toMatchObject({ moved: 1 });
            expect((await s.unitNow(T)).parentId).toBe(tree().communeB.id);
          }),
        },
        {
          kind: 'allowed',
          title: 'federation officer of Hà Nội moves every union of a fresh commune (fromParentId)',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: async () => {
            const commune = await s.addUnit(tree().hanoi, 'commune_union');
            await s.addUnit(commune, 'grassroots_union');
            return { from: commune, to: tree().communeB };
          },
          expect: ok((response) => expect(response.json()).toMatchObject({ moved: 1 })),
        },
        {
          kind: 'allowed',
          title: 'grassroots chair of the union moves a union group from its branch to the union itself',
          who: (T) => s.as('grassroots_chair', T),
          aim: async (T) => ({ unitIds: [await freshGroup(T)], to: T }),
          expect: ok((response) => expect(response.json()).toMatchObject({ moved: 1 })),
        },
        {
          kind: 'sees, may not change',
          title: 'grassroots chair of the union moving their own union (authority must be strictly above)',
          who: (T) => s.as('grassroots_chair', T),
          aim: (T) => ({ unitIds: [T], to: T }),
          expect: denied,
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2 moving the union into grassrootsA2',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: (T) => ({ unitIds: [T], to: tree().grassrootsA2 }),
          expect: notFound(),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2 moving all of communeA (fromParentId)',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: () => ({ from: tree().communeA, to: tree().grassrootsA2 }),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots chair of the union reaching up to move communeA',
          who: (T) => s.as('grassroots_chair', T),
          aim: (T) => ({ unitIds: [tree().communeA], to: T }),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of a branch below it (no role a branch may hold grants units.move)',
          who: async (T) => s.as('grassroots_officer', await s.addUnit(T, 'union_branch')),
          expect: denied,
        },
        {
          kind: 'child',
          title: 'grassroots chair of grassrootsB moving the union into grassrootsB',
          who: () => s.as('grassroots_chair', tree().grassrootsB),
          aim: (T) => ({ unitIds: [T], to: tree().grassrootsB }),
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC moving the union into communeC',
          who: () => s.as('federation_officer', tree().hcm),
          aim: (T) => ({ unitIds: [T], to: tree().communeC }),
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC moving all of communeA into communeC (fromParentId)',
          who: () => s.as('federation_officer', tree().hcm),
          aim: () => ({ from: tree().communeA, to: tree().communeC }),
          expect: notFound(),
        },
        {
          kind: 'elsewhere',
          title: 'federation officer of Hà Nội moving the union into communeC of HCMC',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: (T) => ({ unitIds: [T], to: tree().communeC }),
          expect: notFound(),
        },
        {
          kind: 'elsewhere',
          title: 'federation officer of Hà Nội listing the union and grassrootsC: all or nothing',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: (T) => ({ unitIds: [T, tree().grassrootsC], to: tree().communeB }),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'federation officer of Hà Nội whose term ended yesterday',
          who: () => s.as('federation_officer', tree().hanoi, 'expired'),
          expect: denied,
        },
        {
          kind: 'expired',
          title: 'term above it ended yesterday, still chair of the union: no authority above it remains',
          who: (T) =>
            s.asMany(
              { role: 'federation_officer', unit: tree().hanoi, termEnd: daysFromToday(-1) },
              { role: 'grassroots_chair', unit: T },
            ),
          aim: (T) => ({ unitIds: [T], to: T }),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'federation officer of Hà Nội whose term starts tomorrow',
          who: () => s.as('federation_officer', tree().hanoi, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'upper union officer of communeA (the role grants no units.move)',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: denied,
        },
      ],
    }),

    'GET /api/v1/units/:id': routeSpec({
      target: async () => tree().grassrootsA,
      send: getUnitPart(''),
      cases: [
        ...readOfGrassrootsA((response) => {
          expect(response.json<UnitDto>().id).toBe(tree().grassrootsA.id);
          mayDo()(response);
        }),
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA: may edit and appoint there, not move or dissolve it',
          who: (T) => s.as('grassroots_chair', T),
          expect: ok(mayDo('createChild', 'update', 'manageOffices', 'readAudit')),
        },
        {
          kind: 'allowed',
          title: 'federation officer of Hà Nội: may do everything to grassrootsA',
          who: () => s.as('federation_officer', tree().hanoi),
          expect: ok(mayDo(...ALL_ABILITIES)),
        },
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội asking for an id beyond the integer range: refused as input',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: (T) => ({ ...T, id: OUT_OF_RANGE_ID }),
          expect: invalid,
        },
      ],
    }),

    'PATCH /api/v1/units/:id': routeSpec({
      target: () => s.freshGrassroots(),
      aim: (T): Update => ({ unit: T }),
      send: (headers: Headers, { unit, managingUnitId }: Update) =>
        s.inject(headers, {
          method: 'PATCH',
          url: `/api/v1/units/${unit.id}`,
          payload: { name: uniqueName('Đơn vị đổi tên'), managingUnitId },
        }),
      unchanged: async (T) => {
        const now = await s.unitNow(T);
        expect({ name: now.name, managingUnitId: now.managingUnitId }).toEqual({
          name: T.name,
          managingUnitId: tree().communeA.id,
        });
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of the union renames it',
          who: (T) => s.as('grassroots_chair', T),
          expect: ok((response) => expect(response.json<UnitDto>().name).toMatch(/^Đơn vị đổi tên /)),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above it',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: ok(),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots chair of the union reaching up to rename communeA',
          who: (T) => s.as('grassroots_chair', T),
          aim: () => ({ unit: tree().communeA }),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of a branch below it (no role a branch may hold grants units.update)',
          who: async (T) => s.as('grassroots_officer', await s.addUnit(T, 'union_branch')),
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
          kind: 'sees, may not change',
          title: 'grassroots officer of the union who chairs grassrootsA2: sees it, may not edit it',
          who: (T) =>
            s.asMany(
              { role: 'grassroots_officer', unit: T },
              { role: 'grassroots_chair', unit: tree().grassrootsA2 },
            ),
          expect: denied,
        },
        {
          kind: 'elsewhere',
          title: 'grassroots chair of the union naming grassrootsB as the managing unit',
          who: (T) => s.as('grassroots_chair', T),
          aim: (T) => ({ unit: T, managingUnitId: tree().grassrootsB.id }),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of the union whose term ended yesterday',
          who: (T) => s.as('grassroots_chair', T, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of the union whose term starts tomorrow',
          who: (T) => s.as('grassroots_chair', T, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'grassroots officer of the union (read-only role)',
          who: (T) => s.as('grassroots_officer', T),
          expect: denied,
        },
      ],
    }),

    'GET /api/v1/units/:id/children': routeSpec({
      target: async () => tree().grassrootsA,
      send: getUnitPart('/children'),
      cases: [
        ...readOfGrassrootsA(listsExactly(() => [tree().branchA])),
        {
          kind: 'allowed',
          title: 'upper union officer of communeA: every child listed can be opened',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: () => tree().communeA,
          expect: ok(listsOnlyWhatCallerMayOpen),
        },
        {
          kind: 'elsewhere',
          title:
            'upper union officer of communeA, children as of yesterday: not a union moved to communeB today',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: async () => {
            const moved = await s.freshGrassroots();
            const move = await s.inject(s.admin.headers, {
              method: 'POST',
              url: `/api/v1/units/${moved.id}/move`,
              payload: { newParentId: tree().communeB.id, effectiveOn: daysFromToday(0) },
            });
            expectStatus(move, 200);
            return { ...tree().communeA, query: `at=${daysFromToday(-1)}&limit=200` };
          },
          expect: ok(listsOnlyWhatCallerMayOpen),
        },
        {
          kind: 'parent',
          title: 'upper union officer of communeA listing the children of Hà Nội, above it',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: () => tree().hanoi,
          expect: notFound(),
        },
      ],
    }),

    'GET /api/v1/units/:id/ancestors': routeSpec({
      target: async () => tree().grassrootsA,
      send: getUnitPart('/ancestors'),
      cases: [
        // Breadcrumbs stop at the top of scope: communeA, Hà Nội and the Confederation are never named.
        ...readOfGrassrootsA((response) => expect(response.json<UnitSummaryDto[]>()).toEqual([])),
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA: the trail to groupA starts at grassrootsA',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          aim: () => tree().groupA,
          expect: ok(listsExactly(() => [tree().grassrootsA, tree().branchA])),
        },
        {
          kind: 'allowed',
          title: 'federation officer of Hà Nội: the trail to groupA starts at Hà Nội, not the Confederation',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: () => tree().groupA,
          expect: ok(listsExactly(() => [tree().hanoi, tree().communeA, tree().grassrootsA, tree().branchA])),
        },
      ],
    }),

    'GET /api/v1/units/:id/history': routeSpec({
      target: async () => tree().grassrootsA,
      send: getUnitPart('/history'),
      cases: readOfGrassrootsA((response) =>
        expect(response.json<UnitEventDto[]>().map((event) => event.type)).toContain('established'),
      ),
    }),

    'POST /api/v1/units/:id/move': routeSpec({
      target: () => s.freshGrassroots(),
      aim: (T): Move => ({ unit: T, to: tree().communeB }),
      send: (headers: Headers, { unit, to }: Move) =>
        s.inject(headers, {
          method: 'POST',
          url: `/api/v1/units/${unit.id}/move`,
          payload: { newParentId: to.id, effectiveOn: today() },
        }),
      unchanged: stillUnder(() => tree().communeA),
      cases: [
        {
          kind: 'allowed',
          title: 'federation officer of Hà Nội moves the union from communeA to communeB',
          who: () => s.as('federation_officer', tree().hanoi),
          expect: ok((response) => expect(response.json<UnitDto>().parentId).toBe(tree().communeB.id)),
        },
        {
          kind: 'allowed',
          title: 'grassroots chair of the union moves a union group from its branch to the union itself',
          who: (T) => s.as('grassroots_chair', T),
          aim: async (T) => ({ unit: await freshGroup(T), to: T }),
          expect: ok((response, T: TreeUnit) => expect(response.json<UnitDto>().parentId).toBe(T.id)),
        },
        {
          kind: 'sees, may not change',
          title: 'grassroots chair of the union moving their own union (authority must be strictly above)',
          who: (T) => s.as('grassroots_chair', T),
          aim: (T) => ({ unit: T, to: T }),
          expect: denied,
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2 moving the union into grassrootsA2',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: (T) => ({ unit: T, to: tree().grassrootsA2 }),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots chair of the union reaching up to move communeA',
          who: (T) => s.as('grassroots_chair', T),
          aim: (T) => ({ unit: tree().communeA, to: T }),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of a branch below it (no role a branch may hold grants units.move)',
          who: async (T) => s.as('grassroots_officer', await s.addUnit(T, 'union_branch')),
          expect: denied,
        },
        {
          kind: 'child',
          title: 'grassroots chair of grassrootsB moving the union into grassrootsB',
          who: () => s.as('grassroots_chair', tree().grassrootsB),
          aim: (T) => ({ unit: T, to: tree().grassrootsB }),
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC moving the union into communeC',
          who: () => s.as('federation_officer', tree().hcm),
          aim: (T) => ({ unit: T, to: tree().communeC }),
          expect: notFound(),
        },
        {
          kind: 'elsewhere',
          title: 'federation officer of Hà Nội moving the union into communeC of HCMC',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: (T) => ({ unit: T, to: tree().communeC }),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'federation officer of Hà Nội whose term ended yesterday',
          who: () => s.as('federation_officer', tree().hanoi, 'expired'),
          expect: denied,
        },
        {
          kind: 'expired',
          title: 'term above it ended yesterday, still chair of the union: no authority above it remains',
          who: (T) =>
            s.asMany(
              { role: 'federation_officer', unit: tree().hanoi, termEnd: daysFromToday(-1) },
              { role: 'grassroots_chair', unit: T },
            ),
          aim: (T) => ({ unit: T, to: T }),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'federation officer of Hà Nội whose term starts tomorrow',
          who: () => s.as('federation_officer', tree().hanoi, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'upper union officer of communeA (the role grants no units.move)',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: denied,
        },
      ],
    }),

    'POST /api/v1/units/:id/merge': routeSpec({
      target: () => s.freshGrassroots(),
      aim: async (T): Promise<Merge> => ({ unit: T, into: await s.freshGrassroots() }),
      send: (headers: Headers, { unit, into }: Merge) =>
        s.inject(headers, {
          method: 'POST',
          url: `/api/v1/units/${unit.id}/merge`,
          payload: { intoUnitId: into.id, effectiveOn: today() },
        }),
      unchanged: stillUnder(() => tree().communeA),
      cases: [
        {
          kind: 'allowed',
          title: 'federation officer of Hà Nội merges the union into another of communeA',
          who: () => s.as('federation_officer', tree().hanoi),
          expect: ok((response) => expect(response.json<UnitDto>().status).toBe('merged')),
        },
        {
          kind: 'allowed',
          title: 'grassroots chair of the union merges one of its branches into another',
          who: (T) => s.as('grassroots_chair', T),
          aim: async (T) => ({
            unit: await s.addUnit(T, 'union_branch'),
            into: await s.addUnit(T, 'union_branch'),
          }),
          expect: ok((response) => expect(response.json<UnitDto>().status).toBe('merged')),
        },
        {
          kind: 'sees, may not change',
          title: 'chair of the union and of grassrootsA2 merging one into the other (needs authority above)',
          who: (T) =>
            s.asMany(
              { role: 'grassroots_chair', unit: T },
              { role: 'grassroots_chair', unit: tree().grassrootsA2 },
            ),
          aim: (T) => ({ unit: T, into: tree().grassrootsA2 }),
          expect: denied,
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2 merging the union into grassrootsA2',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: (T) => ({ unit: T, into: tree().grassrootsA2 }),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots chair of the union reaching up to merge communeA into it',
          who: (T) => s.as('grassroots_chair', T),
          aim: (T) => ({ unit: tree().communeA, into: T }),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of a branch below it (no role a branch may hold grants units.move)',
          who: async (T) => s.as('grassroots_officer', await s.addUnit(T, 'union_branch')),
          expect: denied,
        },
        {
          kind: 'child',
          title: 'grassroots chair of grassrootsB merging the union into grassrootsB',
          who: () => s.as('grassroots_chair', tree().grassrootsB),
          aim: (T) => ({ unit: T, into: tree().grassrootsB }),
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC merging the union into grassrootsC',
          who: () => s.as('federation_officer', tree().hcm),
          aim: (T) => ({ unit: T, into: tree().grassrootsC }),
          expect: notFound(),
        },
        {
          kind: 'elsewhere',
          title: 'federation officer of Hà Nội merging the union into grassrootsC of HCMC',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: (T) => ({ unit: T, into: tree().grassrootsC }),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'federation officer of Hà Nội whose term ended yesterday',
          who: () => s.as('federation_officer', tree().hanoi, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'federation officer of Hà Nội whose term starts tomorrow',
          who: () => s.as('federation_officer', tree().hanoi, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'upper union officer of communeA (the role grants no units.move)',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: denied,
        },
      ],
    }),

    'POST /api/v1/units/:id/dissolve': routeSpec({
      target: () => s.freshGrassroots(),
      send: (headers: Headers, unit: TreeUnit) =>
        s.inject(headers, {
          method: 'POST',
          url: `/api/v1/units/${unit.id}/dissolve`,
          payload: { effectiveOn: today() },
        }),
      unchanged: stillUnder(() => tree().communeA),
      cases: [
        {
          kind: 'allowed',
          title: 'federation officer of Hà Nội dissolves the union',
          who: () => s.as('federation_officer', tree().hanoi),
          expect: ok((response) => expect(response.json<UnitDto>().status).toBe('dissolved')),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA dissolves a grassroots union it recognised',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: ok((response) => expect(response.json<UnitDto>().status).toBe('dissolved')),
        },
        {
          kind: 'allowed',
          title: 'grassroots chair of the union dissolves one of its branches',
          who: (T) => s.as('grassroots_chair', T),
          aim: (T) => s.addUnit(T, 'union_branch'),
          expect: ok((response) => expect(response.json<UnitDto>().status).toBe('dissolved')),
        },
        {
          kind: 'sees, may not change',
          title:
            'grassroots chair of the union dissolving their own union (authority must be strictly above)',
          who: (T) => s.as('grassroots_chair', T),
          expect: denied,
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots chair of the union reaching up to dissolve communeA',
          who: (T) => s.as('grassroots_chair', T),
          aim: () => tree().communeA,
          expect: notFound(),
        },
        {
          kind: 'parent',
          title:
            'grassroots officer of branchA dissolving grassrootsA (no role a branch may hold grants units.dissolve)',
          who: () => s.as('grassroots_officer', tree().branchA),
          aim: () => tree().grassrootsA,
          expect: denied,
        },
        {
          kind: 'child',
          title: 'grassroots chair of grassrootsB',
          who: () => s.as('grassroots_chair', tree().grassrootsB),
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC',
          who: () => s.as('federation_officer', tree().hcm),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'federation officer of Hà Nội whose term ended yesterday',
          who: () => s.as('federation_officer', tree().hanoi, 'expired'),
          expect: denied,
        },
        {
          kind: 'expired',
          title: 'term above it ended yesterday, still chair of the union: no authority above it remains',
          who: (T) =>
            s.asMany(
              { role: 'federation_officer', unit: tree().hanoi, termEnd: daysFromToday(-1) },
              { role: 'grassroots_chair', unit: T },
            ),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'federation officer of Hà Nội whose term starts tomorrow',
          who: () => s.as('federation_officer', tree().hanoi, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'legal adviser of Hà Nội (the role grants no units.dissolve)',
          who: () => s.as('legal_adviser', tree().hanoi),
          expect: denied,
        },
      ],
    }),
  };
}
