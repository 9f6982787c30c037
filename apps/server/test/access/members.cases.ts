import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { centurySexDigit } from '@union/contracts/citizen-id';
import type {
  CorrectionDto,
  MemberAccountDto,
  MemberDto,
  MemberPage,
  TransferDto,
} from '@union/contracts/members';
import { queryRows } from '../../src/kernel/db/database.js';
import { unsafeCreateAccount } from '../../src/modules/accounts/index.js';
import {
  daysFromToday,
  logIn,
  signInAs,
  TEST_PASSWORD,
  type SignedIn,
  type TreeUnit,
} from '../support/index.js';
import {
  created,
  denied,
  expectStatus,
  invalid,
  notFound,
  ok,
  routeSpec,
  type AccessSuite,
  type Case,
  type Headers,
  type Response,
  type RouteTable,
} from './denial.js';

const MISSING_ID = 2_000_000_000;

const OUT_OF_RANGE_ID = 3_000_000_000;

let serial = 0;
/** A man born in 1990 with a citizen ID that agrees with it, unique in the file. */
const newPerson = (fullName = 'Phạm Văn Truy Cập') => {
  serial += 1;
  return {
    fullName,
    birthDate: '1990-05-01',
    sex: 'male' as const,
    citizenId: `001${centurySexDigit(1990, 'male')}90${String(900_000 + serial).padStart(6, '0')}`,
    joinedAt: '2024-01-10',
  };
};
/** A number in letters ("Ba", "Bb"…), for names that must differ: names hold no digits. */
const lettersOf = (n: number) =>
  `B${[...n.toString(26)].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('')}`;
/** A mobile number no one else in the file has. */
const newPhone = () => `097${String(1_000_000 + (serial += 1)).slice(-7)}`;

/** The reads of the registry (GET routes): members.access.test.ts runs them. */
export const membersReadRouteTable = (s: AccessSuite): RouteTable =>
  Object.fromEntries(Object.entries(membersRouteTable(s)).filter(([route]) => route.startsWith('GET ')));

/** The changes to the registry: members-changes.access.test.ts runs them (two files, two workers). */
export const membersChangeRouteTable = (s: AccessSuite): RouteTable =>
  Object.fromEntries(Object.entries(membersRouteTable(s)).filter(([route]) => !route.startsWith('GET ')));

