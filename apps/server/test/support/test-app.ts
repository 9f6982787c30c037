import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { LoginResponse } from '@union/contracts/auth';
import type { RoleCode } from '@union/contracts/auth';
import { buildApp } from '../../src/app.js';
import { readConfig, type Config } from '../../src/kernel/config.js';
import { outboxCodeDelivery } from '../../src/kernel/notify/code-delivery.js';
import { todayInVietnam } from '../../src/kernel/time.js';
import { unsafeAssignOffice, unsafeCreateAccount } from '../../src/modules/accounts/index.js';
import { openTestDatabase } from './databases.js';
import { TEST_ADMIN_PASSWORD, TEST_PASSWORD } from './constants.js';

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

/** A real app on a fresh copy of the migrated template; codes go to an outbox the test can read. */
export async function buildTestApp(overrides: Partial<Config> = {}, options: { clock?: () => Date } = {}) {
  const database = await openTestDatabase(inject('databaseTemplate'));
  const config: Config = {
    ...readConfig({}),
    demoData: false,
    loginRateLimitPerMinute: 10_000,
    webDistDir: '/nonexistent',
    ...overrides,
  };
  const outbox = outboxCodeDelivery();
  const app = await buildApp({ database, config, delivery: outbox, logger: false, clock: options.clock });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    outbox,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface SignedIn {
  accountId: number;
  login: string;
  token: string;
  headers: { authorization: string };
}

export async function logIn(testApp: TestApp, login: string, password: string): Promise<SignedIn> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${login} failed: ${response.statusCode} ${response.body}`);
  const body = response.json<LoginResponse>();
  return {
    accountId: body.user.id,
    login,
    token: body.token,
    headers: { authorization: `Bearer ${body.token}` },
  };
}

export const signInAsAdmin = (testApp: TestApp) => logIn(testApp, 'admin', TEST_ADMIN_PASSWORD);

export interface OfficeSpec {
  role: RoleCode;
  unit: { id: number; path: string };
  termStart?: string;
  termEnd?: string;
}

/** A new person holding the given offices (none: an account with no office at all), signed in. */
export async function signInAs(testApp: TestApp, ...offices: OfficeSpec[]): Promise<SignedIn> {
  const login = `user.${randomBytes(5).toString('hex')}`;
  const accountId = await unsafeCreateAccount(testApp.db, {
    username: login,
    fullName: 'Người Thử Nghiệm',
    password: TEST_PASSWORD,
  });
  for (const office of offices) {
    await unsafeAssignOffice(testApp.db, {
      accountId,
      unit: office.unit,
      role: office.role,
      termStart: office.termStart ?? '2020-01-01',
      termEnd: office.termEnd,
    });
  }
  return logIn(testApp, login, TEST_PASSWORD);
}

export const daysFromToday = (days: number): string =>
  todayInVietnam(new Date(Date.now() + days * 86_400_000));
