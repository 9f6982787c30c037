// Browser smoke test: starts the real server (fresh PGlite data dir, demo data) serving the built web
// app, then walks a few journeys in Debian's Chromium through playwright-core. No test framework: each
// journey is one named check; failures are collected, screenshotted under e2e/artifacts/, and make the
// process exit non-zero. Run: npm run build:web && npm run test:e2e
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, open as openFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { chromium } from 'playwright-core';
import { assistantJourneys } from './assistant-journeys.mjs';
import { cardJourneys } from './card-journeys.mjs';
import { officerCardJourneys } from './officer-card-journeys.mjs';
import { voiceJourneys } from './voice-journeys.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ARTIFACTS = path.join(ROOT, 'apps/web/e2e/artifacts');
const WEB_INDEX = path.join(ROOT, 'apps/web/dist/index.html');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ADMIN_PASSWORD = 'E2e-Admin@2026';
const DEMO_PASSWORD = 'Demo@2026';
const STARTUP_TIMEOUT_MS = 90_000; // first start: initdb, migrations, demo data (about 15 s here)
const STEP_TIMEOUT_MS = 10_000;

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' };
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'vi-VN' };

const results = [];
const serverLog = [];
let server;
let serverExited;
let dataDir;

// ---------------------------------------------------------------------------------------------------
// Server

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function keepLog(chunk) {
  for (const line of chunk.toString().split('\n')) {
    if (!line.trim()) continue;
    serverLog.push(line.length > 600 ? `${line.slice(0, 600)}…` : line);
    if (serverLog.length > 200) serverLog.shift();
  }
}

async function startServer() {
  dataDir = await mkdtemp(path.join(tmpdir(), 'cds-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    ADMIN_PASSWORD,
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    // Pinned, whatever the caller's environment says: plain-HTTP cookies, TOTP only prompted.
    SECURE_COOKIES: 'false',
    TOTP_ENFORCEMENT: 'prompt',
    // Every journey signs in from 127.0.0.1; on a fast machine they pass the production limit of
    // 20 sign-ins a minute per address. The limit itself is tested in the server's auth tests.
    LOGIN_RATE_LIMIT: '1000',
  };
  delete env.DATABASE_URL; // always the embedded database in the temp dir, never a real one
  delete env.WEB_DIST_DIR; // the app just built in apps/web/dist
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  // Its own process group, so that tsx and the node process it starts stop together.
  server = spawn(process.execPath, [tsxCli, 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serverExited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  server.stdout.on('data', keepLog);
  server.stderr.on('data', keepLog);

  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let early = null;
  void serverExited.then((how) => (early = how));
  while (Date.now() < deadline) {
    if (early) throw new Error(`server exited during start-up (${early.signal ?? `code ${early.code}`})`);
    try {
      const response = await fetch(`${baseURL}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return baseURL;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  throw new Error(`server not healthy after ${STARTUP_TIMEOUT_MS / 1000} s`);
}

function signalServer(signal) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    // already gone
  }
}

async function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    signalServer('SIGTERM');
    const stopped = await Promise.race([serverExited.then(() => true), delay(8000).then(() => false)]);
    if (!stopped) {
      signalServer('SIGKILL');
      await Promise.race([serverExited, delay(2000)]);
    }
  }
  // The tsx child may outlive its parent for a moment; the group signal reaches it either way.
  signalServer('SIGKILL');
  if (dataDir) {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    dataDir = undefined;
  }
}

// Last resort if the runner dies in between: never leave a server or a data dir behind.
process.on('exit', () => {
  signalServer('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping`);
    void stopServer().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------
// API helpers (test set-up only: ids of units to aim the browser at, units to act on)

/** Signs in through the API and returns `get` and `post` that carry the session as a bearer token. */
async function apiSession(baseURL, login, password) {
  const response = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'vi' },
    body: JSON.stringify({ login, password }),
  });
  if (!response.ok) throw new Error(`API login ${login}: HTTP ${response.status} ${await response.text()}`);
  const { token } = await response.json();
  const call = async (method, apiPath, body) => {
    const answer = await fetch(`${baseURL}/api/v1${apiPath}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${method} ${apiPath}: HTTP ${answer.status} ${await answer.text()}`);
    return answer.status === 204 ? undefined : answer.json();
  };
  return {
    get: (apiPath) => call('GET', apiPath),
    post: (apiPath, body) => call('POST', apiPath, body),
  };
}

async function unitIdByName(get, name) {
  const page = await get(`/units?q=${encodeURIComponent(name)}&limit=50`);
  const unit = page.items.find((item) => item.name === name);
  if (!unit) throw new Error(`unit "${name}" not found by GET /units?q=…`);
  return unit.id;
}

// ---------------------------------------------------------------------------------------------------
// Dates: the server keeps Vietnam's calendar, so "today" is the date in Asia/Ho_Chi_Minh.

const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';
const vietnamDate = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TZ });

/** `yyyy-mm-dd` in Vietnam, `offset` days from today (Vietnam keeps no daylight saving time). */
const vietnamDay = (offset = 0) => vietnamDate.format(new Date(Date.now() + offset * 86_400_000));

/** `yyyy-mm-dd` → `dd/mm/yyyy`, as the app shows dates. */
const shownDate = (isoDate) => isoDate.split('-').reverse().join('/');

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------------
// Browser helpers

/** Waits until the locator (which must match one element) is visible. */
const visible = (locator, timeout) => locator.waitFor({ state: 'visible', timeout });

async function assertNoHorizontalScroll(page, where) {
  // Give layout a moment to settle (fonts, late content) before measuring.
  await page.waitForLoadState('load');
  // The viewport's own width: with isMobile, window.innerWidth grows with overflowing content.
  const { width } = page.viewportSize();
  const scrollWidth = await page.evaluate('document.documentElement.scrollWidth');
  if (scrollWidth > width + 1) {
    throw new Error(`horizontal scrolling on ${where}: scrollWidth ${scrollWidth} > ${width} px`);
  }
}

async function assertHidden(locator, what) {
  const count = await locator.count();
  for (let i = 0; i < count; i += 1) {
    if (await locator.nth(i).isVisible()) throw new Error(`${what} should not be shown`);
  }
}

/** A searchable select fed by the server: type, then choose the option whose label starts with `name`. */
async function pickFound(page, input, text, name) {
  await input.fill(text);
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)}`) }).click();
  const chosen = await input.inputValue();
  if (chosen !== name) throw new Error(`the picker shows "${chosen}" instead of "${name}"`);
}

/** A date field shows and takes dd/mm/yyyy: type the date as a user would, then leave the field. */
async function fillDate(input, isoDate) {
  const typed = shownDate(isoDate);
  await input.fill(typed);
  await input.blur();
  const shown = await input.inputValue();
  if (shown !== typed) throw new Error(`the date field shows "${shown}" after typing ${typed}`);
}

async function signIn(page, login, password, labels = { login: 'Tên đăng nhập', submit: 'Đăng nhập' }) {
  await page.getByLabel(labels.login).fill(login);
  await page.locator('input[type="password"]').fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

/** One browser, one fresh context per journey; a failing journey leaves screenshots of its pages. */
async function check(browser, baseURL, name, journey) {
  const contexts = [];
  const pageErrors = [];
  const state = { step: 'start' };
  const open = async (options) => {
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block', ...options });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    return page;
  };
  const step = (label) => {
    state.step = label;
  };
  const started = Date.now();
  try {
    await journey({ open, step });
    results.push({ name, ok: true });
    console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`✗ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(`    at step: ${state.step}`);
    const message = stripVTControlCharacters(String(error?.message ?? error))
      .split('\n')
      .filter((line) => line.trim())
      .slice(0, 8);
    for (const line of message) console.log(`    ${line}`);
    for (const line of pageErrors.slice(0, 5)) console.log(`    ${line}`);
    await mkdir(ARTIFACTS, { recursive: true });
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    let n = 0;
    for (const context of contexts) {
      for (const page of context.pages()) {
        n += 1;
        const file = path.join(ARTIFACTS, `${slug}-${n}.png`);
        try {
          await page.screenshot({ path: file, fullPage: true, timeout: 5000 });
          console.log(`    screenshot: ${path.relative(ROOT, file)} (${page.url()})`);
        } catch (shotError) {
          console.log(`    (no screenshot: ${String(shotError?.message ?? shotError).split('\n')[0]})`);
        }
      }
    }
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------------
// Journeys

