import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationPage } from '@union/contracts/notifications';
import type {
  SubmittedVoiceDto,
  SupportResponse,
  VoiceAnalyticsDto,
  VoiceAttachmentDto,
  VoiceItemDto,
  VoicePage,
  VoiceSuggestionDto,
} from '@union/contracts/voice';
import { queryRows } from '../../kernel/db/database.js';
import {
  buildTestApp,
  givenSignedInMember,
  givenUnitTree,
  signInAs,
  signInAsAdmin,
  type SignedIn,
  type SignedInMember,
  type TestApp,
} from '../../../test/support/index.js';
import { escalateOverdueItems } from './index.js';

/** Friday 13 February 2026, 10:00 in Hà Nội: the last working day before the Tết Bính Ngọ break. */
const FRIDAY_BEFORE_TET = new Date('2026-02-13T03:00:00Z');

describe('members’ voice: intake, routing, deadlines, handling and anonymity', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof givenUnitTree>>;
  let admin: SignedIn;
  let officerA: SignedIn;
  let officerA2: SignedIn;
  let communeOfficerA: SignedIn;
  let communeOfficerB: SignedIn;
  let federationOfficer: SignedIn;
  let worker: SignedInMember;
  let colleague: SignedInMember;
  let stranger: SignedInMember;
  let clock = FRIDAY_BEFORE_TET;

  beforeAll(async () => {
    t = await buildTestApp({ voiceSubmitRateLimitPerHour: 40 }, { clock: () => clock });
    tree = await givenUnitTree(t);
    admin = await signInAsAdmin(t);
    officerA = await signInAs(t, { role: 'grassroots_officer', unit: tree.grassrootsA });
    officerA2 = await signInAs(t, { role: 'grassroots_officer', unit: tree.grassrootsA2 });
    communeOfficerA = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeA });
    communeOfficerB = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeB });
    federationOfficer = await signInAs(t, { role: 'federation_officer', unit: tree.hanoi });
    worker = await givenSignedInMember(t, admin, tree.groupA, { fullName: 'Phạm Thị Lên Tiếng' });
    colleague = await givenSignedInMember(t, admin, tree.grassrootsA, { fullName: 'Đỗ Văn Đồng Nghiệp' });
    stranger = await givenSignedInMember(t, admin, tree.grassrootsB, { fullName: 'Vũ Văn Người Lạ' });
  });
  afterAll(() => t.close());

  const post = (who: SignedIn, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: who.headers, payload });
  const get = (who: SignedIn, url: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who.headers });
  const submit = async (who: SignedIn, payload: object) => {
    const response = await post(who, '/concerns', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<SubmittedVoiceDto>();
  };
  const itemAs = async (who: SignedIn, id: number) => {
    const response = await get(who, `/concerns/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<VoiceItemDto>();
  };
  const inboxIds = async (who: SignedIn, query = '') =>
    (await get(who, `/concerns?view=inbox${query}`)).json<VoicePage>().items.map((item) => item.id);
  const notificationsOf = async (who: SignedIn) =>
    (await get(who, '/me/notifications')).json<NotificationPage>();

  describe('intake and routing', () => {
    it('routes a member’s concern to their grassroots union, with a deadline in working days past Tết', async () => {
      const created = await submit(worker.self, {
        kind: 'concern',
        title: 'Công ty nợ lương hai tháng',
        body: 'Cty chua tra luong thang 12 va thang 1, anh em rat kho khan.',
      });
      expect(created.status).toBe('received');
      expect(created.category).toBe('wages');
      expect(created.handlingUnitId).toBe(tree.grassrootsA.id);
      // Wages: 5 working days at a grassroots union. 16–20/2 is the Tết break (Mon–Fri), so the five are
      // 23–27/2, and the deadline is the end of Friday 27/2 in Hà Nội.
      expect(created.dueAt).toBe('2026-02-27T16:59:59.999Z');

      const seen = await itemAs(officerA, created.id);
      expect(seen.authorName).toBe('Phạm Thị Lên Tiếng');
      expect(seen.originUnit?.id).toBe(tree.groupA.id);
      expect(seen.history.map((event) => event.kind)).toEqual(['submitted']);
      expect(await inboxIds(officerA)).toContain(created.id);
      const notices = await notificationsOf(officerA);
      expect(
        notices.items.some(
          (notice) => notice.kind === 'voice_received' && notice.link === `/voice/${created.id}`,
        ),
      ).toBe(true);
    });

    it('keeps a concern private to its handling unit: not a sibling union, not the unions above, not other members', async () => {
      const created = await submit(worker.self, {
        kind: 'concern',
        title: 'Tổ trưởng quát mắng',
        body: 'Bị quát mắng hằng ngày.',
      });
      for (const outsider of [officerA2, communeOfficerA, federationOfficer, colleague.self, stranger.self]) {
        const response = await get(outsider, `/concerns/${created.id}`);
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('voice.not_found');
      }
      expect(await inboxIds(communeOfficerA)).not.toContain(created.id);
      expect(await inboxIds(officerA2)).not.toContain(created.id);
    });

    it('shows a complaint to the unions above the handling unit too, but never to a sibling', async () => {
      const created = await submit(worker.self, {
        kind: 'complaint',
        title: 'Khiếu nại kỷ luật sai',
        body: 'Tôi bị kỷ luật khiển trách mà không có biên bản.',
        category: 'contracts',
      });
      expect(await inboxIds(communeOfficerA)).toContain(created.id);
      expect(await inboxIds(federationOfficer)).toContain(created.id);
      expect((await get(communeOfficerB, `/concerns/${created.id}`)).statusCode).toBe(404);
    });

    it('suggests a category from text without diacritics, and similar items the member may see', async () => {
      const response = await post(worker.self, '/concerns/suggest', {
        title: 'cty no luong',
        body: 'cong ty cham tra luong 2 thang roi',
      });
      expect(response.statusCode, response.body).toBe(200);
      const suggestion = response.json<VoiceSuggestionDto>();
      expect(suggestion.category).toBe('wages');
      expect(
        suggestion.similar.some((item) => item.title === 'Công ty nợ lương hai tháng' && item.mine),
      ).toBe(true);
      // Someone else's private concern is never suggested.
      const other = (
        await post(stranger.self, '/concerns/suggest', {
          title: 'no luong',
          body: 'cong ty no luong hai thang',
        })
      ).json<VoiceSuggestionDto>();
      expect(other.similar.some((item) => item.title === 'Công ty nợ lương hai tháng')).toBe(false);
    });

    it('lets an officer enter an item on a member’s behalf, and the member then sees it as theirs', async () => {
      const created = await submit(officerA, {
        kind: 'concern',
        title: 'Nhà vệ sinh xưởng hỏng',
        body: 'Đoàn viên báo qua điện thoại.',
        category: 'safety',
        memberId: colleague.member.id,
      });
      const own = await itemAs(colleague.self, created.id);
      expect(own.mine).toBe(true);
      // Safety gets 3 working days.
      expect(created.dueAt).toBe('2026-02-25T16:59:59.999Z');
      const outOfScope = await post(officerA2, '/concerns', {
        kind: 'concern',
        title: 'x',
        body: 'y',
        memberId: colleague.member.id,
      });
      expect(outOfScope.statusCode).toBe(404);
    });
  });

  describe('deadlines and escalation', () => {
    it('moves an overdue item up to the managing union automatically, telling both unions and the member', async () => {
      const created = await submit(worker.self, {
        kind: 'concern',
        title: 'Không được nghỉ phép năm',
        body: 'Xin nghỉ phép năm nhưng quản lý không duyệt.',
        category: 'working_hours',
      });
      // Ten working days at a grassroots union: 23/2 … 6/3.
      expect(created.dueAt).toBe('2026-03-06T16:59:59.999Z');

      clock = new Date('2026-03-06T16:00:00Z');
      await escalateOverdueItems(t.db, clock);
      expect((await itemAs(officerA, created.id)).handlingUnit.id).toBe(tree.grassrootsA.id);

      clock = new Date('2026-03-07T02:00:00Z');
      expect(await escalateOverdueItems(t.db, clock)).toBeGreaterThanOrEqual(1);
      const moved = await itemAs(communeOfficerA, created.id);
      expect(moved.handlingUnit.id).toBe(tree.communeA.id);
      expect(moved.escalations).toBe(1);
      expect(moved.status).toBe('received');
      // The commune has ten working days from Saturday 7/3: 9/3 … 20/3.
      expect(moved.dueAt).toBe('2026-03-20T16:59:59.999Z');
      const step = moved.history.at(-1)!;
      expect(step).toMatchObject({ kind: 'auto_escalated', actorName: null });
      expect(step.fromUnit?.id).toBe(tree.grassrootsA.id);
      expect(step.toUnit?.id).toBe(tree.communeA.id);
      // A private concern now belongs to the commune: the grassroots union no longer sees it.
      expect((await get(officerA, `/concerns/${created.id}`)).statusCode).toBe(404);
      expect((await notificationsOf(communeOfficerA)).items.some((n) => n.kind === 'voice_assigned')).toBe(
        true,
      );
      expect((await notificationsOf(officerA)).items.some((n) => n.kind === 'voice_escalated')).toBe(true);
      expect((await notificationsOf(worker.self)).items.some((n) => n.kind === 'voice_escalated')).toBe(true);
      // Running the sweep again at the same moment moves nothing more.
      await escalateOverdueItems(t.db, clock);
      expect((await itemAs(communeOfficerA, created.id)).escalations).toBe(1);
      clock = FRIDAY_BEFORE_TET;
    });

    it('escalates by hand with a reason up to the Confederation, and no further', async () => {
      const created = await submit(worker.self, {
        kind: 'complaint',
        title: 'Bị trừ lương vô lý',
        body: 'Bị trừ 500.000 đồng vì đi muộn 5 phút.',
        category: 'wages',
      });
      const first = await post(officerA, `/concerns/${created.id}/escalate`, {
        reason: 'Vượt thẩm quyền CĐCS',
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json<VoiceItemDto>().handlingUnit.id).toBe(tree.communeA.id);
      expect(
        (await post(communeOfficerA, `/concerns/${created.id}/escalate`, { reason: 'Cần LĐLĐ' })).statusCode,
      ).toBe(200);
      const atConfederation = await post(federationOfficer, `/concerns/${created.id}/escalate`, {
        reason: 'Cần TLĐ',
      });
      expect(atConfederation.statusCode).toBe(200);
      const root = atConfederation.json<VoiceItemDto>().handlingUnit.id;
      const confederationOfficer = await signInAs(t, {
        role: 'confederation_admin',
        unit: { id: root, path: `/${root}/` },
      });
      const top = await post(confederationOfficer, `/concerns/${created.id}/escalate`, { reason: 'Lên nữa' });
      expect(top.statusCode).toBe(422);
      expect(top.json().error.code).toBe('voice.top_level');
      const history = (await itemAs(confederationOfficer, created.id)).history;
      expect(history.filter((event) => event.kind === 'escalated').map((event) => event.text)).toEqual([
        'Vượt thẩm quyền CĐCS',
        'Cần LĐLĐ',
        'Cần TLĐ',
      ]);
      // An empty reason is refused.
      expect(
        (await post(confederationOfficer, `/concerns/${created.id}/escalate`, { reason: '  ' })).statusCode,
      ).toBe(400);
    });

    it('passes an item on only to a unit within the officer’s responsibility', async () => {
      const created = await submit(worker.self, {
        kind: 'complaint',
        title: 'Khiếu nại về ký túc xá',
        body: 'Phòng ở ký túc xá dột nát.',
        category: 'housing',
      });
      const sideways = await post(communeOfficerA, `/concerns/${created.id}/pass-on`, {
        unitId: tree.grassrootsA2.id,
        reason: 'Ký túc xá do công ty A2 quản lý',
      });
      expect(sideways.statusCode, sideways.body).toBe(200);
      expect(sideways.json<VoiceItemDto>().handlingUnit.id).toBe(tree.grassrootsA2.id);
      const outside = await post(communeOfficerA, `/concerns/${created.id}/pass-on`, {
        unitId: tree.grassrootsB.id,
        reason: 'Nhầm',
      });
      expect(outside.json().error.code).toBe('voice.pass_on_target');
      const toBranch = await post(communeOfficerA, `/concerns/${created.id}/pass-on`, {
        unitId: tree.branchA.id,
        reason: 'Tổ',
      });
      expect(toBranch.json().error.code).toBe('voice.pass_on_target');
    });
  });

  describe('handling', () => {
    it('goes received → in progress → answered → closed, with internal notes the member never sees', async () => {
      const created = await submit(worker.self, {
        kind: 'concern',
        title: 'Xe đưa đón đến muộn',
        body: 'Xe đưa đón ca sáng thường đến muộn 20 phút.',
        category: 'welfare',
      });
      expect(
        (await post(officerA, `/concerns/${created.id}/status`, { status: 'in_progress' })).statusCode,
      ).toBe(200);
      await post(officerA, `/concerns/${created.id}/notes`, { body: 'Đã gọi nhà xe, chờ phản hồi.' });
      const answered = await post(officerA, `/concerns/${created.id}/answer`, {
        body: 'Công đoàn đã làm việc với công ty; từ tuần sau xe xuất phát sớm 30 phút.',
      });
      expect(answered.statusCode, answered.body).toBe(200);
      expect(answered.json<VoiceItemDto>().status).toBe('answered');
      expect((await post(officerA, `/concerns/${created.id}/answer`, { body: 'lần hai' })).statusCode).toBe(
        409,
      );

      const own = await itemAs(worker.self, created.id);
      expect(own.answer?.body).toContain('xe xuất phát sớm');
      expect(own.history.some((event) => event.internal || event.kind === 'note')).toBe(false);
      expect(JSON.stringify(own)).not.toContain('chờ phản hồi');
      expect(own.can).toMatchObject({ rate: true, reopen: true, answer: false });
      expect((await notificationsOf(worker.self)).items.some((n) => n.kind === 'voice_answered')).toBe(true);
      expect((await itemAs(officerA, created.id)).history.some((event) => event.kind === 'note')).toBe(true);

      // A member cannot answer, and an officer cannot rate.
      expect(
        (await post(worker.self, `/concerns/${created.id}/answer`, { body: 'tự trả lời' })).statusCode,
      ).toBe(403);
      const officerRates = await post(officerA, `/concerns/${created.id}/rate`, { stars: 5 });
      expect(officerRates.statusCode).toBe(403);
      expect(officerRates.json().error.code).toBe('voice.not_author');

      const rated = await post(worker.self, `/concerns/${created.id}/rate`, {
        stars: 4,
        comment: 'Cảm ơn công đoàn',
      });
      expect(rated.statusCode, rated.body).toBe(200);
      expect(rated.json<VoiceItemDto>()).toMatchObject({ status: 'closed', rating: { stars: 4 } });

      const reopened = await post(worker.self, `/concerns/${created.id}/reopen`, {
        reason: 'Xe vẫn đến muộn',
      });
      expect(reopened.statusCode, reopened.body).toBe(200);
      expect(reopened.json<VoiceItemDto>()).toMatchObject({
        status: 'in_progress',
        reopened: true,
        rating: null,
      });
      await post(officerA, `/concerns/${created.id}/answer`, { body: 'Đã đổi nhà xe.' });
      const again = await post(worker.self, `/concerns/${created.id}/reopen`, { reason: 'Lần nữa' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('voice.reopen_used');
    });

    it('recategorises, and the counters follow the item', async () => {
      const created = await submit(worker.self, {
        kind: 'concern',
        title: 'Ca đêm không có phụ cấp',
        body: 'Làm ca đêm nhưng không có phụ cấp.',
        category: 'welfare',
      });
      const response = await post(officerA, `/concerns/${created.id}/category`, { category: 'wages' });
      expect(response.json<VoiceItemDto>().category).toBe('wages');
      expect(await countersMismatches()).toEqual([]);
    });
  });

  describe('anonymity', () => {
    it('hides an anonymous author from every officer-facing read, notice and audit entry', async () => {
      const created = await submit(worker.self, {
        kind: 'concern',
        title: 'Quản lý gạ gẫm nữ công nhân',
        body: 'Xin giấu tên vì sợ bị trù dập.',
        category: 'contracts',
        anonymous: true,
      });
      const name = worker.member.fullName;
      const seen = await get(officerA, `/concerns/${created.id}`);
      expect(seen.statusCode).toBe(200);
      const item = seen.json<VoiceItemDto>();
      expect(item).toMatchObject({ anonymous: true, authorName: null, originUnit: null, mine: false });
      expect(item.history.every((event) => event.actorName === null)).toBe(true);
      const listed = (await get(officerA, `/concerns?view=inbox`))
        .json<VoicePage>()
        .items.find((entry) => entry.id === created.id);
      expect(listed?.authorName).toBeNull();
      const notices = (await notificationsOf(officerA)).items.filter(
        (n) => n.link === `/voice/${created.id}`,
      );
      expect(notices).toHaveLength(1);
      const reads = [seen.body, JSON.stringify(listed), JSON.stringify(notices)];
      for (const body of reads) {
        expect(body).not.toContain(name);
        expect(body).not.toContain(worker.member.memberCode);
        expect(body).not.toContain(String(worker.member.phone).replace('+84', ''));
      }
      // The officer answers; the member's steps on the item (rating, reopening) stay unnamed too.
      await post(officerA, `/concerns/${created.id}/answer`, { body: 'Công đoàn đã báo cáo giám đốc.' });
      await post(worker.self, `/concerns/${created.id}/rate`, { stars: 2 });
      await post(worker.self, `/concerns/${created.id}/reopen`, { reason: 'Vẫn tiếp diễn' });
      const after = await itemAs(officerA, created.id);
      expect(
        after.history.filter((event) => event.kind !== 'answered').every((event) => event.actorName === null),
      ).toBe(true);
      // The audit log holds nothing that ties the member's account to the item.
      const audit = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from audit_log
            where (entity_type = 'voice_item' and entity_id = ${String(created.id)} and actor_id = ${worker.self.accountId})
               or (entity_type = 'voice_item' and details->>'memberId' = ${String(worker.member.id)})`,
      );
      expect(audit[0]?.n).toBe(0);
      // Probing the API for the author: the member's own list is the member's alone.
      expect(
        (await get(officerA, '/concerns?view=mine')).json<VoicePage>().items.map((i) => i.id),
      ).not.toContain(created.id);
      const own = await itemAs(worker.self, created.id);
      expect(own).toMatchObject({ mine: true, anonymous: true });
    });

    it('refuses an anonymous proposal: a proposal is public', async () => {
      const response = await post(worker.self, '/concerns', {
        kind: 'proposal',
        title: 'Đề xuất',
        body: 'Nội dung',
        anonymous: true,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('voice.proposal_not_anonymous');
    });
  });

  describe('proposals and support', () => {
    it('gathers support in its scope; reaching the threshold obliges an official answer', async () => {
      await t.db.execute(
        sql`insert into voice_support_thresholds (scope, min_supports, effective_from, source)
            values ('unit', 2, '2025-06-01', 'Thử nghiệm')`,
      );
      const supporter = await givenSignedInMember(t, admin, tree.branchA, { fullName: 'Hồ Thị Ủng Hộ' });
      const created = await submit(worker.self, {
        kind: 'proposal',
        title: 'Đề nghị lắp thêm quạt ở xưởng may',
        body: 'Mùa hè xưởng rất nóng.',
        category: 'safety',
      });
      expect((await post(worker.self, `/concerns/${created.id}/support`)).statusCode).toBe(422);
      expect((await get(stranger.self, `/concerns/${created.id}`)).statusCode).toBe(404);
      expect((await post(stranger.self, `/concerns/${created.id}/support`)).statusCode).toBe(404);
      const publicList = (await get(colleague.self, '/concerns?view=public')).json<VoicePage>();
      expect(publicList.items.find((item) => item.id === created.id)?.authorName).toBeNull();

      const first = await post(colleague.self, `/concerns/${created.id}/support`);
      expect(first.json<SupportResponse>()).toEqual({ supportCount: 1, answerRequired: false });
      expect(
        (await post(colleague.self, `/concerns/${created.id}/support`)).json<SupportResponse>().supportCount,
      ).toBe(1);
      const second = await post(supporter.self, `/concerns/${created.id}/support`);
      expect(second.json<SupportResponse>()).toEqual({ supportCount: 2, answerRequired: true });
      const listed = (await get(colleague.self, '/concerns?view=public')).json<VoicePage>();
      expect(listed.items.find((entry) => entry.id === created.id)).toMatchObject({
        supportCount: 2,
        supportThreshold: 2,
        supportedByMe: true,
      });
      const strangerToIt = (await get(officerA, '/concerns?view=inbox')).json<VoicePage>();
      expect(strangerToIt.items.find((entry) => entry.id === created.id)?.supportedByMe).toBe(false);
      const item = await itemAs(officerA, created.id);
      expect(item).toMatchObject({ answerRequired: true, supportThreshold: 2, supportCount: 2 });
      expect(item.history.some((event) => event.kind === 'support_threshold_reached')).toBe(true);
      const withdrawn = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/concerns/${created.id}/support`,
        headers: colleague.self.headers,
      });
      expect(withdrawn.json<SupportResponse>()).toEqual({ supportCount: 1, answerRequired: true });
    });
  });

  describe('attachments', () => {
    const PNG = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('0000000d49484452', 'hex'),
      Buffer.alloc(64, 1),
    ]);
    const upload = (who: SignedIn, id: number, content: Buffer, fileName = 'anh.png') => {
      const boundary = '----voice-test-boundary';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/concerns/${id}/attachments`,
        headers: { ...who.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };

    it('takes images and PDFs on complaints by content, five at most, 5 MB each', async () => {
      const created = await submit(worker.self, {
        kind: 'complaint',
        title: 'Ảnh chụp bảng lương',
        body: 'Đính kèm ảnh.',
        category: 'wages',
      });
      const saved = await upload(worker.self, created.id, PNG, '../../etc/bảng lương.png');
      expect(saved.statusCode, saved.body).toBe(201);
      expect(saved.json<VoiceAttachmentDto>()).toMatchObject({
        contentType: 'image/png',
        fileName: 'bảng lương.png',
      });
      const fake = await upload(worker.self, created.id, Buffer.from('<script>alert(1)</script>'), 'x.png');
      expect(fake.statusCode).toBe(415);
      expect(fake.json().error.message).toContain('JPG');
      const huge = await upload(worker.self, created.id, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
      expect(huge.statusCode).toBe(413);
      const pdf = await upload(worker.self, created.id, Buffer.from('%PDF-1.4\n%âãÏÓ\n'), 'don.pdf');
      expect(pdf.statusCode).toBe(201);
      for (let i = 0; i < 3; i += 1)
        expect((await upload(worker.self, created.id, PNG)).statusCode).toBe(201);
      const sixth = await upload(worker.self, created.id, PNG);
      expect(sixth.json().error.code).toBe('voice.attachments_full');

      const id = saved.json<VoiceAttachmentDto>().id;
      const download = await get(officerA, `/concerns/${created.id}/attachments/${id}`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.rawPayload.equals(PNG)).toBe(true);
      expect((await get(stranger.self, `/concerns/${created.id}/attachments/${id}`)).statusCode).toBe(404);
      expect((await upload(officerA, created.id, PNG)).statusCode).toBe(403);

      const concern = await submit(worker.self, {
        kind: 'concern',
        title: 'Không file',
        body: 'x',
        category: 'other',
      });
      expect((await upload(worker.self, concern.id, PNG)).json().error.code).toBe(
        'voice.attachments_complaints_only',
      );
    });
  });

  describe('bad input', () => {
    it('refuses empty and oversized texts with Vietnamese messages, and keeps HTML as text', async () => {
      const empty = await post(worker.self, '/concerns', { kind: 'concern', title: '   ', body: 'x' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.message).toMatch(/[ạảãàáâậầấẩẫăắằẳẵặẹẻẽèéêềếểễệ]/);
      const huge = await post(worker.self, '/concerns', {
        kind: 'concern',
        title: 'Dài',
        body: 'a'.repeat(1024 * 1024),
      });
      expect([400, 413]).toContain(huge.statusCode);
      const html = '<img src=x onerror=alert(1)><script>alert("x")</script>';
      const created = await submit(worker.self, {
        kind: 'concern',
        title: html,
        body: html,
        category: 'other',
      });
      const item = await itemAs(officerA, created.id);
      expect(item.title).toBe(html);
      expect(item.body).toBe(html);
      expect((await get(worker.self, '/concerns/abc')).statusCode).toBe(400);
      expect((await get(worker.self, '/concerns/99999999')).statusCode).toBe(404);
    });

    it('refuses a flood from one account', async () => {
      const flooder = await givenSignedInMember(t, admin, tree.grassrootsA2, {
        fullName: 'Ngô Văn Gửi Nhiều',
      });
      const statuses: number[] = [];
      for (let i = 0; i < 41; i += 1) {
        statuses.push(
          (
            await post(flooder.self, '/concerns', {
              kind: 'concern',
              title: `Lần ${i}`,
              body: 'x',
              category: 'other',
            })
          ).statusCode,
        );
      }
      expect(statuses.filter((status) => status === 201)).toHaveLength(40);
      expect(statuses.at(-1)).toBe(429);
    });

    it('is refused to a signed-in person without a member record', async () => {
      const response = await post(federationOfficer, '/concerns', { kind: 'concern', title: 'x', body: 'y' });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('voice.member_required');
    });
  });

  describe('analytics and early warning', () => {
    it('raises an alert when one employer’s wage concerns jump, with the rule shown, and tells the unions above', async () => {
      const workers = await Promise.all(
        ['Bình', 'Bảo', 'Bích'].map((name) =>
          givenSignedInMember(t, admin, tree.grassrootsB, { fullName: `Công Nhân ${name}` }),
        ),
      );
      for (let i = 0; i < 5; i += 1) {
        await submit(workers[i % 3]!.self, {
          kind: 'concern',
          title: `Chậm lương lần ${i}`,
          body: 'Công ty chậm trả lương, anh em định nghỉ việc tập thể.',
          category: 'wages',
        });
      }
      const analytics = await get(federationOfficer, `/units/${tree.hanoi.id}/voice/analytics`);
      expect(analytics.statusCode, analytics.body).toBe(200);
      const body = analytics.json<VoiceAnalyticsDto>();
      const alert = body.alerts.find((a) => a.unit.id === tree.grassrootsB.id && a.category === 'wages');
      expect(alert).toMatchObject({ scopeKind: 'employer', count: 5, acknowledgedAt: null });
      expect(alert?.rule).toMatchObject({ minCount: 5, ratio: 3, windowDays: 7 });
      expect(alert?.rule.description).toContain('ngừng việc');
      expect((await notificationsOf(communeOfficerB)).items.some((n) => n.kind === 'voice_alert')).toBe(true);
      // One alert per window: a sixth concern the same week raises no second one.
      await submit(workers[0]!.self, {
        kind: 'concern',
        title: 'Lần 6',
        body: 'Chậm lương',
        category: 'wages',
      });
      const again = (
        await get(federationOfficer, `/units/${tree.hanoi.id}/voice/analytics`)
      ).json<VoiceAnalyticsDto>();
      expect(
        again.alerts.filter((a) => a.unit.id === tree.grassrootsB.id && a.category === 'wages'),
      ).toHaveLength(1);

      const acknowledged = await post(federationOfficer, `/voice/alerts/${alert!.id}/acknowledge`);
      expect(acknowledged.statusCode).toBe(204);
      expect((await post(officerA, `/voice/alerts/${alert!.id}/acknowledge`)).statusCode).toBe(404);
    });

    it('counts the subtree’s items by category, kind and month from counters that equal a recount', async () => {
      const response = await get(
        federationOfficer,
        `/units/${tree.hanoi.id}/voice/analytics?from=2026-01-01&to=2026-02-28`,
      );
      const body = response.json<VoiceAnalyticsDto>();
      const [recount] = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from voice_items where origin_unit_path like ${`${tree.hanoi.path}%`}`,
      );
      expect(body.total).toBe(recount?.n);
      expect(body.byCategory.reduce((sum, row) => sum + row.count, 0)).toBe(body.total);
      expect(body.monthly.every((row) => row.month === '2026-02' || row.month === '2026-03')).toBe(true);
      expect(body.forecast).toHaveLength(9);
      expect(
        body.heat.some((row) => row.dimension === 'employer' && row.unit.id === tree.grassrootsB.id),
      ).toBe(true);
      expect(body.handling.open).toBeGreaterThan(0);
      expect(body.emergingTopics.some((topic) => topic.term.includes('luong'))).toBe(true);
      expect(await countersMismatches()).toEqual([]);
      // A grassroots officer reads their own union's figures only.
      expect((await get(officerA, `/units/${tree.hanoi.id}/voice/analytics`)).statusCode).toBe(404);
      expect((await get(worker.self, `/units/${tree.grassrootsA.id}/voice/analytics`)).statusCode).toBe(403);
    });
  });

  describe('when the tree changes', () => {
    it('moves items, counters and scope with a union that moves to another commune', async () => {
      const member = await givenSignedInMember(t, admin, tree.grassrootsA2, { fullName: 'Lý Văn Chuyển' });
      const created = await submit(member.self, {
        kind: 'complaint',
        title: 'Khiếu nại trước khi chuyển',
        body: 'Nội dung khiếu nại.',
        category: 'contracts',
      });
      expect(await inboxIds(communeOfficerA)).toContain(created.id);
      const moved = await post(admin, `/units/${tree.grassrootsA2.id}/move`, {
        newParentId: tree.communeB.id,
        effectiveOn: '2026-02-13',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(await inboxIds(communeOfficerB)).toContain(created.id);
      expect(await inboxIds(communeOfficerA)).not.toContain(created.id);
      expect(await countersMismatches()).toEqual([]);
      const heat = (
        await get(communeOfficerB, `/units/${tree.communeB.id}/voice/analytics?from=2026-01-01&to=2026-02-28`)
      ).json<VoiceAnalyticsDto>();
      expect(
        heat.heat.some((row) => row.dimension === 'employer' && row.unit.id === tree.grassrootsA2.id),
      ).toBe(true);
    });
  });

  /** Every counter row against a recount of the items by each unit on their origin path. */
  async function countersMismatches() {
    return queryRows<{ unit_id: number; month: string; category: string; kind: string }>(
      t.db,
      sql`with recount as (
            select a.unit_id, date_trunc('month', i.created_at at time zone 'Asia/Ho_Chi_Minh')::date as month,
                   i.category, i.kind, count(*)::int as items,
                   count(*) filter (where i.answered_at is not null)::int as answered,
                   coalesce(sum(i.rating), 0)::int as rating_sum
            from voice_items i,
                 unnest(string_to_array(trim(both '/' from i.origin_unit_path), '/')::int[]) as a(unit_id)
            group by 1, 2, 3, 4
          )
          select coalesce(c.unit_id, r.unit_id) as unit_id, coalesce(c.month, r.month)::text as month,
                 coalesce(c.category, r.category) as category, coalesce(c.kind, r.kind) as kind
          from voice_monthly_counts c
          full join recount r using (unit_id, month, category, kind)
          where coalesce(c.items, 0) <> coalesce(r.items, 0)
             or coalesce(c.answered, 0) <> coalesce(r.answered, 0)
             or coalesce(c.rating_sum, 0) <> coalesce(r.rating_sum, 0)`,
    );
  }
});
