import { describe, expect, it } from 'vitest';
import type {
  AnswerVersionDto,
  ConversationDto,
  ConversationList,
  LegalCaseDto,
} from '@union/contracts/assistant';
import type { SignedIn } from '../support/index.js';
import { assistantFixtures, assistantRouteTable, draftBody, MISSING_ID } from './assistant.cases.js';
import { accessSuite, expectError, expectStatus, uniqueName, type Headers } from './denial.js';

// Denial suites for the legal assistant's permission routes (consultation cases, the knowledge
// console): one describe block per route, cases in assistant.cases.ts. Below them, the public side:
// a conversation is its starter's alone, and the refusals the tables cannot hold (409 conflicts).
const s = accessSuite();
s.describeRoutes(assistantRouteTable(s));

const f = assistantFixtures(s);

/** A question the assistant answers (or declines) without handing it to a person. */
const PLAIN_QUESTION = 'Tỷ lệ đóng bảo hiểm xã hội bắt buộc của người lao động là bao nhiêu?';

const conversation = (headers: Headers, id: string) =>
  s.inject(headers, { method: 'GET', url: `/api/v1/assistant/conversations/${id}` });
const conversations = async (who: SignedIn) => {
  const response = await s.inject(who.headers, { method: 'GET', url: '/api/v1/assistant/conversations' });
  expectStatus(response, 200);
  return response.json<ConversationList>().items.map((item) => item.id);
};
const feedback = (headers: Headers, messageId: number, conversationId: string, helpful = false) =>
  s.inject(headers, {
    method: 'POST',
    url: `/api/v1/assistant/messages/${messageId}/feedback`,
    payload: { conversationId, helpful, comment: 'Không đúng.' },
  });

/** The conversation as its owner reads it. */
const conversationNow = async (owner: Headers, id: string): Promise<ConversationDto> => {
  const response = await conversation(owner, id);
  expectStatus(response, 200);
  return response.json<ConversationDto>();
};

