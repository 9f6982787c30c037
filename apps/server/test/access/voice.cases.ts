import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  VOICE_KINDS,
  type SubmittedVoiceDto,
  type SurveyDto,
  type SurveyResultsDto,
  type VoiceAlertDto,
  type VoiceAnalyticsDto,
} from '@union/contracts/voice';
import { queryRows } from '../../src/kernel/db/database.js';
import {
  daysFromToday,
  givenSignedInMember,
  type SignedIn,
  type SignedInMember,
  type TreeUnit,
} from '../support/index.js';
import {
  created,
  denied,
  expectStatus,
  invalid,
  notFound,
  ok,
  routeSpec,
  uniqueName,
  type AccessSuite,
  type Case,
  type Headers,
  type Response,
  type RouteTable,
} from './denial.js';

/** An id no unit, alert or survey has: a missing record must read exactly like one out of scope. */
export const MISSING_ID = 2_000_000_000;
/** An id beyond the database's integer range: refused as input before anything is looked up. */
export const OUT_OF_RANGE_ID = 3_000_000_000;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One single-choice question: enough to answer and to count. */
export const SURVEY_QUESTIONS = [
  { id: 'q1', kind: 'single', text: 'Bạn có hài lòng với bữa ăn ca không?', options: ['Có', 'Không'] },
] as const;

/** What members of a unit raise, and the surveys of a unit, made through the API as the apps do. */
export function voiceFixtures(s: AccessSuite) {
  const today = () => daysFromToday(0);

  /** An active member of `unit`, admitted by the administrator, signed in with their own phone. */
  const memberOf = (unit: { id: number }, fullName = 'Nguyễn Thị Góp Ý'): Promise<SignedInMember> =>
    givenSignedInMember(s.t, s.admin, unit, { fullName });

  /** A concern, proposal or complaint raised by `who` (a member, or an officer naming `memberId`). */
  const submit = async (who: SignedIn, payload: object): Promise<SubmittedVoiceDto> => {
    const response = await s.inject(who.headers, { method: 'POST', url: '/api/v1/concerns', payload });
    expectStatus(response, 201);
    return response.json<SubmittedVoiceDto>();
  };

  /** A survey of `unit`, open from today for two weeks, created by `by` (the administrator unless given). */
  const surveyOf = async (unit: { id: number }, by: SignedIn = s.admin, title = uniqueName('Khảo sát')) => {
    const response = await s.inject(by.headers, {
      method: 'POST',
      url: '/api/v1/surveys',
      payload: surveyBody(unit.id, title),
    });
    expectStatus(response, 201);
    return response.json<SurveyDto>();
  };

  const surveyBody = (unitId: number, title: string) => ({
    unitId,
    title,
    description: 'Phiếu ẩn danh.',
    opensOn: today(),
    closesOn: daysFromToday(14),
    questions: SURVEY_QUESTIONS,
  });

  /** The survey as the administrator sees it now. */
  const surveyNow = async (id: number): Promise<SurveyDto> => {
    const response = await s.inject(s.admin.headers, { method: 'GET', url: `/api/v1/surveys/${id}` });
    expectStatus(response, 200);
    return response.json<SurveyDto>();
  };

  const answer = (who: SignedIn, surveyId: number, answers: object = { q1: 0 }) =>
    s.inject(who.headers, {
      method: 'POST',
      url: `/api/v1/surveys/${surveyId}/responses`,
      payload: { answers },
    });

  /** The unit's alerts, as the administrator reads them in the unit's analytics. */
  const alertsOf = async (unit: { id: number }): Promise<VoiceAlertDto[]> => {
    const response = await s.inject(s.admin.headers, {
      method: 'GET',
      url: `/api/v1/units/${unit.id}/voice/analytics`,
    });
    expectStatus(response, 200);
    return response.json<VoiceAnalyticsDto>().alerts;
  };

  return { memberOf, submit, surveyOf, surveyBody, surveyNow, answer, alertsOf };
}

