import { describe, expect, it } from 'vitest';
import type { NotificationPage } from '@union/contracts/notifications';
import { notify } from '../../src/modules/notifications/index.js';
import type { SignedIn } from '../support/index.js';
import { accessSuite, expectError, expectStatus, type Headers } from './denial.js';

// The inbox is the caller's own: `authenticated` routes with no office needed, and nobody else's reachable.
const s = accessSuite();

const inbox = (who: { headers: Headers }, query = '') =>
  s.inject(who.headers, { method: 'GET', url: `/api/v1/me/notifications${query}` });
const markRead = (who: { headers: Headers }, payload: object) =>
  s.inject(who.headers, { method: 'POST', url: '/api/v1/me/notifications/read', payload });

/** Writes one notification to the person's inbox, as a module would, and returns its id. */
const notified = async (who: SignedIn, title: string) => {
  await notify(s.t.db, { accountId: who.accountId, kind: 'membership_changed', title, body: title });
  const page = (await inbox(who)).json<NotificationPage>();
  return page.items.find((item) => item.title === title)!.id;
};

describe('GET /api/v1/me/notifications', () => {
  it("no office: the caller's own notifications only, whatever the request names", async () => {
    const caller = await s.nobody();
    const someoneElse = await s.nobody();
    await notified(caller, 'Của tôi');
    await notified(someoneElse, 'Của người khác');
    const response = await inbox(caller, `?accountId=${someoneElse.accountId}`);
    expectStatus(response, 200);
    const page = response.json<NotificationPage>();
    expect(page.items.map((item) => item.title)).toEqual(['Của tôi']);
    expect(page.unread).toBe(1);
  });

  it('an administrator sees only their own inbox too', async () => {
    const member = await s.nobody();
    await notified(member, 'Riêng tư');
    const page = (await inbox(s.admin)).json<NotificationPage>();
    expect(page.items.map((item) => item.title)).not.toContain('Riêng tư');
  });

  s.itRequiresSignIn(
    (headers) => inbox({ headers }),
    () => s.nobody(),
  );
});

describe('POST /api/v1/me/notifications/read', () => {
  it("marks the caller's own as read; someone else's id reads as missing and stays unread", async () => {
    const caller = await s.nobody();
    const someoneElse = await s.nobody();
    const mine = await notified(caller, 'Đọc rồi');
    const theirs = await notified(someoneElse, 'Chưa đọc');
    expectError(await markRead(caller, { upToId: theirs }), 404, 'notification.not_found');
    expect((await inbox(someoneElse)).json<NotificationPage>().unread).toBe(1);
    expectStatus(await markRead(caller, { upToId: mine, accountId: someoneElse.accountId }), 204);
    expect((await inbox(caller)).json<NotificationPage>().unread).toBe(0);
    expect((await inbox(someoneElse)).json<NotificationPage>()).toMatchObject({
      unread: 1,
      items: [{ id: theirs, readAt: null }],
    });
  });

  s.itRequiresSignIn(
    (headers) => markRead({ headers }, { upToId: 1 }),
    () => s.nobody(),
  );
});
