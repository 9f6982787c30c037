import { describe, expect, it } from 'vitest';
import type { OwnMemberDto, OwnUnionDto } from '@union/contracts/members';
import { unsafeCreateAccount } from '../../src/modules/accounts/index.js';
import { jobs } from '../../src/kernel/jobs/jobs.schema.js';
import { logIn, TEST_PASSWORD, type SignedIn } from '../support/index.js';
import { accessSuite, expectError, expectStatus, type Headers, type Response } from './denial.js';
import { membersReadRouteTable } from './members.cases.js';

// Denial suites for the member registry's reads: one describe block per route, cases in members.cases.ts
// (the changes run in members-changes.access.test.ts).
const s = accessSuite();
s.describeRoutes(membersReadRouteTable(s));

/** An account linked to no member record: nothing to show, as if missing. */
const expectNoOwnRecord = (response: Response) => expectError(response, 404, 'member.no_own_record');

/**
 * The `authenticated` routes of the registry: a member reaches their own record (found by the phone
 * they sign in with) and nothing else, whatever the request names.
 */
let phoneSerial = 0;
const signedInMember = async (fullName: string) => {
  const phone = `096${String(7_000_000 + (phoneSerial += 1)).slice(-7)}`;
  const admitted = await s.inject(s.admin.headers, {
    method: 'POST',
    url: '/api/v1/members',
    payload: {
      unitId: s.tree.grassrootsA.id,
      fullName,
      birthDate: '1991-03-03',
      sex: 'female',
      citizenId: null,
      phone,
      notDuplicate: true,
    },
  });
  expectStatus(admitted, 201);
  await unsafeCreateAccount(s.t.db, { fullName, phone, password: TEST_PASSWORD });
  return { id: admitted.json<{ id: number }>().id, self: await logIn(s.t, phone, TEST_PASSWORD) };
};
const ownRecord = (who: { headers: Headers }, query = '') =>
  s.inject(who.headers, { method: 'GET', url: `/api/v1/me/member${query}` });

describe('GET /api/v1/me/member', () => {
  it('a member: their own record only, even when the request names someone else', async () => {
    const first = await signedInMember('Đặng Thị Một');
    const second = await signedInMember('Đặng Thị Hai');
    const response = await ownRecord(first.self, `?id=${second.id}&memberId=${second.id}`);
    expectStatus(response, 200);
    expect(response.json<OwnMemberDto>().member).toMatchObject({ id: first.id, fullName: 'Đặng Thị Một' });
    expect(response.json<OwnMemberDto>().member).not.toHaveProperty('can');
  });

  it('no office and no member record: member.no_own_record', async () => {
    expectNoOwnRecord(await ownRecord(await s.nobody()));
  });

  it('an officer with no member record of their own: member.no_own_record, not the records they manage', async () => {
    expectNoOwnRecord(await ownRecord(await s.as('grassroots_chair', s.tree.grassrootsA)));
  });

  s.itRequiresSignIn(
    (headers) => ownRecord({ headers }),
    async () => (await signedInMember('Đặng Thị Ba')).self,
  );
});

describe('POST /api/v1/me/member/corrections', () => {
  const ask = (who: { headers: Headers }, payload: object) =>
    s.inject(who.headers, { method: 'POST', url: '/api/v1/me/member/corrections', payload });

  it('a member: the request is about their own record, whatever else the body says', async () => {
    const first = await signedInMember('Đặng Thị Bốn');
    const second = await signedInMember('Đặng Thị Năm');
    const response = await ask(first.self, {
      memberId: second.id,
      changes: { occupation: 'Thợ may' },
    });
    expectStatus(response, 201);
    expect(response.json()).toMatchObject({ memberId: first.id, status: 'pending' });
    const others = await ownRecord(second.self);
    expect(others.json<OwnMemberDto>().corrections).toEqual([]);
  });

  it('no office and no member record: member.no_own_record', async () => {
    expectNoOwnRecord(await ask(await s.nobody(), { changes: { occupation: 'Thợ may' } }));
  });

  s.itRequiresSignIn(
    (headers) => ask({ headers }, { changes: { occupation: 'Thợ may' } }),
    async () => (await signedInMember('Đặng Thị Sáu')).self,
  );
});

describe('GET /api/v1/me/union', () => {
  const ownUnion = (who: { headers: Headers }, query = '') =>
    s.inject(who.headers, { method: 'GET', url: `/api/v1/me/union${query}` });

  it('a member: their own union, whatever unit the request names', async () => {
    const first = await signedInMember('Đặng Thị Bảy');
    const response = await ownUnion(
      first.self,
      `?unitId=${s.tree.grassrootsC.id}&id=${s.tree.grassrootsC.id}`,
    );
    expectStatus(response, 200);
    const body = response.json<OwnUnionDto>();
    expect(body.unit.id).toBe(s.tree.grassrootsA.id);
    expect(body.superiors.map((unit) => unit.id)).toEqual([s.tree.communeA.id, s.tree.hanoi.id]);
  });

  it('no office and no member record: member.no_own_record', async () => {
    expectNoOwnRecord(await ownUnion(await s.nobody()));
  });

  it('an officer with no member record of their own: member.no_own_record, not the union they lead', async () => {
    expectNoOwnRecord(await ownUnion(await s.as('grassroots_chair', s.tree.grassrootsA)));
  });

  s.itRequiresSignIn(
    (headers) => ownUnion({ headers }),
    async () => (await signedInMember('Đặng Thị Tám')).self,
  );
});

describe('GET /api/v1/jobs/:id', () => {
  const job = (who: { headers: Headers }, id: number) =>
    s.inject(who.headers, { method: 'GET', url: `/api/v1/jobs/${id}` });
  const startedBy = async (who: SignedIn) => {
    const [row] = await s.t.db
      .insert(jobs)
      .values({
        kind: 'test',
        status: 'succeeded',
        progress: 1,
        accountId: who.accountId,
        result: { ok: true },
      })
      .returning({ id: jobs.id });
    return row!.id;
  };

  it('the account that started it sees it; anyone else, an administrator included, is told it does not exist', async () => {
    const owner = await s.nobody();
    const id = await startedBy(owner);
    const response = await job(owner, id);
    expectStatus(response, 200);
    expect(response.json()).toMatchObject({ id, status: 'succeeded', progress: 1, result: { ok: true } });
    expectError(await job(await s.nobody(), id), 404, 'job.not_found');
    expectError(await job(s.admin, id), 404, 'job.not_found');
    expectError(await job(owner, 2_000_000_000), 404, 'job.not_found');
  });

  s.itRequiresSignIn(
    (headers) => job({ headers }, 1),
    () => s.nobody(),
  );
});
