import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeDto } from '@union/contracts/accounts';
import {
  buildTestApp,
  givenUnitTree,
  logIn,
  signInAs,
  signInAsAdmin,
  TEST_ADMIN_PASSWORD,
  TEST_PASSWORD,
  type SignedIn,
  type TestApp,
} from '../../../test/support/index.js';

describe('auth', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof givenUnitTree>>;
  const login = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers });
  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers });

  beforeAll(async () => {
    t = await buildTestApp({ loginMaxFailures: 3, loginLockMinutes: 15 });
    tree = await givenUnitTree(t);
  });
  afterAll(() => t.close());

  it('signs in the first administrator, who holds confederation_admin at the root', async () => {
    const response = await login({ login: 'admin', password: TEST_ADMIN_PASSWORD });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      token: expect.any(String),
      user: { id: expect.any(Number), fullName: expect.any(String), roles: ['confederation_admin'] },
    });
    const cookie = response.cookies.find((c) => c.name === 'cds_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    const profile = (await me({ authorization: `Bearer ${body.token}` })).json<MeDto>();
    expect(profile.offices).toEqual([
      expect.objectContaining({
        unitName: 'Tổng Liên đoàn Lao động Việt Nam',
        role: 'confederation_admin',
        termEnd: null,
      }),
    ]);
    const byCookie = await me({ cookie: `cds_session=${cookie!.value}` });
    expect(byCookie.json<MeDto>().id).toBe(body.user.id);
  });

  it('refuses wrong credentials with 401 and a Vietnamese message, known login or not', async () => {
    for (const payload of [
      { login: 'admin', password: 'sai-mat-khau' },
      { login: 'khong.ton.tai', password: 'x' },
    ]) {
      const response = await login(payload);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 'auth.invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
      });
    }
  });

  it('asks for sign-in on protected routes, and ends the session at logout', async () => {
    expect((await me({})).statusCode).toBe(401);
    expect((await me({ authorization: 'Bearer khong-hop-le' })).json().error.code).toBe('auth.required');
    const admin = await signInAsAdmin(t);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: admin.headers });
    expect(out.statusCode).toBe(204);
    expect((await me(admin.headers)).statusCode).toBe(401);
  });

  it('lets a member sign in with the phone number in any usual form', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: (await signInAsAdmin(t)).headers,
      payload: { login: '0912 000 111', password: TEST_PASSWORD, fullName: 'Đoàn Viên Thử' },
    });
    expect(created.statusCode).toBe(201);
    for (const form of ['0912000111', '+84912000111', '84912000111']) {
      expect((await login({ login: form, password: TEST_PASSWORD })).statusCode).toBe(200);
    }
  });

  it('locks an account for a while after repeated failures, even for the right password', async () => {
    const person = await signInAs(t, { role: 'grassroots_officer', unit: tree.grassrootsA });
    for (let i = 0; i < 2; i += 1)
      expect((await login({ login: person.login, password: 'sai' })).json().error.code).toBe(
        'auth.invalid_credentials',
      );
    const third = await login({ login: person.login, password: 'sai' });
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('auth.locked');
    expect((await login({ login: person.login, password: TEST_PASSWORD })).json().error.code).toBe(
      'auth.locked',
    );
  });

  it('counts parallel wrong guesses each, so a burst still locks the account', async () => {
    const person = await signInAs(t, { role: 'grassroots_officer', unit: tree.grassrootsA });
    const burst = await Promise.all(
      Array.from({ length: 6 }, () => login({ login: person.login, password: 'sai' })),
    );
    expect(burst.some((response) => response.json().error.code === 'auth.locked')).toBe(true);
    expect((await login({ login: person.login, password: TEST_PASSWORD })).json().error.code).toBe(
      'auth.locked',
    );
  });

  it('changes a password, ending the other sessions', async () => {
    const person = await signInAs(t, { role: 'grassroots_officer', unit: tree.grassrootsA });
    const other = await logIn(t, person.login, TEST_PASSWORD);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: person.headers,
      payload: { currentPassword: 'sai', newPassword: 'mat-khau-moi-2026' },
    });
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: person.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(person.headers)).statusCode).toBe(200);
    expect((await me(other.headers)).statusCode).toBe(401);
    expect((await login({ login: person.login, password: 'mat-khau-moi-2026' })).statusCode).toBe(200);
  });

  it('resets a forgotten password with a one-time code sent through the delivery adapter', async () => {
    const adminHeaders = (await signInAsAdmin(t)).headers;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: adminHeaders,
      payload: { login: '0987654321', password: TEST_PASSWORD, fullName: 'Người Quên Mật Khẩu' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { login: '0911111111' },
    });
    expect(unknown.statusCode).toBe(202);
    const request = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { login: '0987654321' },
    });
    expect(request.statusCode).toBe(202);
    const sent = t.outbox.sent.at(-1)!;
    expect(sent).toMatchObject({
      phone: '+84987654321',
      purpose: 'password_reset',
      code: expect.stringMatching(/^\d{6}$/),
    });
    const wrongCode = sent.code === '000000' ? '111111' : '000000';
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { login: '0987654321', code: wrongCode, newPassword: 'mat-khau-moi-2026' },
    });
    expect(bad.json().error.code).toBe('auth.reset_code_invalid');
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { login: '0987654321', code: sent.code, newPassword: 'mat-khau-moi-2026' },
    });
    expect(good.statusCode).toBe(204);
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { login: '0987654321', code: sent.code, newPassword: 'mat-khau-khac-2026' },
    });
    expect(reused.json().error.code).toBe('auth.reset_code_invalid');
    expect((await login({ login: '0987654321', password: 'mat-khau-moi-2026' })).statusCode).toBe(200);
  });

  describe('two-factor sign-in', () => {
    let officer: SignedIn;
    let secret: string;

    it('tells an officer whose role requires it to enrol', async () => {
      officer = await signInAs(t, { role: 'federation_officer', unit: tree.hanoi });
      expect((await me(officer.headers)).json<MeDto>()).toMatchObject({
        totpSetupRequired: true,
        totpEnabled: false,
      });
    });

    it('enrols with a code from the authenticator app, then requires it at every sign-in', async () => {
      const setup = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp/setup',
        headers: officer.headers,
      });
      secret = setup.json().secret;
      expect(setup.json().otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp/enable',
        headers: officer.headers,
        payload: { code: '000000' === authenticator.generate(secret) ? '111111' : '000000' },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.code).toBe('auth.totp_code_invalid');
      const enabled = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp/enable',
        headers: officer.headers,
        payload: { code: authenticator.generate(secret) },
      });
      expect(enabled.statusCode).toBe(204);

      const withoutCode = await login({ login: officer.login, password: TEST_PASSWORD });
      expect(withoutCode.statusCode).toBe(401);
      expect(withoutCode.json().error.code).toBe('auth.otp_required');
      const withCode = await login({
        login: officer.login,
        password: TEST_PASSWORD,
        otp: authenticator.generate(secret),
      });
      expect(withCode.statusCode).toBe(200);
      expect(withCode.json().user.totpSetupRequired).toBe(false);
    });

    it('does not let a role that requires it turn it off', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp/disable',
        headers: officer.headers,
        payload: { code: authenticator.generate(secret) },
      });
      expect(response.json().error.code).toBe('auth.totp_required_by_role');
    });
  });
});

describe('auth limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ loginRateLimitPerMinute: 3, totpEnforcement: 'strict' });
  });
  afterAll(() => t.close());

  it('limits sign-in attempts per address per minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      codes.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { login: 'ai.do', password: 'x' },
          })
        ).statusCode,
      );
    }
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(codes.slice(3)).toEqual([429, 429]);
    const limited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'ai.do', password: 'x' },
    });
    expect(limited.json().error.code).toBe('request.rate_limited');
  });

  it('in strict mode, lets an officer who must enrol do nothing else until enrolled', async () => {
    const admin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'admin', password: TEST_ADMIN_PASSWORD },
      remoteAddress: '10.0.0.2',
    });
    const headers = { authorization: `Bearer ${admin.json().token}` };
    const units = await t.app.inject({ method: 'GET', url: '/api/v1/units/roots', headers });
    expect(units.statusCode).toBe(403);
    expect(units.json().error.code).toBe('auth.totp_setup_required');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers })).statusCode).toBe(
      200,
    );
  });
});
