import { and, eq, sql } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '@union/contracts/auth';
import type { MeDto } from '@union/contracts/accounts';
import { auditLog } from '../../kernel/audit/audit.schema.js';
import { buildTestApp, logIn, TEST_PASSWORD, type TestApp } from '../../../test/support/index.js';
import { oneTimeCodes } from './accounts.schema.js';
import { unsafeCreateAccount } from './accounts.system.js';

describe('sign-in with a one-time code', () => {
  let t: TestApp;
  let phoneSerial = 0;

  beforeAll(async () => {
    t = await buildTestApp({ loginMaxFailures: 3, loginLockMinutes: 15 });
  });
  afterAll(() => t.close());

  /** A member's account: their login is their mobile number. */
  const givenMember = async () => {
    const phone = `0935${String(100_000 + (phoneSerial += 1)).slice(-6)}`;
    const accountId = await unsafeCreateAccount(t.db, {
      phone,
      fullName: 'Đoàn Viên Dùng Mã',
      password: TEST_PASSWORD,
    });
    return { phone, accountId };
  };
  const requestCode = (login: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login/code/request', payload: { login } });
  const signIn = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login/code', payload });
  const sentTo = (accountId: number) => t.outbox.sent.filter((sent) => sent.accountId === accountId);
  /** Asks for a code and reads it back from the test delivery. */
  const codeFor = async (member: { phone: string; accountId: number }) => {
    expect((await requestCode(member.phone)).statusCode).toBe(202);
    const sent = sentTo(member.accountId).at(-1);
    expect(sent).toMatchObject({ purpose: 'login', code: expect.stringMatching(/^\d{6}$/) });
    return sent!.code;
  };
  const wrong = (code: string) => (code === '000000' ? '111111' : '000000');
  const errorCode = (response: { json: () => { error: { code: string } } }) => response.json().error.code;

  it('answers 202 whether or not the login exists, and sends a code only to a real account', async () => {
    const before = t.outbox.sent.length;
    for (const login of ['0999999990', 'khong.ai', 'ai@khong.vn']) {
      const response = await requestCode(login);
      expect(response.statusCode).toBe(202);
      expect(response.body).toBe('');
    }
    expect(t.outbox.sent.length).toBe(before);
    const member = await givenMember();
    const known = await requestCode(member.phone);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe('');
    expect(sentTo(member.accountId)).toEqual([
      expect.objectContaining({
        phone: `+84${member.phone.slice(1)}`,
        purpose: 'login',
        expiresInMinutes: 5,
      }),
    ]);
  });

  it('signs in with the code: the same answer, session cookie and audit entry as a password sign-in', async () => {
    const member = await givenMember();
    const code = await codeFor(member);
    // The number typed in another usual form is the same login.
    const response = await signIn({ login: `+84${member.phone.slice(1)}`, code });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<LoginResponse>();
    expect(body).toEqual({
      token: expect.any(String),
      expiresAt: expect.any(String),
      user: { id: member.accountId, fullName: 'Đoàn Viên Dùng Mã', roles: [], totpSetupRequired: false },
    });
    expect(response.cookies.find((c) => c.name === 'cds_session')).toMatchObject({
      value: body.token,
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(me.json<MeDto>().id).toBe(member.accountId);
    const audited = await t.db
      .select({ details: auditLog.details, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.entityId, String(member.accountId))));
    expect(audited).toEqual([{ details: { method: 'code' }, actorId: member.accountId }]);
  });

  it('refuses a wrong code with 400, and still takes the right one after', async () => {
    const member = await givenMember();
    const code = await codeFor(member);
    const bad = await signIn({ login: member.phone, code: wrong(code) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: { code: 'auth.login_code_invalid', message: 'Mã đăng nhập không đúng hoặc đã hết hạn.' },
    });
    expect((await signIn({ login: member.phone, code })).statusCode).toBe(200);
  });

  it('refuses a code for a login that does not exist exactly as a wrong one', async () => {
    const response = await signIn({ login: '0999999991', code: '123456' });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('auth.login_code_invalid');
  });

  it('refuses an expired code', async () => {
    const member = await givenMember();
    const code = await codeFor(member);
    await t.db
      .update(oneTimeCodes)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(oneTimeCodes.accountId, member.accountId));
    const response = await signIn({ login: member.phone, code });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('auth.login_code_invalid');
  });

  it('takes a code once', async () => {
    const member = await givenMember();
    const code = await codeFor(member);
    expect((await signIn({ login: member.phone, code })).statusCode).toBe(200);
    const again = await signIn({ login: member.phone, code });
    expect(again.statusCode).toBe(400);
    expect(errorCode(again)).toBe('auth.login_code_invalid');
  });

  it('takes a code once even when two requests race with it', async () => {
    const member = await givenMember();
    const code = await codeFor(member);
    const both = await Promise.all([
      signIn({ login: member.phone, code }),
      signIn({ login: member.phone, code }),
    ]);
    expect(both.map((response) => response.statusCode).sort()).toEqual([200, 400]);
  });

  it('sends no second code within a minute, so a script cannot flood a phone', async () => {
    const member = await givenMember();
    const code = await codeFor(member);
    expect((await requestCode(member.phone)).statusCode).toBe(202);
    expect(sentTo(member.accountId)).toHaveLength(1);
    expect((await signIn({ login: member.phone, code })).statusCode).toBe(200);
  });

  it('does not take a password-reset code for a sign-in', async () => {
    const member = await givenMember();
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { login: member.phone },
    });
    const resetCode = sentTo(member.accountId).at(-1)!;
    expect(resetCode.purpose).toBe('password_reset');
    const response = await signIn({ login: member.phone, code: resetCode.code });
    expect(errorCode(response)).toBe('auth.login_code_invalid');
  });

  it('locks the account after repeated wrong codes, as wrong passwords do, and sends no code while locked', async () => {
    const member = await givenMember();
    const code = await codeFor(member);
    for (let i = 0; i < 2; i += 1)
      expect(errorCode(await signIn({ login: member.phone, code: wrong(code) }))).toBe(
        'auth.login_code_invalid',
      );
    const third = await signIn({ login: member.phone, code: wrong(code) });
    expect(third.statusCode).toBe(429);
    expect(errorCode(third)).toBe('auth.locked');
    expect(errorCode(await signIn({ login: member.phone, code }))).toBe('auth.locked');
    expect(
      errorCode(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { login: member.phone, password: TEST_PASSWORD },
        }),
      ),
    ).toBe('auth.locked');
    await t.db
      .update(oneTimeCodes)
      .set({ createdAt: sql`now() - interval '2 minutes'` })
      .where(eq(oneTimeCodes.accountId, member.accountId));
    const sent = sentTo(member.accountId).length;
    expect((await requestCode(member.phone)).statusCode).toBe(202);
    expect(sentTo(member.accountId)).toHaveLength(sent);
  });

  it('never lets a code alone past two-factor sign-in', async () => {
    const member = await givenMember();
    const session = await logIn(t, member.phone, TEST_PASSWORD);
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/setup',
      headers: session.headers,
    });
    const { secret } = setup.json<{ secret: string }>();
    const enabled = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enable',
      headers: session.headers,
      payload: { code: authenticator.generate(secret) },
    });
    expect(enabled.statusCode).toBe(204);

    const code = await codeFor(member);
    const codeAlone = await signIn({ login: member.phone, code });
    expect(codeAlone.statusCode).toBe(401);
    expect(errorCode(codeAlone)).toBe('auth.otp_required');
    const otp = authenticator.generate(secret);
    const wrongOtp = await signIn({ login: member.phone, code, otp: otp === '000000' ? '111111' : '000000' });
    expect(errorCode(wrongOtp)).toBe('auth.otp_invalid');
    // Asked for the second factor, the person sends the same code again with it.
    const both = await signIn({ login: member.phone, code, otp });
    expect(both.statusCode, both.body).toBe(200);
  });
});
