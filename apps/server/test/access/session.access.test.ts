import { authenticator } from 'otplib';
import { describe, expect, it } from 'vitest';
import type { MeDto, RoleDto } from '@union/contracts/accounts';
import { ROLE_CODES, type TotpSetupDto } from '@union/contracts/auth';
import { daysFromToday, logIn, TEST_PASSWORD, type SignedIn } from '../support/index.js';
import { accessSuite, expectError, expectStatus, type Headers } from './denial.js';

/**
 * The `authenticated` routes: any signed-in account may call them, with or without an office, and
 * each acts only on the caller's own account. Unauthenticated callers get 401 on every one.
 */
const s = accessSuite();

const me = (who: { headers: Headers }) => s.inject(who.headers, { method: 'GET', url: '/api/v1/me' });
const NEW_PASSWORD = 'another-test-password-2026';

/** The caller's login, for a second session or a password check. */
const canLogIn = async (login: string, password: string) => {
  const response = await s.inject(
    {},
    { method: 'POST', url: '/api/v1/auth/login', payload: { login, password } },
  );
  return response.statusCode === 200;
};

describe('GET /api/v1/me', () => {
  it('no office: answers with the caller alone, no offices, no permissions', async () => {
    const caller = await s.nobody();
    const response = await me(caller);
    expectStatus(response, 200);
    expect(response.json<MeDto>()).toMatchObject({ id: caller.accountId, offices: [], permissions: [] });
  });

  it('expired term only: the ended office is not listed and grants nothing', async () => {
    const caller = await s.as('grassroots_chair', s.tree.grassrootsA, 'expired');
    expect(response(await me(caller))).toMatchObject({ id: caller.accountId, offices: [], permissions: [] });
  });

  it('future term only: the office that starts tomorrow is not listed and grants nothing', async () => {
    const caller = await s.as('grassroots_chair', s.tree.grassrootsA, 'future');
    expect(response(await me(caller))).toMatchObject({ id: caller.accountId, offices: [], permissions: [] });
  });

  it('current and expired offices: only the current one, with only its permissions', async () => {
    const caller = await s.asMany(
      { role: 'grassroots_officer', unit: s.tree.grassrootsA },
      { role: 'upper_union_officer', unit: s.tree.communeA, termEnd: daysFromToday(-1) },
    );
    const body = response(await me(caller));
    expect(body.offices.map((office) => [office.unitId, office.role])).toEqual([
      [s.tree.grassrootsA.id, 'grassroots_officer'],
    ]);
    // A grassroots officer's role, and nothing from the upper union officer's ended term.
    expect(body.permissions).toEqual([
      'accounts.read',
      'cards.benefits.read',
      'cards.issue',
      'cards.read',
      'cards.revoke',
      'members.admit',
      'members.corrections',
      'members.export',
      'members.import',
      'members.lifecycle',
      'members.read',
      'members.transfer',
      'members.update',
      'offices.read',
      'statistics.read',
      'statistics.workforce',
      'units.read',
      'voice.analytics',
      'voice.enter',
      'voice.handle',
      'voice.surveys',
    ]);
  });

  s.itRequiresSignIn(
    (headers) => me({ headers }),
    () => s.nobody(),
  );
});

function response(reply: Awaited<ReturnType<typeof me>>): MeDto {
  expectStatus(reply, 200);
  return reply.json<MeDto>();
}

describe('GET /api/v1/roles', () => {
  it("no office: lists the roles as data (where each may be held, what it grants), nobody's offices", async () => {
    const roles = (await s.inject((await s.nobody()).headers, { method: 'GET', url: '/api/v1/roles' })).json<
      RoleDto[]
    >();
    expect(roles.map((role) => role.code).sort()).toEqual([...ROLE_CODES].sort());
    expect(roles.find((role) => role.code === 'grassroots_chair')).toMatchObject({
      unitTypes: ['grassroots_union', 'grassroots_guild'],
      permissions: expect.arrayContaining(['offices.assign', 'units.read']),
    });
    expect(JSON.stringify(roles)).not.toMatch(/accountId|fullName/);
  });
});

describe('POST /api/v1/auth/logout', () => {
  const logout = (who: { headers: Headers }) =>
    s.inject(who.headers, { method: 'POST', url: '/api/v1/auth/logout' });

  it("no office: ends the caller's own session only; their other session and other people stay signed in", async () => {
    const caller = await s.nobody();
    const otherSession = await logIn(s.t, caller.login, TEST_PASSWORD);
    const someoneElse = await s.nobody();
    expectStatus(await logout(caller), 204);
    expectError(await me(caller), 401, 'auth.required');
    expectStatus(await me(otherSession), 200);
    expectStatus(await me(someoneElse), 200);
  });

  s.itRequiresSignIn(
    (headers) => logout({ headers }),
    () => s.nobody(),
  );
});

describe('POST /api/v1/auth/password', () => {
  const change = (who: { headers: Headers }, payload: Record<string, unknown>) =>
    s.inject(who.headers, { method: 'POST', url: '/api/v1/auth/password', payload });

  it("no office: changes the caller's own password, even when the body names someone else", async () => {
    const caller = await s.nobody();
    const someoneElse = await s.nobody();
    const otherSession = await logIn(s.t, caller.login, TEST_PASSWORD);
    const response = await change(caller, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      accountId: someoneElse.accountId,
    });
    expectStatus(response, 204);
    expect(await canLogIn(caller.login, NEW_PASSWORD)).toBe(true);
    expect(await canLogIn(someoneElse.login, TEST_PASSWORD)).toBe(true);
    expect(await canLogIn(someoneElse.login, NEW_PASSWORD)).toBe(false);
    // The caller's other sessions end; the one that changed it and other people's stay.
    expectError(await me(otherSession), 401, 'auth.required');
    expectStatus(await me(caller), 200);
    expectStatus(await me(someoneElse), 200);
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const caller = await s.nobody();
    expectError(
      await change(caller, { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD }),
      400,
      'auth.wrong_password',
    );
    expect(await canLogIn(caller.login, TEST_PASSWORD)).toBe(true);
  });

  s.itRequiresSignIn(
    (headers) => change({ headers }, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
    () => s.nobody(),
  );
});

describe('POST /api/v1/auth/totp/setup, /enable, /disable', () => {
  const post = (who: { headers: Headers }, url: string, payload?: Record<string, unknown>) =>
    s.inject(who.headers, { method: 'POST', url: `/api/v1/auth/totp/${url}`, payload });

  const totpEnabled = async (who: SignedIn) => response(await me(who)).totpEnabled;

  it("no office: sets up, enables and disables two-factor sign-in on the caller's own account only", async () => {
    const caller = await s.nobody();
    const someoneElse = await s.nobody();
    const setup = await post(caller, 'setup');
    expectStatus(setup, 200);
    const { secret } = setup.json<TotpSetupDto>();
    expectStatus(await post(caller, 'enable', { code: authenticator.generate(secret) }), 204);
    expect(await totpEnabled(caller)).toBe(true);
    expect(await totpEnabled(someoneElse)).toBe(false);
    expectStatus(await post(caller, 'disable', { code: authenticator.generate(secret) }), 204);
    expect(await totpEnabled(caller)).toBe(false);
  });

  for (const [url, payload] of [
    ['setup', undefined],
    ['enable', { code: '123456' }],
    ['disable', { code: '123456' }],
  ] as const) {
    describe(`POST /api/v1/auth/totp/${url}`, () => {
      s.itRequiresSignIn(
        (headers) => post({ headers }, url, payload),
        () => s.nobody(),
      );
    });
  }
});
