import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { MyCardDto } from '@union/contracts/cards';
import { queryRows } from '../../src/kernel/db/database.js';
import { jobs } from '../../src/kernel/jobs/jobs.schema.js';
import { BULK_ISSUE_JOB_KIND } from '../../src/modules/cards/index.js';
import { daysFromToday, type SignedIn } from '../support/index.js';
import { cardFixtures, cardsRouteTable, MISSING_ID } from './cards.cases.js';
import { accessSuite, expectError, expectStatus, type Headers, type Response } from './denial.js';
import { finishedJob } from './statistics.cases.js';

// Denial suites for the union cards: one describe block per route, cases in cards.cases.ts.
const s = accessSuite();
s.describeRoutes(cardsRouteTable(s));

const { admitted, selfOf, bindPhone, verify, cardsNow } = cardFixtures(s);

/** An account linked to no member record: it has no card, as if missing. */
const expectNoOwnRecord = (response: Response) => expectError(response, 404, 'member.no_own_record');

/** A member of grassrootsA who signs in with their own phone. */
const signedInMember = async (fullName: string) => {
  const member = await admitted(s.tree.grassrootsA, fullName);
  return { member, self: await selfOf(member) };
};

const myCard = (who: { headers: Headers }, query = '') =>
  s.inject(who.headers, { method: 'GET', url: `/api/v1/me/card${query}` });
const bind = (who: { headers: Headers }, payload: object) =>
  s.inject(who.headers, { method: 'POST', url: '/api/v1/me/card/device', payload });
const revokeMine = (who: { headers: Headers }, payload: object = {}) =>
  s.inject(who.headers, { method: 'POST', url: '/api/v1/me/card/revoke', payload });

/** The public half of a key a phone made (the body of a bind). */
const aPhoneKey = async () => {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  return { publicKey: await crypto.subtle.exportKey('jwk', keys.publicKey) };
};

describe('GET /api/v1/me/card', () => {
  it('a member: their own card, even when the request names someone else', async () => {
    const first = await signedInMember('Đặng Thị Thẻ Một');
    const second = await signedInMember('Đặng Thị Thẻ Hai');
    const response = await myCard(first.self, `?id=${second.member.id}&memberId=${second.member.id}`);
    expectStatus(response, 200);
    expect(response.json<MyCardDto>().holder).toEqual({
      fullName: 'Đặng Thị Thẻ Một',
      memberCode: first.member.memberCode,
      unitName: s.tree.grassrootsA.name,
      status: 'active',
    });
    // Asking made the first member a card, and nobody else one.
    expect((await cardsNow(first.member)).items).toHaveLength(1);
    expect((await cardsNow(second.member)).items).toEqual([]);
  });

  it('no office and no member record: 404 member.no_own_record', async () => {
    expectNoOwnRecord(await myCard(await s.nobody()));
  });

  it('an officer with no member record of their own: member.no_own_record, not a card of anyone they manage', async () => {
    expectNoOwnRecord(await myCard(await s.as('grassroots_chair', s.tree.grassrootsA)));
  });

  s.itRequiresSignIn(
    (headers) => myCard({ headers }),
    async () => (await signedInMember('Đặng Thị Thẻ Ba')).self,
  );
});

describe('POST /api/v1/me/card/device', () => {
  it('a member binds their own card only: another member’s phone card stays as it was', async () => {
    const first = await signedInMember('Đặng Thị Thẻ Bốn');
    const second = await signedInMember('Đặng Thị Thẻ Năm');
    const secondPhone = await bindPhone(second.self);
    const response = await bind(first.self, { ...(await aPhoneKey()), memberId: second.member.id });
    expectStatus(response, 200);
    const card = response.json<MyCardDto>();
    expect(card.holder.memberCode).toBe(first.member.memberCode);
    expect(card.cardId).not.toBe(secondPhone.card.cardId);
    expect(await verify(await secondPhone.present())).toMatchObject({
      valid: true,
      member: { memberCode: second.member.memberCode },
    });
    expect((await cardsNow(second.member)).items).toMatchObject([
      { id: secondPhone.card.cardId, deviceBound: true, valid: true },
    ]);
  });

  it('no office and no member record: 404 member.no_own_record', async () => {
    expectNoOwnRecord(await bind(await s.nobody(), await aPhoneKey()));
  });

  it('an officer with no member record of their own: member.no_own_record', async () => {
    expectNoOwnRecord(await bind(await s.as('grassroots_chair', s.tree.grassrootsA), await aPhoneKey()));
  });

  s.itRequiresSignIn(
    async (headers) => bind({ headers }, await aPhoneKey()),
    async () => (await signedInMember('Đặng Thị Thẻ Sáu')).self,
  );
});

