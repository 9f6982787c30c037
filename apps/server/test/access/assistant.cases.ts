import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type {
  AnswerVersionDto,
  AskResponse,
  ConversationDto,
  CuratedAnswerDto,
  CuratedAnswerPage,
  FeedbackPage,
  LegalCaseDto,
  LegalCasePage,
} from '@union/contracts/assistant';
import type { UnitDto } from '@union/contracts/units';
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
  idsOf,
  invalid,
  notFound,
  ok,
  routeSpec,
  uniqueName,
  type AccessSuite,
  type Case,
  type Headers,
  type Refusal,
  type Response,
  type RouteTable,
  type Success,
} from './denial.js';

/** An id no case, answer or version has: a missing record must read exactly like one out of scope. */
export const MISSING_ID = 2_000_000_000;
/** An id beyond the database's integer range: refused as input before anything is looked up. */
export const OUT_OF_RANGE_ID = 3_000_000_000;

/** A question that needs a person ("should I sue"): a signed-in member's question becomes a case. */
export const HANDOVER_QUESTION = 'Tôi có nên kiện công ty không, họ đuổi tôi hôm qua';

/**
 * An article the seed knowledge holds, of a document in force: the Trade Union Law 2024, Art. 28
 * (protection of part-time union officers, dismissal included). The Labour Code (45/2019/QH14) is not
 * in the seed yet, so a curated answer cannot cite it.
 */
export const CITATION = { document: '50/2024/QH15', article: 28 } as const;

/** A curated answer draft whose one question carries `marker`, so that it can be found again. */
export const draftBody = (marker: string, extra: Record<string, unknown> = {}) => ({
  topic: 'dismissal',
  questions: [`Công ty có được đuổi việc cán bộ công đoàn không chuyên trách không? (${marker})`],
  answer:
    'Người sử dụng lao động không được đơn phương chấm dứt hợp đồng lao động với cán bộ công đoàn không chuyên trách đang trong nhiệm kỳ khi chưa có ý kiến của công đoàn cấp trên.',
  citations: [CITATION],
  validFrom: '2025-07-01',
  ...extra,
});

/** A case a member of grassrootsA handed over: it sits at Hà Nội, their province-level union. */
export interface HandedCase {
  member: SignedInMember;
  caseId: number;
  conversationId: string;
}

/** A curated answer with one version, its author signed in. */
export interface AuthoredVersion {
  author: SignedIn;
  answerId: number;
  versionId: number;
  marker: string;
  /** Set by a case that drafts its own version before it asks (as its own author). */
  ownVersionId?: number;
}

interface IdAim {
  id: number;
}
interface ReviewAim extends IdAim {
  decision: 'approve' | 'reject';
}