const TEXTILE = 'CĐCS Công ty TNHH Dệt may Thăng Long';
const BA_DINH = 'Công đoàn phường Ba Đình';
const CONFEDERATION = 'Tổng Liên đoàn Lao động Việt Nam';
const HANOI = 'Liên đoàn Lao động thành phố Hà Nội';

async function phoneChairJourney({ open, step }) {
  const page = await open(PHONE);

  step('open / → login page in Vietnamese');
  await page.goto('/');
  await page.waitForURL(/\/login/);
  await visible(page.getByRole('heading', { name: 'Đăng nhập', exact: true }));
  await assertNoHorizontalScroll(page, 'the login page');

  step('sign in as chutich');
  await signIn(page, 'chutich', DEMO_PASSWORD);
  await visible(page.getByRole('heading', { name: 'Xin chào, Phạm Thị Lan' }));
  await assertNoHorizontalScroll(page, 'the home page');

  step('burger menu → Cơ cấu tổ chức');
  const burger = page.getByRole('button', { name: 'Mở menu điều hướng' });
  await burger.click();
  const navigation = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await navigation.getByRole('link', { name: 'Cơ cấu tổ chức' }).click();
  await page.waitForURL(/\/units$/);
  await visible(page.getByRole('heading', { name: 'Cơ cấu tổ chức', level: 1 }));

  step('the tree starts at her union; unfold its branches');
  const textileLink = page.getByRole('link', { name: TEXTILE, exact: true });
  await visible(textileLink);
  await page.getByRole('button', { name: `Mở các đơn vị trực thuộc ${TEXTILE}` }).click();
  await visible(page.getByRole('link', { name: 'Công đoàn bộ phận Phân xưởng Dệt' }));
  await assertNoHorizontalScroll(page, 'the unit tree');

  step('open her union');
  await textileLink.click();
  await page.waitForURL(/\/units\/\d+$/);
  await visible(page.getByRole('heading', { name: TEXTILE, level: 1 }));

  step('children: the three branches "Công đoàn bộ phận …"');
  const panel = page.getByRole('tabpanel');
  const branches = panel.getByRole('link', { name: /^Công đoàn bộ phận / });
  await visible(branches.first());
  const branchCount = await branches.count();
  if (branchCount !== 3) throw new Error(`expected 3 branches "Công đoàn bộ phận …", saw ${branchCount}`);
  await assertNoHorizontalScroll(page, 'the unit page');

  step('officers tab lists the officers');
  await page.getByRole('tab', { name: 'Cán bộ' }).click();
  await page.waitForURL(/tab=officers/);
  await visible(panel.getByText('Phạm Thị Lan', { exact: true }));
  await visible(panel.getByText('Hoàng Văn Nam', { exact: true }));
  await visible(panel.getByText('Chủ tịch CĐCS').first());
  await assertNoHorizontalScroll(page, 'the officers tab');
}

async function wrongPasswordJourney({ open, step }) {
  const page = await open(PHONE);
  step('open /login');
  await page.goto('/login');
  await visible(page.getByRole('heading', { name: 'Đăng nhập', exact: true }));

  step('sign in with a wrong password');
  await signIn(page, 'hanoi', 'Sai-mat-khau-1');
  await visible(page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }));
  if (!/\/login/.test(page.url())) throw new Error(`left the login page: ${page.url()}`);
}