describe('POST /api/v1/me/card/revoke', () => {
  it('a member turns off their own phone card only, whatever member the body names', async () => {
    const first = await signedInMember('Đặng Thị Thẻ Bảy');
    const second = await signedInMember('Đặng Thị Thẻ Tám');
    const firstPhone = await bindPhone(first.self);
    const secondPhone = await bindPhone(second.self);
    expectStatus(await revokeMine(first.self, { memberId: second.member.id }), 204);
    expect(await verify(await firstPhone.present())).toMatchObject({ valid: false, reason: 'revoked' });
    expect(await verify(await secondPhone.present())).toMatchObject({ valid: true });
    // Nothing left of their own to turn off; the other member's card is still not theirs to reach.
    expectError(await revokeMine(first.self, { memberId: second.member.id }), 422, 'card.no_phone_card');
    expect(await verify(await secondPhone.present())).toMatchObject({ valid: true });
  });

  it('no office and no member record: 404 member.no_own_record', async () => {
    expectNoOwnRecord(await revokeMine(await s.nobody()));
  });

  it('an officer with no member record of their own: member.no_own_record, and the members’ cards stay on', async () => {
    const { self } = await signedInMember('Đặng Thị Thẻ Chín');
    const phone = await bindPhone(self);
    expectNoOwnRecord(await revokeMine(await s.as('grassroots_chair', s.tree.grassrootsA)));
    expect(await verify(await phone.present())).toMatchObject({ valid: true });
  });

  let phone: Awaited<ReturnType<typeof bindPhone>>;
  s.itRequiresSignIn(
    async (headers) => {
      const response = await revokeMine({ headers });
      expect(await verify(await phone.present())).toMatchObject({ valid: true });
      return response;
    },
    async () => (await signedInMember('Đặng Thị Thẻ Mười')).self,
    async () => {
      phone = await bindPhone((await signedInMember('Đặng Thị Thẻ Mười Một')).self);
    },
  );
});

describe('the public card routes answer without a sign-in, even with a made-up token', () => {
  const bogus = { authorization: 'Bearer made-up-token' };

  it('POST /api/v1/cards/verify: a valid card verifies, a made-up one is valid:false', async () => {
    const { self } = await signedInMember('Đặng Thị Thẻ Công Khai');
    const phone = await bindPhone(self);
    const response = await s.inject(bogus, {
      method: 'POST',
      url: '/api/v1/cards/verify',
      payload: { presentation: await phone.present() },
    });
    expectStatus(response, 200);
    expect(response.json()).toMatchObject({ valid: true, kind: 'phone' });
    const madeUp = await s.inject(bogus, {
      method: 'POST',
      url: '/api/v1/cards/verify',
      payload: { presentation: 'a.b.c' },
    });
    expect(madeUp.json()).toEqual({ valid: false, reason: 'malformed' });
  });

  it('GET /api/v1/cards/status-list: the signed list', async () => {
    const response = await s.inject(bogus, { method: 'GET', url: '/api/v1/cards/status-list' });
    expectStatus(response, 200);
    expect(response.headers['content-type']).toContain('application/vc+jwt');
  });
});

describe('GET /api/v1/cards/print-files/:id: the sheet is its starter’s, while they still see the union', () => {
  const sheet = (who: { headers: Headers }, id: number) =>
    s.inject(who.headers, { method: 'GET', url: `/api/v1/cards/print-files/${id}` });

  it('a starter whose office at the union has ended (still chair elsewhere): 404 job.not_found', async () => {
    const unit = await s.freshGrassroots();
    await admitted(unit);
    const owner = await s.asMany(
      { role: 'grassroots_chair', unit },
      { role: 'grassroots_chair', unit: s.tree.grassrootsA2 },
    );
    const started = await s.inject(owner.headers, {
      method: 'POST',
      url: `/api/v1/units/${unit.id}/cards/issue`,
      payload: {},
    });
    expectStatus(started, 202);
    const { jobId } = started.json<{ jobId: number }>();
    expect(await finishedJob(s, owner, jobId)).toMatchObject({ status: 'succeeded' });
    expectStatus(await sheet(owner, jobId), 200);

    const ended = await queryRows<{ id: number }>(
      s.t.db,
      sql`update offices set term_end = ${daysFromToday(-1)}::date
        where account_id = ${owner.accountId} and unit_id = ${unit.id} returning id`,
    );
    expect(ended).toHaveLength(1);
    expectError(await sheet(owner, jobId), 404, 'job.not_found');
  });

  it('a job still running: 409 job.not_finished to its starter, 404 job.not_found to anyone else', async () => {
    const unit = await s.freshGrassroots();
    const owner: SignedIn = await s.as('grassroots_chair', unit);
    // Running under a lease no runner may take over: it stays unfinished while the test asks.
    const [row] = await s.t.db
      .insert(jobs)
      .values({
        kind: BULK_ISSUE_JOB_KIND,
        status: 'running',
        progress: 0.1,
        accountId: owner.accountId,
        payload: { unitId: unit.id, unitPath: unit.path, unitName: unit.name, reissue: false },
        leaseUntil: new Date('2999-01-01T00:00:00Z'),
      })
      .returning({ id: jobs.id });
    expectError(await sheet(owner, row!.id), 409, 'job.not_finished');
    expectError(await sheet(await s.as('grassroots_chair', unit), row!.id), 404, 'job.not_found');
    expectError(await sheet(s.admin, row!.id), 404, 'job.not_found');
    expectError(await sheet(owner, MISSING_ID), 404, 'job.not_found');
  });
});