/** The assistant's cases and knowledge, made through the API as the apps make them. */
export function assistantFixtures(s: AccessSuite) {
  /** The Confederation itself (the tree's root), as the administrator sees it; read once per file. */
  let rootOnce: Promise<TreeUnit> | undefined;
  const root = () =>
    (rootOnce ??= (async () => {
      const response = await s.inject(s.admin.headers, { method: 'GET', url: '/api/v1/units/roots' });
      expectStatus(response, 200);
      const [unit] = response.json<UnitDto[]>();
      expect(unit!.depth).toBe(0);
      return {
        id: unit!.id,
        name: unit!.name,
        path: unit!.path,
        depth: 0,
        provinceId: null,
        type: unit!.type,
      };
    })());

  /** An active member of `unit`, admitted by the administrator, signed in with their own phone. */
  const memberOf = (unit: { id: number }, fullName = 'Phạm Thị Hỏi Luật'): Promise<SignedInMember> =>
    givenSignedInMember(s.t, s.admin, unit, { fullName });

  const ask = async (headers: Headers, question: string, conversationId?: string): Promise<AskResponse> => {
    const response = await s.inject(headers, {
      method: 'POST',
      url: '/api/v1/assistant/ask',
      payload: { question, ...(conversationId ? { conversationId } : {}) },
    });
    expectStatus(response, 200);
    return response.json<AskResponse>();
  };

  /** A new member of grassrootsA asks what needs a person: the case opens at Hà Nội. */
  const handedCase = async (): Promise<HandedCase> => {
    const member = await memberOf(s.tree.grassrootsA);
    const reply = await ask(member.self.headers, HANDOVER_QUESTION);
    expect(reply.outcome).toBe('handover');
    expect(reply.caseId).toEqual(expect.any(Number));
    return { member, caseId: reply.caseId!, conversationId: reply.conversationId };
  };

  /** A case as it is stored: its status, who holds it and the answer drafted from it. */
  const caseNow = async (id: number) => {
    const [row] = await queryRows<{
      status: string;
      handlingUnitId: number;
      assigneeAccountId: number | null;
      draftAnswerId: number | null;
    }>(
      s.t.db,
      sql`select status, handling_unit_id as "handlingUnitId", assignee_account_id as "assigneeAccountId",
                 draft_answer_id as "draftAnswerId"
            from legal_cases where id = ${id}`,
    );
    expect(row).toBeDefined();
    return row!;
  };

  /** The advisers' replies in a conversation (a refused reply adds none). */
  const adviserReplies = (conversationId: string) =>
    queryRows<{ text: string; authorAccountId: number }>(
      s.t.db,
      sql`select text, author_account_id as "authorAccountId" from assistant_messages
           where conversation_id = ${conversationId} and role = 'adviser' order by id`,
    );

  /** Who read the case (each read is audited). */
  const readersOf = async (caseId: number): Promise<number[]> =>
    (
      await queryRows<{ actorId: number }>(
        s.t.db,
        sql`select actor_id as "actorId" from audit_log
             where action = 'legal_case.read' and entity_type = 'legal_case' and entity_id = ${String(caseId)}
             order by id`,
      )
    ).map((row) => row.actorId);

  const versionNow = async (id: number) => {
    const [row] = await queryRows<{ status: string; reviewerAccountId: number | null }>(
      s.t.db,
      sql`select status, reviewer_account_id as "reviewerAccountId" from curated_answer_versions where id = ${id}`,
    );
    expect(row).toBeDefined();
    return row!;
  };

  const versionsOfAnswer = (answerId: number) =>
    queryRows<{ id: number; version: number; authorAccountId: number }>(
      s.t.db,
      sql`select id, version, author_account_id as "authorAccountId" from curated_answer_versions
           where answer_id = ${answerId} order by version`,
    );

  const versionsFromCase = (caseId: number) =>
    queryRows<{ id: number }>(
      s.t.db,
      sql`select id from curated_answer_versions where from_case_id = ${caseId}`,
    );

  /** Versions whose questions carry the marker (a refused creation leaves none). */
  const versionsMarked = (marker: string) =>
    queryRows<{ id: number }>(
      s.t.db,
      sql`select id from curated_answer_versions
           where array_to_string(questions, ' ') like ${`%${marker}%`}`,
    );

  /** A new curated answer by `author`: a draft, or in review when `submit`. */
  const draftBy = async (author: SignedIn, marker: string, submit = false): Promise<AnswerVersionDto> => {
    const response = await s.inject(author.headers, {
      method: 'POST',
      url: '/api/v1/legal-knowledge/answers',
      payload: draftBody(marker, submit ? { submit: true } : {}),
    });
    expectStatus(response, 201);
    const version = response.json<AnswerVersionDto>();
    expect(version.status).toBe(submit ? 'in_review' : 'draft');
    return version;
  };

  /** A curated answer by a new legal adviser of Hà Nội. */
  const authoredVersion = async (submit = false): Promise<AuthoredVersion> => {
    const author = await s.as('legal_adviser', s.tree.hanoi);
    const marker = uniqueName('Mẫu');
    const version = await draftBy(author, marker, submit);
    return { author, answerId: version.answerId, versionId: version.id, marker };
  };

  return {
    root,
    memberOf,
    ask,
    handedCase,
    caseNow,
    adviserReplies,
    readersOf,
    versionNow,
    versionsOfAnswer,
    versionsFromCase,
    versionsMarked,
    draftBy,
    authoredVersion,
  };
}