/** Route tables for the member registry. Targets are built per test; nothing here runs before a test does. */
function membersRouteTable(s: AccessSuite): RouteTable {
  const tree = () => s.tree;
  const today = () => daysFromToday(0);

  /** A member admitted by the administrator into `unit`. */
  const admitted = async (unit: TreeUnit, extra: Record<string, unknown> = {}): Promise<MemberDto> => {
    const response = await s.inject(s.admin.headers, {
      method: 'POST',
      url: '/api/v1/members',
      payload: { unitId: unit.id, ...newPerson(), ...extra },
    });
    expectStatus(response, 201);
    return response.json<MemberDto>();
  };
  const memberNow = async (member: { id: number }): Promise<MemberDto> => {
    const response = await s.inject(s.admin.headers, { method: 'GET', url: `/api/v1/members/${member.id}` });
    expectStatus(response, 200);
    return response.json<MemberDto>();
  };

  /** Chairs who start transfers, built once per file (a sign-in costs a password hash). */
  let chairOfA: Promise<SignedIn> | undefined;
  const chairA = () => (chairOfA ??= signInAs(s.t, { role: 'grassroots_chair', unit: tree().grassrootsA }));

  interface Transfer {
    id: number;
    member: MemberDto;
  }
  /** A member of grassrootsA whose chair asked to transfer them to grassrootsB: it waits on grassrootsB. */
  const waitingTransfer = async (): Promise<Transfer> => {
    const member = await admitted(tree().grassrootsA);
    const response = await s.inject((await chairA()).headers, {
      method: 'POST',
      url: `/api/v1/members/${member.id}/events`,
      payload: { type: 'transfer', date: today(), toUnitId: tree().grassrootsB.id },
    });
    expectStatus(response, 200);
    return { id: response.json<{ transferId: number }>().transferId, member };
  };
  let sharedTransfer: Promise<Transfer> | undefined;

  const transferStatus = async (transfer: Transfer) => {
    const [row] = await queryRows<{ status: string }>(
      s.t.db,
      sql`select status from member_transfers where id = ${transfer.id}`,
    );
    return row!.status;
  };

  interface Correction {
    id: number;
    member: MemberDto;
  }
  /** A member of grassrootsA who signed in with their phone and asked for a correction. */
  const waitingCorrection = async (): Promise<Correction> => {
    const phone = newPhone();
    const member = await admitted(tree().grassrootsA, { phone });
    await unsafeCreateAccount(s.t.db, { fullName: member.fullName, phone, password: TEST_PASSWORD });
    const self = await logIn(s.t, phone, TEST_PASSWORD);
    const response = await s.inject(self.headers, {
      method: 'POST',
      url: '/api/v1/me/member/corrections',
      payload: { changes: { occupation: 'Thợ hàn' } },
    });
    expectStatus(response, 201);
    return { id: response.json<CorrectionDto>().id, member };
  };
  let sharedCorrection: Promise<Correction> | undefined;

  const correctionStatus = async (correction: Correction) => {
    const [row] = await queryRows<{ status: string }>(
      s.t.db,
      sql`select status from member_corrections where id = ${correction.id}`,
    );
    return row!.status;
  };

  const itemIds = (response: Response) => response.json<{ items: { id: number }[] }>().items.map((i) => i.id);
  /** The page lists the target (a member, transfer or correction). */
  const lists = (response: Response, target: { id: number }) =>
    expect(itemIds(response)).toContain(target.id);
  const listsNot = (response: Response, target: { id: number }) =>
    expect(itemIds(response)).not.toContain(target.id);

  /**
   * The wrongly placed callers for a record of grassrootsA, by a role that holds `permission` there:
   * sibling, a branch below reaching up, other subtrees, terms over or not begun, no office, and a role
   * that lacks the permission. `outside` is what they get: 404 for a record, an empty page for a list.
   */
  const misplacedForGrassrootsA = <T, A>(
    outside: Case<T, A>['expect'],
    extra: { lacks?: Case<T, A>[] } = {},
  ): Case<T, A>[] => [
    {
      kind: 'sibling',
      title: 'grassroots chair of grassrootsA2',
      who: () => s.as('grassroots_chair', tree().grassrootsA2),
      expect: outside,
    },
    {
      kind: 'parent',
      title: 'grassroots officer of branchA, below grassrootsA, reaching up',
      who: () => s.as('grassroots_officer', tree().branchA),
      expect: outside,
    },
    {
      kind: 'child',
      title: 'upper union officer of communeB (grassrootsA is a child of communeA)',
      who: () => s.as('upper_union_officer', tree().communeB),
      expect: outside,
    },
    {
      kind: 'child',
      title: 'federation officer of HCMC (grassrootsA lies in Hà Nội)',
      who: () => s.as('federation_officer', tree().hcm),
      expect: outside,
    },
    {
      kind: 'expired',
      title: 'grassroots chair of grassrootsA whose term ended yesterday',
      who: () => s.as('grassroots_chair', tree().grassrootsA, 'expired'),
      expect: denied,
    },
    {
      kind: 'expired',
      title: 'term at communeA ended yesterday, current chair of grassrootsA2: the old term widens nothing',
      who: () =>
        s.asMany(
          { role: 'upper_union_officer', unit: tree().communeA, termEnd: daysFromToday(-1) },
          { role: 'grassroots_chair', unit: tree().grassrootsA2 },
        ),
      expect: outside,
    },
    {
      kind: 'future',
      title: 'grassroots chair of grassrootsA whose term starts tomorrow',
      who: () => s.as('grassroots_chair', tree().grassrootsA, 'future'),
      expect: denied,
    },
    { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
    {
      kind: 'lacks permission',
      title: 'member of grassrootsA (the role grants no member permission)',
      who: () => s.as('member', tree().grassrootsA),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'legal adviser of communeA',
      who: () => s.as('legal_adviser', tree().communeA),
      expect: denied,
    },
    ...(extra.lacks ?? []),
  ];

  interface Search {
    member: MemberDto;
    query: string;
  }

  /** A one-row member list as unions keep them (CSV), sent as the multipart `file` of an import. */
  const importFile = (citizenId: string) => {
    const boundary = `----cds-access-${serial}`;
    const csv = `Họ và tên,Ngày sinh,Giới tính,Số CCCD\r\nPhạm Văn Nhập,01/05/1990,Nam,${citizenId}\r\n`;
    return {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="doan-vien.csv"\r\n` +
            'Content-Type: text/csv\r\n\r\n',
        ),
        Buffer.from(csv),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    };
  };
  interface Upload {
    unit: TreeUnit;
    citizenId: string;
  }

  interface Export {
    member: MemberDto;
    query: string;
  }
  /** The export lists the member (their code is in the file) or does not. */
  const exportHolds = (holds: boolean) => (response: Response, T: MemberDto) => {
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.body.includes(T.memberCode)).toBe(holds);
  };

  return {
    'GET /api/v1/members/import/template': routeSpec({
      target: async () => tree().grassrootsA,
      send: (headers: Headers) =>
        s.inject(headers, { method: 'GET', url: '/api/v1/members/import/template' }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA: the blank xlsx template',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          expect: ok((response) =>
            expect(response.headers['content-type']).toBe(
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            ),
          ),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of grassrootsA whose term ended yesterday',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of grassrootsA whose term starts tomorrow',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: () => s.as('member', tree().grassrootsA),
          expect: denied,
        },
      ],
    }),

    'POST /api/v1/members/import': routeSpec({
      target: async () => newPerson().citizenId,
      aim: (citizenId: string): Upload => ({ unit: tree().grassrootsA, citizenId }),
      // A dry run: it reports and changes nothing, so every case may share the tree.
      send: (headers: Headers, { unit, citizenId }: Upload) => {
        const file = importFile(citizenId);
        return s.inject(
          { ...headers, ...file.headers },
          {
            method: 'POST',
            url: `/api/v1/members/import?unitId=${unit.id}&dryRun=true`,
            payload: file.payload,
          },
        );
      },
      unchanged: async (citizenId) => {
        const response = await s.inject(s.admin.headers, {
          method: 'GET',
          url: `/api/v1/members?q=${citizenId}`,
        });
        expect(response.json<MemberPage>().items).toEqual([]);
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA: one valid row to admit',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          expect: ok((response) =>
            expect(response.json()).toMatchObject({ total: 1, valid: 1, invalid: 0, toAdmit: 1 }),
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
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of branchA importing into grassrootsA, above it',
          who: () => s.as('grassroots_officer', tree().branchA),
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
          kind: 'expired',
          title: 'grassroots chair of grassrootsA whose term ended yesterday',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of grassrootsA whose term starts tomorrow',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: () => s.as('member', tree().grassrootsA),
          expect: denied,
        },
      ],
    }),

    'GET /api/v1/members/export': routeSpec({
      target: () => admitted(tree().grassrootsA),
      aim: (T: MemberDto): Export => ({ member: T, query: `q=${T.citizenId}` }),
      send: (headers: Headers, { query }: Export) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/members/export?format=csv&${query}` }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA: the member is in the file',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          expect: ok(exportHolds(true)),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above it, exporting grassrootsA',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: (T) => ({ member: T, query: `unitId=${tree().grassrootsA.id}` }),
          expect: ok(exportHolds(true)),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2: a file without the member',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: ok(exportHolds(false)),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of branchA: a file without the member of grassrootsA',
          who: () => s.as('grassroots_officer', tree().branchA),
          expect: ok(exportHolds(false)),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC: a file without the member',
          who: () => s.as('federation_officer', tree().hcm),
          expect: ok(exportHolds(false)),
        },
        {
          kind: 'elsewhere',
          title: 'grassroots chair of grassrootsA2 exporting unitId=grassrootsA',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: (T) => ({ member: T, query: `unitId=${tree().grassrootsA.id}` }),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of grassrootsA whose term ended yesterday',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of grassrootsA whose term starts tomorrow',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: () => s.as('member', tree().grassrootsA),
          expect: denied,
        },
      ],
    }),

    'GET /api/v1/members': routeSpec({
      target: () => admitted(tree().grassrootsA),
      aim: (T: MemberDto): Search => ({ member: T, query: `q=${T.citizenId}` }),
      send: (headers: Headers, { query }: Search) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/members?${query}` }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA finds the member by citizen ID',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          expect: ok((response, T: MemberDto) => expect(itemIds(response)).toEqual([T.id])),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above it, by name',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: (T) => ({ member: T, query: 'q=pham van truy cap&limit=200' }),
          expect: ok(lists),
        },
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA whose term ends today (still current)',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'ends today'),
          expect: ok(lists),
        },
        ...misplacedForGrassrootsA<MemberDto, Search>(
          ok((response) => expect(itemIds(response)).toEqual([])),
        ),
        {
          kind: 'elsewhere',
          title: 'grassroots chair of grassrootsA2 listing unitId=grassrootsA',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: (T) => ({ member: T, query: `unitId=${tree().grassrootsA.id}` }),
          expect: notFound(),
        },
        {
          kind: 'elsewhere',
          title: 'grassroots chair of grassrootsA2 listing its own union by the member’s code: nothing',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: (T) => ({ member: T, query: `unitId=${tree().grassrootsA2.id}&q=${T.memberCode}` }),
          expect: ok((response) => expect(itemIds(response)).toEqual([])),
        },
      ],
    }),

    'POST /api/v1/members': routeSpec({
      target: async () => newPerson(),
      aim: (T) => ({ person: T, unit: tree().grassrootsA, extra: {} as Record<string, unknown> }),
      send: (headers: Headers, { person, unit, extra }) =>
        s.inject(headers, {
          method: 'POST',
          url: '/api/v1/members',
          payload: { unitId: unit.id, ...person, ...extra },
        }),
      unchanged: async (T) => {
        const response = await s.inject(s.admin.headers, {
          method: 'GET',
          url: `/api/v1/members?q=${T.citizenId}`,
        });
        expect(response.json<MemberPage>().items).toEqual([]);
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA admits into it',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          expect: created((response) =>
            expect(response.json<MemberDto>()).toMatchObject({
              unitId: tree().grassrootsA.id,
              status: 'active',
            }),
          ),
        },
        {
          kind: 'allowed',
          title: 'grassroots officer of branchA admits into branchA',
          who: () => s.as('grassroots_officer', tree().branchA),
          aim: (T) => ({ person: T, unit: tree().branchA, extra: {} }),
          expect: created((response) =>
            expect(response.json<MemberDto>()).toMatchObject({
              unitId: tree().branchA.id,
              grassrootsUnitId: tree().grassrootsA.id,
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
          title: 'grassroots officer of branchA admitting into grassrootsA, above it',
          who: () => s.as('grassroots_officer', tree().branchA),
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
          kind: 'sees, may not change',
          title: 'grassroots officer of grassrootsA recording ethnicity (a chair’s permission)',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          aim: (T) => ({
            person: T,
            unit: tree().grassrootsA,
            extra: { ethnicity: 'Tày', sensitiveDataConsent: true },
          }),
          expect: denied,
        },
        {
          kind: 'expired',
          title: 'grassroots chair of grassrootsA whose term ended yesterday',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of grassrootsA whose term starts tomorrow',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: () => s.as('member', tree().grassrootsA),
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

    'GET /api/v1/members/duplicates': routeSpec({
      // Someone without an ID, under a name no other test uses.
      target: () =>
        admitted(tree().grassrootsA, { fullName: `Lương Văn Trùng ${lettersOf(serial)}`, citizenId: null }),
      send: (headers: Headers, T: MemberDto) =>
        s.inject(headers, {
          method: 'GET',
          url: `/api/v1/members/duplicates?${new URLSearchParams({ fullName: T.fullName, birthDate: T.birthDate })}`,
        }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA: the candidate, named',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          expect: ok((response, T: MemberDto) =>
            expect(response.json()).toEqual({
              candidates: [expect.objectContaining({ id: T.id, memberCode: T.memberCode })],
              elsewhere: 0,
            }),
          ),
        },
        ...misplacedForGrassrootsA<MemberDto, MemberDto>(
          ok((response) => expect(response.json()).toEqual({ candidates: [], elsewhere: 1 })),
        ),
      ],
    }),

    'GET /api/v1/members/transfer-destinations': routeSpec({
      target: async () => tree().grassrootsC,
      send: (headers: Headers, unit: TreeUnit) =>
        s.inject(headers, {
          method: 'GET',
          url: `/api/v1/members/transfer-destinations?q=${encodeURIComponent(unit.name)}`,
        }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA finds a union in another province (transfers go anywhere)',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          expect: ok((response, T: TreeUnit) =>
            expect(response.json<{ id: number }[]>().map((u) => u.id)).toEqual([T.id]),
          ),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of grassrootsA whose term ended yesterday',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of grassrootsA whose term starts tomorrow',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: () => s.as('member', tree().grassrootsA),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'legal adviser of Hà Nội',
          who: () => s.as('legal_adviser', tree().hanoi),
          expect: denied,
        },
      ],
    }),

    'GET /api/v1/members/transfers': routeSpec({
      target: () => (sharedTransfer ??= waitingTransfer()),
      aim: (T: Transfer) => ({ transfer: T, direction: 'outgoing' }),
      send: (headers: Headers, { direction }: { transfer: Transfer; direction: string }) =>
        s.inject(headers, {
          method: 'GET',
          url: `/api/v1/members/transfers?direction=${direction}&limit=200`,
        }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA: among its outgoing transfers, which it may withdraw',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          expect: ok((response, T: Transfer) =>
            expect(response.json<{ items: TransferDto[] }>().items.find((x) => x.id === T.id)).toMatchObject({
              canDecide: false,
              canCancel: true,
            }),
          ),
        },
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsB: among its incoming transfers, which it may decide',
          who: () => s.as('grassroots_chair', tree().grassrootsB),
          aim: (T) => ({ transfer: T, direction: 'incoming' }),
          expect: ok((response, T: Transfer) =>
            expect(response.json<{ items: TransferDto[] }>().items.find((x) => x.id === T.id)).toMatchObject({
              canDecide: true,
              canCancel: false,
            }),
          ),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2, outgoing',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: ok((response, T: Transfer) => listsNot(response, T)),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2, incoming',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: (T) => ({ transfer: T, direction: 'incoming' }),
          expect: ok((response, T: Transfer) => listsNot(response, T)),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of branchA, below the sending union, outgoing',
          who: () => s.as('grassroots_officer', tree().branchA),
          expect: ok((response, T: Transfer) => listsNot(response, T)),
        },
        {
          kind: 'child',
          title: 'upper union officer of communeB asking for outgoing transfers (it only receives this one)',
          who: () => s.as('upper_union_officer', tree().communeB),
          expect: ok((response, T: Transfer) => listsNot(response, T)),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC, incoming',
          who: () => s.as('federation_officer', tree().hcm),
          aim: (T) => ({ transfer: T, direction: 'incoming' }),
          expect: ok((response, T: Transfer) => listsNot(response, T)),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of grassrootsA whose term ended yesterday',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of grassrootsA whose term starts tomorrow',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: () => s.as('member', tree().grassrootsA),
          expect: denied,
        },
      ],
    }),

    'POST /api/v1/members/transfers': routeSpec({
      // A member of grassrootsB who now works where grassrootsA is: grassrootsA asks for them.
      target: () => admitted(tree().grassrootsB),
      aim: (T: MemberDto) => ({ member: T, to: tree().grassrootsA }),
      send: (headers: Headers, { member, to }: { member: MemberDto; to: TreeUnit }) =>
        s.inject(headers, {
          method: 'POST',
          url: '/api/v1/members/transfers',
          payload: {
            citizenId: member.citizenId,
            memberCode: member.memberCode,
            toUnitId: to.id,
            date: today(),
          },
        }),
      unchanged: async (T) => {
        expect(await memberNow(T)).toMatchObject({ unitId: tree().grassrootsB.id, pendingTransferId: null });
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA: the request waits on grassrootsB',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          expect: ok(async (response, T: MemberDto) => {
            expect(response.json()).toMatchObject({ completed: false, transferId: expect.any(Number) });
            expect((await memberNow(T)).pendingTransferId).toBe(response.json().transferId);
          }),
        },
        {
          kind: 'allowed',
          title: 'grassroots officer of branchA asking for the member into branchA',
          who: () => s.as('grassroots_officer', tree().branchA),
          aim: (T) => ({ member: T, to: tree().branchA }),
          expect: ok((response) => expect(response.json()).toMatchObject({ completed: false })),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2 asking on behalf of grassrootsA',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of branchA asking into grassrootsA, above it',
          who: () => s.as('grassroots_officer', tree().branchA),
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'upper union officer of communeC asking into grassrootsA',
          who: () => s.as('upper_union_officer', tree().communeC),
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC asking into grassrootsA',
          who: () => s.as('federation_officer', tree().hcm),
          expect: notFound(),
        },
        {
          kind: 'elsewhere',
          title:
            'grassroots chair of grassrootsA asking into communeB, a unit outside scope that is not a union',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          aim: (T) => ({ member: T, to: tree().communeB }),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of grassrootsA whose term ended yesterday',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of grassrootsA whose term starts tomorrow',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: () => s.as('member', tree().grassrootsA),
          expect: denied,
        },
      ],
    }),

    'POST /api/v1/members/transfers/:id/decision': routeSpec({
      target: () => waitingTransfer(),
      aim: (T: Transfer) => ({ transfer: T, decision: 'accept' }),
      send: (headers: Headers, { transfer, decision }: { transfer: Transfer; decision: string }) =>
        s.inject(headers, {
          method: 'POST',
          url: `/api/v1/members/transfers/${transfer.id}/decision`,
          payload: { decision },
        }),
      unchanged: async (T) => {
        expect(await transferStatus(T)).toBe('pending');
        expect((await memberNow(T.member)).unitId).toBe(tree().grassrootsA.id);
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsB accepts: the member arrives',
          who: () => s.as('grassroots_chair', tree().grassrootsB),
          expect: ok(async (response, T: Transfer) => {
            expect(response.json<TransferDto>()).toMatchObject({ id: T.id, status: 'accepted' });
            expect((await memberNow(T.member)).unitId).toBe(tree().grassrootsB.id);
          }),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeB, above the receiving union, rejects',
          who: () => s.as('upper_union_officer', tree().communeB),
          aim: (T) => ({ transfer: T, decision: 'reject' }),
          expect: ok((response) => expect(response.json<TransferDto>().status).toBe('rejected')),
        },
        {
          kind: 'sees, may not change',
          title: 'grassroots chair of grassrootsA, the sending side, accepting its own request',
          who: () => chairA(),
          expect: denied,
        },
        {
          kind: 'sees, may not change',
          title: 'grassroots chair of grassrootsB withdrawing a request it did not make',
          who: () => s.as('grassroots_chair', tree().grassrootsB),
          aim: (T) => ({ transfer: T, decision: 'cancel' }),
          expect: denied,
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: notFound('member.transfer_not_found'),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of a branch of grassrootsB, reaching up',
          who: async () => s.as('grassroots_officer', await s.addUnit(tree().grassrootsB, 'union_branch')),
          expect: notFound('member.transfer_not_found'),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC',
          who: () => s.as('federation_officer', tree().hcm),
          expect: notFound('member.transfer_not_found'),
        },
        {
          kind: 'missing',
          title: 'grassroots chair of grassrootsB deciding a transfer no one asked for',
          who: () => s.as('grassroots_chair', tree().grassrootsB),
          aim: (T) => ({ transfer: { ...T, id: MISSING_ID }, decision: 'accept' }),
          expect: notFound('member.transfer_not_found'),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of grassrootsB whose term ended yesterday',
          who: () => s.as('grassroots_chair', tree().grassrootsB, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of grassrootsB whose term starts tomorrow',
          who: () => s.as('grassroots_chair', tree().grassrootsB, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsB',
          who: () => s.as('member', tree().grassrootsB),
          expect: denied,
        },
      ],
    }),

    'GET /api/v1/members/corrections': routeSpec({
      target: () => (sharedCorrection ??= waitingCorrection()),
      send: (headers: Headers) =>
        s.inject(headers, { method: 'GET', url: '/api/v1/members/corrections?limit=200' }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA: the member’s request is listed',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          expect: ok((response, T: Correction) =>
            expect(
              response.json<{ items: CorrectionDto[] }>().items.find((c) => c.id === T.id),
            ).toMatchObject({
              memberId: T.member.id,
              status: 'pending',
            }),
          ),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above it',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: ok((response, T: Correction) => lists(response, T)),
        },
        ...misplacedForGrassrootsA<Correction, Correction>(
          ok((response, T: Correction) => listsNot(response, T)),
        ),
      ],
    }),

    'POST /api/v1/members/corrections/:id/decision': routeSpec({
      target: () => waitingCorrection(),
      send: (headers: Headers, T: Correction) =>
        s.inject(headers, {
          method: 'POST',
          url: `/api/v1/members/corrections/${T.id}/decision`,
          payload: { decision: 'approve' },
        }),
      unchanged: async (T) => {
        expect(await correctionStatus(T)).toBe('pending');
        expect((await memberNow(T.member)).occupation).toBeNull();
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA approves: the record changes',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          expect: ok(async (response, T: Correction) => {
            expect(response.json<CorrectionDto>().status).toBe('approved');
            expect((await memberNow(T.member)).occupation).toBe('Thợ hàn');
          }),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above it',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: ok(),
        },
        ...misplacedForGrassrootsA<Correction, Correction>(notFound('member.correction_not_found')),
        {
          kind: 'missing',
          title: 'grassroots chair of grassrootsA deciding a request no one made',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          aim: (T) => ({ ...T, id: MISSING_ID }),
          expect: notFound('member.correction_not_found'),
        },
      ],
    }),

    'GET /api/v1/members/:id': routeSpec({
      target: () => admitted(tree().grassrootsA),
      send: (headers: Headers, T: { id: number }) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/members/${T.id}` }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA: the record, and what the officer may do with it',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          expect: ok((response, T: MemberDto) =>
            expect(response.json<MemberDto>()).toMatchObject({
              id: T.id,
              can: { update: true, recordEvents: true, transfer: true },
            }),
          ),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above it',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: ok(),
        },
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA whose term starts today',
          who: () => s.as('grassroots_officer', tree().grassrootsA, 'starts today'),
          expect: ok(),
        },
        ...misplacedForGrassrootsA<MemberDto, { id: number }>(notFound('member.not_found')),
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội asking for an id no member has (same answer as out of scope)',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: () => ({ id: MISSING_ID }),
          expect: notFound('member.not_found'),
        },
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội asking for an id beyond the integer range: refused as input',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: () => ({ id: OUT_OF_RANGE_ID }),
          expect: invalid,
        },
      ],
    }),

    'PATCH /api/v1/members/:id': routeSpec({
      target: () => admitted(tree().grassrootsA),
      aim: (T: MemberDto) => ({ member: T, change: { occupation: 'Thợ tiện' } as Record<string, unknown> }),
      send: (
        headers: Headers,
        { member, change }: { member: { id: number }; change: Record<string, unknown> },
      ) => s.inject(headers, { method: 'PATCH', url: `/api/v1/members/${member.id}`, payload: change }),
      unchanged: async (T) => {
        const now = await memberNow(T);
        expect({ occupation: now.occupation, ethnicity: now.ethnicity, events: now.history.length }).toEqual({
          occupation: null,
          ethnicity: null,
          events: 1,
        });
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA changes the record',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          expect: ok((response) => expect(response.json<MemberDto>().occupation).toBe('Thợ tiện')),
        },
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA records ethnicity with consent',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          aim: (T) => ({ member: T, change: { ethnicity: 'Tày', sensitiveDataConsent: true } }),
          expect: ok((response) => expect(response.json<MemberDto>().ethnicity).toBe('Tày')),
        },
        {
          kind: 'sees, may not change',
          title: 'grassroots officer of grassrootsA recording ethnicity (a chair’s permission)',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          aim: (T) => ({ member: T, change: { ethnicity: 'Tày', sensitiveDataConsent: true } }),
          expect: denied,
        },
        ...misplacedForGrassrootsA<MemberDto, { member: { id: number }; change: Record<string, unknown> }>(
          notFound('member.not_found'),
        ),
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội changing an id no member has',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: () => ({ member: { id: MISSING_ID }, change: { occupation: 'Thợ tiện' } }),
          expect: notFound('member.not_found'),
        },
      ],
    }),

    'POST /api/v1/members/:id/account': routeSpec({
      target: () => admitted(tree().grassrootsA, { phone: newPhone() }),
      aim: (T: MemberDto) => T,
      send: (headers: Headers, member: { id: number }) =>
        s.inject(headers, {
          method: 'POST',
          url: `/api/v1/members/${member.id}/account`,
          payload: { password: TEST_PASSWORD },
        }),
      unchanged: async (T) => {
        expect((await memberNow(T)).hasAccount).toBe(false);
        const login = await s.inject(
          {},
          { method: 'POST', url: '/api/v1/auth/login', payload: { login: T.phone, password: TEST_PASSWORD } },
        );
        expect(login.statusCode).toBe(401);
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA sets up sign-in for the member',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          expect: created(async (response, T: MemberDto) => {
            expect(response.json<MemberAccountDto>().login).toBe(T.phone!.replace('+84', '0'));
            expect((await memberNow(T)).hasAccount).toBe(true);
          }),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above grassrootsA',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: created(),
        },
        ...misplacedForGrassrootsA<MemberDto, MemberDto>(notFound('member.not_found')),
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội for an id no member has',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: (T) => ({ ...T, id: MISSING_ID }),
          expect: notFound('member.not_found'),
        },
      ],
    }),

    'POST /api/v1/members/:id/events': routeSpec({
      target: () => admitted(tree().grassrootsA),
      aim: (T: MemberDto) => ({
        member: T,
        body: { type: 'suspend', date: today() } as Record<string, unknown>,
      }),
      send: (headers: Headers, { member, body }: { member: { id: number }; body: Record<string, unknown> }) =>
        s.inject(headers, { method: 'POST', url: `/api/v1/members/${member.id}/events`, payload: body }),
      unchanged: async (T) => {
        const now = await memberNow(T);
        expect({ status: now.status, unitId: now.unitId, pending: now.pendingTransferId }).toEqual({
          status: 'active',
          unitId: tree().grassrootsA.id,
          pending: null,
        });
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA suspends the member',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          expect: ok((response) =>
            expect(response.json<{ member: MemberDto }>().member.status).toBe('suspended'),
          ),
        },
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA asks to transfer the member to grassrootsB: it waits there',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          aim: (T) => ({
            member: T,
            body: { type: 'transfer', date: today(), toUnitId: tree().grassrootsB.id },
          }),
          expect: ok((response) => expect(response.json()).toMatchObject({ completed: false, member: null })),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA transfers the member to grassrootsA2: done at once',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: (T) => ({
            member: T,
            body: { type: 'transfer', date: today(), toUnitId: tree().grassrootsA2.id },
          }),
          expect: ok((response) =>
            expect(response.json()).toMatchObject({
              completed: true,
              member: { unitId: tree().grassrootsA2.id },
            }),
          ),
        },
        ...misplacedForGrassrootsA<MemberDto, { member: { id: number }; body: Record<string, unknown> }>(
          notFound('member.not_found'),
        ),
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2 transferring the member to itself',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: (T) => ({
            member: T,
            body: { type: 'transfer', date: today(), toUnitId: tree().grassrootsA2.id },
          }),
          expect: notFound('member.not_found'),
        },
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội recording an event for an id no member has',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: () => ({ member: { id: MISSING_ID }, body: { type: 'suspend', date: today() } }),
          expect: notFound('member.not_found'),
        },
      ],
    }),
  };
}
