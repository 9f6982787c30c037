import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { AccountDto } from '@union/contracts/accounts';
import { daysFromToday, TEST_PASSWORD } from '../support/index.js';
import {
  created,
  denied,
  expectError,
  ok,
  routeSpec,
  type AccessSuite,
  type Headers,
  type Response,
  type RouteTable,
} from './denial.js';

/** Letters only, so a name search for it matches nothing else in the database. */
const marker = () =>
  [...randomBytes(6)]
    .map((byte) => String.fromCharCode(97 + (byte % 26)))
    .join('')
    .replace(/^./, (c) => c.toUpperCase());

/** Route tables for accounts: creating one, and finding people to appoint. */
export function accountsRouteTable(s: AccessSuite): RouteTable {
  const tree = () => s.tree;

  /** People the searches look for; each test gets its own, all named "… <marker> …". */
  const givenPeople = async () => {
    const name = marker();
    const person = (label: string, office?: Parameters<AccessSuite['person']>[1]) =>
      s.person(`Nguyễn Thị ${name} ${label}`, office);
    return {
      name,
      /** Holds an office at grassrootsA today. */
      atA: await person('Hiện', { role: 'grassroots_officer', unit: tree().grassrootsA }),
      /** Held an office at grassrootsA until yesterday: "hold or held" keeps them findable there. */
      formerlyAtA: await person('Cũ', {
        role: 'grassroots_officer',
        unit: tree().grassrootsA,
        termEnd: daysFromToday(-1),
      }),
      atCommuneA: await person('Phường', { role: 'upper_union_officer', unit: tree().communeA }),
      atA2: await person('Bên', { role: 'grassroots_officer', unit: tree().grassrootsA2 }),
      atC: await person('Xa', { role: 'grassroots_officer', unit: tree().grassrootsC }),
      withoutOffice: await person('Chưa'),
    };
  };
  type People = Awaited<ReturnType<typeof givenPeople>>;
  type Someone = Exclude<keyof People, 'name'>;

  const finds =
    (...who: Someone[]) =>
    (response: Response, people: People) => {
      const ids = response.json<{ items: AccountDto[] }>().items.map((account) => account.id);
      expect(ids.sort((a, b) => a - b)).toEqual(
        who.map((key) => people[key].accountId).sort((a, b) => a - b),
      );
    };

  return {
    'POST /api/v1/accounts': routeSpec({
      target: async () => null,
      aim: () => ({ login: `moi.${randomBytes(5).toString('hex')}` }),
      send: (headers: Headers, { login }: { login: string }) =>
        s.inject(headers, {
          method: 'POST',
          url: '/api/v1/accounts',
          payload: { login, password: TEST_PASSWORD, fullName: 'Người Mới Tạo' },
        }),
      unchanged: async (_T, { login }) => {
        const response = await s.inject(
          {},
          {
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { login, password: TEST_PASSWORD },
          },
        );
        expectError(response, 401, 'auth.invalid_credentials');
      },
      // The new account belongs to no unit until someone appoints it: there is no place to be beside,
      // above or below, so the sibling, parent and child cases do not apply (see coverage.test.ts).
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA',
          who: () => s.as('grassroots_chair', tree().grassrootsA),
          expect: created((response) => expect(response.json<{ id: number }>().id).toBeGreaterThan(0)),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeB',
          who: () => s.as('upper_union_officer', tree().communeB),
          expect: created(),
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
          title: 'grassroots officer of grassrootsA',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'legal adviser of communeA',
          who: () => s.as('legal_adviser', tree().communeA),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: () => s.as('member', tree().grassrootsA),
          expect: denied,
        },
      ],
    }),

    'GET /api/v1/accounts': routeSpec({
      target: givenPeople,
      aim: (people) => new URLSearchParams({ q: people.name }).toString(),
      send: (headers: Headers, query: string) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/accounts?${query}` }),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA: those who hold or held an office there',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          expect: ok(finds('atA', 'formerlyAtA')),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA: communeA and its unions',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: ok(finds('atA', 'formerlyAtA', 'atCommuneA', 'atA2')),
        },
        {
          kind: 'allowed',
          title: 'grassroots officer of grassrootsA typing the exact login of the person there',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          aim: (people) => new URLSearchParams({ q: people.atA.login }).toString(),
          expect: ok(finds('atA')),
        },
        {
          kind: 'sibling',
          title: 'grassroots officer of grassrootsA2: only the person of grassrootsA2',
          who: () => s.as('grassroots_officer', tree().grassrootsA2),
          expect: ok(finds('atA2')),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of branchA: nobody (offices at grassrootsA are above scope)',
          who: () => s.as('grassroots_officer', tree().branchA),
          expect: ok(finds()),
        },
        {
          kind: 'child',
          title: 'upper union officer of communeB: nobody',
          who: () => s.as('upper_union_officer', tree().communeB),
          expect: ok(finds()),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC: only the person of grassrootsC',
          who: () => s.as('federation_officer', tree().hcm),
          expect: ok(finds('atC')),
        },
        {
          kind: 'elsewhere',
          title: "grassroots officer of grassrootsA2 typing the exact login of grassrootsC's person: nothing",
          who: () => s.as('grassroots_officer', tree().grassrootsA2),
          aim: (people) => new URLSearchParams({ q: people.atC.login }).toString(),
          expect: ok(finds()),
        },
        {
          kind: 'expired',
          title: 'grassroots officer of grassrootsA whose term ended yesterday',
          who: () => s.as('grassroots_officer', tree().grassrootsA, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots officer of grassrootsA whose term starts tomorrow',
          who: () => s.as('grassroots_officer', tree().grassrootsA, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'legal adviser of communeA',
          who: () => s.as('legal_adviser', tree().communeA),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: () => s.as('member', tree().grassrootsA),
          expect: denied,
        },
      ],
    }),
  };
}