/** Route tables for the assistant's permission routes. Targets are built per test (reads share theirs). */
export function assistantRouteTable(s: AccessSuite): RouteTable {
  const tree = () => s.tree;
  const f = assistantFixtures(s);

  // ── Consultation cases (legal.consult, scoped to the case's province-level union) ───────────────

  /** Once per file: a case nobody has touched (reads change nothing). */
  let sharedCase: Promise<HandedCase> | undefined;
  const handedOnce = () => (sharedCase ??= f.handedCase());

  /** The shared case, with who had read it when the test began. */
  interface ReadCase extends HandedCase {
    readersBefore: number[];
  }
  const readCase = async (): Promise<ReadCase> => {
    const handed = await handedOnce();
    return { ...handed, readersBefore: await f.readersOf(handed.caseId) };
  };

  /** A fresh case, answered (and so held) by an adviser of Hà Nội: one a curated answer may be drafted from. */
  interface AnsweredCase extends HandedCase {
    replier: SignedIn;
  }
  const answeredCase = async (): Promise<AnsweredCase> => {
    const handed = await f.handedCase();
    const replier = await s.as('legal_adviser', tree().hanoi);
    const response = await s.inject(replier.headers, {
      method: 'POST',
      url: `/api/v1/legal-cases/${handed.caseId}/reply`,
      payload: { text: 'Bạn hãy giữ lại quyết định thôi việc và hợp đồng lao động.' },
    });
    expectStatus(response, 200);
    expect(response.json<LegalCaseDto>().status).toBe('answered');
    return { ...handed, replier };
  };

  const adviserOf = (unit: TreeUnit, term?: Parameters<AccessSuite['as']>[2]) =>
    s.as('legal_adviser', unit, term);

  /**
   * Who may act on a case at Hà Nội (its own advisers and those above, at the Confederation), and who
   * may not: `outOfScope` is what the wrongly placed advisers get (404 on a case, a list without it).
   */
  const consultCases = <T extends HandedCase, A>(
    allowed: Success<T>,
    outOfScope: Refusal | Success<T>,
  ): Case<T, A>[] => [
    {
      kind: 'allowed',
      title: 'legal adviser of Hà Nội, the case’s province-level union',
      who: () => adviserOf(tree().hanoi),
      expect: allowed,
    },
    {
      kind: 'allowed',
      title: 'legal adviser of the Confederation, above every province (advisers above see cases below)',
      who: async () => adviserOf(await f.root()),
      expect: allowed,
    },
    {
      kind: 'allowed',
      title: 'legal adviser of Hà Nội whose term ends today (still current)',
      who: () => adviserOf(tree().hanoi, 'ends today'),
      expect: allowed,
    },
    {
      kind: 'allowed',
      title: 'legal adviser of Hà Nội whose term starts today',
      who: () => adviserOf(tree().hanoi, 'starts today'),
      expect: allowed,
    },
    {
      kind: 'sibling',
      title: 'legal adviser of HCMC, the province-level union beside Hà Nội',
      who: () => adviserOf(tree().hcm),
      expect: outOfScope,
    },
    {
      kind: 'parent',
      title: 'legal adviser of communeA, below Hà Nội (the member’s own commune), reaching up to the case',
      who: () => adviserOf(tree().communeA),
      expect: outOfScope,
    },
    {
      kind: 'child',
      title: 'legal adviser of communeC (a union of HCMC’s subtree; the case lies in Hà Nội)',
      who: () => adviserOf(tree().communeC),
      expect: outOfScope,
    },
    {
      kind: 'permission elsewhere',
      title:
        'legal adviser of HCMC and federation officer of Hà Nội (sees Hà Nội’s units, consults only in HCMC)',
      who: () =>
        s.asMany(
          { role: 'legal_adviser', unit: tree().hcm },
          { role: 'federation_officer', unit: tree().hanoi },
        ),
      expect: outOfScope,
    },
    {
      kind: 'expired',
      title: 'legal adviser of Hà Nội whose term ended yesterday',
      who: () => adviserOf(tree().hanoi, 'expired'),
      expect: denied,
    },
    {
      kind: 'expired',
      title: 'term at Hà Nội ended yesterday, current adviser of HCMC: the old term widens nothing',
      who: () =>
        s.asMany(
          { role: 'legal_adviser', unit: tree().hanoi, termEnd: daysFromToday(-1) },
          { role: 'legal_adviser', unit: tree().hcm },
        ),
      expect: outOfScope,
    },
    {
      kind: 'future',
      title: 'legal adviser of Hà Nội whose term starts tomorrow',
      who: () => adviserOf(tree().hanoi, 'future'),
      expect: denied,
    },
    { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
    {
      kind: 'no office',
      title: 'the member who asked (a member record, no office)',
      who: (T) => Promise.resolve(T.member.self),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'federation officer of Hà Nội (sees the province, but no legal.consult)',
      who: () => s.as('federation_officer', tree().hanoi),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'confederation administrator (keeps the legal knowledge, does not consult cases)',
      who: async () => s.as('confederation_admin', await f.root()),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'member of grassrootsA (the role grants no legal.consult)',
      who: () => s.as('member', tree().grassrootsA),
      expect: denied,
    },
  ];

  /** An adviser of Hà Nội naming an id no case has, or one beyond the integer range. */
  const missingCase = <T>(): Case<T, IdAim>[] => [
    {
      kind: 'missing',
      title: 'legal adviser of Hà Nội naming an id no case has (same answer as out of scope)',
      who: () => adviserOf(tree().hanoi),
      aim: () => ({ id: MISSING_ID }),
      expect: notFound('legal_case.not_found'),
    },
    {
      kind: 'missing',
      title: 'legal adviser of Hà Nội naming an id beyond the integer range: refused as input',
      who: () => adviserOf(tree().hanoi),
      aim: () => ({ id: OUT_OF_RANGE_ID }),
      expect: invalid,
    },
  ];

  const caseListed = (response: Response, T: HandedCase) => {
    const items = response.json<LegalCasePage>().items;
    expect(idsOf(items)).toContain(T.caseId);
    expect(items.find((item) => item.id === T.caseId)).toMatchObject({
      status: 'waiting',
      question: HANDOVER_QUESTION,
      handlingUnitId: tree().hanoi.id,
      handlingUnitName: tree().hanoi.name,
      requester: 'member',
    });
  };
  const caseNotListed = (response: Response, T: HandedCase) =>
    expect(idsOf(response.json<LegalCasePage>().items)).not.toContain(T.caseId);

  const caseRead = async (response: Response, T: ReadCase, caller: SignedIn) => {
    const body = response.json<LegalCaseDto>();
    expect(body).toMatchObject({
      id: T.caseId,
      status: 'waiting',
      handlingUnitId: tree().hanoi.id,
      requester: 'member',
      requesterName: T.member.member.fullName,
      assigneeName: null,
      draftAnswerId: null,
    });
    expect(body.transcript[0]).toMatchObject({ role: 'user', text: HANDOVER_QUESTION });
    // The read is audited, once, as the caller.
    expect(await f.readersOf(T.caseId)).toEqual([...T.readersBefore, caller.accountId]);
  };

  const caseIdAim = (T: HandedCase): IdAim => ({ id: T.caseId });
  const casePath =
    (method: 'GET' | 'POST', suffix: string, payload?: object) =>
    (headers: Headers, { id }: IdAim) =>
      s.inject(headers, {
        method,
        url: `/api/v1/legal-cases/${id}${suffix}`,
        ...(payload ? { payload } : {}),
      });

  const REPLY = {
    text: 'Công ty phải báo trước và trả trợ cấp thôi việc; bạn giữ lại quyết định thôi việc nhé.',
  };
  const draftMarker = uniqueName('Từ hồ sơ');

  // ── The knowledge console (legal.knowledge.edit / .review: national, not bound to the tree) ──────

  /**
   * Who keeps the legal knowledge: any legal adviser, wherever placed, and the confederation
   * administrator; refused without a current office or the permission.
   */
  const knowledgeCases = <T, A>(allowed: Success<T>): Case<T, A>[] => [
    {
      kind: 'allowed',
      title: 'legal adviser of Hà Nội',
      who: () => adviserOf(tree().hanoi),
      expect: allowed,
    },
    {
      kind: 'allowed',
      title: 'legal adviser of communeC in HCMC (one body of law: every adviser edits the same knowledge)',
      who: () => adviserOf(tree().communeC),
      expect: allowed,
    },
    {
      kind: 'allowed',
      title: 'confederation administrator',
      who: async () => s.as('confederation_admin', await f.root()),
      expect: allowed,
    },
    {
      kind: 'allowed',
      title: 'legal adviser of HCMC whose term ends today (still current)',
      who: () => adviserOf(tree().hcm, 'ends today'),
      expect: allowed,
    },
    {
      kind: 'expired',
      title: 'legal adviser of Hà Nội whose term ended yesterday',
      who: () => adviserOf(tree().hanoi, 'expired'),
      expect: denied,
    },
    {
      kind: 'expired',
      title: 'confederation administrator whose term ended yesterday',
      who: async () => s.as('confederation_admin', await f.root(), 'expired'),
      expect: denied,
    },
    {
      kind: 'future',
      title: 'legal adviser of Hà Nội whose term starts tomorrow',
      who: () => adviserOf(tree().hanoi, 'future'),
      expect: denied,
    },
    { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
    {
      kind: 'lacks permission',
      title: 'federation officer of Hà Nội',
      who: () => s.as('federation_officer', tree().hanoi),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'member of grassrootsA',
      who: () => s.as('member', tree().grassrootsA),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'partner merchant of Hà Nội',
      who: () => s.as('partner_merchant', tree().hanoi),
      expect: denied,
    },
  ];

  /** Once per file: a draft answer, for the reads. */
  let sharedAnswer: Promise<AuthoredVersion> | undefined;
  const answerOnce = () => (sharedAnswer ??= f.authoredVersion());

  /** Once per file: a member's thumbs down, with a comment only this file writes. */
  interface GivenFeedback {
    messageId: number;
    comment: string;
  }
  let sharedFeedback: Promise<GivenFeedback> | undefined;
  const feedbackOnce = () =>
    (sharedFeedback ??= (async () => {
      const member = await f.memberOf(tree().grassrootsA2, 'Vũ Văn Chấm Điểm');
      const reply = await f.ask(member.self.headers, 'Tỷ lệ đóng bảo hiểm xã hội bắt buộc là bao nhiêu?');
      const comment = uniqueName('Chưa đúng ý tôi');
      const response = await s.inject(member.self.headers, {
        method: 'POST',
        url: `/api/v1/assistant/messages/${reply.messageId}/feedback`,
        payload: { conversationId: reply.conversationId, helpful: false, comment },
      });
      expectStatus(response, 204);
      return { messageId: reply.messageId, comment };
    })());

  const missingKnowledge = <T, A extends IdAim>(aim: (id: number) => A): Case<T, A>[] => [
    {
      kind: 'missing',
      title: 'legal adviser of Hà Nội naming an id nothing has',
      who: () => adviserOf(tree().hanoi),
      aim: () => aim(MISSING_ID),
      expect: notFound('legal_knowledge.not_found'),
    },
    {
      kind: 'missing',
      title: 'legal adviser of Hà Nội naming an id beyond the integer range: refused as input',
      who: () => adviserOf(tree().hanoi),
      aim: () => aim(OUT_OF_RANGE_ID),
      expect: invalid,
    },
  ];

  /** A new version of the answer, by the caller; the answer's first version untouched. */
  const addsVersionTwo = async (response: Response, T: AuthoredVersion, caller: SignedIn) => {
    expect(response.json<AnswerVersionDto>()).toMatchObject({
      answerId: T.answerId,
      version: 2,
      status: 'draft',
      fromCaseId: null,
    });
    expect(await f.versionsOfAnswer(T.answerId)).toEqual([
      { id: T.versionId, version: 1, authorAccountId: T.author.accountId },
      { id: response.json<AnswerVersionDto>().id, version: 2, authorAccountId: caller.accountId },
    ]);
    expect((await f.versionNow(T.versionId)).status).toBe('draft');
  };

  const reviewed =
    (status: 'live' | 'rejected') => async (response: Response, T: AuthoredVersion, caller: SignedIn) => {
      expect(response.json<AnswerVersionDto>()).toMatchObject({ id: T.versionId, status });
      expect(await f.versionNow(T.versionId)).toEqual({ status, reviewerAccountId: caller.accountId });
    };

  return {
    'GET /api/v1/legal-cases': routeSpec({
      // Fresh per test: the newest case heads the list, wherever other tests left theirs.
      target: f.handedCase,
      send: (headers: Headers) => s.inject(headers, { method: 'GET', url: '/api/v1/legal-cases?limit=200' }),
      cases: consultCases<HandedCase, HandedCase>(ok(caseListed), ok(caseNotListed)),
    }),

    'GET /api/v1/legal-cases/:id': routeSpec({
      target: readCase,
      aim: caseIdAim,
      send: casePath('GET', ''),
      // A refused read is not a read: nobody is recorded as having seen the case.
      unchanged: async (T) => expect(await f.readersOf(T.caseId)).toEqual(T.readersBefore),
      cases: [
        ...consultCases<ReadCase, IdAim>(ok(caseRead), notFound('legal_case.not_found')),
        ...missingCase<ReadCase>(),
      ],
    }),

    'POST /api/v1/legal-cases/:id/assign': routeSpec({
      target: f.handedCase,
      aim: caseIdAim,
      send: casePath('POST', '/assign'),
      // A refused take leaves the case waiting, held by nobody.
      unchanged: async (T) =>
        expect(await f.caseNow(T.caseId)).toMatchObject({ status: 'waiting', assigneeAccountId: null }),
      cases: [
        ...consultCases<HandedCase, IdAim>(
          ok(async (response, T, caller) => {
            expect(response.json<LegalCaseDto>()).toMatchObject({
              id: T.caseId,
              status: 'assigned',
              assigneeName: 'Người Thử Nghiệm',
            });
            expect(await f.caseNow(T.caseId)).toMatchObject({
              status: 'assigned',
              assigneeAccountId: caller.accountId,
            });
          }),
          notFound('legal_case.not_found'),
        ),
        ...missingCase<HandedCase>(),
      ],
    }),

    'POST /api/v1/legal-cases/:id/reply': routeSpec({
      target: f.handedCase,
      aim: caseIdAim,
      send: casePath('POST', '/reply', REPLY),
      // A refused reply adds nothing to the member's chat and leaves the case waiting.
      unchanged: async (T) => {
        expect(await f.caseNow(T.caseId)).toMatchObject({ status: 'waiting', assigneeAccountId: null });
        expect(await f.adviserReplies(T.conversationId)).toEqual([]);
      },
      cases: [
        ...consultCases<HandedCase, IdAim>(
          ok(async (response, T, caller) => {
            expect(response.json<LegalCaseDto>()).toMatchObject({ id: T.caseId, status: 'answered' });
            expect(await f.adviserReplies(T.conversationId)).toEqual([
              { text: REPLY.text, authorAccountId: caller.accountId },
            ]);
            // The member reads the reply in their own chat.
            const chat = await s.inject(T.member.self.headers, {
              method: 'GET',
              url: `/api/v1/assistant/conversations/${T.conversationId}`,
            });
            expectStatus(chat, 200);
            expect(chat.json<ConversationDto>()).toMatchObject({ caseId: T.caseId, caseStatus: 'answered' });
            expect(chat.json<ConversationDto>().messages.at(-1)).toMatchObject({
              role: 'adviser',
              text: REPLY.text,
            });
          }),
          notFound('legal_case.not_found'),
        ),
        ...missingCase<HandedCase>(),
      ],
    }),

    'POST /api/v1/legal-cases/:id/draft-answer': routeSpec({
      target: answeredCase,
      aim: caseIdAim,
      send: casePath('POST', '/draft-answer', draftBody(draftMarker)),
      // A refused draft leaves the case without one and the knowledge without a version from it.
      unchanged: async (T) => {
        expect(await f.caseNow(T.caseId)).toMatchObject({ status: 'answered', draftAnswerId: null });
        expect(await f.versionsFromCase(T.caseId)).toEqual([]);
      },
      cases: [
        ...consultCases<AnsweredCase, IdAim>(
          created(async (response, T) => {
            const version = response.json<AnswerVersionDto>();
            expect(version).toMatchObject({ version: 1, status: 'draft', fromCaseId: T.caseId });
            expect(await f.caseNow(T.caseId)).toMatchObject({ draftAnswerId: version.answerId });
            expect(await f.versionsFromCase(T.caseId)).toEqual([{ id: version.id }]);
          }),
          notFound('legal_case.not_found'),
        ),
        ...missingCase<AnsweredCase>(),
      ],
    }),

    'GET /api/v1/legal-knowledge/answers': routeSpec({
      target: answerOnce,
      aim: (T) => T.marker,
      send: (headers: Headers, marker: string) =>
        s.inject(headers, {
          method: 'GET',
          url: `/api/v1/legal-knowledge/answers?${new URLSearchParams({ q: marker }).toString()}`,
        }),
      cases: knowledgeCases<AuthoredVersion, string>(
        ok((response, T: AuthoredVersion) =>
          expect(response.json<CuratedAnswerPage>().items).toMatchObject([
            { id: T.answerId, topic: 'dismissal', status: 'draft', pendingVersion: 1, liveVersion: null },
          ]),
        ),
      ),
    }),

    'GET /api/v1/legal-knowledge/answers/:id': routeSpec({
      target: answerOnce,
      aim: (T): IdAim => ({ id: T.answerId }),
      send: (headers: Headers, { id }: IdAim) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/legal-knowledge/answers/${id}` }),
      cases: [
        ...knowledgeCases<AuthoredVersion, IdAim>(
          ok((response, T: AuthoredVersion) => {
            const body = response.json<CuratedAnswerDto>();
            expect(body.id).toBe(T.answerId);
            expect(body.versions).toMatchObject([{ id: T.versionId, version: 1, status: 'draft' }]);
          }),
        ),
        ...missingKnowledge<AuthoredVersion, IdAim>((id) => ({ id })),
      ],
    }),

    'POST /api/v1/legal-knowledge/answers': routeSpec({
      target: async () => uniqueName('Mới'),
      send: (headers: Headers, marker: string) =>
        s.inject(headers, {
          method: 'POST',
          url: '/api/v1/legal-knowledge/answers',
          payload: draftBody(marker),
        }),
      // A refused creation leaves no version with that question anywhere.
      unchanged: async (marker) => expect(await f.versionsMarked(marker)).toEqual([]),
      cases: knowledgeCases<string, string>(
        created(async (response, marker: string) => {
          const version = response.json<AnswerVersionDto>();
          expect(version).toMatchObject({
            version: 1,
            status: 'draft',
            topic: 'dismissal',
            fromCaseId: null,
          });
          expect(await f.versionsMarked(marker)).toEqual([{ id: version.id }]);
        }),
      ),
    }),

    'POST /api/v1/legal-knowledge/answers/:id/versions': routeSpec({
      target: () => f.authoredVersion(),
      aim: (T): IdAim => ({ id: T.answerId }),
      send: (headers: Headers, { id }: IdAim) =>
        s.inject(headers, {
          method: 'POST',
          url: `/api/v1/legal-knowledge/answers/${id}/versions`,
          payload: draftBody(uniqueName('Bản mới')),
        }),
      // A refused version leaves the answer with its one version, still a draft.
      unchanged: async (T) => {
        expect(await f.versionsOfAnswer(T.answerId)).toEqual([
          { id: T.versionId, version: 1, authorAccountId: T.author.accountId },
        ]);
        expect((await f.versionNow(T.versionId)).status).toBe('draft');
      },
      cases: [
        ...knowledgeCases<AuthoredVersion, IdAim>(created(addsVersionTwo)),
        ...missingKnowledge<AuthoredVersion, IdAim>((id) => ({ id })),
      ],
    }),

    'POST /api/v1/legal-knowledge/versions/:id/submit': routeSpec({
      target: () => f.authoredVersion(),
      aim: (T): IdAim => ({ id: T.ownVersionId ?? T.versionId }),
      send: (headers: Headers, { id }: IdAim) =>
        s.inject(headers, { method: 'POST', url: `/api/v1/legal-knowledge/versions/${id}/submit` }),
      // A refused submission leaves the draft a draft.
      unchanged: async (T) => expect((await f.versionNow(T.versionId)).status).toBe('draft'),
      cases: [
        {
          kind: 'allowed',
          title: 'the legal adviser of Hà Nội who wrote the draft',
          who: (T) => Promise.resolve(T.author),
          expect: ok<AuthoredVersion>(async (response, T) => {
            expect(response.json<AnswerVersionDto>()).toMatchObject({ id: T.versionId, status: 'in_review' });
            expect((await f.versionNow(T.versionId)).status).toBe('in_review');
          }),
        },
        {
          kind: 'allowed',
          title: 'a confederation administrator submitting their own draft',
          who: async (T) => {
            const admin = await s.as('confederation_admin', await f.root());
            T.ownVersionId = (await f.draftBy(admin, uniqueName('Của quản trị'))).id;
            return admin;
          },
          aim: (T) => ({ id: T.ownVersionId! }),
          expect: ok<AuthoredVersion>(async (_response, T) =>
            expect((await f.versionNow(T.ownVersionId!)).status).toBe('in_review'),
          ),
        },
        {
          kind: 'expired',
          title: 'legal adviser of Hà Nội whose term ended yesterday',
          who: () => adviserOf(tree().hanoi, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'legal adviser of Hà Nội whose term starts tomorrow',
          who: () => adviserOf(tree().hanoi, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'federation officer of Hà Nội',
          who: () => s.as('federation_officer', tree().hanoi),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'member of grassrootsA',
          who: () => s.as('member', tree().grassrootsA),
          expect: denied,
        },
      ],
    }),

    'POST /api/v1/legal-knowledge/versions/:id/review': routeSpec({
      target: () => f.authoredVersion(true),
      aim: (T): ReviewAim => ({ id: T.versionId, decision: 'approve' }),
      send: (headers: Headers, { id, decision }: ReviewAim) =>
        s.inject(headers, {
          method: 'POST',
          url: `/api/v1/legal-knowledge/versions/${id}/review`,
          payload: { decision, note: 'Đã đối chiếu điều luật.' },
        }),
      // A refused review leaves the version in review, reviewed by nobody.
      unchanged: async (T) =>
        expect(await f.versionNow(T.versionId)).toEqual({ status: 'in_review', reviewerAccountId: null }),
      cases: [
        ...knowledgeCases<AuthoredVersion, ReviewAim>(ok(reviewed('live'))),
        {
          kind: 'allowed',
          title: 'legal adviser of HCMC rejecting it',
          who: () => adviserOf(tree().hcm),
          aim: (T): ReviewAim => ({ id: T.versionId, decision: 'reject' }),
          expect: ok(reviewed('rejected')),
        },
        {
          kind: 'sees, may not change',
          title: 'the author, an adviser who reviews others’ versions, approving their own',
          who: (T) => Promise.resolve(T.author),
          expect: { status: 403, code: 'legal_knowledge.own_version' },
        },
        {
          kind: 'sees, may not change',
          title: 'the author rejecting their own',
          who: (T) => Promise.resolve(T.author),
          aim: (T): ReviewAim => ({ id: T.versionId, decision: 'reject' }),
          expect: { status: 403, code: 'legal_knowledge.own_version' },
        },
        ...missingKnowledge<AuthoredVersion, ReviewAim>((id): ReviewAim => ({ id, decision: 'approve' })),
      ],
    }),

    'GET /api/v1/legal-knowledge/feedback': routeSpec({
      target: feedbackOnce,
      send: (headers: Headers) =>
        s.inject(headers, { method: 'GET', url: '/api/v1/legal-knowledge/feedback?helpful=false&limit=200' }),
      cases: knowledgeCases<GivenFeedback, GivenFeedback>(
        ok((response, T: GivenFeedback) =>
          expect(
            response.json<FeedbackPage>().items.find((item) => item.messageId === T.messageId),
          ).toMatchObject({
            helpful: false,
            comment: T.comment,
            question: 'Tỷ lệ đóng bảo hiểm xã hội bắt buộc là bao nhiêu?',
          }),
        ),
      ),
    }),
  };
}
