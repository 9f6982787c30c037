import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleCode } from '@union/contracts/auth';
import { ERROR_MESSAGES, type ErrorCode } from '@union/contracts/errors';
import { CHILD_TYPES, type UnitDto, type UnitType } from '@union/contracts/units';
import { unsafeAssignOffice, unsafeCreateAccount } from '../../src/modules/accounts/index.js';
import { insertUnit } from '../../src/modules/units/index.js';
import {
  buildTestApp,
  daysFromToday,
  givenUnitTree,
  signInAs,
  signInAsAdmin,
  TEST_PASSWORD,
  type SignedIn,
  type TestApp,
  type TreeUnit,
} from '../support/index.js';

/**
 * Table-driven denial suites. Each route has a table (in a *.cases.ts file, keyed by the route exactly
 * as the route catalogue lists it): a target (shared, or built fresh for every test when the route
 * changes things), how to send the request, and the callers — the rightly placed officer first, then
 * the same role placed wrongly. `describeRoute` turns a table into a describe block with one test per
 * caller, plus the unauthenticated refusals.
 *
 * The tables live outside the *.access.test.ts files that run them so that coverage.test.ts can import
 * them and compare their routes and case kinds with the route catalogue.
 */

export type Response = LightMyRequestResponse;
export type Headers = Record<string, string>;
export type Tree = Awaited<ReturnType<typeof givenUnitTree>>;

/** The issue's five cases, plus the ones some routes add. */
export type Kind =
  | 'allowed'
  | 'sibling'
  | 'parent'
  | 'child'
  | 'expired'
  | 'future'
  | 'no office'
  | 'lacks permission'
  | 'sees, may not change'
  | 'permission elsewhere'
  | 'exceeds own'
  | 'elsewhere'
  | 'missing';

export interface Refusal {
  status: 400 | 401 | 403 | 404 | 422;
  code: ErrorCode;
}
export interface Success<T> {
  status: 200 | 201 | 204;
  check?: (response: Response, target: T, caller: SignedIn) => unknown;
}

export const denied: Refusal = { status: 403, code: 'access.denied' };
export const notFound = (code: ErrorCode = 'unit.not_found'): Refusal => ({ status: 404, code });
export const ok = <T>(check?: Success<T>['check']): Success<T> => ({ status: 200, check });
export const created = <T>(check?: Success<T>['check']): Success<T> => ({ status: 201, check });

export interface Case<T, A> {
  kind: Kind;
  /** Who asks, in words: it becomes the test name. */
  title: string;
  who: (target: T) => Promise<SignedIn>;
  /** What the request acts on when not the route's usual aim (e.g. reaching up to the parent). */
  aim?: (target: T) => A | Promise<A>;
  expect: Refusal | Success<T>;
  /**
   * The contract says `expect`, the server does otherwise today: the test is marked as failing
   * (it.fails) with this reason, so it turns red the day the server is fixed and the mark can go.
   */
  knownBug?: string;
}

export interface RouteSpec<T, A> {
  /** The unit (or office…) the route acts on; built per test, so a refusal cannot leak into the next. */
  target: () => Promise<T>;
  /** What the request is aimed at by default; the target itself unless given. */
  aim?: (target: T) => A | Promise<A>;
  send: (headers: Headers, aimed: A) => Promise<Response>;
  /** After every refusal: the target is exactly as before (a refused write changed nothing). */
  unchanged?: (target: T, aimed: A) => Promise<void>;
  cases: Case<T, A>[];
}

/** A file's route tables: `METHOD /api/v1/…` as the route catalogue lists it → its cases. */
export type RouteTable = Record<string, RouteSpec<unknown, unknown>>;

/** Types one entry of a route table (the target and aim types are inferred, then erased). */
export const routeSpec = <T, A = T>(spec: RouteSpec<T, A>): RouteSpec<unknown, unknown> =>
  spec as unknown as RouteSpec<unknown, unknown>;

export type Term = 'current' | 'expired' | 'future' | 'ends today' | 'starts today';

