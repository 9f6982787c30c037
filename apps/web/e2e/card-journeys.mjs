// Browser journeys of the union card: the member's card on a phone (offline too, after a reload), the
// public verifier scanning it with a camera, and the status list turning it invalid once the member is
// suspended. run.mjs runs them with the others: `E2E_ONLY=card npm run test:e2e`.
import { mkdir, mkdtemp, open as openFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import QRCode from 'qrcode';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' };
const MEMBER_LOGIN = '0912345678';
const MEMBER_NAME = 'Đặng Văn Hùng';
const DEMO_PASSWORD = 'Demo@2026';
const PROOF_WINDOW_MS = 30_000;

const visible = (locator, timeout) => locator.waitFor({ state: 'visible', timeout });

async function assertNoHorizontalScroll(page, where) {
  await page.waitForLoadState('load');
  const { width } = page.viewportSize();
  const scrollWidth = await page.evaluate('document.documentElement.scrollWidth');
  if (scrollWidth > width + 1) {
    throw new Error(`horizontal scrolling on ${where}: scrollWidth ${scrollWidth} > ${width} px`);
  }
}

/** `yyyy-mm-dd` today in Vietnam, the calendar the server checks event dates against. */
const vietnamToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** Signs in through the API; `post` carries the session as a bearer token. */
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
  return { get: (apiPath) => call('GET', apiPath), post: (apiPath, body) => call('POST', apiPath, body) };
}

/** The presentation the member's QR carries now (the page keeps it on the QR's `data-presentation`). */
async function currentPresentation(page) {
  const qr = page.locator('svg[data-presentation]');
  await visible(qr);
  const presentation = await qr.getAttribute('data-presentation');
  const window = Number(presentation?.split('~')[1]);
  const now = Math.floor(Date.now() / PROOF_WINDOW_MS);
  // A phone card's QR: credential~window~proof, for the current 30-second window (±1 for the tick).
  if (!presentation || presentation.split('~').length !== 3 || Math.abs(window - now) > 1) {
    throw new Error(`the QR does not carry a live presentation: ${presentation?.slice(-60)}`);
  }
  return presentation;
}

/**
 * A Y4M video (what Chromium's fake camera plays, looped) showing the QR code of `text`: black modules
 * on white with a wide quiet zone, 640×480, 4:2:0 with grey chroma, a couple of seconds of frames.
 */
