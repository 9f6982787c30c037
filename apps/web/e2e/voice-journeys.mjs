// Browser journeys of members' voice: a member raises a complaint on a phone (the category suggested from
// text typed without diacritics), the grassroots union's officer takes it in hand and escalates it, the
// commune union's officer answers, and the member reads the answer — never the internal note — and rates
// it; then the federation officer reads the analytics and acknowledges an early warning, and the member
// answers a survey. run.mjs runs them with the others: `E2E_ONLY=voice npm run test:e2e`.

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' };
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'vi-VN' };
const DEMO_PASSWORD = 'Demo@2026';
const TEXTILE = 'CĐCS Công ty TNHH Dệt may Thăng Long';
const BA_DINH = 'Công đoàn phường Ba Đình';
const TITLE = `Cong ty no luong thang 10 (${Date.now() % 100000})`;
const NOTE = 'Đã gọi phòng nhân sự, chờ kế toán trả lời.';
const ANSWER = 'Công đoàn phường đã làm việc với công ty: lương tháng 10 sẽ trả trước ngày 5 tới.';

const visible = (locator, timeout) => locator.waitFor({ state: 'visible', timeout });
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function assertNoHorizontalScroll(page, where) {
  await page.waitForLoadState('load');
  const { width } = page.viewportSize();
  const scrollWidth = await page.evaluate('document.documentElement.scrollWidth');
  if (scrollWidth > width + 1) {
    throw new Error(`horizontal scrolling on ${where}: scrollWidth ${scrollWidth} > ${width} px`);
  }
}

/** Signs in on a fresh page and waits for the greeting (officers) or the member home. */
async function signedIn(page, login, greeting) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await visible(page.getByRole('heading', { name: `Xin chào, ${greeting}` }));
}

