// Browser journeys of the legal assistant: someone without an account asks on a phone and gets an answer
// with the article it rests on; a member's question that needs a person is handed to the union's legal
// advisers, the adviser takes the case and replies, and the member reads the reply in the conversation.
// run.mjs runs them with the others: `E2E_ONLY=assistant npm run test:e2e`.

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' };
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'vi-VN' };
const DEMO_PASSWORD = 'Demo@2026';
const SEVERANCE_QUESTION = 'lam 3 nam nghi viec duoc tro cap bao nhieu, luong 8 trieu';
const HANDOVER_QUESTION = 'tôi có nên kiện công ty không, họ đuổi tôi hôm qua';
const REPLY = `Anh mang hợp đồng lao động và quyết định cho thôi việc đến công đoàn, chúng tôi cùng xem (${Date.now() % 100000}).`;

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

/** Signs in on a fresh page and waits to leave the login page. */
async function signedIn(page, login) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await visible(page.getByRole('heading', { name: /^Xin chào, / }));
}

/** Types a question in the chat and sends it with the button; waits until the answer has come. */
async function ask(page, question) {
  const box = page.getByRole('textbox', { name: 'Câu hỏi của bạn' });
  await box.fill(question);
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  const log = page.getByRole('log', { name: 'Cuộc trò chuyện với trợ lý pháp luật' });
  await visible(log.getByText(question, { exact: true }).last());
  // The typing indicator shows while the assistant answers, then the answer takes its place.
  await log
    .getByRole('status', { name: 'Trợ lý đang trả lời…' })
    .waitFor({ state: 'detached', timeout: 20_000 });
  return log;
}

function publicAskJourney() {
  return async ({ open, step }) => {
    const page = await open(PHONE);

    step('the sign-in page links to the assistant');
    await page.goto('/login');
    await page.getByRole('link', { name: 'Hỏi trợ lý pháp luật (không cần đăng nhập)' }).click();
    await page.waitForURL(/\/tro-ly-phap-luat$/);
    await visible(page.getByRole('heading', { name: 'Trợ lý pháp luật', level: 1 }));

    step('an empty chat offers starter questions and a disclaimer');
    await visible(page.getByRole('button', { name: 'Làm 3 năm nghỉ việc được trợ cấp bao nhiêu?' }));
    await visible(page.getByText(/Câu trả lời là thông tin pháp luật chung/));
    await assertNoHorizontalScroll(page, 'the empty public chat');

    step('ask without diacritics: an answer with a citation chip');
    const log = await ask(page, SEVERANCE_QUESTION);
    const chip = log.getByRole('link', { name: /^Điều \d+ · / }).first();
    await visible(chip);
    await visible(log.getByRole('button', { name: 'Câu trả lời hữu ích' }).first());
    await assertNoHorizontalScroll(page, 'the public chat with an answer');

    step('thumbs up on the answer');
    await log.getByRole('button', { name: 'Câu trả lời hữu ích' }).first().click();
    await visible(log.getByText('Cảm ơn bạn đã góp ý.').first());

    step('the chip opens the article page');
    const chipLabel = (await chip.innerText()).trim();
    await chip.click();
    await page.waitForURL(/\/phap-luat\/dieu\/\d+$/);
    const article = chipLabel.split(' · ')[0];
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(`^${escapeRegExp(article)}\\.`) }));
    await assertNoHorizontalScroll(page, 'the article page');

    step('back to the chat: the conversation is kept over the visit (sessionStorage)');
    await page.goBack();
    await page.waitForURL(/\/tro-ly-phap-luat$/);
    await visible(page.getByText(SEVERANCE_QUESTION, { exact: true }).first());

    step('and over a reload');
    await page.reload();
    await visible(page.getByText(SEVERANCE_QUESTION, { exact: true }).first());
    await visible(page.getByRole('link', { name: /^Điều \d+ · / }).first());
  };
}

function handoverJourney() {
  return async ({ open, step }) => {
    step('the member asks a question that needs an adviser');
    const member = await open(PHONE);
    await signedIn(member, '0912345678');
    await member
      .getByRole('link', { name: /^Trợ lý pháp luật/ })
      .first()
      .click();
    await member.waitForURL(/\/assistant$/);
    await visible(member.getByRole('heading', { name: 'Trợ lý pháp luật', level: 1 }));
    const log = await ask(member, HANDOVER_QUESTION);
    const handed = log.getByText(/^Đã chuyển cho tư vấn viên, mã hồ sơ #\d+$/);
    await visible(handed);
    const caseId = /#(\d+)/.exec(await handed.innerText())[1];
    await assertNoHorizontalScroll(member, 'the member chat after a handover');

    step(`the adviser tuvan finds case #${caseId} in the queue`);
    const adviser = await open(DESKTOP);
    await signedIn(adviser, 'tuvan');
    await adviser.goto('/legal-cases');
    await visible(adviser.getByRole('heading', { name: 'Tư vấn pháp luật', level: 1 }));
    await adviser.getByRole('link', { name: HANDOVER_QUESTION }).first().click();
    await visible(adviser.getByRole('heading', { name: `Hồ sơ #${caseId}`, level: 1 }));
    await visible(adviser.getByText(HANDOVER_QUESTION).first());

    step('the adviser takes the case and replies');
    await adviser.getByRole('button', { name: 'Nhận xử lý', exact: true }).click();
    await visible(adviser.getByText('Đang xử lý').first());
    await adviser.getByRole('textbox', { name: 'Nội dung trả lời' }).fill(REPLY);
    await adviser.getByRole('button', { name: 'Gửi trả lời', exact: true }).click();
    await visible(adviser.getByText('Đã gửi trả lời.'));
    await visible(adviser.getByText(REPLY).first());

    step('the member reopens the conversation and reads the reply, signed by the adviser');
    await member.goto('/assistant');
    await member.getByRole('tab', { name: 'Đã hỏi' }).click();
    await member
      .getByRole('button', { name: new RegExp(`^Mở cuộc trò chuyện: ${escapeRegExp(HANDOVER_QUESTION)}`) })
      .first()
      .click();
    const reopened = member.getByRole('log', { name: 'Cuộc trò chuyện với trợ lý pháp luật' });
    await visible(reopened.getByText(REPLY));
    await visible(reopened.getByText(/^Tư vấn viên/).first());
    await visible(reopened.getByText(new RegExp(`mã hồ sơ #${caseId}$`)));
    await assertNoHorizontalScroll(member, 'the reopened conversation');
  };
}

/** The journeys of this module, as run.mjs lists them. */
export function assistantJourneys() {
  return [
    ['assistant, phone: without signing in, ask and open the cited article', publicAskJourney()],
    [
      'assistant: a member is handed to an adviser, the adviser takes the case and replies, the member reads it',
      handoverJourney(),
    ],
  ];
}