const isRefusal = <T>(outcome: Refusal | Success<T>): outcome is Refusal => outcome.status >= 400;

/**
 * The only shape a refusal may take: the code and its Vietnamese message, and nothing else (input
 * that fails validation also names the fields, and only the fields).
 */
export function expectError(response: Response, status: number, code: ErrorCode): void {
  const fields =
    code === 'validation.failed'
      ? { fields: [{ path: expect.any(String), message: expect.any(String) }] }
      : {};
  expect({ status: response.statusCode, body: response.json() }).toEqual({
    status,
    body: { error: { code, message: ERROR_MESSAGES[code].vi, ...fields } },
  });
}

export const invalid: Refusal = { status: 400, code: 'validation.failed' };

export function expectStatus(response: Response, status: number): void {
  expect(response.statusCode, response.body).toBe(status);
}

export const idsOf = (items: { id: number }[]): number[] => items.map((item) => item.id);

/** A child type the unit may hold: used to create a unit under any parent a case aims at. */
export const childTypeOf = (parentType: UnitType): UnitType => CHILD_TYPES[parentType][0]!;

export const uniqueName = (prefix: string): string => `${prefix} ${randomBytes(3).toString('hex')}`;

/**
 * One test app and the standard tree per file (built in beforeAll, closed in afterAll), with the
 * helpers the route tables use. Read `tree`, `t` and `admin` only inside tests and hooks.
 */