async function writeQrVideo(file, text) {
  const width = 640;
  const height = 480;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (modules.size + 2 * quiet));
  if (scale < 2)
    throw new Error(`the QR (${modules.size} modules) is too dense for a ${width}×${height} frame`);
  const luma = Buffer.alloc(width * height, 255);
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y += 1) {
        const start = (top + row * scale + y) * width + left + col * scale;
        luma.fill(0, start, start + scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const handle = await openFile(file, 'w');
  try {
    await handle.write(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
    for (let i = 0; i < 20; i += 1) await handle.write(frame);
  } finally {
    await handle.close();
  }
}

/** The member's card opens on a 360 px phone; the service worker is allowed, as on a real phone. */
async function openMemberCard(open, step) {
  const member = await open({ ...PHONE, serviceWorkers: 'allow' });
  step('the member 0912345678 signs in on a 360 px phone');
  await member.goto('/login');
  await member.getByLabel('Tên đăng nhập').fill(MEMBER_LOGIN);
  await member.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await member.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await visible(member.getByRole('heading', { name: `Xin chào, ${MEMBER_NAME}` }));

  step('the "Thẻ" tab: the card with a QR made on the phone');
  await member.getByRole('link', { name: 'Thẻ', exact: true }).click();
  await member.waitForURL(/\/card$/);
  await visible(member.getByRole('heading', { name: 'Thẻ đoàn viên', level: 1 }));
  await visible(member.getByRole('heading', { name: MEMBER_NAME, exact: true }));
  await visible(member.getByText('Còn hiệu lực', { exact: true }));
  await visible(member.getByRole('img', { name: `Mã QR thẻ đoàn viên của ${MEMBER_NAME}` }));
  await currentPresentation(member);
  await assertNoHorizontalScroll(member, 'the card page');
  return member;
}

function offlineCardJourney({ baseURL, chromiumPath, artifacts }) {
  return async ({ open, step }) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cds-e2e-card-'));
    const chair = await apiSession(baseURL, 'chutich', DEMO_PASSWORD);
    let suspendedId;
    let verifierBrowser;
    let verifier;
    try {
      const member = await openMemberCard(open, step);

      step('the service worker has the app: it controls the page');
      await member.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
        timeout: 30_000,
      });

      step('the network goes off; the page is reloaded');
      await member.context().setOffline(true);
      await member.reload();
      await visible(member.getByText('Đang ngoại tuyến — thẻ vẫn dùng được'), 20_000);
      if (!/\/card$/.test(member.url())) throw new Error(`offline, the card page went to ${member.url()}`);
      await visible(member.getByRole('heading', { name: MEMBER_NAME, exact: true }));
      await currentPresentation(member);
      await assertNoHorizontalScroll(member, 'the card page offline');

      step(
        'offline, the app opened at "/" (as an installed app starts) offers the card, not the sign-in page',
      );
      await member.goto('/');
      await member.getByRole('link', { name: 'Mở thẻ đoàn viên (dùng được khi không có mạng)' }).click();
      await member.waitForURL(/\/card$/);
      await visible(member.getByText('Đang ngoại tuyến — thẻ vẫn dùng được'));
      const offlinePresentation = await currentPresentation(member);

      step('a verifier points a camera at it: /verify in a second Chromium with a fake camera');
      const video = path.join(dir, 'the-doan-vien.y4m');
      await writeQrVideo(video, offlinePresentation);
      verifierBrowser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-video-capture=${video}`,
        ],
      });
      const verifierContext = await verifierBrowser.newContext({
        ...PHONE,
        baseURL,
        permissions: ['camera'],
      });
      verifierContext.setDefaultTimeout(10_000);
      verifier = await verifierContext.newPage();
      await verifier.goto('/verify');
      await visible(verifier.getByRole('heading', { name: 'Kiểm tra thẻ đoàn viên', level: 1 }));
      await verifier.getByRole('button', { name: 'Quét mã bằng camera' }).click();
      const result = verifier.getByRole('region', { name: /^Thẻ (không )?hợp lệ$/ });
      await visible(verifier.getByRole('heading', { name: 'Thẻ hợp lệ', level: 2 }), 30_000);
      await visible(result.getByText(MEMBER_NAME, { exact: true }));
      await visible(result.getByText('Đang sinh hoạt', { exact: true }));
      await assertNoHorizontalScroll(verifier, 'the verifier page with a result');

      step('the chair (chutich) records "Tạm dừng sinh hoạt" for the member, through the API');
      const found = await chair.get(`/members?q=${encodeURIComponent('dang van hung')}&limit=20`);
      const hung = found.items.find((item) => item.fullName === MEMBER_NAME);
      if (!hung) throw new Error(`${MEMBER_NAME} not found by GET /members?q=dang van hung`);
      await chair.post(`/members/${hung.id}/events`, {
        type: 'suspend',
        date: vietnamToday(),
        reason: 'Kiểm thử thẻ đoàn viên',
      });
      suspendedId = hung.id;

      step('the verifier: "Kiểm tra ngoại tuyến", "Cập nhật danh sách", then the network goes off');
      await verifier.getByText('Kiểm tra ngoại tuyến', { exact: true }).click();
      await Promise.all([
        verifier.waitForResponse((response) => response.url().includes('/api/v1/cards/status-list')),
        verifier.getByRole('button', { name: 'Cập nhật danh sách' }).click(),
      ]);
      await visible(
        verifier.getByText(/^Danh sách trạng thái cập nhật lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/),
      );
      // Offline, nothing but the kept keys and status list can answer: not the live API.
      await verifierContext.setOffline(true);
      await visible(
        verifier.getByText('Không có mạng: đang kiểm tra ngoại tuyến bằng dữ liệu đã lưu trên máy.'),
      );

      step('the same card (its QR now) checked offline: not valid, the status list says so');
      const presentation = await currentPresentation(member);
      await verifier.getByRole('textbox', { name: 'Hoặc dán mã thẻ' }).fill(presentation);
      await verifier.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      await visible(verifier.getByRole('heading', { name: 'Thẻ không hợp lệ', level: 2 }));
      await visible(
        result.getByText(
          'Danh sách trạng thái cho biết thẻ đã bị thu hồi hoặc đoàn viên đang tạm dừng sinh hoạt.',
        ),
      );
      await visible(result.getByText(MEMBER_NAME, { exact: true }));
      await visible(result.getByText(/Kiểm tra ngoại tuyến lúc/));
    } catch (error) {
      if (verifier) {
        await mkdir(artifacts, { recursive: true });
        const file = path.join(artifacts, 'card-verifier.png');
        await verifier.screenshot({ path: file, fullPage: true, timeout: 5000 }).catch(() => {});
        console.log(`    verifier screenshot: ${path.relative(process.cwd(), file)}`);
      }
      throw error;
    } finally {
      // Journeys share one server: the member is active again for the others.
      if (suspendedId !== undefined) {
        await chair.post(`/members/${suspendedId}/events`, { type: 'resume', date: vietnamToday() });
      }
      await verifierBrowser?.close().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    }
  };
}

async function garbageCodeJourney({ open, step }) {
  const page = await open(PHONE);
  step('the login page links to the public card check');
  await page.goto('/login');
  await page.getByRole('link', { name: 'Kiểm tra thẻ đoàn viên' }).click();
  await page.waitForURL(/\/verify$/);
  await visible(page.getByRole('heading', { name: 'Kiểm tra thẻ đoàn viên', level: 1 }));
  await assertNoHorizontalScroll(page, 'the verifier page');

  step('a pasted code that is no card: "Thẻ không hợp lệ" with the reason');
  await page.getByRole('textbox', { name: 'Hoặc dán mã thẻ' }).fill('day-khong-phai-the-doan-vien~1~abc');
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await visible(page.getByRole('heading', { name: 'Thẻ không hợp lệ', level: 2 }));
  await visible(page.getByText('Đây không phải mã thẻ đoàn viên, hoặc mã bị thiếu, bị hỏng.'));
  await visible(page.getByText(/^Kiểm tra trực tuyến lúc/));

  step('the same code checked offline, with the list kept on this device');
  await page.getByText('Kiểm tra ngoại tuyến', { exact: true }).click();
  await visible(page.getByText(/^Danh sách trạng thái cập nhật lúc /));
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await visible(page.getByText(/^Kiểm tra ngoại tuyến lúc/));
  await visible(page.getByRole('heading', { name: 'Thẻ không hợp lệ', level: 2 }));
  await assertNoHorizontalScroll(page, 'the verifier page with a result');
}

/** The card journeys, as `[name, journey]` pairs for run.mjs's list. */
export function cardJourneys(options) {
  return [
    [
      'card, phone: the member card works offline after a reload, a camera verifies it, the status list then refuses it',
      offlineCardJourney(options),
    ],
    ['card, verifier: a pasted code that is no card is refused with its reason', garbageCodeJourney],
  ];
}
