import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorrectionDto, MemberDto } from '@union/contracts/members';
import type { NotificationDto, NotificationPage } from '@union/contracts/notifications';
import {
  buildTestApp,
  daysFromToday,
  givenUnitTree,
  logIn,
  signInAs,
  signInAsAdmin,
  type SignedIn,
  type TestApp,
  type TreeUnit,
} from '../../../test/support/index.js';
import { notifyMany } from './notifications.service.js';

const MEMBER_PASSWORD = 'mat-khau-doan-vien-2026';

describe('notifications', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof givenUnitTree>>;
  let admin: SignedIn;
  let chairA: SignedIn;
  let serial = 0;

  beforeAll(async () => {
    t = await buildTestApp();
    tree = await givenUnitTree(t);
    admin = await signInAsAdmin(t);
    chairA = await signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsA });
  });
  afterAll(() => t.close());

  /** A member of `unit`; with sign-in set up by their chair (and signed in) unless `withAccount` is false. */
  const givenMember = async (unit: TreeUnit = tree.grassrootsA, withAccount = true) => {
    serial += 1;
    const admitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: admin.headers,
      payload: {
        unitId: unit.id,
        fullName: 'Lý Thị Nhận Tin',
        birthDate: '1990-07-08',
        sex: 'female',
        citizenId: null,
        phone: `0388${String(100_000 + serial).slice(-6)}`,
        joinedAt: '2019-01-02',
        notDuplicate: true,
      },
    });
    expect(admitted.statusCode, admitted.body).toBe(201);
    const member = admitted.json<MemberDto>();
    if (!withAccount) return { member, self: undefined };
    const account = await t.app.inject({
      method: 'POST',
      url: `/api/v1/members/${member.id}/account`,
      headers: admin.headers,
      payload: { password: MEMBER_PASSWORD },
    });
    expect(account.statusCode, account.body).toBe(201);
    return { member, self: await logIn(t, member.phone!, MEMBER_PASSWORD) };
  };
  const inbox = async (who: SignedIn, query = '') => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/notifications${query}`,
      headers: who.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<NotificationPage>();
  };
  const markRead = (who: SignedIn, upToId: number) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/me/notifications/read',
      headers: who.headers,
      payload: { upToId },
    });
  const recordEvent = (who: SignedIn, memberId: number, payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/members/${memberId}/events`,
      headers: who.headers,
      payload,
    });
  const today = daysFromToday(0);
  const displayedToday = today.split('-').reverse().join('/');

  it('tells the member when a correction they asked for is approved or rejected', async () => {
    const { self } = await givenMember();
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/member/corrections',
        headers: self!.headers,
        payload: { changes: { occupation: `Thợ may bậc ${(serial += 1)}` } },
      });
    const decide = async (decision: 'approve' | 'reject', reason?: string) => {
      const asked = await ask();
      expect(asked.statusCode, asked.body).toBe(201);
      const decided = await t.app.inject({
        method: 'POST',
        url: `/api/v1/members/corrections/${asked.json<CorrectionDto>().id}/decision`,
        headers: chairA.headers,
        payload: { decision, reason },
      });
      expect(decided.statusCode, decided.body).toBe(200);
    };
    await decide('approve');
    expect((await inbox(self!)).items).toEqual([
      {
        id: expect.any(Number),
        kind: 'correction_decided',
        title: 'Yêu cầu sửa hồ sơ đã được duyệt',
        body: 'Công đoàn đã cập nhật hồ sơ đoàn viên của bạn theo đề nghị.',
        link: '/members/me',
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);
    await decide('reject', 'Chưa có giấy tờ chứng minh');
    const page = await inbox(self!);
    expect(page.unread).toBe(2);
    expect(page.items[0]).toMatchObject({
      kind: 'correction_decided',
      title: 'Yêu cầu sửa hồ sơ không được duyệt',
      body: 'Công đoàn chưa chấp nhận đề nghị sửa thông tin hồ sơ của bạn. Lý do: Chưa có giấy tờ chứng minh',
    });
  });

  it('tells the member of a suspension, in the transaction that records it', async () => {
    const { member, self } = await givenMember();
    const suspended = await recordEvent(chairA, member.id, {
      type: 'suspend',
      date: today,
      reason: 'Đi lao động nước ngoài',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect((await inbox(self!)).items).toEqual([
      expect.objectContaining({
        kind: 'membership_changed',
        title: 'Tạm dừng sinh hoạt công đoàn',
        body: `Công đoàn đã ghi nhận bạn tạm dừng sinh hoạt công đoàn từ ngày ${displayedToday}. Lý do: Đi lao động nước ngoài`,
        link: '/members/me',
      }),
    ]);
    // A refused event tells nobody anything.
    const again = await recordEvent(chairA, member.id, { type: 'suspend', date: today });
    expect(again.statusCode).toBe(422);
    expect((await inbox(self!)).items).toHaveLength(1);
  });

  it('tells the member of an accepted transfer, and says nothing of a death', async () => {
    const { member, self } = await givenMember();
    const asked = await recordEvent(chairA, member.id, {
      type: 'transfer',
      date: today,
      toUnitId: tree.grassrootsB.id,
    });
    const transferId = asked.json<{ transferId: number }>().transferId;
    const chairB = await signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsB });
    expect((await inbox(self!)).items).toEqual([]);
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/members/transfers/${transferId}/decision`,
      headers: chairB.headers,
      payload: { decision: 'accept' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await inbox(self!)).items).toEqual([
      expect.objectContaining({
        kind: 'transfer_decided',
        title: 'Đã chuyển sinh hoạt công đoàn',
        body: `Bạn chuyển sinh hoạt từ ${tree.grassrootsA.name} đến ${tree.grassrootsB.name} từ ngày ${displayedToday}.`,
      }),
    ]);
    expect((await recordEvent(chairB, member.id, { type: 'death', date: today })).statusCode).toBe(200);
    expect((await inbox(self!)).items).toHaveLength(1);
  });

  it('writes nothing for a member without an account', async () => {
    const { member } = await givenMember(tree.grassrootsA, false);
    expect((await recordEvent(chairA, member.id, { type: 'suspend', date: today })).statusCode).toBe(200);
    const { self } = await givenMember();
    expect((await inbox(self!)).items).toEqual([]);
  });

  describe('the inbox', () => {
    let reader: SignedIn;
    let other: SignedIn;
    let ids: number[];

    beforeAll(async () => {
      reader = await signInAs(t);
      other = await signInAs(t);
      const note = (accountId: number, n: number) => ({
        accountId,
        kind: 'membership_changed' as const,
        title: `Thông báo ${n}`,
        body: `Nội dung ${n}`,
      });
      await notifyMany(
        t.db,
        [1, 2, 3, 4, 5].map((n) => note(reader.accountId, n)),
      );
      await notifyMany(t.db, [note(other.accountId, 6)]);
      ids = (await inbox(reader)).items.map((item) => item.id);
    });

    it('pages newest first with an opaque cursor, and counts the unread', async () => {
      const titles = (items: NotificationDto[]) => items.map((item) => item.title);
      const first = await inbox(reader, '?limit=2');
      expect(titles(first.items)).toEqual(['Thông báo 5', 'Thông báo 4']);
      expect(first.unread).toBe(5);
      const second = await inbox(reader, `?limit=2&cursor=${first.nextCursor}`);
      expect(titles(second.items)).toEqual(['Thông báo 3', 'Thông báo 2']);
      const last = await inbox(reader, `?limit=2&cursor=${second.nextCursor}`);
      expect(titles(last.items)).toEqual(['Thông báo 1']);
      expect(last.nextCursor).toBeNull();
      const badCursor = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me/notifications?cursor=rubbish',
        headers: reader.headers,
      });
      expect(badCursor.statusCode).toBe(400);
    });

    it('marks read up to and including an id, and only the caller’s own', async () => {
      // ids are newest first: ids[2] is the third newest, so it and the two older are marked.
      expect((await markRead(reader, ids[2]!)).statusCode).toBe(204);
      const page = await inbox(reader);
      expect(page.unread).toBe(2);
      expect(page.items.map((item) => item.readAt !== null)).toEqual([false, false, true, true, true]);
      expect((await inbox(other)).unread).toBe(1);
      const theirs = (await inbox(other)).items[0]!.id;
      const refused = await markRead(reader, theirs);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error.code).toBe('notification.not_found');
      expect((await inbox(other)).unread).toBe(1);
      expect((await markRead(reader, ids[0]!)).statusCode).toBe(204);
      expect((await inbox(reader)).unread).toBe(0);
    });
  });
});