async function adminJourney({ open, step }) {
  const page = await open(DESKTOP);
  const unitName = 'CĐCS Công ty TNHH Kiểm thử Tự động';

  step('sign in as admin');
  await page.goto('/login');
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await visible(page.getByRole('heading', { name: 'Xin chào, Quản trị hệ thống' }));

  step('browse the tree from the Confederation');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Cơ cấu tổ chức' })
    .click();
  await visible(page.getByRole('link', { name: CONFEDERATION, exact: true }));
  await page.getByRole('button', { name: `Mở các đơn vị trực thuộc ${CONFEDERATION}` }).click();
  await visible(page.getByRole('link', { name: HANOI, exact: true }));
  await page.getByRole('button', { name: `Mở các đơn vị trực thuộc ${HANOI}` }).click();
  await visible(page.getByRole('link', { name: BA_DINH, exact: true }));

  step('search "ba dinh" without diacritics');
  await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('ba dinh');
  const found = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
  await found.getByRole('link', { name: BA_DINH, exact: true }).click();
  await page.waitForURL(/\/units\/\d+$/);
  await visible(page.getByRole('heading', { name: BA_DINH, level: 1 }));

  step('create a grassroots union with "Thêm đơn vị"');
  await page.getByRole('button', { name: 'Thêm đơn vị', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Thêm đơn vị trực thuộc ${BA_DINH}` });
  await visible(dialog);
  const typeSelect = dialog.getByLabel('Loại đơn vị');
  await typeSelect.click();
  await page.getByRole('option', { name: 'Công đoàn cơ sở', exact: true }).click();
  const chosenType = await typeSelect.inputValue();
  if (chosenType !== 'Công đoàn cơ sở') throw new Error(`unit type shows "${chosenType}"`);
  await dialog.getByRole('textbox', { name: 'Tên đơn vị' }).fill(unitName);
  await dialog.getByRole('button', { name: 'Thêm đơn vị', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await visible(page.getByText(`Đã thêm ${unitName}.`));

  step('the new union is in the children list');
  const created = page.getByRole('tabpanel').getByRole('link', { name: unitName, exact: true });
  await visible(created);
  await created.click();
  await visible(page.getByRole('heading', { name: unitName, level: 1 }));
  const unitId = page.url().match(/\/units\/(\d+)$/)?.[1];
  if (!unitId) throw new Error(`no unit id in ${page.url()}`);
  await visible(
    page
      .getByRole('navigation', { name: 'Vị trí trong cơ cấu tổ chức' })
      .getByRole('link', { name: BA_DINH }),
  );

  step('the creation is in the audit log (Nhật ký)');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Nhật ký hệ thống' })
    .click();
  await visible(page.getByRole('heading', { name: 'Nhật ký hệ thống', level: 1 }));
  const row = page.getByRole('row').filter({ hasText: unitName }).filter({ hasText: 'Thêm đơn vị' });
  await visible(row.first());
  await visible(row.first().getByText(`unit #${unitId}`));
}

async function languageJourney({ open, step }) {
  const page = await open(DESKTOP);

  step('login page: VI → EN');
  await page.goto('/login');
  await visible(page.getByRole('heading', { name: 'Đăng nhập', exact: true }));
  await page.getByText('EN', { exact: true }).click();
  await visible(page.getByRole('heading', { name: 'Sign in', exact: true }));
  await visible(page.getByLabel('Username, e-mail or phone number'));

  step('signed in, the shell is in English');
  await signIn(page, 'hanoi', DEMO_PASSWORD, {
    login: 'Username, e-mail or phone number',
    submit: 'Sign in',
  });
  await visible(page.getByRole('heading', { name: 'Hello, Nguyễn Thị Hà' }));
  const englishNav = page.getByRole('navigation', { name: 'Main navigation' });
  await visible(englishNav.getByRole('link', { name: 'Organisation' }));

  step('user menu → Tiếng Việt');
  await page.getByRole('button', { name: 'Account of Nguyễn Thị Hà' }).click();
  await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click();
  await visible(page.getByRole('heading', { name: 'Xin chào, Nguyễn Thị Hà' }));
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await visible(nav.getByRole('link', { name: 'Cơ cấu tổ chức' }));
  const lang = await page.evaluate('document.documentElement.lang');
  if (lang !== 'vi') throw new Error(`<html lang> is "${lang}" after switching back`);

  step('user menu → English, kept after a reload');
  await page.getByRole('button', { name: 'Tài khoản của Nguyễn Thị Hà' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await visible(page.getByRole('heading', { name: 'Hello, Nguyễn Thị Hà' }));
  await page.reload();
  await visible(page.getByRole('heading', { name: 'Hello, Nguyễn Thị Hà' }));

  step('and back to Tiếng Việt');
  await page.getByRole('button', { name: 'Account of Nguyễn Thị Hà' }).click();
  await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click();
  await visible(page.getByRole('heading', { name: 'Xin chào, Nguyễn Thị Hà' }));
}

function scopeJourney(baseURL) {
  return async ({ open, step }) => {
    step('ids via the API (as admin)');
    const { get } = await apiSession(baseURL, 'admin', ADMIN_PASSWORD);
    const hanoiId = await unitIdByName(get, HANOI);
    const rootId = await unitIdByName(get, CONFEDERATION);

    const page = await open(DESKTOP);
    step('sign in as badinh');
    await page.goto('/login');
    await signIn(page, 'badinh', DEMO_PASSWORD);
    await visible(page.getByRole('heading', { name: 'Xin chào, Lê Văn Bình' }));

    step('the tree starts at Công đoàn phường Ba Đình');
    await page.goto('/units');
    await visible(page.getByRole('heading', { name: 'Cơ cấu tổ chức', level: 1 }));
    const baDinh = page.getByRole('link', { name: BA_DINH, exact: true });
    await visible(baDinh);
    await assertHidden(page.getByRole('link', { name: CONFEDERATION }), `a link to ${CONFEDERATION}`);
    await assertHidden(page.getByRole('link', { name: HANOI }), `a link to ${HANOI}`);

    step('breadcrumbs of Ba Đình stop at the scope');
    await baDinh.click();
    await visible(page.getByRole('heading', { name: BA_DINH, level: 1 }));
    const crumbs = page.getByRole('navigation', { name: 'Vị trí trong cơ cấu tổ chức' });
    await visible(crumbs);
    await assertHidden(crumbs.getByRole('link', { name: HANOI }), `${HANOI} in the breadcrumbs`);

    for (const [name, id] of [
      [HANOI, hanoiId],
      [CONFEDERATION, rootId],
    ]) {
      step(`direct URL /units/${id} (${name}) shows not-found`);
      await page.goto(`/units/${id}`);
      await visible(
        page
          .getByText('Không tìm thấy đơn vị', { exact: true })
          .or(page.getByText('Bạn không có quyền truy cập', { exact: true }))
          .first(),
      );
      await assertHidden(page.getByRole('heading', { name, level: 1 }), `the page of ${name}`);
    }
  };
}

const HOAN_KIEM = 'Công đoàn phường Hoàn Kiếm';

/** 2025 reorganisation: a district-level union hands its grassroots unions to a commune union, then closes. */
function reorganisationJourney(baseURL) {
  return async ({ open, step }) => {
    const district = 'LĐLĐ quận Thử Nghiệm';
    const grassroots = [
      'CĐCS Công ty TNHH Thử Nghiệm Một',
      'CĐCS Công ty TNHH Thử Nghiệm Hai',
      'CĐCS Công ty TNHH Thử Nghiệm Ba',
    ];
    const today = vietnamDay();
    const yesterday = vietnamDay(-1);
    const twoDaysAgo = vietnamDay(-2);
    const api = await apiSession(baseURL, 'admin', ADMIN_PASSWORD);
    const hanoiId = await unitIdByName(api.get, HANOI);
    const hoanKiemId = await unitIdByName(api.get, HOAN_KIEM);

    const page = await open({ ...DESKTOP, timezoneId: VIETNAM_TZ });
    step('sign in as admin');
    await page.goto('/login');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await visible(page.getByRole('heading', { name: 'Xin chào, Quản trị hệ thống' }));

    step(`create "${district}" (upper union, established 2015) under ${HANOI}`);
    await page.goto(`/units/${hanoiId}`);
    await visible(page.getByRole('heading', { name: HANOI, level: 1 }));
    await page.getByRole('button', { name: 'Thêm đơn vị', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Thêm đơn vị trực thuộc ${HANOI}` });
    await visible(dialog);
    const typeSelect = dialog.getByLabel('Loại đơn vị');
    await typeSelect.click();
    await page.getByRole('option', { name: 'Công đoàn cấp trên cơ sở', exact: true }).click();
    const chosenType = await typeSelect.inputValue();
    if (chosenType !== 'Công đoàn cấp trên cơ sở') throw new Error(`unit type shows "${chosenType}"`);
    await dialog.getByRole('textbox', { name: 'Tên đơn vị' }).fill(district);
    await fillDate(dialog.getByLabel('Ngày thành lập'), '2015-01-01');
    await dialog.getByRole('button', { name: 'Thêm đơn vị', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByText(`Đã thêm ${district}.`));
    const districtId = await unitIdByName(api.get, district);

    step('three grassroots unions under it (API, established 2015)');
    for (const name of grassroots) {
      await api.post('/units', {
        parentId: districtId,
        type: 'grassroots_union',
        name,
        establishedOn: '2015-01-01',
      });
    }
    await page.goto(`/units/${districtId}`);
    await visible(page.getByRole('heading', { name: district, level: 1 }));
    await visible(page.getByText('01/01/2015', { exact: true }));
    for (const name of grassroots) {
      await visible(page.getByRole('tabpanel').getByRole('link', { name, exact: true }));
    }

    step(`"Chuyển đơn vị hàng loạt": all of them to ${HOAN_KIEM}, effective yesterday`);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Chuyển đơn vị hàng loạt' })
      .click();
    await page.waitForURL(/\/units\/bulk-move$/);
    await visible(page.getByRole('heading', { name: 'Chuyển đơn vị hàng loạt', level: 1 }));
    await pickFound(
      page,
      page.getByRole('combobox', { name: 'Đơn vị hiện quản lý' }),
      'Thử Nghiệm',
      district,
    );
    await pickFound(
      page,
      page.getByRole('combobox', { name: 'Cấp trên trực tiếp mới' }),
      'Hoàn Kiếm',
      HOAN_KIEM,
    );
    await fillDate(page.getByLabel('Ngày hiệu lực'), yesterday);
    await page.getByRole('button', { name: 'Xem lại và chuyển', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Xác nhận chuyển hàng loạt' });
    await visible(confirm);
    await visible(confirm.getByText(`Từ: ${district}`, { exact: true }));
    await visible(confirm.getByText(`Sang: ${HOAN_KIEM}`, { exact: true }));
    await visible(confirm.getByText(`Hiệu lực từ: ${shownDate(yesterday)}`, { exact: true }));
    await confirm.getByRole('button', { name: 'Chuyển', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await visible(page.getByRole('status').filter({ hasText: 'Đã chuyển xong' }));
    await visible(page.getByText(/^Đã chuyển 3 đơn vị\. Mã thao tác: \d+\.$/));

    step(`${HOAN_KIEM} now holds them`);
    await page.goto(`/units/${hoanKiemId}`);
    await visible(page.getByRole('heading', { name: HOAN_KIEM, level: 1 }));
    for (const name of grassroots) {
      await visible(page.getByRole('tabpanel').getByRole('link', { name, exact: true }));
    }

    step(`${district}: no children today`);
    await page.goto(`/units/${districtId}`);
    await visible(page.getByRole('heading', { name: district, level: 1 }));
    const panel = page.getByRole('tabpanel');
    await visible(panel.getByText('Chưa có đơn vị trực thuộc', { exact: true }));
    await assertHidden(panel.getByRole('link', { name: grassroots[0] }), `${grassroots[0]} today`);

    step(`"Xem cơ cấu tại ngày" ${twoDaysAgo}: the children as they stood`);
    await fillDate(panel.getByLabel('Xem cơ cấu tại ngày'), twoDaysAgo);
    await visible(
      panel.getByRole('status').filter({ hasText: `Cơ cấu tại ngày ${shownDate(twoDaysAgo)} — chỉ để xem` }),
    );
    for (const name of grassroots) {
      await visible(panel.getByRole('link', { name, exact: true }));
    }
    await assertHidden(panel.getByRole('button', { name: 'Thêm đơn vị' }), '"Thêm đơn vị" in the past view');

    step('back to today: none again');
    await panel.getByRole('button', { name: 'Hôm nay', exact: true }).click();
    await visible(panel.getByText('Chưa có đơn vị trực thuộc', { exact: true }));

    step(`"Giải thể" ${district}`);
    await page.getByRole('button', { name: 'Giải thể', exact: true }).click();
    const dissolve = page.getByRole('dialog', { name: `Giải thể ${district}` });
    await visible(dissolve);
    const effectiveOn = await dissolve.getByLabel('Ngày hiệu lực').inputValue();
    if (effectiveOn !== shownDate(today))
      throw new Error(`the dissolution date defaults to ${effectiveOn}, not ${shownDate(today)}`);
    await dissolve.getByRole('button', { name: 'Xác nhận giải thể', exact: true }).click();
    await dissolve.waitFor({ state: 'hidden' });
    await visible(page.getByText(`Đã giải thể ${district}.`));

    step('its status reads "Đã giải thể"');
    await visible(page.getByText('Đã giải thể', { exact: true }).first());
    await visible(page.getByText(shownDate(today), { exact: true }).first());
    await assertHidden(page.getByRole('button', { name: 'Giải thể', exact: true }), 'the "Giải thể" button');
  };
}

/** A commune officer on a phone creates an account, appoints it at a grassroots union, then ends the term. */
function officeTermJourney(baseURL) {
  return async ({ open, step }) => {
    const suffix = Date.now().toString(36);
    const username = `thu.nghiem.${suffix}`;
    const fullName = `Trần Thị Kiểm Thử ${suffix.toUpperCase()}`;
    const today = vietnamDay();

    step('a grassroots union under Ba Đình (API, as badinh)');
    const api = await apiSession(baseURL, 'badinh', DEMO_PASSWORD);
    const baDinhId = await unitIdByName(api.get, BA_DINH);
    const children = await api.get(`/units/${baDinhId}/children?limit=10`);
    const union = children.items.find((unit) => unit.type === 'grassroots_union' && unit.name !== TEXTILE);
    if (!union) throw new Error(`no grassroots union under ${BA_DINH}`);

    const page = await open({ ...PHONE, timezoneId: VIETNAM_TZ });
    step('sign in as badinh');
    await page.goto('/login');
    await signIn(page, 'badinh', DEMO_PASSWORD);
    await visible(page.getByRole('heading', { name: 'Xin chào, Lê Văn Bình' }));

    step('burger menu → Tài khoản → "Tạo tài khoản"');
    await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Tài khoản' })
      .click();
    await page.waitForURL(/\/accounts\/new$/);
    await visible(page.getByRole('heading', { name: 'Tạo tài khoản', level: 1 }));
    await assertNoHorizontalScroll(page, 'the new account page');
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill(fullName);
    await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(username);
    await page.locator('input[type="password"]').fill('Thu-Nghiem@2026');
    await page.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
    await visible(
      page.getByText(new RegExp(`^Đã tạo tài khoản cho ${escapeRegExp(fullName)} \\(số \\d+\\)\\.$`)),
    );

    step(`${union.name}: "Cán bộ" tab`);
    await page.goto(`/units/${union.id}`);
    await visible(page.getByRole('heading', { name: union.name, level: 1 }));
    await page.getByRole('tab', { name: 'Cán bộ' }).click();
    await page.waitForURL(/tab=officers/);
    const panel = page.getByRole('tabpanel');
    await assertNoHorizontalScroll(page, 'the officers tab');

    step('"Phân công" the new account as "Cán bộ CĐCS" from today');
    await panel.getByRole('button', { name: 'Phân công', exact: true }).click();
    const assign = page.getByRole('dialog', { name: `Phân công cán bộ tại ${union.name}` });
    await visible(assign);
    await pickFound(page, assign.getByRole('combobox', { name: 'Tài khoản' }), username, fullName);
    const roleSelect = assign.getByRole('combobox', { name: 'Chức vụ' });
    await roleSelect.click();
    await page.getByRole('option', { name: 'Cán bộ CĐCS', exact: true }).click();
    await fillDate(assign.getByLabel('Ngày bắt đầu'), today);
    await assertNoHorizontalScroll(page, 'the assignment dialog');
    await assign.getByRole('button', { name: 'Phân công', exact: true }).click();
    await assign.waitFor({ state: 'hidden' });
    await visible(page.getByText(`Đã phân công ${fullName}.`));

    step('the new officer is listed, current, from today');
    const item = panel.getByRole('listitem').filter({ hasText: fullName });
    await visible(item);
    await visible(item.getByText('Cán bộ CĐCS', { exact: true }));
    await visible(item.getByText('Đương nhiệm', { exact: true }));
    await visible(item.getByText(`Từ ${shownDate(today)}`, { exact: true }));
    await assertNoHorizontalScroll(page, 'the officers tab with the new officer');

    step('"Kết thúc nhiệm kỳ" today');
    await item.getByRole('button', { name: 'Kết thúc nhiệm kỳ', exact: true }).click();
    const end = page.getByRole('dialog', { name: 'Kết thúc nhiệm kỳ' });
    await visible(end);
    await visible(end.getByText(`${fullName} — Cán bộ CĐCS, từ ${shownDate(today)}.`, { exact: true }));
    await fillDate(end.getByLabel('Ngày kết thúc'), today);
    await assertNoHorizontalScroll(page, 'the end-of-term dialog');
    await end.getByRole('button', { name: 'Kết thúc nhiệm kỳ', exact: true }).click();
    await end.waitFor({ state: 'hidden' });
    await visible(page.getByText(`Đã kết thúc nhiệm kỳ của ${fullName}.`));

    step('the term now shows its end date');
    await visible(item.getByText(`Nhiệm kỳ ${shownDate(today)} – ${shownDate(today)}`, { exact: true }));
    await assertNoHorizontalScroll(page, 'the officers tab after the term ended');
  };
}

// ——— The member registry ———

const HUNG = 'Đặng Văn Hùng';
const HUNG_BIRTH_DATE = '12/06/1988';

/** Signs in on a fresh page and waits for the greeting. */
async function signedIn(page, login, greeting, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await signIn(page, login, password);
  await visible(page.getByRole('heading', { name: `Xin chào, ${greeting}` }));
}

/** On a phone the navigation sits behind the burger menu; on a desktop it is always shown. */
async function navigate(page, label, url) {
  const burger = page.getByRole('button', { name: 'Mở menu điều hướng' });
  if (await burger.isVisible()) await burger.click();
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: label, exact: true })
    .click();
  await page.waitForURL(url);
  await visible(page.getByRole('heading', { name: label, level: 1 }));
}

/** The member app's bottom tab bar: one tap, then the screen's heading. */
async function memberTab(page, label, url, heading) {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: new RegExp(`^${escapeRegExp(label)}( |$)`) })
    .click();
  await page.waitForURL(url);
  await visible(page.getByRole('heading', { name: heading, level: 1 }));
}

/** The number shown under a figure's label ("Có lỗi" → "1"). */
async function figure(scope, label) {
  const value = scope.getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]');
  return (await value.textContent())?.trim();
}

async function expectFigure(scope, label, expected) {
  const shown = await figure(scope, label);
  if (shown !== expected) throw new Error(`"${label}" shows ${shown}, expected ${expected}`);
}

async function memberSearchJourney({ open, step }) {
  const page = await open(PHONE);
  step('sign in as chutich');
  await signedIn(page, 'chutich', 'Phạm Thị Lan');

  step('burger menu → Đoàn viên: her union’s members');
  await navigate(page, 'Đoàn viên', /\/members$/);
  await visible(page.getByText(/^Đang hiện \d+ đoàn viên$/));
  await assertNoHorizontalScroll(page, 'the member list');

  step('search "dang van hung" without diacritics');
  await page.getByRole('searchbox', { name: 'Tìm đoàn viên' }).fill('dang van hung');
  await page.waitForURL(/[?&]q=dang/);
  const card = page.getByRole('listitem').filter({ hasText: HUNG_BIRTH_DATE });
  await visible(card.getByRole('link', { name: HUNG, exact: true }));
  await assertNoHorizontalScroll(page, 'the search results');

  step('open his profile');
  await card.getByRole('link', { name: HUNG, exact: true }).click();
  await page.waitForURL(/\/members\/\d+$/);
  await visible(page.getByRole('heading', { name: HUNG, level: 1 }));
  const union = page.getByRole('region', { name: 'Công đoàn', exact: true });
  await visible(union.getByText('Mã đoàn viên', { exact: true }));
  await visible(union.getByText(/^DV\d{10}$/));
  await visible(
    page.getByRole('region', { name: 'Nhân thân', exact: true }).getByText(HUNG_BIRTH_DATE, { exact: true }),
  );

  step('the timeline "Quá trình sinh hoạt" starts with his admission');
  const history = page.getByRole('region', { name: 'Quá trình sinh hoạt', exact: true });
  await visible(history.getByText('Kết nạp · 01/05/2012', { exact: true }));
  await assertNoHorizontalScroll(page, 'the member profile');
}

async function admitMemberJourney({ open, step }) {
  const fullName = 'Trần Văn Kiểm Thử';
  const today = vietnamDay();
  const page = await open({ ...PHONE, timezoneId: VIETNAM_TZ });
  step('sign in as chutich');
  await signedIn(page, 'chutich', 'Phạm Thị Lan');

  step('Đoàn viên → "Kết nạp đoàn viên"');
  await navigate(page, 'Đoàn viên', /\/members$/);
  await page.getByRole('link', { name: 'Kết nạp đoàn viên' }).click();
  await page.waitForURL(/\/members\/new$/);
  await visible(page.getByRole('heading', { name: 'Kết nạp đoàn viên', level: 1 }));
  const unit = await page.getByRole('combobox', { name: 'Đơn vị sinh hoạt' }).inputValue();
  if (unit !== TEXTILE) throw new Error(`the unit picker shows "${unit}", not her union`);

  step('fill in the form: born 15/03/1990 (typed dd/mm/yyyy), male, a citizen ID that agrees');
  await page.getByRole('textbox', { name: 'Họ và tên', exact: true }).fill(fullName);
  await fillDate(page.getByRole('textbox', { name: 'Ngày sinh', exact: true }), '1990-03-15');
  await page.getByRole('radio', { name: 'Nam', exact: true }).check();
  // Born in 1990, male: century/sex digit 0, year 90; province 079 (none of the demo members' 001).
  await page.getByRole('textbox', { name: 'Số định danh cá nhân' }).fill('079090123456');
  await page.getByRole('textbox', { name: 'Nghề nghiệp, công việc' }).fill('Thợ dệt');
  await assertNoHorizontalScroll(page, 'the admission form');
  await page.getByRole('button', { name: 'Kết nạp', exact: true }).click();

  step('the new profile: Đang sinh hoạt, a member code, admitted today');
  await page.waitForURL(/\/members\/\d+$/);
  await visible(page.getByRole('heading', { name: fullName, level: 1 }));
  await visible(
    page.getByText(new RegExp(`^Đã kết nạp ${escapeRegExp(fullName)}, mã đoàn viên DV\\d{10}\\.$`)),
  );
  await visible(page.getByText(new RegExp(`^DV\\d{10} · ${escapeRegExp(TEXTILE)}$`)));
  const union = page.getByRole('region', { name: 'Công đoàn', exact: true });
  await visible(union.getByText('Đang sinh hoạt', { exact: true }));
  await visible(
    page.getByRole('region', { name: 'Nhân thân', exact: true }).getByText('15/03/1990', { exact: true }),
  );
  const history = page.getByRole('region', { name: 'Quá trình sinh hoạt', exact: true });
  await visible(history.getByText(`Kết nạp · ${shownDate(today)}`, { exact: true }));

  step('Thao tác → "Tạm dừng sinh hoạt", confirmed in its dialog');
  await page.getByRole('button', { name: 'Thao tác', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Tạm dừng sinh hoạt', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Tạm dừng sinh hoạt: ${fullName}` });
  await visible(dialog);
  const date = await dialog.getByLabel('Ngày hiệu lực').inputValue();
  if (date !== shownDate(today)) throw new Error(`the event date defaults to "${date}", not today`);
  await dialog.getByRole('textbox', { name: 'Lý do' }).fill('Nghỉ không lương 6 tháng');
  await assertNoHorizontalScroll(page, 'the event dialog');
  await dialog.getByRole('button', { name: 'Tạm dừng sinh hoạt', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await visible(page.getByText(`Đã ghi nhận “Tạm dừng sinh hoạt” cho ${fullName}.`));

  step('the status reads "Tạm dừng sinh hoạt"; the timeline has the event');
  await visible(union.getByText('Tạm dừng sinh hoạt', { exact: true }));
  await assertHidden(union.getByText('Đang sinh hoạt', { exact: true }), '"Đang sinh hoạt"');
  await visible(history.getByText(`Tạm dừng sinh hoạt · ${shownDate(today)}`, { exact: true }));
  await visible(history.getByText('Lý do: Nghỉ không lương 6 tháng', { exact: true }));
}

async function importMembersJourney({ open, step }) {
  const rows = [
    ['Lê Thị Nhập Một', '05/04/1992', 'Nữ', '079192100001'],
    ['Trần Văn Nhập Hai', '15/03/1990', 'Nam', '079090100002'],
    ['Nguyễn Thị Nhập Ba', '20/11/1995', 'Nữ', '079195100003'],
    ['Phạm Văn Lỗi', '20/10/1991', 'Nam', '12345'], // a citizen ID of 5 digits: row 5 is refused
  ];
  const dir = await mkdtemp(path.join(tmpdir(), 'cds-e2e-import-'));
  const file = path.join(dir, 'danh-sach-doan-vien.csv');
  await writeFile(
    file,
    `Họ và tên,Ngày sinh,Giới tính,Số CCCD\n${rows.map((row) => row.join(',')).join('\n')}\n`,
  );
  try {
    const page = await open(PHONE);
    step('sign in as chutich');
    await signedIn(page, 'chutich', 'Phạm Thị Lan');

    step('burger menu → Nhập đoàn viên từ Excel');
    await navigate(page, 'Nhập đoàn viên từ Excel', /\/members\/import$/);
    const unit = await page.getByRole('combobox', { name: 'Công đoàn cơ sở nhận danh sách' }).inputValue();
    if (unit !== TEXTILE) throw new Error(`the unit picker shows "${unit}", not her union`);
    await assertNoHorizontalScroll(page, 'the import page');

    step('choose the CSV file, "Kiểm tra tệp"');
    await page.locator('input[type="file"]').setInputFiles(file);
    await visible(page.getByText('danh-sach-doan-vien.csv'));
    await page.getByRole('button', { name: 'Kiểm tra tệp', exact: true }).click();

    step('the preview: 4 rows, 3 valid, 1 error (row 5, Số CCCD)');
    const commit = page.getByRole('button', { name: 'Nhập 3 dòng hợp lệ', exact: true });
    await visible(commit);
    await expectFigure(page, 'Tổng số dòng', '4');
    await expectFigure(page, 'Hợp lệ', '3');
    await expectFigure(page, 'Có lỗi', '1');
    await expectFigure(page, 'Kết nạp mới', '3');
    const errors = page.getByRole('region', { name: 'Các dòng có lỗi' });
    const errorRows = errors.getByRole('row').filter({ hasText: 'Số CCCD' });
    await visible(errorRows.first());
    if ((await errorRows.count()) !== 1)
      throw new Error(`expected 1 error row, saw ${await errorRows.count()}`);
    await visible(errorRows.getByRole('cell', { name: '5', exact: true }));
    await assertNoHorizontalScroll(page, 'the import preview');

    step('commit; wait for the job to finish');
    await commit.click();
    const done = page.getByRole('status').filter({ hasText: 'Đã nhập xong' });
    await visible(done, 60_000);

    step('the result: 3 admitted, the bad row rejected');
    await expectFigure(done, 'Kết nạp mới', '3');
    await expectFigure(done, 'Bị từ chối', '1'); // the row with the bad citizen ID
    await assertNoHorizontalScroll(page, 'the import result');

    step('"Xem danh sách đoàn viên": an imported member is there');
    await page.getByRole('link', { name: 'Xem danh sách đoàn viên' }).click();
    await page.waitForURL(/\/members\?unitId=\d+/);
    await page.getByRole('searchbox', { name: 'Tìm đoàn viên' }).fill('nhap hai');
    await visible(page.getByRole('link', { name: 'Trần Văn Nhập Hai', exact: true }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function correctionJourney({ open, step }) {
  const occupation = 'Thợ dệt bậc 4';
  const member = await open(PHONE);
  step('sign in as the member 0912345678');
  await signedIn(member, '0912345678', HUNG);

  step('bottom tab "Tôi" → Hồ sơ đoàn viên của tôi');
  await memberTab(member, 'Tôi', /\/members\/me$/, 'Hồ sơ đoàn viên của tôi');
  await visible(member.getByText(new RegExp(`^${escapeRegExp(HUNG)} · DV\\d{10} · `)));
  await assertNoHorizontalScroll(member, 'my member record');

  step('"Đề nghị sửa thông tin": a new occupation');
  await member.getByRole('button', { name: 'Đề nghị sửa thông tin', exact: true }).click();
  const request = member.getByRole('dialog', { name: 'Đề nghị sửa thông tin' });
  await visible(request);
  const birthDate = await request.getByRole('textbox', { name: 'Ngày sinh', exact: true }).inputValue();
  if (birthDate !== HUNG_BIRTH_DATE) throw new Error(`the birth date field shows "${birthDate}"`);
  await request.getByRole('textbox', { name: 'Nghề nghiệp, công việc' }).fill(occupation);
  await request.getByRole('textbox', { name: 'Ghi chú cho cán bộ công đoàn' }).fill('Đã thi nâng bậc.');
  await assertNoHorizontalScroll(member, 'the correction dialog');
  await request.getByRole('button', { name: 'Gửi đề nghị', exact: true }).click();
  await request.waitFor({ state: 'hidden' });
  await visible(member.getByText('Đã gửi đề nghị sửa thông tin.'));
  await visible(member.getByText('Bạn có một đề nghị sửa thông tin đang chờ duyệt.'));
  const mine = member.getByRole('region', { name: 'Đề nghị sửa thông tin của tôi' });
  await visible(mine.getByText('Chờ duyệt', { exact: true }));
  await visible(mine.getByText(occupation, { exact: true }));

  const officer = await open(PHONE);
  step('chutich: burger menu → Duyệt sửa thông tin');
  await signedIn(officer, 'chutich', 'Phạm Thị Lan');
  await navigate(officer, 'Duyệt sửa thông tin', /\/members\/corrections$/);
  const item = officer.getByRole('listitem').filter({ hasText: HUNG }).filter({ hasText: occupation });
  await visible(item);
  await assertNoHorizontalScroll(officer, 'the corrections queue');

  step('"Duyệt", confirmed in its dialog');
  await item.getByRole('button', { name: 'Duyệt', exact: true }).click();
  const approve = officer.getByRole('dialog', { name: `Duyệt đề nghị của ${HUNG}` });
  await visible(approve);
  await visible(approve.getByText(occupation, { exact: true }));
  await approve.getByRole('button', { name: 'Duyệt', exact: true }).click();
  await approve.waitFor({ state: 'hidden' });
  await visible(officer.getByText(`Đã duyệt và cập nhật hồ sơ của ${HUNG}.`));
  await item.waitFor({ state: 'detached' });

  step('the member sees the record changed and the request approved');
  await member.reload();
  await visible(
    member.getByRole('region', { name: 'Việc làm', exact: true }).getByText(occupation, { exact: true }),
  );
  await visible(mine.getByText('Đã duyệt', { exact: true }));
  await assertHidden(
    member.getByText('Bạn có một đề nghị sửa thông tin đang chờ duyệt.'),
    'the pending-request notice',
  );
}

/** The member app on a phone: bottom tabs, the member's union and officers, the inbox. */
function memberAppJourney(baseURL) {
  return async ({ open, step }) => {
    const rejected = 'Yêu cầu sửa hồ sơ không được duyệt';
    step('API: the member asks for a correction and the chair refuses it (a notification for him)');
    const hung = await apiSession(baseURL, '0912345678', DEMO_PASSWORD);
    const chair = await apiSession(baseURL, 'chutich', DEMO_PASSWORD);
    const asked = await hung.post('/me/member/corrections', {
      changes: { qualification: 'Kỹ sư dệt may' },
      note: 'Kiểm thử ứng dụng đoàn viên',
    });
    await chair.post(`/members/corrections/${asked.id}/decision`, {
      decision: 'reject',
      reason: 'Chưa có văn bằng',
    });
    const union = await hung.get('/me/union');

    const page = await open(PHONE);
    step('sign in as the member 0912345678 on a 360 px phone');
    await signedIn(page, '0912345678', HUNG);

    step('the bottom tabs: five, at least 48 px tall, at the bottom of the screen');
    const tabBar = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const expected = ['Trang chủ', 'Thẻ', 'Công đoàn', 'Thông báo', 'Tôi'];
    const count = await tabBar.getByRole('link').count();
    if (count !== expected.length) throw new Error(`${count} tabs instead of ${expected.length}`);
    const { height } = page.viewportSize();
    for (const label of expected) {
      const tab = tabBar.getByRole('link', { name: new RegExp(`^${escapeRegExp(label)}( |$)`) });
      await visible(tab);
      const box = await tab.boundingBox();
      if (!box || box.height < 48) throw new Error(`the tab "${label}" is ${box?.height} px tall`);
      if (Math.abs(box.y + box.height - height) > 2)
        throw new Error(`the tab "${label}" is not at the bottom`);
    }
    await visible(tabBar.getByRole('link', { name: /^Thông báo \d+ chưa đọc$/ }));

    step('the home: his union, the new notification');
    await visible(page.getByText(union.unit.name, { exact: true }));
    await visible(page.getByRole('region', { name: 'Thông báo mới' }).getByText(rejected).first());
    await assertNoHorizontalScroll(page, 'the member home');

    step('tab "Công đoàn": his union, the unions above it, the officers to call');
    await memberTab(page, 'Công đoàn', /\/my-union$/, 'Công đoàn của tôi');
    await visible(page.getByRole('heading', { name: union.unit.name, level: 2 }));
    const chain = page.getByRole('navigation', { name: 'Các cấp công đoàn' });
    for (const superior of union.superiors.filter((unit) => unit.id !== union.unit.id)) {
      await visible(chain.getByText(superior.name, { exact: true }));
    }
    const officers = page.getByRole('region', { name: 'Cán bộ công đoàn' });
    if (union.officers.length === 0) throw new Error('GET /me/union lists no officer for the demo member');
    await visible(officers.getByText(union.officers[0].fullName, { exact: true }).first());
    const reachable = union.officers.find((officer) => officer.phone);
    if (reachable) {
      const call = officers.getByRole('link', {
        name: new RegExp(`^Gọi ${escapeRegExp(reachable.fullName)}`),
      });
      const href = await call.first().getAttribute('href');
      if (!href?.startsWith('tel:')) throw new Error(`the call link of ${reachable.fullName} is "${href}"`);
    }
    await assertNoHorizontalScroll(page, 'Công đoàn của tôi');

    step('tab "Thông báo": the refusal, marked new; opening the inbox reads it');
    await memberTab(page, 'Thông báo', /\/notifications$/, 'Thông báo');
    const item = page.getByRole('listitem').filter({ hasText: rejected }).first();
    await visible(item);
    await visible(item.getByText('Mới', { exact: true }));
    await visible(item.getByText('Lý do: Chưa có văn bằng', { exact: false }));
    await visible(
      page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Thông báo', exact: true }),
    );
    const inbox = await hung.get('/me/notifications?limit=5');
    if (inbox.unread !== 0)
      throw new Error(`${inbox.unread} notification(s) still unread after opening the inbox`);
    await assertNoHorizontalScroll(page, 'Thông báo');

    step('tapping the notification opens his record ("Tôi"), where he can also sign out');
    await item.getByRole('link').click();
    await page.waitForURL(/\/members\/me$/);
    await visible(page.getByRole('heading', { name: 'Hồ sơ đoàn viên của tôi', level: 1 }));
    await visible(page.getByRole('button', { name: 'Đăng xuất', exact: true }));
  };
}

async function exportMembersJourney({ open, step }) {
  const page = await open({ ...DESKTOP, acceptDownloads: true });
  step('sign in as hanoi (federation officer)');
  await signedIn(page, 'hanoi', 'Nguyễn Thị Hà');

  step('Đoàn viên: the members of the whole city');
  await navigate(page, 'Đoàn viên', /\/members$/);
  await visible(page.getByText(/^Đang hiện \d+ đoàn viên$/));

  step('"Xuất danh sách" → "Tệp Excel (.xlsx)": the download starts');
  await page.getByRole('button', { name: 'Xuất danh sách', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('menuitem', { name: 'Tệp Excel (.xlsx)' }).click(),
  ]);

  step('the file is a non-empty xlsx (a zip: "PK")');
  const name = download.suggestedFilename();
  if (!name.endsWith('.xlsx')) throw new Error(`the download is named "${name}"`);
  const failure = await download.failure();
  if (failure) throw new Error(`the download failed: ${failure}`);
  const saved = await download.path();
  const { size } = await stat(saved);
  const head = Buffer.alloc(2);
  const handle = await openFile(saved, 'r');
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  if (size < 1000 || head.toString('latin1') !== 'PK') {
    throw new Error(
      `"${name}" is not an xlsx: ${size} bytes starting ${JSON.stringify(head.toString('latin1'))}`,
    );
  }
}

async function statisticsJourney({ open, step }) {
  const page = await open({ ...PHONE, acceptDownloads: true });
  step('sign in as hanoi (federation officer) on a 360 px phone');
  await signedIn(page, 'hanoi', 'Nguyễn Thị Hà');

  step('burger menu → Thống kê opens on her own unit, the Hà Nội federation');
  await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Thống kê', exact: true })
    .click();
  await page.waitForURL(/\/statistics\/\d+$/);
  await visible(page.getByRole('heading', { name: HANOI, level: 1 }));

  step('the key figures: live, members counted the Vietnamese way');
  const figures = page.getByRole('region', { name: 'Số liệu chính' });
  await visible(page.getByText('Số liệu trực tiếp', { exact: true }));
  const members = await figure(figures, 'Đoàn viên');
  if (!/^\d{1,3}(\.\d{3})*$/.test(members ?? '')) throw new Error(`"Đoàn viên" shows "${members}"`);
  await visible(figures.getByText('Kết nạp mới', { exact: true }));

  step('the child-unit table lists Ba Đình; no horizontal scrolling at 360 px');
  const children = page.getByRole('table', { name: 'Đơn vị trực thuộc' });
  const baDinh = children.getByRole('link', { name: BA_DINH, exact: true });
  await visible(baDinh);
  await assertNoHorizontalScroll(page, 'the statistics of the Hà Nội federation');

  step('drill down: Ba Đình from the table');
  await baDinh.click();
  await visible(page.getByRole('heading', { name: BA_DINH, level: 1 }));
  await visible(page.getByRole('region', { name: 'Số liệu chính' }));
  await visible(page.getByRole('table', { name: 'Đơn vị trực thuộc' }).getByRole('link').first());
  await assertNoHorizontalScroll(page, 'the statistics of Ba Đình');

  step('back up through the breadcrumb');
  await page
    .getByRole('navigation', { name: 'Vị trí của đơn vị đang xem' })
    .getByRole('link', { name: HANOI, exact: true })
    .click();
  await visible(page.getByRole('heading', { name: HANOI, level: 1 }));

  step('"Báo cáo tổ chức" as Excel: the download starts');
  const report = page.getByRole('region', { name: 'Báo cáo tổ chức' });
  await report.getByRole('radio', { name: 'Excel (.xlsx)' }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    report.getByRole('button', { name: 'Tải báo cáo', exact: true }).click(),
  ]);

  step('the report is a non-empty xlsx');
  const name = download.suggestedFilename();
  if (!name.endsWith('.xlsx')) throw new Error(`the report is named "${name}"`);
  const failure = await download.failure();
  if (failure) throw new Error(`the download failed: ${failure}`);
  const { size } = await stat(await download.path());
  if (size === 0) throw new Error(`"${name}" is empty`);
  await visible(report.getByText(`Đã tải tệp ${name}.`));
  await assertNoHorizontalScroll(page, 'the statistics page after the download');
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  let browser;
  try {
    if (!existsSync(WEB_INDEX)) {
      results.push({ name: 'web app is built', ok: false });
      console.log(`✗ web app is built: ${path.relative(ROOT, WEB_INDEX)} is missing; run npm run build:web`);
      return;
    }
    let baseURL;
    try {
      baseURL = await startServer();
      results.push({ name: 'server starts', ok: true });
      console.log(`✓ server starts (${((Date.now() - started) / 1000).toFixed(1)} s, ${baseURL})`);
    } catch (error) {
      results.push({ name: 'server starts', ok: false });
      console.log(`✗ server starts: ${error.message}`);
      return;
    }
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
    } catch (error) {
      results.push({ name: 'Chromium starts', ok: false });
      console.log(`✗ Chromium starts (${CHROMIUM}): ${String(error.message).split('\n')[0]}`);
      return;
    }

    const journeys = [
      ['phone (360 px, vi): chair signs in, opens her union, branches, officers', phoneChairJourney],
      ['wrong password shows the server message in Vietnamese', wrongPasswordJourney],
      ['admin: tree, search without diacritics, add a unit, audit log', adminJourney],
      ['language switch VI → EN → VI', languageJourney],
      ['scope: commune officer cannot open units above her', scopeJourney(baseURL)],
      [
        '2025 reorganisation: new upper union, bulk move, structure at a past date, dissolve',
        reorganisationJourney(baseURL),
      ],
      [
        'phone (360 px, vi): commune officer creates an account, appoints it, ends the term',
        officeTermJourney(baseURL),
      ],
      ['members, phone: chair finds "dang van hung", opens the profile and timeline', memberSearchJourney],
      ['members, phone: chair admits a member (dates dd/mm/yyyy), then suspends them', admitMemberJourney],
      [
        'members, phone: chair imports a CSV (3 valid rows, 1 error) through the wizard',
        importMembersJourney,
      ],
      ['members, phone: a member asks for a correction, the chair approves it', correctionJourney],
      [
        'member app, phone: bottom tabs, Công đoàn (union, officers), Thông báo (read on opening)',
        memberAppJourney(baseURL),
      ],
      ['members, desktop: federation officer exports the list as xlsx', exportMembersJourney],
      [
        'statistics, phone: federation officer drills down, comes back, downloads the organisation report',
        statisticsJourney,
      ],
      ...officerCardJourneys({ baseURL }),
      ...voiceJourneys(),
      ...assistantJourneys(),
      // Last: the card journey suspends (then resumes) the member 0912345678 whom earlier journeys use.
      ...cardJourneys({ baseURL, chromiumPath: CHROMIUM, artifacts: ARTIFACTS }),
    ];
    // E2E_ONLY=text runs only the journeys whose name contains it (while working on one).
    const only = process.env.E2E_ONLY;
    for (const [name, journey] of journeys) {
      if (!only || name.includes(only)) await check(browser, baseURL, name, journey);
    }
  } finally {
    if (browser) await browser.close().catch(() => {});
    const failedAny = results.some((result) => !result.ok);
    if (failedAny && serverLog.length > 0) {
      console.log('\nserver log (last lines, LOG_LEVEL=warn):');
      for (const line of serverLog.slice(-20)) console.log(`  ${line}`);
    }
    await stopServer();
    const passed = results.filter((result) => result.ok).length;
    const failed = results.length - passed;
    // The summary stands alone on its line, the form CI reads; the time goes on the line before.
    console.log(`\ntook ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 ? 1 : 0;
  }
}

await main().catch(async (error) => {
  console.error(error);
  await stopServer().catch(() => {});
  console.log('\nthe runner crashed');
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
process.exit(process.exitCode ?? 1);