describe('a conversation with the assistant is its starter’s alone', () => {
  /** Once: a member of grassrootsA who asked a plain question (no case). */
  let asked: Promise<{ self: SignedIn; conversationId: string; messageId: number }> | undefined;
  const askedOnce = () =>
    (asked ??= (async () => {
      const { self } = await f.memberOf(s.tree.grassrootsA, 'Hoàng Thị Riêng Tư');
      const reply = await f.ask(self.headers, PLAIN_QUESTION);
      expect(reply.caseId).toBeUndefined();
      return { self, conversationId: reply.conversationId, messageId: reply.messageId };
    })());

  const notFoundFor = async (headers: Headers) => {
    const { conversationId } = await askedOnce();
    expectError(await conversation(headers, conversationId), 404, 'assistant.conversation_not_found');
  };

  it('the member reads their own conversation, and finds it in their list', async () => {
    const { self, conversationId } = await askedOnce();
    const body = await conversationNow(self.headers, conversationId);
    expect(body).toMatchObject({ id: conversationId, caseId: null, caseStatus: null });
    expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(body.messages[0]!.text).toBe(PLAIN_QUESTION);
    expect(await conversations(self)).toContain(conversationId);
  });

  it('another member: 404 assistant.conversation_not_found, and it is not in their list', async () => {
    const other = await f.memberOf(s.tree.grassrootsA, 'Hoàng Văn Tò Mò');
    await notFoundFor(other.self.headers);
    expect(await conversations(other.self)).not.toContain((await askedOnce()).conversationId);
  });

  it('an officer of the member’s union, of Hà Nội, the legal adviser of Hà Nội and the administrator: 404', async () => {
    await notFoundFor((await s.as('grassroots_chair', s.tree.grassrootsA)).headers);
    await notFoundFor((await s.as('federation_officer', s.tree.hanoi)).headers);
    await notFoundFor((await s.as('legal_adviser', s.tree.hanoi)).headers);
    await notFoundFor(s.admin.headers);
  });

  it('an anonymous caller holding its id (no token, or a made-up one): 404', async () => {
    await notFoundFor({});
    await notFoundFor({ authorization: 'Bearer made-up-token' });
  });

  it('an id no conversation has reads the same as someone else’s: 404', async () => {
    expectError(
      await conversation({}, '00000000-0000-4000-8000-000000000000'),
      404,
      'assistant.conversation_not_found',
    );
  });

  it('asking with someone else’s conversation id starts a new conversation: theirs is untouched', async () => {
    const { self, conversationId } = await askedOnce();
    const before = await conversationNow(self.headers, conversationId);
    const other = await f.memberOf(s.tree.grassrootsA2, 'Đinh Văn Chen Ngang');
    const reply = await f.ask(other.self.headers, 'Thế nếu tôi làm 5 năm thì sao?', conversationId);
    expect(reply.conversationId).not.toBe(conversationId);
    expect(await conversationNow(self.headers, conversationId)).toEqual(before);
    await notFoundFor(other.self.headers);
  });

  it('an anonymous conversation is read by whoever holds its id, without a session', async () => {
    const reply = await f.ask({}, PLAIN_QUESTION);
    const body = await conversationNow({}, reply.conversationId);
    expect(body.messages.map((m) => m.id)).toContain(reply.messageId);
    // A signed-in person holding the id reads it too: the id is the only key it has.
    const member = await f.memberOf(s.tree.grassrootsB, 'Trịnh Văn Cầm Mã');
    expectStatus(await conversation(member.self.headers, reply.conversationId), 200);
  });

  describe('thumbs on an answer: only in a conversation the caller may read', () => {
    const helpfulOf = async (messageId: number) => {
      const { self, conversationId } = await askedOnce();
      return (await conversationNow(self.headers, conversationId)).messages.find((m) => m.id === messageId)
        ?.helpful;
    };

    it('another member naming the owner’s conversation: 404 assistant.conversation_not_found, no thumbs', async () => {
      const { conversationId, messageId } = await askedOnce();
      const other = await f.memberOf(s.tree.grassrootsA, 'Hoàng Văn Chấm Hộ');
      expectError(
        await feedback(other.self.headers, messageId, conversationId),
        404,
        'assistant.conversation_not_found',
      );
      expect(await helpfulOf(messageId)).toBeNull();
    });

    it('another member naming their own conversation and the owner’s message: 404 assistant.message_not_found', async () => {
      const { messageId } = await askedOnce();
      const other = await f.memberOf(s.tree.grassrootsA, 'Hoàng Văn Mượn Tin');
      const own = await f.ask(other.self.headers, PLAIN_QUESTION);
      expectError(
        await feedback(other.self.headers, messageId, own.conversationId),
        404,
        'assistant.message_not_found',
      );
      expect(await helpfulOf(messageId)).toBeNull();
    });

    it('an anonymous caller naming the owner’s conversation: 404 assistant.conversation_not_found', async () => {
      const { conversationId, messageId } = await askedOnce();
      expectError(await feedback({}, messageId, conversationId), 404, 'assistant.conversation_not_found');
      expect(await helpfulOf(messageId)).toBeNull();
    });

    it('the owner rating their own question (not an assistant message): 404 assistant.message_not_found', async () => {
      const { self, conversationId } = await askedOnce();
      const question = (await conversationNow(self.headers, conversationId)).messages.find(
        (m) => m.role === 'user',
      )!;
      expectError(
        await feedback(self.headers, question.id, conversationId),
        404,
        'assistant.message_not_found',
      );
    });

    it('the owner: 204, and the thumbs are on the answer (the positive control)', async () => {
      const { self, conversationId, messageId } = await askedOnce();
      expectStatus(await feedback(self.headers, messageId, conversationId, true), 204);
      expect(await helpfulOf(messageId)).toBe(true);
    });
  });

  it('an anonymous caller leaving a contact on a member’s conversation: 404, and no case opens', async () => {
    const { self, conversationId } = await askedOnce();
    const response = await s.inject(
      {},
      {
        method: 'POST',
        url: '/api/v1/assistant/contact',
        payload: {
          conversationId,
          name: 'Người Lạ',
          phone: '0912345678',
          unitId: s.tree.hanoi.id,
          consent: true,
        },
      },
    );
    expectError(response, 404, 'assistant.conversation_not_found');
    expect(await conversationNow(self.headers, conversationId)).toMatchObject({ caseId: null });
  });

  it('the member who handed a question over reads their case’s status in the chat, never the case itself', async () => {
    const handed = await f.handedCase();
    expect(await conversationNow(handed.member.self.headers, handed.conversationId)).toMatchObject({
      caseId: handed.caseId,
      caseStatus: 'waiting',
    });
    const member = handed.member.self.headers;
    expectError(await s.inject(member, { method: 'GET', url: '/api/v1/legal-cases' }), 403, 'access.denied');
    expectError(
      await s.inject(member, { method: 'GET', url: `/api/v1/legal-cases/${handed.caseId}` }),
      403,
      'access.denied',
    );
    // Nor can another member of the same union read it.
    const other = await f.memberOf(s.tree.grassrootsA, 'Hoàng Thị Hàng Xóm');
    expectError(
      await conversation(other.self.headers, handed.conversationId),
      404,
      'assistant.conversation_not_found',
    );
  });
});