/** What an analytics read is aimed at: a unit, and the query string. */
interface UnitAim {
  unit: { id: number };
  query: string;
}
const aimAt = (unit: { id: number }, query = ''): UnitAim => ({ unit, query });

/** A fresh grassroots union under communeA, and the member of it who raised a concern and a complaint. */
interface HeardUnion {
  unit: TreeUnit;
  member: SignedInMember;
}

/** A fresh employer (grassroots union) under communeB whose wage concerns raised an alert. */
interface AlertedEmployer {
  unit: TreeUnit;
  member: SignedInMember;
  alertId: number;
  /** Set by a case that has the alert acknowledged before its caller asks. */
  firstAcknowledgedAt?: string;
}

/** A survey of a fresh grassroots union under communeA, and a member of that union. */
interface SurveyedUnion {
  unit: TreeUnit;
  member: SignedInMember;
  surveyId: number;
}

/** A survey creation: a fresh grassroots union under communeA, and a title no other survey has. */
interface PlannedSurvey {
  unit: TreeUnit;
  title: string;
}
/** What a survey route is aimed at: the survey, and the query string some reads take. */
interface SurveyAim {
  id: number;
  query?: string;
}
interface SurveyPlan {
  unit: { id: number };
  title: string;
}

/** Route tables for the voice module. Targets are built per test (reads share theirs); nothing runs before a test. */
export function voiceRouteTable(s: AccessSuite): RouteTable {
  const tree = () => s.tree;
  const { memberOf, submit, surveyOf, surveyBody, surveyNow, answer, alertsOf } = voiceFixtures(s);

  // ── Analytics ──────────────────────────────────────────────────────────────────────────────────

  /** Once per file: a union whose member raised a wage concern and a safety complaint (reads change nothing). */
  let sharedHeardUnion: Promise<HeardUnion> | undefined;
  const heardUnion = () =>
    (sharedHeardUnion ??= (async () => {
      const unit = await s.freshGrassroots();
      const member = await memberOf(unit, 'Trần Thị Phản Ánh');
      await submit(member.self, {
        kind: 'concern',
        title: 'Công ty chậm trả lương tháng này',
        body: 'Đến ngày 15 vẫn chưa nhận được lương.',
        category: 'wages',
      });
      await submit(member.self, {
        kind: 'complaint',
        title: 'Khiếu nại về bảo hộ lao động',
        body: 'Xưởng không phát khẩu trang chống bụi.',
        category: 'safety',
      });
      return { unit, member };
    })());

  /** The union's own figures: its two items, both open, no alert. */
  const countsTheTwoItems = (response: Response, T: HeardUnion) => {
    const body = response.json<VoiceAnalyticsDto>();
    expect(body.unit).toEqual({ id: T.unit.id, name: T.unit.name });
    expect(body.total).toBe(2);
    expect(Object.fromEntries(body.byKind.map((row) => [row.kind, row.count]))).toEqual(
      Object.fromEntries(VOICE_KINDS.map((kind) => [kind, kind === 'proposal' ? 0 : 1])),
    );
    expect(body.byCategory.filter((row) => row.count > 0)).toEqual([
      { category: 'wages', count: 1 },
      { category: 'safety', count: 1 },
    ]);
    expect(body.handling).toMatchObject({ open: 2, answered: 0 });
    expect(body.alerts).toEqual([]);
  };

  const getAnalytics = (headers: Headers, { unit, query }: UnitAim) =>
    s.inject(headers, {
      method: 'GET',
      url: `/api/v1/units/${unit.id}/voice/analytics${query ? `?${query}` : ''}`,
    });

  const analyticsCases: Case<HeardUnion, UnitAim>[] = [
    {
      kind: 'allowed',
      title: 'grassroots officer of the union',
      who: (T) => s.as('grassroots_officer', T.unit),
      expect: ok(countsTheTwoItems),
    },
    {
      kind: 'allowed',
      title: 'upper union officer of communeA, above it (parents see below): the same figures',
      who: () => s.as('upper_union_officer', tree().communeA),
      expect: ok(countsTheTwoItems),
    },
    {
      kind: 'allowed',
      title: 'federation officer of Hà Nội, two levels above it',
      who: () => s.as('federation_officer', tree().hanoi),
      expect: ok(countsTheTwoItems),
    },
    {
      kind: 'allowed',
      title: 'upper union officer of communeA reading communeA: the union’s items counted in it',
      who: () => s.as('upper_union_officer', tree().communeA),
      aim: () => aimAt(tree().communeA),
      expect: ok((response) => {
        const body = response.json<VoiceAnalyticsDto>();
        expect(body.unit.id).toBe(tree().communeA.id);
        expect(body.total).toBeGreaterThanOrEqual(2);
      }),
    },
    {
      kind: 'allowed',
      title: 'grassroots chair of the union whose term ends today (still current)',
      who: (T) => s.as('grassroots_chair', T.unit, 'ends today'),
      expect: ok(),
    },
    {
      kind: 'allowed',
      title: 'grassroots chair of the union whose term starts today',
      who: (T) => s.as('grassroots_chair', T.unit, 'starts today'),
      expect: ok(),
    },
    {
      kind: 'sibling',
      title: 'grassroots chair of grassrootsA2, beside it',
      who: () => s.as('grassroots_chair', tree().grassrootsA2),
      expect: notFound(),
    },
    {
      kind: 'parent',
      title: 'grassroots officer of a branch of the union, below it, reaching up',
      who: async (T) => s.as('grassroots_officer', await s.addUnit(T.unit, 'union_branch')),
      expect: notFound(),
    },
    {
      kind: 'parent',
      title: 'grassroots chair of the union reaching up to communeA',
      who: (T) => s.as('grassroots_chair', T.unit),
      aim: () => aimAt(tree().communeA),
      expect: notFound(),
    },
    {
      kind: 'parent',
      title: 'upper union officer of communeA reaching up to Hà Nội',
      who: () => s.as('upper_union_officer', tree().communeA),
      aim: () => aimAt(tree().hanoi),
      expect: notFound(),
    },
    {
      kind: 'child',
      title: 'upper union officer of communeB (the union is a child of communeA)',
      who: () => s.as('upper_union_officer', tree().communeB),
      expect: notFound(),
    },
    {
      kind: 'child',
      title: 'federation officer of HCMC (the union lies in Hà Nội)',
      who: () => s.as('federation_officer', tree().hcm),
      expect: notFound(),
    },
    {
      kind: 'permission elsewhere',
      title:
        'legal adviser of communeA (sees the union) and officer of grassrootsA2 (reads voice analytics there)',
      who: () =>
        s.asMany(
          { role: 'legal_adviser', unit: tree().communeA },
          { role: 'grassroots_officer', unit: tree().grassrootsA2 },
        ),
      expect: notFound(),
    },
    {
      kind: 'expired',
      title: 'grassroots officer of the union whose term ended yesterday',
      who: (T) => s.as('grassroots_officer', T.unit, 'expired'),
      expect: denied,
    },
    {
      kind: 'expired',
      title: 'term at communeA ended yesterday, current chair of grassrootsA2: the old term widens nothing',
      who: () =>
        s.asMany(
          { role: 'upper_union_officer', unit: tree().communeA, termEnd: daysFromToday(-1) },
          { role: 'grassroots_chair', unit: tree().grassrootsA2 },
        ),
      expect: notFound(),
    },
    {
      kind: 'future',
      title: 'grassroots officer of the union whose term starts tomorrow',
      who: (T) => s.as('grassroots_officer', T.unit, 'future'),
      expect: denied,
    },
    { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
    {
      kind: 'no office',
      title: 'the member who raised the items (a member record, no office)',
      who: (T) => Promise.resolve(T.member.self),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'member of the union (the role grants no voice.analytics)',
      who: (T) => s.as('member', T.unit),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'legal adviser of communeA (units.read, but no voice.analytics)',
      who: () => s.as('legal_adviser', tree().communeA),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'partner merchant of Hà Nội',
      who: () => s.as('partner_merchant', tree().hanoi),
      expect: denied,
    },
    {
      kind: 'missing',
      title: 'federation officer of Hà Nội asking for an id no unit has (same answer as out of scope)',
      who: () => s.as('federation_officer', tree().hanoi),
      aim: () => aimAt({ id: MISSING_ID }),
      expect: notFound(),
    },
    {
      kind: 'missing',
      title: 'federation officer of Hà Nội asking for an id beyond the integer range: refused as input',
      who: () => s.as('federation_officer', tree().hanoi),
      aim: () => aimAt({ id: OUT_OF_RANGE_ID }),
      expect: invalid,
    },
  ];

  // ── Alerts ─────────────────────────────────────────────────────────────────────────────────────

  /**
   * A fresh employer under communeB: one member raises five wage concerns in a row, which passes the
   * seeded rule (5 in 7 days, three times the usual rate) and raises one alert. Built per test.
   */
  const alertedEmployer = async (): Promise<AlertedEmployer> => {
    const unit = await s.addUnit(tree().communeB, 'grassroots_union');
    const member = await memberOf(unit, 'Lê Văn Cảnh Báo');
    for (let i = 1; i <= 5; i += 1) {
      await submit(member.self, {
        kind: 'concern',
        title: `Công ty nợ lương lần ${i}`,
        body: 'Công ty chậm trả lương, anh em định nghỉ việc tập thể.',
        category: 'wages',
      });
    }
    const alerts = await alertsOf(unit);
    expect(alerts).toMatchObject([
      { unit: { id: unit.id }, scopeKind: 'employer', category: 'wages', count: 5, acknowledgedAt: null },
    ]);
    return { unit, member, alertId: alerts[0]!.id };
  };

  const acknowledgedAtOf = async (T: AlertedEmployer) => {
    const [alert] = (await alertsOf(T.unit)).filter((row) => row.id === T.alertId);
    expect(alert).toBeDefined();
    return alert!.acknowledgedAt;
  };
  const acknowledges = async (_response: Response, T: AlertedEmployer) =>
    expect(await acknowledgedAtOf(T)).toEqual(expect.any(String));

  // ── Surveys ────────────────────────────────────────────────────────────────────────────────────

  /** The titled survey's rows (a refused creation leaves none). */
  const surveysTitled = (title: string) =>
    queryRows<{ id: number }>(s.t.db, sql`select id from surveys where title = ${title}`);

  const createsTheSurvey = async (response: Response, T: PlannedSurvey) => {
    expect(response.json<SurveyDto>()).toMatchObject({
      unit: { id: T.unit.id, name: T.unit.name },
      title: T.title,
      status: 'open',
      responses: 0,
      can: { viewResults: true, close: true },
    });
    expect(await surveysTitled(T.title)).toHaveLength(1);
  };

  /** Once per file: a survey of a fresh union under communeA, answered by the union's one member. */
  let sharedSurveyedUnion: Promise<SurveyedUnion> | undefined;
  const answeredSurvey = () =>
    (sharedSurveyedUnion ??= (async () => {
      const unit = await s.freshGrassroots();
      const member = await memberOf(unit, 'Hoàng Thị Trả Lời');
      const survey = await surveyOf(unit);
      expectStatus(await answer(member.self, survey.id), 201);
      return { unit, member, surveyId: survey.id };
    })());

  /** Per test: an open survey of a fresh union under communeA, and a member of that union. */
  const openSurvey = async (): Promise<SurveyedUnion> => {
    const unit = await s.freshGrassroots();
    const member = await memberOf(unit, 'Đinh Văn Khảo Sát');
    const survey = await surveyOf(unit);
    return { unit, member, surveyId: survey.id };
  };

  /** A survey of communeA, made for a case reaching up from a union below it. */
  const surveyOfCommuneA = async () => ({ id: (await surveyOf(tree().communeA)).id });

  const surveyPath =
    (method: 'GET' | 'POST', suffix: string) =>
    (headers: Headers, { id, query }: SurveyAim) =>
      s.inject(headers, { method, url: `/api/v1/surveys/${id}${suffix}${query ? `?${query}` : ''}` });

  const resultsOfTheOneAnswer = (response: Response, T: SurveyedUnion) =>
    expect(response.json<SurveyResultsDto>()).toMatchObject({
      surveyId: T.surveyId,
      responses: 1,
      eligibleMembers: 1,
      questions: [{ id: 'q1', answered: 1, counts: [1, 0] }],
    });
  const isWorkbook = (response: Response) => {
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="/);
    expect(response.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  };

  /**
   * The callers of a survey of T (a fresh union under communeA) by roles holding voice.surveys, and the
   * rest: officers at or above T reach it, nobody below, beside or elsewhere; a refusal reads as missing.
   */
  const surveyCases = <T extends SurveyedUnion>(
    check: (response: Response, T: T) => unknown,
  ): Case<T, SurveyAim>[] => [
    {
      kind: 'allowed',
      title: 'grassroots chair of the union',
      who: (T) => s.as('grassroots_chair', T.unit),
      expect: ok(check),
    },
    {
      kind: 'allowed',
      title: 'upper union officer of communeA, above it',
      who: () => s.as('upper_union_officer', tree().communeA),
      expect: ok(check),
    },
    {
      kind: 'allowed',
      title: 'grassroots officer of the union whose term ends today (still current)',
      who: (T) => s.as('grassroots_officer', T.unit, 'ends today'),
      expect: ok(check),
    },
    {
      kind: 'sibling',
      title: 'grassroots chair of grassrootsA2, beside it',
      who: () => s.as('grassroots_chair', tree().grassrootsA2),
      expect: notFound('survey.not_found'),
    },
    {
      kind: 'parent',
      title: 'grassroots officer of a branch of the union, below the survey’s unit, reaching up',
      who: async (T) => s.as('grassroots_officer', await s.addUnit(T.unit, 'union_branch')),
      expect: notFound('survey.not_found'),
    },
    {
      kind: 'parent',
      title: 'grassroots chair of the union reaching up to a survey of communeA',
      who: (T) => s.as('grassroots_chair', T.unit),
      aim: surveyOfCommuneA,
      expect: notFound('survey.not_found'),
    },
    {
      kind: 'child',
      title: 'upper union officer of communeB (the union is a child of communeA)',
      who: () => s.as('upper_union_officer', tree().communeB),
      expect: notFound('survey.not_found'),
    },
    {
      kind: 'child',
      title: 'federation officer of HCMC (the union lies in Hà Nội)',
      who: () => s.as('federation_officer', tree().hcm),
      expect: notFound('survey.not_found'),
    },
    {
      kind: 'permission elsewhere',
      title: 'legal adviser of communeA (sees the union) and chair of grassrootsA2 (runs surveys there)',
      who: () =>
        s.asMany(
          { role: 'legal_adviser', unit: tree().communeA },
          { role: 'grassroots_chair', unit: tree().grassrootsA2 },
        ),
      expect: notFound('survey.not_found'),
    },
    {
      kind: 'expired',
      title: 'grassroots chair of the union whose term ended yesterday',
      who: (T) => s.as('grassroots_chair', T.unit, 'expired'),
      expect: denied,
    },
    {
      kind: 'expired',
      title: 'term at communeA ended yesterday, current chair of grassrootsA2: the old term widens nothing',
      who: () =>
        s.asMany(
          { role: 'upper_union_officer', unit: tree().communeA, termEnd: daysFromToday(-1) },
          { role: 'grassroots_chair', unit: tree().grassrootsA2 },
        ),
      expect: notFound('survey.not_found'),
    },
    {
      kind: 'future',
      title: 'grassroots chair of the union whose term starts tomorrow',
      who: (T) => s.as('grassroots_chair', T.unit, 'future'),
      expect: denied,
    },
    { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
    {
      kind: 'no office',
      title: 'a member of the union (a member record, no office), who sees and answers the survey',
      who: (T) => Promise.resolve(T.member.self),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'member of the union (the role grants no voice.surveys)',
      who: (T) => s.as('member', T.unit),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'partner merchant of Hà Nội',
      who: () => s.as('partner_merchant', tree().hanoi),
      expect: denied,
    },
    {
      kind: 'missing',
      title: 'federation officer of Hà Nội asking for an id no survey has',
      who: () => s.as('federation_officer', tree().hanoi),
      aim: () => ({ id: MISSING_ID }),
      expect: notFound('survey.not_found'),
    },
    {
      kind: 'missing',
      title: 'federation officer of Hà Nội asking for an id beyond the integer range: refused as input',
      who: () => s.as('federation_officer', tree().hanoi),
      aim: () => ({ id: OUT_OF_RANGE_ID }),
      expect: invalid,
    },
  ];

  return {
    'GET /api/v1/units/:id/voice/analytics': routeSpec({
      target: heardUnion,
      aim: (T): UnitAim => aimAt(T.unit),
      send: getAnalytics,
      cases: analyticsCases,
    }),

    'POST /api/v1/voice/alerts/:id/acknowledge': routeSpec({
      target: alertedEmployer,
      aim: (T): { id: number } => ({ id: T.alertId }),
      send: (headers: Headers, { id }: { id: number }) =>
        s.inject(headers, { method: 'POST', url: `/api/v1/voice/alerts/${id}/acknowledge` }),
      // A refused acknowledgement leaves the alert unseen.
      unchanged: async (T) => expect(await acknowledgedAtOf(T)).toBeNull(),
      cases: [
        {
          kind: 'allowed',
          title: 'upper union officer of communeB, the employer’s managing union (told of the alert)',
          who: () => s.as('upper_union_officer', tree().communeB),
          expect: { status: 204, check: acknowledges },
        },
        {
          kind: 'allowed',
          title: 'federation officer of Hà Nội, the province (told of the alert)',
          who: () => s.as('federation_officer', tree().hanoi),
          expect: { status: 204, check: acknowledges },
        },
        {
          kind: 'allowed',
          title: 'grassroots chair of the employer’s own union (not told, but its analytics show the alert)',
          who: (T) => s.as('grassroots_chair', T.unit),
          expect: { status: 204, check: acknowledges },
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeB, once it was acknowledged: 204, the first time kept',
          who: () => s.as('upper_union_officer', tree().communeB),
          aim: async (T) => {
            const first = await s.as('federation_officer', tree().hanoi);
            const response = await s.inject(first.headers, {
              method: 'POST',
              url: `/api/v1/voice/alerts/${T.alertId}/acknowledge`,
            });
            expectStatus(response, 204);
            T.firstAcknowledgedAt = (await acknowledgedAtOf(T))!;
            return { id: T.alertId };
          },
          expect: {
            status: 204,
            check: async (_response, T) => expect(await acknowledgedAtOf(T)).toBe(T.firstAcknowledgedAt),
          },
        },
        {
          kind: 'sibling',
          title: 'upper union officer of communeA, beside communeB',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: notFound('voice.alert_not_found'),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsB, another employer under communeB',
          who: () => s.as('grassroots_chair', tree().grassrootsB),
          expect: notFound('voice.alert_not_found'),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of a branch of the employer’s union, below it, reaching up',
          who: async (T) => s.as('grassroots_officer', await s.addUnit(T.unit, 'union_branch')),
          expect: notFound('voice.alert_not_found'),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC (the employer lies in Hà Nội)',
          who: () => s.as('federation_officer', tree().hcm),
          expect: notFound('voice.alert_not_found'),
        },
        {
          kind: 'child',
          title: 'upper union officer of communeC',
          who: () => s.as('upper_union_officer', tree().communeC),
          expect: notFound('voice.alert_not_found'),
        },
        {
          kind: 'permission elsewhere',
          title:
            'legal adviser of communeB (sees the employer) and chair of grassrootsB (reads analytics there)',
          who: () =>
            s.asMany(
              { role: 'legal_adviser', unit: tree().communeB },
              { role: 'grassroots_chair', unit: tree().grassrootsB },
            ),
          expect: notFound('voice.alert_not_found'),
        },
        {
          kind: 'expired',
          title: 'upper union officer of communeB whose term ended yesterday',
          who: () => s.as('upper_union_officer', tree().communeB, 'expired'),
          expect: denied,
        },
        {
          kind: 'expired',
          title:
            'term at communeB ended yesterday, current chair of grassrootsA: the old term widens nothing',
          who: () =>
            s.asMany(
              { role: 'upper_union_officer', unit: tree().communeB, termEnd: daysFromToday(-1) },
              { role: 'grassroots_chair', unit: tree().grassrootsA },
            ),
          expect: notFound('voice.alert_not_found'),
        },
        {
          kind: 'future',
          title: 'upper union officer of communeB whose term starts tomorrow',
          who: () => s.as('upper_union_officer', tree().communeB, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'no office',
          title: 'the member who raised the concerns (a member record, no office)',
          who: (T) => Promise.resolve(T.member.self),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'member of the employer’s union (the role grants no voice.analytics)',
          who: (T) => s.as('member', T.unit),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'legal adviser of communeB',
          who: () => s.as('legal_adviser', tree().communeB),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'partner merchant of Hà Nội',
          who: () => s.as('partner_merchant', tree().hanoi),
          expect: denied,
        },
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội naming an id no alert has',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: () => ({ id: MISSING_ID }),
          expect: notFound('voice.alert_not_found'),
        },
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội naming an id beyond the integer range: refused as input',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: () => ({ id: OUT_OF_RANGE_ID }),
          expect: invalid,
        },
      ],
    }),

    'POST /api/v1/surveys': routeSpec({
      target: async (): Promise<PlannedSurvey> => ({
        unit: await s.freshGrassroots(),
        title: uniqueName('Khảo sát bữa ăn ca'),
      }),
      aim: (T): SurveyPlan => ({ unit: T.unit, title: T.title }),
      send: (headers: Headers, { unit, title }: SurveyPlan) =>
        s.inject(headers, { method: 'POST', url: '/api/v1/surveys', payload: surveyBody(unit.id, title) }),
      // A refused creation leaves no survey of that title anywhere.
      unchanged: async (T) => expect(await surveysTitled(T.title)).toEqual([]),
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots chair of the union',
          who: (T) => s.as('grassroots_chair', T.unit),
          expect: created(createsTheSurvey),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above it',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: created(createsTheSurvey),
        },
        {
          kind: 'allowed',
          title: 'federation officer of Hà Nội, two levels above it',
          who: () => s.as('federation_officer', tree().hanoi),
          expect: created(createsTheSurvey),
        },
        {
          kind: 'allowed',
          title: 'grassroots officer of the union whose term starts today',
          who: (T) => s.as('grassroots_officer', T.unit, 'starts today'),
          expect: created(createsTheSurvey),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2, beside it',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: notFound('survey.unit_not_found'),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of a branch of the union, below it, reaching up',
          who: async (T) => s.as('grassroots_officer', await s.addUnit(T.unit, 'union_branch')),
          expect: notFound('survey.unit_not_found'),
        },
        {
          kind: 'parent',
          title: 'grassroots chair of the union surveying communeA, above it',
          who: (T) => s.as('grassroots_chair', T.unit),
          aim: (T) => ({ unit: tree().communeA, title: T.title }),
          expect: notFound('survey.unit_not_found'),
        },
        {
          kind: 'child',
          title: 'upper union officer of communeB',
          who: () => s.as('upper_union_officer', tree().communeB),
          expect: notFound('survey.unit_not_found'),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC',
          who: () => s.as('federation_officer', tree().hcm),
          expect: notFound('survey.unit_not_found'),
        },
        {
          kind: 'permission elsewhere',
          title: 'legal adviser of communeA (sees the union) and chair of grassrootsA2 (runs surveys there)',
          who: () =>
            s.asMany(
              { role: 'legal_adviser', unit: tree().communeA },
              { role: 'grassroots_chair', unit: tree().grassrootsA2 },
            ),
          expect: notFound('survey.unit_not_found'),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of the union whose term ended yesterday',
          who: (T) => s.as('grassroots_chair', T.unit, 'expired'),
          expect: denied,
        },
        {
          kind: 'expired',
          title:
            'term at communeA ended yesterday, current chair of grassrootsA2: the old term widens nothing',
          who: () =>
            s.asMany(
              { role: 'upper_union_officer', unit: tree().communeA, termEnd: daysFromToday(-1) },
              { role: 'grassroots_chair', unit: tree().grassrootsA2 },
            ),
          expect: notFound('survey.unit_not_found'),
        },
        {
          kind: 'future',
          title: 'grassroots chair of the union whose term starts tomorrow',
          who: (T) => s.as('grassroots_chair', T.unit, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'no office',
          title: 'a member of the union (a member record, no office)',
          who: async (T) => (await memberOf(T.unit)).self,
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'member of the union (the role grants no voice.surveys)',
          who: (T) => s.as('member', T.unit),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'legal adviser of communeA',
          who: () => s.as('legal_adviser', tree().communeA),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'partner merchant of Hà Nội',
          who: () => s.as('partner_merchant', tree().hanoi),
          expect: denied,
        },
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội surveying an id no unit has',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: (T) => ({ unit: { id: MISSING_ID }, title: T.title }),
          expect: notFound('survey.unit_not_found'),
        },
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội surveying an id beyond the integer range: refused as input',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: (T) => ({ unit: { id: OUT_OF_RANGE_ID }, title: T.title }),
          expect: invalid,
        },
      ],
    }),

    'GET /api/v1/surveys/:id/results': routeSpec({
      target: answeredSurvey,
      aim: (T): SurveyAim => ({ id: T.surveyId }),
      send: surveyPath('GET', '/results'),
      cases: [
        ...surveyCases(resultsOfTheOneAnswer),
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, broken down by child unit: the union’s own column',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: (T) => ({ id: T.surveyId, query: 'breakdown=unit' }),
          expect: ok((response, T: SurveyedUnion) =>
            expect(response.json<SurveyResultsDto>()).toMatchObject({
              breakdown: 'unit',
              groups: [{ key: String(T.unit.id), responses: 1 }],
            }),
          ),
        },
      ],
    }),

    'GET /api/v1/surveys/:id/results.xlsx': routeSpec({
      target: answeredSurvey,
      aim: (T): SurveyAim => ({ id: T.surveyId }),
      send: surveyPath('GET', '/results.xlsx'),
      cases: surveyCases(isWorkbook),
    }),

    'POST /api/v1/surveys/:id/close': routeSpec({
      target: openSurvey,
      aim: (T): SurveyAim => ({ id: T.surveyId }),
      send: surveyPath('POST', '/close'),
      // A refused close leaves the survey open, still closable, and its members still able to answer.
      unchanged: async (T, aimed) => {
        for (const id of new Set([T.surveyId, aimed.id])) {
          if (id >= MISSING_ID) continue;
          expect(await surveyNow(id)).toMatchObject({ status: 'open', can: { close: true } });
        }
      },
      cases: [
        ...surveyCases(async (response, T) => {
          expect(response.json<SurveyDto>()).toMatchObject({ id: T.surveyId, status: 'closed' });
          expect((await surveyNow(T.surveyId)).status).toBe('closed');
          expect((await answer(T.member.self, T.surveyId)).statusCode).toBe(409);
        }),
        {
          kind: 'sees, may not change',
          title: 'a member of the union, who reads the survey and may answer it, closing it',
          who: async (T) => {
            const response = await s.inject(T.member.self.headers, {
              method: 'GET',
              url: `/api/v1/surveys/${T.surveyId}`,
            });
            expectStatus(response, 200);
            expect(response.json<SurveyDto>().can).toEqual({
              answer: true,
              viewResults: false,
              close: false,
            });
            return T.member.self;
          },
          expect: denied,
        },
      ],
    }),
  };
}
