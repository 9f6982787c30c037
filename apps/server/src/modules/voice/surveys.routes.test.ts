import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorDto } from '@union/contracts/common';
import type { SurveyDto, SurveyPage, SurveyResultsDto } from '@union/contracts/voice';
import { auditLog } from '../../kernel/audit/audit.schema.js';
import { todayInVietnam } from '../../kernel/time.js';
import {
  buildTestApp,
  daysFromToday,
  givenSignedInMember,
  givenUnitTree,
  signInAs,
  signInAsAdmin,
  type SignedIn,
  type SignedInMember,
  type TestApp,
} from '../../../test/support/index.js';

const QUESTIONS = [
  {
    id: 'q1',
    kind: 'single',
    text: 'Bạn có hài lòng với mức lương hiện nay không?',
    options: ['Hài lòng', 'Bình thường', 'Không hài lòng'],
  },
  {
    id: 'q2',
    kind: 'multiple',
    text: 'Công đoàn nên ưu tiên việc gì trong năm nay?',
    options: ['Tăng lương', 'Giảm giờ làm', 'Nhà ở', 'Tham quan, nghỉ mát'],
  },
  { id: 'q3', kind: 'scale', text: 'Bạn chấm bữa ăn ca mấy điểm?', scaleMax: 5 },
  { id: 'q4', kind: 'text', text: 'Ý kiến khác của bạn', required: false },
] as const;

/** Ages count by year of birth: a birth date that lands in a known band this year. */
const bornYearsAgo = (years: number) => `${Number(todayInVietnam().slice(0, 4)) - years}-06-15`;