/** Mantine draws stars and segments over visually hidden inputs: what a finger taps is the input's label. */
async function tapLabelOf(page, input) {
  const id = await input.getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

/** Opens the item with this title from the officer's inbox. */
async function openFromInbox(page, title) {
  await page.goto('/voice/inbox');
  await visible(page.getByRole('heading', { name: 'Hộp thư ý kiến', level: 1 }));
  await page
    .getByRole('link', { name: new RegExp(escapeRegExp(title)) })
    .first()
    .click();
  await visible(page.getByRole('heading', { name: title, level: 1 }));
}

/** Opens one of the item page's dialogs, fills its text and sends it. */
async function dialogAction(page, button, label, text, submit) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(label).fill(text);
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

function complaintJourney() {
  return async ({ open, step }) => {
    step('the member raises a complaint typed without diacritics');
    const member = await open(PHONE);
    await signedIn(member, '0912345678', 'Đặng Văn Hùng');
    await member
      .getByRole('link', { name: /^Ý kiến/ })
      .first()
      .click();
    await visible(member.getByRole('heading', { name: 'Ý kiến của tôi', level: 1 }));
    await member.getByRole('link', { name: 'Gửi ý kiến' }).first().click();
    await visible(member.getByRole('heading', { name: 'Gửi ý kiến', level: 1 }));
    await member.getByText('Khiếu nại', { exact: true }).click();
    await member.getByRole('textbox', { name: 'Tiêu đề' }).fill(TITLE);
    await member
      .getByRole('textbox', { name: 'Nội dung' })
      .fill('cty cham tra luong thang 10 da 3 tuan, ko bao truoc, anh em phai vay tien an');
    // The classifier reads text without diacritics and suggests the category while the member types.
    await visible(member.getByText('Gợi ý theo nội dung bạn viết; bạn có thể chọn lại.'));
    const category = member.getByRole('combobox', { name: 'Lĩnh vực' });
    const suggested = await category.inputValue();
    if (suggested !== 'Tiền lương, nợ lương') throw new Error(`suggested category: "${suggested}"`);
    await assertNoHorizontalScroll(member, 'the submit form');
    await member.getByRole('button', { name: 'Gửi', exact: true }).click();
    await visible(member.getByText('Đã gửi ý kiến'));
    await visible(member.getByText(TEXTILE).first());

    step('the grassroots officer takes it in hand, notes, escalates');
    const officer = await open(PHONE);
    await signedIn(officer, 'canbo', 'Hoàng Văn Nam');
    await openFromInbox(officer, TITLE);
    await assertNoHorizontalScroll(officer, 'the item page of the grassroots officer');
    await officer.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    await visible(officer.getByText('Đang xử lý').first());
    await dialogAction(officer, 'Ghi chú nội bộ', 'Ghi chú', NOTE, 'Lưu ghi chú');
    await visible(officer.getByText(NOTE));
    await dialogAction(
      officer,
      'Chuyển lên cấp trên',
      'Lý do',
      'Công ty không hợp tác, cần công đoàn phường',
      'Chuyển lên',
    );

    step('the commune officer answers');
    const upper = await open(DESKTOP);
    await signedIn(upper, 'badinh', 'Lê Văn Bình');
    await openFromInbox(upper, TITLE);
    await visible(upper.getByText(BA_DINH).first());
    await upper.getByRole('textbox', { name: 'Nội dung trả lời' }).fill(ANSWER);
    await upper.getByRole('button', { name: 'Gửi trả lời', exact: true }).click();
    await visible(upper.getByText('Đã gửi trả lời chính thức.'));

    step('the member reads the answer and rates it');
    await member.goto('/voice');
    await member
      .getByRole('link', { name: new RegExp(escapeRegExp(TITLE)) })
      .first()
      .click();
    await visible(member.getByText(ANSWER).first());
    if ((await member.getByText(NOTE).count()) > 0) throw new Error('the member sees the internal note');
    await tapLabelOf(member, member.getByRole('radio', { name: '5 sao' }));
    await member.getByRole('button', { name: 'Gửi đánh giá', exact: true }).click();
    await visible(member.getByText('Cảm ơn bạn đã đánh giá.'));
    await visible(member.getByText('Đã đóng').first());
    await assertNoHorizontalScroll(member, 'the answered item');
  };
}

function analyticsAndSurveyJourney() {
  return async ({ open, step }) => {
    step('the federation officer reads analytics and acknowledges an alert');
    const federation = await open(DESKTOP);
    await signedIn(federation, 'hanoi', 'Nguyễn Thị Hà');
    await federation.goto('/voice/analytics');
    await visible(federation.getByRole('heading', { name: 'Phân tích ý kiến', level: 1 }));
    await visible(federation.getByRole('heading', { name: 'Cảnh báo sớm' }));
    await visible(federation.getByText(/Ngưỡng: ít nhất/).first());
    await visible(federation.getByRole('heading', { name: 'Dự báo tháng tới' }));
    await visible(federation.getByText(/MAE/).first());
    await federation.getByRole('button', { name: 'Đã xem', exact: true }).first().click();
    await visible(federation.getByText(/Đã xem lúc/).first());

    step('the member answers a survey');
    const member = await open(PHONE);
    await signedIn(member, '0912345678', 'Đặng Văn Hùng');
    await member.goto('/surveys');
    await visible(member.getByRole('heading', { name: 'Khảo sát', level: 1 }));
    await member.locator('a[href^="/surveys/"]').first().click();
    // Sending an empty form shows where answers are missing, then each kind of question is answered.
    await member.getByRole('button', { name: 'Gửi câu trả lời', exact: true }).click();
    await visible(member.getByText('Còn câu hỏi chưa trả lời đúng, xem thông báo dưới từng câu.'));
    for (const group of await member.getByRole('radiogroup').all()) {
      await tapLabelOf(member, group.getByRole('radio').first());
    }
    const checkboxes = member.getByRole('checkbox');
    if ((await checkboxes.count()) > 0) await tapLabelOf(member, checkboxes.first());
    for (const box of await member.getByRole('textbox').all())
      await box.fill('Mong công đoàn tổ chức thêm lớp kỹ năng.');
    await member.getByRole('button', { name: 'Gửi câu trả lời', exact: true }).click();
    await visible(member.getByText('Bạn đã trả lời khảo sát này'));
    await assertNoHorizontalScroll(member, 'the answered survey');
  };
}

/** The journeys of this module, as run.mjs lists them. */
export function voiceJourneys() {
  return [
    [
      'voice, phone: a member complains, the grassroots officer escalates, the commune answers, the member rates',
      complaintJourney(),
    ],
    [
      'voice: the federation reads analytics and acknowledges an alert; a member answers a survey',
      analyticsAndSurveyJourney(),
    ],
  ];
}