// ── Sees, may not change: refusals answered 409, which the tables' refusals do not hold ───────────

describe('POST /api/v1/legal-cases/:id/assign and /reply: one adviser answers a case', () => {
  /** A fresh case taken by an adviser of Hà Nội, and a second adviser of Hà Nội who may read it. */
  const heldCase = async () => {
    const handed = await f.handedCase();
    const holder = await s.as('legal_adviser', s.tree.hanoi);
    expectStatus(
      await s.inject(holder.headers, { method: 'POST', url: `/api/v1/legal-cases/${handed.caseId}/assign` }),
      200,
    );
    const second = await s.as('legal_adviser', s.tree.hanoi);
    const read = await s.inject(second.headers, {
      method: 'GET',
      url: `/api/v1/legal-cases/${handed.caseId}`,
    });
    expectStatus(read, 200);
    expect(read.json<LegalCaseDto>()).toMatchObject({ status: 'assigned', assigneeName: 'Người Thử Nghiệm' });
    return { ...handed, holder, second };
  };

  it('a second adviser of Hà Nội taking a case another holds: 409 legal_case.assigned_to_other', async () => {
    const T = await heldCase();
    expectError(
      await s.inject(T.second.headers, { method: 'POST', url: `/api/v1/legal-cases/${T.caseId}/assign` }),
      409,
      'legal_case.assigned_to_other',
    );
    expect(await f.caseNow(T.caseId)).toMatchObject({
      status: 'assigned',
      assigneeAccountId: T.holder.accountId,
    });
  });

  it('an adviser of the Confederation taking it: 409 legal_case.assigned_to_other', async () => {
    const T = await heldCase();
    const above = await s.as('legal_adviser', await f.root());
    expectError(
      await s.inject(above.headers, { method: 'POST', url: `/api/v1/legal-cases/${T.caseId}/assign` }),
      409,
      'legal_case.assigned_to_other',
    );
    expect(await f.caseNow(T.caseId)).toMatchObject({
      status: 'assigned',
      assigneeAccountId: T.holder.accountId,
    });
  });

  it('a second adviser replying into it: 409 legal_case.assigned_to_other, nothing reaches the member', async () => {
    const T = await heldCase();
    expectError(
      await s.inject(T.second.headers, {
        method: 'POST',
        url: `/api/v1/legal-cases/${T.caseId}/reply`,
        payload: { text: 'Tôi trả lời thay.' },
      }),
      409,
      'legal_case.assigned_to_other',
    );
    expect(await f.adviserReplies(T.conversationId)).toEqual([]);
    expect(await f.caseNow(T.caseId)).toMatchObject({
      status: 'assigned',
      assigneeAccountId: T.holder.accountId,
    });
  });

  it('the holder taking it again: 200, still theirs (the positive control)', async () => {
    const T = await heldCase();
    expectStatus(
      await s.inject(T.holder.headers, { method: 'POST', url: `/api/v1/legal-cases/${T.caseId}/assign` }),
      200,
    );
    expect(await f.caseNow(T.caseId)).toMatchObject({
      status: 'assigned',
      assigneeAccountId: T.holder.accountId,
    });
  });
});

describe('POST /api/v1/legal-cases/:id/draft-answer: only from a case that was answered', () => {
  it('an adviser of Hà Nội drafting from a case still waiting: 409 legal_case.wrong_status', async () => {
    const handed = await f.handedCase();
    const adviser = await s.as('legal_adviser', s.tree.hanoi);
    const response = await s.inject(adviser.headers, {
      method: 'POST',
      url: `/api/v1/legal-cases/${handed.caseId}/draft-answer`,
      payload: draftBody(uniqueName('Quá sớm')),
    });
    expectError(response, 409, 'legal_case.wrong_status');
    expect(await f.versionsFromCase(handed.caseId)).toEqual([]);
    expect(await f.caseNow(handed.caseId)).toMatchObject({ status: 'waiting', draftAnswerId: null });
  });
});