export function accessSuite() {
  const suite = {
    t: undefined as unknown as TestApp,
    tree: undefined as unknown as Tree,
    /** The confederation administrator: sees everything, used to check that refusals changed nothing. */
    admin: undefined as unknown as SignedIn,

    inject(headers: Headers, options: Omit<InjectOptions, 'headers'>): Promise<Response> {
      return suite.t.app.inject({ ...options, headers } as InjectOptions) as Promise<Response>;
    },

    /**
     * A new person holding `role` at `unit`, signed in: currently (since 2020), or with a term that
     * ended yesterday or starts tomorrow, or on the boundaries (a term ending or starting today is current).
     */
    as(role: RoleCode, unit: TreeUnit, term: Term = 'current') {
      const terms: Record<Term, { termStart: string; termEnd?: string }> = {
        current: { termStart: '2020-01-01' },
        expired: { termStart: '2020-01-01', termEnd: daysFromToday(-1) },
        future: { termStart: daysFromToday(1) },
        'ends today': { termStart: '2020-01-01', termEnd: daysFromToday(0) },
        'starts today': { termStart: daysFromToday(0) },
      };
      return signInAs(suite.t, { role, unit, ...terms[term] });
    },

    /** A new person holding several offices at once. */
    asMany(...offices: { role: RoleCode; unit: TreeUnit; termEnd?: string }[]) {
      return signInAs(suite.t, ...offices.map((office) => ({ ...office, termStart: '2020-01-01' })));
    },

    /** A signed-in account that holds no office at all. */
    nobody: () => signInAs(suite.t),

    /** A person (not signed in) with a current office, or none: someone to appoint or look up. */
    async person(fullName: string, office?: { role: RoleCode; unit: TreeUnit; termEnd?: string }) {
      const login = `person.${randomBytes(5).toString('hex')}`;
      const accountId = await unsafeCreateAccount(suite.t.db, {
        username: login,
        fullName,
        password: TEST_PASSWORD,
      });
      const officeId = office
        ? await unsafeAssignOffice(suite.t.db, { accountId, termStart: '2020-01-01', ...office })
        : undefined;
      return { accountId, login, officeId };
    },

    /** A new unit under `parent` (established 2020-01-01), named so that no search in these suites finds it. */
    async addUnit(parent: TreeUnit, type: UnitType = childTypeOf(parent.type)): Promise<TreeUnit> {
      const name = uniqueName('Đơn vị tạm');
      const unit = await insertUnit(suite.t.db, parent, { type, name, establishedOn: '2020-01-01' });
      return { ...unit, name, type };
    },

    /** A fresh, childless grassroots union under communeA: grassrootsA2 is its sibling, communeA its parent. */
    freshGrassroots: () => suite.addUnit(suite.tree.communeA, 'grassroots_union'),

    /** The unit as the administrator sees it now. */
    async unitNow(unit: { id: number }): Promise<UnitDto> {
      const response = await suite.inject(suite.admin.headers, {
        method: 'GET',
        url: `/api/v1/units/${unit.id}`,
      });
      expectStatus(response, 200);
      return response.json<UnitDto>();
    },

    /**
     * Every way of not being signed in is refused with 401 before the handler: no token, a made-up
     * bearer token or cookie, and a real token whose session was ended. `send` receives the headers.
     */
    itRequiresSignIn(
      send: (headers: Headers) => Promise<Response>,
      signedIn: () => Promise<SignedIn>,
      prepare: () => Promise<void> = async () => {},
    ) {
      const random = () => randomBytes(32).toString('base64url');
      const variants: [string, () => Promise<Headers>][] = [
        ['no token at all', async () => ({})],
        ['a made-up bearer token', async () => ({ authorization: `Bearer ${random()}` })],
        ['a made-up session cookie', async () => ({ cookie: `cds_session=${random()}` })],
        [
          'the token of an allowed caller who signed out',
          async () => {
            const caller = await signedIn();
            const logout = await suite.inject(caller.headers, { method: 'POST', url: '/api/v1/auth/logout' });
            expectStatus(logout, 204);
            return caller.headers;
          },
        ],
      ];
      for (const [title, headers] of variants) {
        it(`unauthenticated: ${title} → 401 auth.required`, async () => {
          await prepare();
          expectError(await send(await headers()), 401, 'auth.required');
        });
      }
    },

    /**
     * One describe block per route, named exactly as the route catalogue lists it
     * ("POST /api/v1/units/:id/move"): a test per case, then the unauthenticated refusals.
     */
    describeRoute<T, A = T>(route: string, spec: RouteSpec<T, A>): void {
      const aimOf = async (target: T, override?: (target: T) => A | Promise<A>) =>
        override ? override(target) : spec.aim ? spec.aim(target) : (target as unknown as A);

      describe(route, () => {
        for (const c of spec.cases) {
          const outcome = isRefusal(c.expect) ? `${c.expect.status} ${c.expect.code}` : `${c.expect.status}`;
          const test = c.knownBug ? it.fails : it;
          const title = `${c.kind}: ${c.title} → ${outcome}${c.knownBug ? ` [KNOWN BUG: ${c.knownBug}]` : ''}`;
          test(title, async () => {
            const target = await spec.target();
            const caller = await c.who(target);
            const aimed = await aimOf(target, c.aim);
            const response = await spec.send(caller.headers, aimed);
            if (isRefusal(c.expect)) {
              expectError(response, c.expect.status, c.expect.code);
              await spec.unchanged?.(target, aimed);
            } else {
              expectStatus(response, c.expect.status);
              await c.expect.check?.(response, target, caller);
            }
          });
        }

        const allowed = spec.cases.find((c) => c.kind === 'allowed' && !c.aim);
        it('has a positive control: a rightly placed caller succeeds (so no refusal here is vacuous)', () => {
          expect(allowed).toBeDefined();
        });
        let target: T;
        let aimed: A;
        suite.itRequiresSignIn(
          async (headers) => {
            const response = await spec.send(headers, aimed);
            await spec.unchanged?.(target, aimed);
            return response;
          },
          () => allowed!.who(target),
          async () => {
            target = await spec.target();
            aimed = await aimOf(target);
          },
        );
      });
    },

    describeRoutes(table: RouteTable): void {
      for (const [route, spec] of Object.entries(table)) suite.describeRoute(route, spec);
    },
  };

  beforeAll(async () => {
    suite.t = await buildTestApp();
    suite.tree = await givenUnitTree(suite.t);
    suite.admin = await signInAsAdmin(suite.t);
  });
  afterAll(async () => {
    await suite.t?.close();
  });
  return suite;
}

export type AccessSuite = ReturnType<typeof accessSuite>;