describe('surveys: create, answer once, live results and the export', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof givenUnitTree>>;
  let admin: SignedIn;
  /** Holds voice.surveys over communeA (grassrootsA with its branch and group, and grassrootsA2). */
  let officer: SignedIn;
  /** The same office one commune over: a sibling of communeA. */
  let siblingOfficer: SignedIn;
  let an: SignedInMember; // grassrootsA, female, under 30
  let binh: SignedInMember; // groupA (under grassrootsA), male, 30–39
  let chi: SignedInMember; // grassrootsA2, female, 40–49
  let dung: SignedInMember; // grassrootsA2, male, 50–59
  let giang: SignedInMember; // grassrootsA, suspended
  let outsider: SignedInMember; // grassrootsB, outside communeA

  beforeAll(async () => {
    t = await buildTestApp();
    tree = await givenUnitTree(t);
    admin = await signInAsAdmin(t);
    officer = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeA });
    siblingOfficer = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeB });
    const person = (fullName: string, sex: 'male' | 'female', age: number) => ({
      fullName,
      sex,
      birthDate: bornYearsAgo(age),
    });
    an = await givenSignedInMember(t, admin, tree.grassrootsA, person('Nguyễn Thị An', 'female', 25));
    binh = await givenSignedInMember(t, admin, tree.groupA, person('Trần Văn Bình', 'male', 35));
    chi = await givenSignedInMember(t, admin, tree.grassrootsA2, person('Lê Thị Chi', 'female', 45));
    dung = await givenSignedInMember(t, admin, tree.grassrootsA2, person('Phạm Văn Dũng', 'male', 55));
    giang = await givenSignedInMember(t, admin, tree.grassrootsA, person('Hoàng Thị Giang', 'female', 30));
    outsider = await givenSignedInMember(t, admin, tree.grassrootsB, person('Vũ Văn Ngoài', 'male', 40));
    const suspended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/members/${giang.member.id}/events`,
      headers: admin.headers,
      payload: { type: 'suspend', date: todayInVietnam(), reason: 'Nghỉ không lương dài hạn' },
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
  });
  afterAll(() => t.close());

  const create = (who: SignedIn, overrides: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: who.headers,
      payload: {
        unitId: tree.communeA.id,
        title: 'Khảo sát đời sống, việc làm năm nay',
        description: 'Phiếu ẩn danh, mất khoảng 3 phút.',
        opensOn: todayInVietnam(),
        closesOn: daysFromToday(14),
        questions: QUESTIONS,
        ...overrides,
      },
    });
  const created = async (overrides: Record<string, unknown> = {}) => {
    const response = await create(officer, overrides);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<SurveyDto>();
  };
  const answer = (who: SignedIn, surveyId: number, answers: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${surveyId}/responses`,
      headers: who.headers,
      payload: { answers },
    });
  const get = (who: SignedIn, url: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who.headers });
  const close = (who: SignedIn, surveyId: number) =>
    t.app.inject({ method: 'POST', url: `/api/v1/surveys/${surveyId}/close`, headers: who.headers });
  const errorOf = (response: { statusCode: number; json: <T>() => T }) => [
    response.statusCode,
    response.json<ErrorDto>().error.code,
  ];

  describe('POST /surveys', () => {
    it('creates a survey with every kind of question for a unit in the officer’s scope, and audits it', async () => {
      const survey = await created();
      expect(survey).toEqual({
        id: expect.any(Number),
        unit: { id: tree.communeA.id, name: tree.communeA.name },
        title: 'Khảo sát đời sống, việc làm năm nay',
        description: 'Phiếu ẩn danh, mất khoảng 3 phút.',
        opensOn: todayInVietnam(),
        closesOn: daysFromToday(14),
        status: 'open',
        responses: 0,
        answeredByMe: false,
        // Questions are required unless said otherwise.
        questions: QUESTIONS.map((question) => ({ required: true, ...question })),
        can: { answer: false, viewResults: true, close: true },
      });
      const audited = await t.db
        .select({ actorId: auditLog.actorId, unitId: auditLog.unitId })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'survey.created'), eq(auditLog.entityId, String(survey.id))));
      expect(audited).toEqual([{ actorId: officer.accountId, unitId: tree.communeA.id }]);
    });

    it.each([
      [
        'a choice question with one option',
        { questions: [{ id: 'q1', kind: 'single', text: 'Chọn?', options: ['Có'] }] },
        'questions.0.options',
        'Câu hỏi lựa chọn cần ít nhất 2 phương án; câu hỏi khác không có phương án.',
      ],
      [
        'a text question with options',
        { questions: [{ id: 'q1', kind: 'text', text: 'Ý kiến?', options: ['A', 'B'] }] },
        'questions.0.options',
        'Câu hỏi lựa chọn cần ít nhất 2 phương án; câu hỏi khác không có phương án.',
      ],
      [
        'a scale without its maximum',
        { questions: [{ id: 'q1', kind: 'scale', text: 'Mấy điểm?' }] },
        'questions.0.scaleMax',
        'Chỉ câu hỏi thang điểm có điểm tối đa.',
      ],
      [
        'a closing day before the opening day',
        { opensOn: daysFromToday(5), closesOn: daysFromToday(4) },
        'closesOn',
        'Ngày kết thúc phải sau ngày bắt đầu.',
      ],
      [
        'two questions with one id',
        {
          questions: [
            { id: 'q1', kind: 'text', text: 'Một?' },
            { id: 'q1', kind: 'text', text: 'Hai?' },
          ],
        },
        'questions',
        'Mã câu hỏi bị trùng.',
      ],
      ['no questions', { questions: [] }, 'questions', 'Quá ngắn hoặc quá nhỏ.'],
    ])(
      'refuses %s with 400 and a Vietnamese message on the field',
      async (_case, overrides, path, message) => {
        const response = await create(officer, overrides);
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json<ErrorDto>().error).toMatchObject({
          code: 'validation.failed',
          fields: expect.arrayContaining([{ path, message }]),
        });
      },
    );

    it('reads a unit outside the officer’s scope as missing; a member may not create', async () => {
      expect(errorOf(await create(officer, { unitId: tree.grassrootsB.id }))).toEqual([
        404,
        'survey.unit_not_found',
      ]);
      expect(errorOf(await create(an.self))).toEqual([403, 'access.denied']);
    });
  });

  describe('answering', () => {
    let survey: SurveyDto;
    beforeAll(async () => {
      survey = await created({ title: 'Khảo sát trả lời một lần' });
    });

    it('lets a member of the subtree answer once; a second answer is 409', async () => {
      const seen = await get(an.self, `/surveys/${survey.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json<SurveyDto>()).toMatchObject({
        answeredByMe: false,
        can: { answer: true, viewResults: false },
      });

      const first = await answer(an.self, survey.id, { q1: 0, q2: [2, 0], q3: 5 });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toEqual({ id: expect.any(Number) });
      expect(errorOf(await answer(an.self, survey.id, { q1: 1, q2: [1], q3: 1 }))).toEqual([
        409,
        'survey.already_answered',
      ]);
      const after = (await get(an.self, `/surveys/${survey.id}`)).json<SurveyDto>();
      expect(after).toMatchObject({ answeredByMe: true, responses: 1, can: { answer: false } });
    });

    it('stores exactly one of two concurrent answers', async () => {
      // Opened first, as the app does (the first request also links the member's account by phone).
      expect((await get(binh.self, `/surveys/${survey.id}`)).json<SurveyDto>().can.answer).toBe(true);
      const pair = await Promise.all([
        answer(binh.self, survey.id, { q1: 0, q2: [0], q3: 1 }),
        answer(binh.self, survey.id, { q1: 1, q2: [1], q3: 2 }),
      ]);
      expect(pair.map((response) => response.statusCode).sort()).toEqual([201, 409]);
      const results = (await get(officer, `/surveys/${survey.id}/results`)).json<SurveyResultsDto>();
      expect(results.responses).toBe(2);
    });

    it('reads the survey as missing to a member outside its subtree and to a sibling unit’s officer', async () => {
      expect(errorOf(await answer(outsider.self, survey.id, { q1: 0, q2: [0], q3: 1 }))).toEqual([
        404,
        'survey.not_found',
      ]);
      expect(errorOf(await get(outsider.self, `/surveys/${survey.id}`))).toEqual([404, 'survey.not_found']);
      expect(errorOf(await get(siblingOfficer, `/surveys/${survey.id}`))).toEqual([404, 'survey.not_found']);
    });

    it('takes answers from active members only, not from a suspended member or an officer without a record', async () => {
      expect(errorOf(await answer(giang.self, survey.id, { q1: 0, q2: [0], q3: 1 }))).toEqual([
        422,
        'survey.member_required',
      ]);
      expect(errorOf(await answer(officer, survey.id, { q1: 0, q2: [0], q3: 1 }))).toEqual([
        422,
        'survey.member_required',
      ]);
    });

    it('refuses answers before the first day and after the last day with 409', async () => {
      const scheduled = await created({ opensOn: daysFromToday(1), closesOn: daysFromToday(10) });
      expect(scheduled.status).toBe('scheduled');
      expect(errorOf(await answer(chi.self, scheduled.id, { q1: 0, q2: [0], q3: 1 }))).toEqual([
        409,
        'survey.not_open',
      ]);
      const ended = await created({ opensOn: daysFromToday(-10), closesOn: daysFromToday(-1) });
      expect(ended.status).toBe('closed');
      expect(errorOf(await answer(chi.self, ended.id, { q1: 0, q2: [0], q3: 1 }))).toEqual([
        409,
        'survey.not_open',
      ]);
    });

    it('checks every answer against its question and names each problem with a Vietnamese message', async () => {
      const response = await answer(chi.self, survey.id, { q1: 3, q2: [1, 1], q3: 0, q4: 7, extra: 1 });
      expect(response.statusCode, response.body).toBe(422);
      const error = response.json<ErrorDto>().error;
      expect(error.code).toBe('survey.answer_invalid');
      expect(error.fields).toEqual([
        { path: 'answers.extra', message: 'Phiếu không có câu hỏi này.' },
        { path: 'answers.q1', message: 'Hãy chọn một phương án trong 3 phương án của câu hỏi.' },
        { path: 'answers.q2', message: 'Mỗi phương án chỉ được chọn một lần.' },
        { path: 'answers.q3', message: 'Hãy chọn một điểm từ 1 đến 5.' },
        { path: 'answers.q4', message: 'Câu hỏi này cần trả lời bằng chữ.' },
      ]);

      const missing = (
        await answer(chi.self, survey.id, { q2: [0, 9], q4: 'Không có gì thêm' })
      ).json<ErrorDto>();
      expect(missing.error.fields).toEqual([
        { path: 'answers.q1', message: 'Câu hỏi này bắt buộc trả lời.' },
        { path: 'answers.q2', message: 'Hãy chọn các phương án trong 4 phương án của câu hỏi.' },
        { path: 'answers.q3', message: 'Câu hỏi này bắt buộc trả lời.' },
      ]);
      // Nothing was stored: the member can still answer.
      expect((await get(chi.self, `/surveys/${survey.id}`)).json<SurveyDto>().can.answer).toBe(true);
    });
  });

  describe('results and the export', () => {
    let survey: SurveyDto;
    beforeAll(async () => {
      survey = await created({ title: 'Khảo sát kết quả' });
      const answers: [SignedInMember, Record<string, unknown>][] = [
        [an, { q1: 0, q2: [0, 2], q3: 5, q4: 'Cần thêm nhà để xe' }],
        [binh, { q1: 2, q2: [0], q3: 3 }],
        [chi, { q1: 0, q2: [3, 1, 2], q3: 4, q4: 'Bữa ăn ca cần cải thiện' }],
        [dung, { q1: 1, q2: [2], q3: 2, q4: '' }],
      ];
      for (const [who, given] of answers) {
        const response = await answer(who.self, survey.id, given);
        expect(response.statusCode, response.body).toBe(201);
      }
    });

    const results = async (breakdown?: string) => {
      const response = await get(
        officer,
        `/surveys/${survey.id}/results${breakdown ? `?breakdown=${breakdown}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json<SurveyResultsDto>();
    };

    it('counts every question, with the response rate’s denominator and the latest text answers', async () => {
      expect(await results()).toEqual({
        surveyId: survey.id,
        responses: 4,
        // An, Bình, Chi, Dũng; Giang is suspended and the outsider belongs elsewhere.
        eligibleMembers: 4,
        breakdown: null,
        groups: [],
        questions: [
          {
            id: 'q1',
            kind: 'single',
            text: QUESTIONS[0].text,
            answered: 4,
            counts: [2, 1, 1],
            byGroup: null,
            mean: null,
            samples: null,
          },
          {
            id: 'q2',
            kind: 'multiple',
            text: QUESTIONS[1].text,
            answered: 4,
            counts: [2, 1, 3, 1],
            byGroup: null,
            mean: null,
            samples: null,
          },
          {
            id: 'q3',
            kind: 'scale',
            text: QUESTIONS[2].text,
            answered: 4,
            counts: [0, 1, 1, 1, 1],
            byGroup: null,
            mean: 3.5,
            samples: null,
          },
          {
            id: 'q4',
            kind: 'text',
            text: QUESTIONS[3].text,
            answered: 2,
            counts: null,
            byGroup: null,
            mean: null,
            samples: ['Bữa ăn ca cần cải thiện', 'Cần thêm nhà để xe'],
          },
        ],
      });
    });

    it('breaks the counts down by child unit (a member deeper down counts in their child unit)', async () => {
      const byUnit = await results('unit');
      expect(byUnit.groups).toEqual([
        { key: String(tree.grassrootsA2.id), label: tree.grassrootsA2.name, responses: 2 },
        { key: String(tree.grassrootsA.id), label: tree.grassrootsA.name, responses: 2 },
      ]);
      expect(byUnit.questions.map((question) => question.byGroup)).toEqual([
        [
          [1, 1, 0],
          [1, 0, 1],
        ],
        [
          [0, 1, 2, 1],
          [2, 0, 1, 0],
        ],
        [
          [0, 1, 0, 1, 0],
          [0, 0, 1, 0, 1],
        ],
        null,
      ]);
      expect(byUnit.questions[0]!.counts).toEqual([2, 1, 1]);
    });

    it('breaks the counts down by sex and by age band, every group listed', async () => {
      const bySex = await results('sex');
      expect(bySex.groups).toEqual([
        { key: 'male', label: 'Nam', responses: 2 },
        { key: 'female', label: 'Nữ', responses: 2 },
      ]);
      expect(bySex.questions[0]!.byGroup).toEqual([
        [0, 1, 1],
        [2, 0, 0],
      ]);
      expect(bySex.questions[2]!.byGroup).toEqual([
        [0, 1, 1, 0, 0],
        [0, 0, 0, 1, 1],
      ]);

      const byAge = await results('age_band');
      expect(byAge.groups).toEqual([
        { key: 'under_30', label: 'Dưới 30', responses: 1 },
        { key: '30_39', label: '30–39', responses: 1 },
        { key: '40_49', label: '40–49', responses: 1 },
        { key: '50_59', label: '50–59', responses: 1 },
        { key: '60_plus', label: 'Từ 60 trở lên', responses: 0 },
      ]);
      expect(byAge.questions[0]!.byGroup).toEqual([
        [1, 0, 0],
        [0, 0, 1],
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 0],
      ]);
    });

    it('refuses results and the export to a member (no office) and to a sibling unit’s officer', async () => {
      for (const url of [`/surveys/${survey.id}/results`, `/surveys/${survey.id}/results.xlsx`]) {
        expect(errorOf(await get(an.self, url))).toEqual([403, 'access.denied']);
        expect(errorOf(await get(siblingOfficer, url))).toEqual([404, 'survey.not_found']);
      }
    });

    it('exports a workbook that holds the counts and every response, without names or ids', async () => {
      const response = await get(officer, `/surveys/${survey.id}/results.xlsx`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[\x21-\x7e]+\.xlsx"$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Phiếu trả lời']);
      const rowsOf = (sheet: ExcelJS.Worksheet) =>
        sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));

      const summary = rowsOf(workbook.getWorksheet('Tổng hợp')!);
      const rowStarting = (label: string, after = 0) =>
        summary.slice(after).find((row) => row[0] === label) ?? [];
      expect(rowStarting('Số phiếu trả lời')[1]).toBe(4);
      expect(rowStarting('Số đoàn viên trong phạm vi khảo sát')[1]).toBe(4);
      // Total, share, then by unit (A2, A), by sex (Nam, Nữ), by age band (five bands).
      expect(rowStarting('Hài lòng')).toEqual(['Hài lòng', 2, 0.5, 1, 1, 0, 2, 1, 0, 1, 0, 0]);
      expect(rowStarting('Nhà ở')).toEqual(['Nhà ở', 3, 0.75, 2, 1, 1, 2, 1, 0, 1, 1, 0]);
      const scaleAt = summary.findIndex((row) => String(row[0]).startsWith('Câu 3.'));
      expect(rowStarting('5 điểm', scaleAt)).toEqual(['5 điểm', 1, 0.25, 0, 1, 0, 1, 1, 0, 0, 0, 0]);
      expect(rowStarting('Điểm trung bình', scaleAt).slice(0, 2)).toEqual(['Điểm trung bình', 3.5]);

      const responses = rowsOf(workbook.getWorksheet('Phiếu trả lời')!);
      expect(responses[0]!.slice(0, 6)).toEqual([
        'STT',
        'Ngày trả lời',
        'Đơn vị',
        'Giới tính',
        'Độ tuổi',
        `Câu 1. ${QUESTIONS[0].text}`,
      ]);
      expect(responses).toHaveLength(5);
      expect(responses[1]!.slice(2)).toEqual([
        tree.grassrootsA.name,
        'Nữ',
        'Dưới 30',
        'Hài lòng',
        'Tăng lương; Nhà ở',
        5,
        'Cần thêm nhà để xe',
      ]);
      expect(responses[1]![1]).toEqual(new Date(`${todayInVietnam()}T00:00:00Z`));

      const everything = JSON.stringify([summary, responses]);
      for (const who of [an, binh, chi, dung]) {
        expect(everything).not.toContain(who.member.fullName);
        expect(everything).not.toContain(who.member.memberCode);
      }
    });
  });

  describe('lists', () => {
    it('shows a member the open and lately closed surveys of their subtree, with whether they answered', async () => {
      const longClosed = await created({
        title: 'Khảo sát cũ',
        opensOn: daysFromToday(-90),
        closesOn: daysFromToday(-40),
      });
      const provinceWide = await t.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: admin.headers,
        payload: {
          unitId: tree.hanoi.id,
          title: 'Khảo sát toàn thành phố',
          opensOn: todayInVietnam(),
          closesOn: daysFromToday(3),
          questions: [{ id: 'q', kind: 'text', text: 'Ý kiến?' }],
        },
      });
      expect(provinceWide.statusCode, provinceWide.body).toBe(201);
      const mine = (await get(an.self, '/surveys?view=mine&limit=200')).json<SurveyPage>();
      const ids = mine.items.map((item) => item.id);
      expect(ids).toContain(provinceWide.json<SurveyDto>().id);
      expect(ids).not.toContain(longClosed.id);
      expect(mine.items.every((item) => item.status !== 'scheduled')).toBe(true);
      expect(mine.items.find((item) => item.title === 'Khảo sát kết quả')).toMatchObject({
        answeredByMe: true,
        responses: 4,
        unit: { id: tree.communeA.id, name: tree.communeA.name },
      });
      // Newest first, and the default view for a member.
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(
        (await get(an.self, '/surveys?limit=200')).json<SurveyPage>().items.map((item) => item.id),
      ).toEqual(ids);

      const theirs = (await get(outsider.self, '/surveys?view=mine')).json<SurveyPage>().items;
      expect(theirs.map((item) => item.id)).toEqual([provinceWide.json<SurveyDto>().id]);
    });

    it('shows officers the surveys of their units, page by page', async () => {
      const firstPage = (await get(officer, '/surveys?view=managed&limit=2')).json<SurveyPage>();
      expect(firstPage.items).toHaveLength(2);
      expect(firstPage.nextCursor).not.toBeNull();
      const everything = (await get(officer, '/surveys?limit=200')).json<SurveyPage>();
      expect(everything.items.every((item) => item.unit.id === tree.communeA.id)).toBe(true);
      const secondPage = (
        await get(officer, `/surveys?view=managed&limit=2&cursor=${firstPage.nextCursor}`)
      ).json<SurveyPage>();
      expect(secondPage.items.map((item) => item.id)).toEqual(
        everything.items.slice(2, 4).map((item) => item.id),
      );

      expect((await get(siblingOfficer, '/surveys?view=managed')).json<SurveyPage>().items).toEqual([]);
      expect(errorOf(await get(siblingOfficer, `/surveys?view=managed&unitId=${tree.communeA.id}`))).toEqual([
        404,
        'survey.unit_not_found',
      ]);
    });
  });

  describe('POST /surveys/:id/close', () => {
    it('ends the survey at once: answers stop, it cannot close twice, and the close is audited', async () => {
      const survey = await created({ title: 'Khảo sát kết thúc sớm' });
      expect(errorOf(await close(siblingOfficer, survey.id))).toEqual([404, 'survey.not_found']);
      expect(errorOf(await close(an.self, survey.id))).toEqual([403, 'access.denied']);

      const response = await close(officer, survey.id);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<SurveyDto>()).toMatchObject({
        id: survey.id,
        status: 'closed',
        can: { answer: false, viewResults: true, close: false },
      });
      expect(errorOf(await answer(an.self, survey.id, { q1: 0, q2: [0], q3: 1 }))).toEqual([
        409,
        'survey.not_open',
      ]);
      expect(errorOf(await close(officer, survey.id))).toEqual([409, 'survey.not_open']);
      const audited = await t.db
        .select({ actorId: auditLog.actorId })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'survey.closed'), eq(auditLog.entityId, String(survey.id))));
      expect(audited).toEqual([{ actorId: officer.accountId }]);
      // Closed today, so still in the member's list, as closed.
      const mine = (await get(an.self, '/surveys?view=mine&limit=200')).json<SurveyPage>();
      expect(mine.items.find((item) => item.id === survey.id)?.status).toBe('closed');
    });
  });
});