describe('POST /api/v1/legal-knowledge/versions/:id/submit: only the author submits their draft', () => {
  const submit = (who: SignedIn, id: number) =>
    s.inject(who.headers, { method: 'POST', url: `/api/v1/legal-knowledge/versions/${id}/submit` });

  it('another adviser of Hà Nội (who may read and review it): 409 legal_knowledge.wrong_status', async () => {
    const T = await f.authoredVersion();
    const other = await s.as('legal_adviser', s.tree.hanoi);
    const read = await s.inject(other.headers, {
      method: 'GET',
      url: `/api/v1/legal-knowledge/answers/${T.answerId}`,
    });
    expectStatus(read, 200);
    expectError(await submit(other, T.versionId), 409, 'legal_knowledge.wrong_status');
    expect((await f.versionNow(T.versionId)).status).toBe('draft');
  });

  it('a confederation administrator: 409 legal_knowledge.wrong_status', async () => {
    const T = await f.authoredVersion();
    const admin = await s.as('confederation_admin', await f.root());
    expectError(await submit(admin, T.versionId), 409, 'legal_knowledge.wrong_status');
    expect((await f.versionNow(T.versionId)).status).toBe('draft');
  });

  it('the author submitting it twice: 409 legal_knowledge.wrong_status the second time', async () => {
    const T = await f.authoredVersion();
    expectStatus(await submit(T.author, T.versionId), 200);
    expectError(await submit(T.author, T.versionId), 409, 'legal_knowledge.wrong_status');
    expect((await f.versionNow(T.versionId)).status).toBe('in_review');
  });

  it('an id no version has: 409 legal_knowledge.wrong_status (the same answer as someone else’s draft)', async () => {
    const adviser = await s.as('legal_adviser', s.tree.hanoi);
    expectError(await submit(adviser, MISSING_ID), 409, 'legal_knowledge.wrong_status');
  });
});

describe('the knowledge console: a version moves on once, and a case’s draft is a plain draft', () => {
  const submit = (who: SignedIn, id: number) =>
    s.inject(who.headers, { method: 'POST', url: `/api/v1/legal-knowledge/versions/${id}/submit` });

  it('a reviewer approving a version already live: 409 legal_knowledge.wrong_status', async () => {
    const T = await f.authoredVersion(true);
    const reviewer = await s.as('legal_adviser', s.tree.hcm);
    const review = (who: SignedIn) =>
      s.inject(who.headers, {
        method: 'POST',
        url: `/api/v1/legal-knowledge/versions/${T.versionId}/review`,
        payload: { decision: 'approve' },
      });
    expectStatus(await review(reviewer), 200);
    const second = await s.as('legal_adviser', s.tree.hanoi);
    expectError(await review(second), 409, 'legal_knowledge.wrong_status');
    expect(await f.versionNow(T.versionId)).toEqual({
      status: 'live',
      reviewerAccountId: reviewer.accountId,
    });
  });

  it('an adviser drafting from their own case: the version remembers the case (draft, not in review)', async () => {
    // Guards the draft-answer table's positive control: the created version is a plain draft.
    const handed = await f.handedCase();
    const adviser = await s.as('legal_adviser', s.tree.hanoi);
    expectStatus(
      await s.inject(adviser.headers, {
        method: 'POST',
        url: `/api/v1/legal-cases/${handed.caseId}/reply`,
        payload: { text: 'Đã trả lời.' },
      }),
      200,
    );
    const response = await s.inject(adviser.headers, {
      method: 'POST',
      url: `/api/v1/legal-cases/${handed.caseId}/draft-answer`,
      payload: draftBody(uniqueName('Từ hồ sơ của tôi')),
    });
    expectStatus(response, 201);
    const version = response.json<AnswerVersionDto>();
    expect(version).toMatchObject({ status: 'draft', fromCaseId: handed.caseId });
    expectStatus(await submit(adviser, version.id), 200);
  });
});
