import { expect } from 'vitest';
import type { OfficeDto } from '@union/contracts/accounts';
import type { RoleCode } from '@union/contracts/auth';
import { daysFromToday, type TreeUnit } from '../support/index.js';
import {
  created,
  denied,
  notFound,
  ok,
  routeSpec,
  type AccessSuite,
  type Headers,
  type RouteTable,
} from './denial.js';

const MISSING_ID = 2_000_000_000;

/** Route tables for offices: who holds which role where, and for how long. */
export function officesRouteTable(s: AccessSuite): RouteTable {
  const tree = () => s.tree;
  const today = () => daysFromToday(0);

  /** Every office ever held at the unit, as the administrator sees them. */
  const officesAt = async (unit: { id: number }) => {
    const response = await s.inject(s.admin.headers, {
      method: 'GET',
      url: `/api/v1/units/${unit.id}/offices?includePast=true`,
    });
    expect(response.statusCode).toBe(200);
    return response.json<OfficeDto[]>();
  };

  interface Appointment {
    unit: TreeUnit;
    accountId: number;
    role: RoleCode;
  }
  const appoint = async (unit: TreeUnit, role: RoleCode = 'grassroots_officer'): Promise<Appointment> => ({
    unit,
    role,
    accountId: (await s.person('Người Được Bổ Nhiệm')).accountId,
  });

  interface HeldOffice {
    officeId: number;
    unit: TreeUnit;
  }
  /** A fresh person holding an open-ended office at `unit`. */
  const heldOffice = async (unit: TreeUnit, role: RoleCode = 'grassroots_officer'): Promise<HeldOffice> => ({
    officeId: (await s.person('Người Giữ Chức Vụ', { role, unit })).officeId!,
    unit,
  });

  return {
    'GET /api/v1/units/:id/offices': routeSpec({
      target: async () => tree().grassrootsA,
      send: (headers: Headers, unit: TreeUnit) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/units/${unit.id}/offices` }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA: sees their own office among those held there',
          who: (T) => s.as('grassroots_officer', T),
          expect: ok((response, _T, caller) => {
            const offices = response.json<OfficeDto[]>();
            expect(offices.map((office) => office.accountId)).toContain(caller.accountId);
            expect(offices.every((office) => office.unitId === tree().grassrootsA.id)).toBe(true);
          }),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above it',
          who: () => s.as('upper_union_officer', tree().communeA),
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
          kind: 'parent',
          title: 'upper union officer of communeA reaching up to the offices of Hà Nội',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: () => tree().hanoi,
          expect: notFound(),
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
          title:
            'legal adviser of communeA (sees grassrootsA) and officer of grassrootsA2 (reads offices there)',
          who: () =>
            s.asMany(
              { role: 'legal_adviser', unit: tree().communeA },
              { role: 'grassroots_officer', unit: tree().grassrootsA2 },
            ),
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
          title: 'legal adviser of communeA (the role grants units.read only)',
          who: () => s.as('legal_adviser', tree().communeA),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: (T) => s.as('member', T),
          expect: denied,
        },
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội asking about an id no unit has',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: (T) => ({ ...T, id: MISSING_ID }),
          expect: notFound(),
        },
      ],
    }),

    'POST /api/v1/units/:id/offices': routeSpec({
      target: async () => tree().grassrootsA,
      aim: (T) => appoint(T),
      send: (headers: Headers, { unit, accountId, role }: Appointment) =>
        s.inject(headers, {
          method: 'POST',
          url: `/api/v1/units/${unit.id}/offices`,
          payload: { accountId, role, termStart: today() },
        }),
      unchanged: async (_T, { unit, accountId }) => {
        expect((await officesAt(unit)).filter((office) => office.accountId === accountId)).toEqual([]);
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA appoints a grassroots officer there',
          who: (T) => s.as('grassroots_chair', T),
          expect: created((response) =>
            expect(response.json<OfficeDto>()).toMatchObject({
              unitId: tree().grassrootsA.id,
              role: 'grassroots_officer',
              current: true,
            }),
          ),
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
          title: 'grassroots chair of grassrootsA reaching up to appoint a legal adviser at communeA',
          who: (T) => s.as('grassroots_chair', T),
          aim: () => appoint(tree().communeA, 'legal_adviser'),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of branchA (no role a branch may hold grants offices.assign)',
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
          kind: 'exceeds own',
          title: 'upper union officer of communeA appointing a grassroots chair (who may move and dissolve)',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: (T) => appoint(T, 'grassroots_chair'),
          expect: { status: 422, code: 'office.role_exceeds_own' },
        },
        {
          kind: 'exceeds own',
          title: 'same, while chairing grassrootsA2: rights held elsewhere do not count here',
          who: () =>
            s.asMany(
              { role: 'upper_union_officer', unit: tree().communeA },
              { role: 'grassroots_chair', unit: tree().grassrootsA2 },
            ),
          aim: (T) => appoint(T, 'grassroots_chair'),
          expect: { status: 422, code: 'office.role_exceeds_own' },
        },
        {
          kind: 'permission elsewhere',
          title: 'grassroots officer of grassrootsA (sees it) who chairs grassrootsA2 (appoints there)',
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
          title: 'grassroots officer of grassrootsA (read-only role)',
          who: (T) => s.as('grassroots_officer', T),
          expect: denied,
        },
      ],
    }),

    'POST /api/v1/offices/:id/end': routeSpec({
      target: () => heldOffice(tree().grassrootsA),
      send: (headers: Headers, { officeId }: HeldOffice) =>
        s.inject(headers, {
          method: 'POST',
          url: `/api/v1/offices/${officeId}/end`,
          payload: { termEnd: today() },
        }),
      unchanged: async ({ officeId, unit }) => {
        const office = (await officesAt(unit)).find((held) => held.id === officeId);
        expect(office?.termEnd).toBeNull();
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA ends an office held there',
          who: (T) => s.as('grassroots_chair', T.unit),
          expect: ok((response, T: HeldOffice) =>
            expect(response.json<OfficeDto>()).toMatchObject({ id: T.officeId, termEnd: today() }),
          ),
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
          expect: notFound('office.not_found'),
        },
        {
          kind: 'parent',
          title: 'grassroots chair of grassrootsA reaching up to end an office held at communeA',
          who: (T) => s.as('grassroots_chair', T.unit),
          aim: () => heldOffice(tree().communeA, 'upper_union_officer'),
          expect: notFound('office.not_found'),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of branchA (no role a branch may hold grants offices.end)',
          who: () => s.as('grassroots_officer', tree().branchA),
          expect: denied,
        },
        {
          kind: 'child',
          title: 'upper union officer of communeB',
          who: () => s.as('upper_union_officer', tree().communeB),
          expect: notFound('office.not_found'),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC',
          who: () => s.as('federation_officer', tree().hcm),
          expect: notFound('office.not_found'),
        },
        {
          kind: 'permission elsewhere',
          title: 'grassroots officer of grassrootsA (sees it) who chairs grassrootsA2 (ends offices there)',
          who: (T) =>
            s.asMany(
              { role: 'grassroots_officer', unit: T.unit },
              { role: 'grassroots_chair', unit: tree().grassrootsA2 },
            ),
          expect: notFound('office.not_found'),
        },
        {
          kind: 'missing',
          title: 'grassroots chair of grassrootsA ending an office that does not exist (same answer)',
          who: (T) => s.as('grassroots_chair', T.unit),
          aim: (T) => ({ ...T, officeId: MISSING_ID }),
          expect: notFound('office.not_found'),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of grassrootsA whose term ended yesterday',
          who: (T) => s.as('grassroots_chair', T.unit, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of grassrootsA whose term starts tomorrow',
          who: (T) => s.as('grassroots_chair', T.unit, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'grassroots officer of grassrootsA (read-only role)',
          who: (T) => s.as('grassroots_officer', T.unit),
          expect: denied,
        },
      ],
    }),
  };
}
