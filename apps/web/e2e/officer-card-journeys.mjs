// Browser journey of the officers' and partners' card screens: a grassroots chair prints a member's card
// and issues printed cards to her whole union, a partner merchant records a benefit with the card's code,
// and the federation officer sees that use. run.mjs runs it with the others: `E2E_ONLY='officer cards' npm run test:e2e`.
import { readFile } from 'node:fs/promises';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' };
const DEMO_PASSWORD = 'Demo@2026';
const TEXTILE = 'CĐCS Công ty TNHH Dệt may Thăng Long';
/** Journeys before this one suspend and resume him: another member of the same union is used here. */
const HUNG = 'Đặng Văn Hùng';
const BENEFIT = 'Giảm 10% hoá đơn';
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const visible = (locator, timeout) => locator.waitFor({ state: 'visible', timeout });

async function assertNoHorizontalScroll(page, where) {
  await page.waitForLoadState('load');
  const { width } = page.viewportSize();
  const scrollWidth = await page.evaluate('document.documentElement.scrollWidth');
  if (scrollWidth > width + 1) {
    throw new Error(`horizontal scrolling on ${where}: scrollWidth ${scrollWidth} > ${width} px`);
  }
}

/** Signs in through the API; `get` carries the session as a bearer token. */
async function apiGet(baseURL, login) {
  const response = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'vi' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`API login ${login}: HTTP ${response.status} ${await response.text()}`);
  const { token } = await response.json();
  return async (apiPath) => {
    const answer = await fetch(`${baseURL}/api/v1${apiPath}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    if (!answer.ok) throw new Error(`GET ${apiPath}: HTTP ${answer.status} ${await answer.text()}`);
    return answer.json();
  };
}

/** Signs in on a fresh page and waits for the greeting. */
async function signedIn(page, login, greeting) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await visible(page.getByRole('heading', { name: `Xin chào, ${greeting}` }));
}

/** On a phone the navigation sits behind the burger menu. */
async function navigate(page, label, url, heading = label) {
  await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: label, exact: true })
    .click();
  await page.waitForURL(url);
  await visible(page.getByRole('heading', { name: heading, level: 1 }));
}

/** Clicks, waits for the download it starts, and checks the file is a PDF ("%PDF"). */
async function downloadPdf(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  const name = download.suggestedFilename();
  const failure = await download.failure();
  if (failure) throw new Error(`the download of "${name}" failed: ${failure}`);
  const content = await readFile(await download.path());
  if (!name.endsWith('.pdf') || content.subarray(0, 4).toString('latin1') !== '%PDF') {
    throw new Error(`"${name}" is not a PDF: ${content.length} bytes starting ${content.subarray(0, 8)}`);
  }
  return name;
}

function officerCardJourney(baseURL) {
  return async ({ open, step }) => {
    step('API: an active member of the textile union (not Hùng, whom other journeys suspend)');
    const chairApi = await apiGet(baseURL, 'chutich');
    const listed = await chairApi('/members?limit=50');
    // Her scope is the textile union: whoever the search finds is one of its members.
    const member = listed.items.find((item) => item.status === 'active' && item.fullName !== HUNG);
    if (!member) throw new Error('no active member of the textile union found by GET /members');

    const chair = await open({ ...PHONE, acceptDownloads: true });
    step('sign in as chutich on a 360 px phone and open the member');
    await signedIn(chair, 'chutich', 'Phạm Thị Lan');
    await chair.goto(`/members/${member.id}`);
    await visible(chair.getByRole('heading', { name: member.fullName, level: 1 }));
    const cards = chair.getByRole('region', { name: 'Thẻ đoàn viên', exact: true });
    await visible(cards.getByRole('button', { name: 'In thẻ', exact: true }));

    step('"In thẻ": the printed card downloads as a PDF and joins the card history');
    const cardFile = await downloadPdf(chair, cards.getByRole('button', { name: 'In thẻ', exact: true }));
    if (!cardFile.includes(member.memberCode)) throw new Error(`the card file is named "${cardFile}"`);
    const history = cards.getByRole('list', { name: 'Các thẻ đã cấp' });
    const printed = history.getByRole('listitem').filter({ hasText: 'Thẻ in' }).first();
    await visible(printed.getByText('Còn hiệu lực', { exact: true }));
    await assertNoHorizontalScroll(chair, 'the member page with its cards');

    step('"Xem mã QR thẻ in": the QR of the same card, whose code the merchant will get');
    await cards.getByRole('button', { name: 'Xem mã QR thẻ in' }).click();
    const dialog = chair.getByRole('dialog', { name: 'Mã QR thẻ in' });
    const qr = dialog.locator('svg[data-presentation]');
    await visible(qr);
    const presentation = await qr.getAttribute('data-presentation');
    if (!presentation || presentation.split('.').length !== 3) {
      throw new Error(`the printed card's QR carries "${presentation}"`);
    }
    await dialog.getByRole('button').first().click();

    step('her union\'s page: "Cấp thẻ in cho toàn bộ đoàn viên" runs a job, then the print file is a PDF');
    const unitId = (await chairApi(`/units?q=${encodeURIComponent(TEXTILE)}&limit=5`)).items.find(
      (unit) => unit.name === TEXTILE,
    ).id;
    await chair.goto(`/units/${unitId}`);
    const unitCards = chair.getByRole('region', { name: 'Thẻ đoàn viên và ưu đãi' });
    await unitCards.getByRole('button', { name: 'Cấp thẻ in cho toàn bộ đoàn viên' }).click();
    await visible(unitCards.getByText('Đã cấp thẻ xong.'), 60_000);
    // The member printed above keeps the card he has: it is counted as still valid, not issued again.
    const kept = unitCards.getByText('Thẻ còn hiệu lực, giữ nguyên', { exact: true });
    const keptCount = Number((await kept.locator('xpath=following-sibling::*[1]').textContent())?.trim());
    if (!(keptCount >= 1)) throw new Error(`"Thẻ còn hiệu lực, giữ nguyên" shows ${keptCount}`);
    await downloadPdf(chair, unitCards.getByRole('button', { name: 'Tải tệp in thẻ (PDF)' }));
    await assertNoHorizontalScroll(chair, 'the unit page after the bulk issue');

    const merchant = await open(PHONE);
    step('sign in as doitac (partner merchant): "Ghi nhận ưu đãi" from the menu');
    await signedIn(merchant, 'doitac', 'Siêu thị Minh Anh');
    await navigate(merchant, 'Ghi nhận ưu đãi', /\/benefits\/record$/, 'Ghi nhận ưu đãi đoàn viên');
    await assertNoHorizontalScroll(merchant, 'the benefit form');

    step('paste the card code, the benefit and 50.000 đ: "Đã ghi nhận ưu đãi" with the member');
    await merchant.getByLabel('Mã thẻ đoàn viên').fill(presentation);
    await merchant.getByLabel('Ưu đãi đã áp dụng').fill(BENEFIT);
    await merchant.getByLabel('Số tiền đoàn viên được giảm').fill('50000');
    await merchant.getByRole('button', { name: 'Kiểm tra thẻ và ghi nhận' }).click();
    const recorded = merchant.getByRole('status').filter({ hasText: 'Đã ghi nhận ưu đãi' });
    await visible(recorded);
    await visible(recorded.getByText(member.fullName, { exact: true }));
    await visible(recorded.getByText(TEXTILE, { exact: true }));
    await assertNoHorizontalScroll(merchant, 'the recorded benefit');

    step('a code that is no card: "Thẻ không hợp lệ" with its reason, nothing recorded');
    await merchant.getByLabel('Mã thẻ đoàn viên').fill('abc.def.ghi');
    await merchant.getByRole('button', { name: 'Kiểm tra thẻ và ghi nhận' }).click();
    const refused = merchant.getByRole('alert').filter({ hasText: 'Thẻ không hợp lệ' });
    await visible(refused.getByText('Đây không phải mã thẻ đoàn viên, hoặc mã bị thiếu, bị hỏng.'));
    await visible(refused.getByText(/^Chưa ghi nhận ưu đãi/));

    const officer = await open(PHONE);
    step('sign in as hanoi (federation officer): "Ưu đãi đoàn viên" shows the use under her federation');
    await signedIn(officer, 'hanoi', 'Nguyễn Thị Hà');
    await navigate(officer, 'Ưu đãi đoàn viên', /\/benefits\/\d+$/);
    const summary = officer.getByRole('region', { name: 'Theo đơn vị trực thuộc' });
    await visible(summary.getByText('Tổng cộng', { exact: true }).first());
    const latest = officer.getByRole('region', { name: 'Lượt dùng gần đây' });
    const use = latest.getByRole('listitem').filter({ hasText: member.memberCode }).first();
    await visible(use.getByText(BENEFIT, { exact: true }));
    await visible(use.getByText(/^50\.000\s₫$/));
    await visible(use.getByText(new RegExp(`^Siêu thị Minh Anh · `)));
    await assertNoHorizontalScroll(officer, 'the benefit use page');

    step('drill down by the first unit in the summary, back up through the breadcrumb');
    await summary.getByRole('link').first().click();
    await officer.waitForURL(/\/benefits\/\d+\?from=/);
    await visible(officer.getByRole('heading', { name: 'Ưu đãi đoàn viên', level: 1 }));
    await officer
      .getByRole('navigation', { name: 'Vị trí của đơn vị đang xem' })
      .getByRole('link', { name: new RegExp(`^${escapeRegExp('Liên đoàn Lao động thành phố Hà Nội')}$`) })
      .click();
    await visible(officer.getByRole('region', { name: 'Lượt dùng gần đây' }).getByText(BENEFIT).first());
  };
}

/** The journeys of this module, as run.mjs lists them. */
export function officerCardJourneys({ baseURL }) {
  return [
    [
      "officer cards, phone: chair prints a card and issues her union's, a partner records a benefit, the federation sees it",
      officerCardJourney(baseURL),
    ],
  ];
}
