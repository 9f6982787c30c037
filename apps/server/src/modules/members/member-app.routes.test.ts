import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeDto } from '@union/contracts/accounts';
import type { MemberAccountDto, MemberDto, OwnMemberDto, OwnUnionDto } from '@union/contracts/members';
import { auditLog } from '../../kernel/audit/audit.schema.js';
import {
  buildTestApp,
  daysFromToday,
  givenUnitTree,
  logIn,
  signInAs,
  signInAsAdmin,
  TEST_PASSWORD,
  type SignedIn,
  type TestApp,
  type TreeUnit,
} from '../../../test/support/index.js';
import { unsafeAssignOffice, unsafeCreateAccount } from '../accounts/index.js';

const MEMBER_PASSWORD = 'mat-khau-doan-vien-2026';

describe('the member app: sign-in set up by an officer, and "my union"', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof givenUnitTree>>;
  let admin: SignedIn;
  let officerA: SignedIn;
  let serial = 0;

  beforeAll(async () => {
    t = await buildTestApp();
    tree = await givenUnitTree(t);
    admin = await signInAsAdmin(t);
    officerA = await signInAs(t, { role: 'grassroots_officer', unit: tree.grassrootsA });
  });
  afterAll(() => t.close());

  /** A member admitted by the administrator, with a mobile number no one else here has. */
  const admitted = async (unit: TreeUnit, extra: Record<string, unknown> = {}) => {
    serial += 1;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: admin.headers,
      payload: {
        unitId: unit.id,
        fullName: 'Trần Thị Cần Giúp',
        birthDate: '1985-02-03',
        sex: 'female',
        citizenId: null,
        phone: `0986${String(100_000 + serial).slice(-6)}`,
        joinedAt: '2020-03-01',
        notDuplicate: true,
        ...extra,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<MemberDto>();
  };
  const setUpAccount = (who: SignedIn, memberId: number, password = MEMBER_PASSWORD) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/members/${memberId}/account`,
      headers: who.headers,
      payload: { password },
    });
  const memberNow = async (id: number) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/v1/members/${id}`, headers: admin.headers })
    ).json<MemberDto>();
  const errorOf = (response: { statusCode: number; json: () => { error: { code: string } } }) => [
    response.statusCode,
    response.json().error.code,
  ];

  describe('POST /api/v1/members/:id/account', () => {
    it('makes an account whose login is the phone: the member signs in and sees their own record', async () => {
      const member = await admitted(tree.groupA);
      expect(member.hasAccount).toBe(false);
      const response = await setUpAccount(officerA, member.id);
      expect(response.statusCode, response.body).toBe(201);
      const account = response.json<MemberAccountDto>();
      expect(account).toEqual({ accountId: expect.any(Number), login: member.phone!.replace('+84', '0') });
      expect((await memberNow(member.id)).hasAccount).toBe(true);

      const self = await logIn(t, account.login, MEMBER_PASSWORD);
      expect(self.accountId).toBe(account.accountId);
      const own = await t.app.inject({ method: 'GET', url: '/api/v1/me/member', headers: self.headers });
      expect(own.statusCode).toBe(200);
      expect(own.json<OwnMemberDto>().member).toMatchObject({ id: member.id, fullName: member.fullName });
      // As every member login: the `member` role at their grassroots union, which grants no permission.
      const me = (
        await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: self.headers })
      ).json<MeDto>();
      expect(me).toMatchObject({
        phone: member.phone,
        offices: [{ unitId: tree.grassrootsA.id, role: 'member', termEnd: null }],
        permissions: [],
      });
      const audited = await t.db
        .select({ actorId: auditLog.actorId, unitId: auditLog.unitId, details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'account.create'), eq(auditLog.entityId, String(account.accountId))));
      expect(audited).toEqual([
        {
          actorId: officerA.accountId,
          unitId: tree.groupA.id,
          details: { memberId: member.id, memberCode: member.memberCode, login: 'phone' },
        },
      ]);
    });

    it('reads a member outside the caller’s units as missing, and makes nothing', async () => {
      const member = await admitted(tree.grassrootsB);
      expect(errorOf(await setUpAccount(officerA, member.id))).toEqual([404, 'member.not_found']);
      expect((await memberNow(member.id)).hasAccount).toBe(false);
    });

    it('needs a mobile number to sign in with', async () => {
      const member = await admitted(tree.grassrootsA, { phone: null });
      expect(errorOf(await setUpAccount(officerA, member.id))).toEqual([422, 'member.no_phone']);
    });

    it('refuses with 409 when an account already holds the number, or the member already has one', async () => {
      const member = await admitted(tree.grassrootsA);
      await unsafeCreateAccount(t.db, {
        fullName: 'Người Giữ Số',
        phone: member.phone!,
        password: TEST_PASSWORD,
      });
      expect((await memberNow(member.id)).hasAccount).toBe(true);
      expect(errorOf(await setUpAccount(officerA, member.id))).toEqual([409, 'member.account_exists']);

      const other = await admitted(tree.grassrootsA);
      expect((await setUpAccount(officerA, other.id)).statusCode).toBe(201);
      expect(errorOf(await setUpAccount(officerA, other.id, 'mot-mat-khau-khac'))).toEqual([
        409,
        'member.account_exists',
      ]);
      // The first password still signs in: the second request changed nothing.
      await logIn(t, other.phone!, MEMBER_PASSWORD);
    });

    it('only for a current member', async () => {
      const member = await admitted(tree.grassrootsA);
      const left = await t.app.inject({
        method: 'POST',
        url: `/api/v1/members/${member.id}/events`,
        headers: officerA.headers,
        payload: { type: 'leave', date: daysFromToday(0) },
      });
      expect(left.statusCode, left.body).toBe(200);
      expect(errorOf(await setUpAccount(officerA, member.id))).toEqual([422, 'member.not_current']);
    });

    it('takes a password of at least 8 characters', async () => {
      const member = await admitted(tree.grassrootsA);
      expect(errorOf(await setUpAccount(officerA, member.id, 'ngan'))).toEqual([400, 'validation.failed']);
    });
  });

  describe('GET /api/v1/me/union', () => {
    const ownUnion = (who: SignedIn) =>
      t.app.inject({ method: 'GET', url: '/api/v1/me/union', headers: who.headers });

    /** Someone holding `role` at `unit`, reachable by phone and e-mail. */
    const officer = async (
      fullName: string,
      role: Parameters<typeof unsafeAssignOffice>[1]['role'],
      unit: TreeUnit,
      term: { termStart?: string; termEnd?: string } = {},
    ) => {
      const n = (serial += 1);
      const contact = {
        email: `lienhe.${n}@congdoan.test`,
        phone: `+84977${String(100_000 + n).slice(-6)}`,
      };
      const accountId = await unsafeCreateAccount(t.db, {
        username: `lienhe.${n}`,
        ...contact,
        fullName,
        password: TEST_PASSWORD,
      });
      await unsafeAssignOffice(t.db, {
        accountId,
        unit,
        role,
        termStart: term.termStart ?? '2020-01-01',
        ...term,
      });
      return { fullName, ...contact };
    };

    it('shows the unit, the unions above it to the province, and the officers to reach', async () => {
      const officerAtA = await officer('Lê Văn Cán Bộ', 'grassroots_officer', tree.grassrootsA);
      const chair = await officer('Nguyễn Thị Chủ Tịch', 'grassroots_chair', tree.grassrootsA);
      const commune = await officer('Phạm Văn Phường', 'upper_union_officer', tree.communeA);
      // Not listed: an ended term, a term not begun, a unit that is neither the union nor the one above it,
      // and a member's own office.
      await officer('Bùi Văn Cũ', 'grassroots_chair', tree.grassrootsA, { termEnd: daysFromToday(-1) });
      await officer('Đỗ Văn Sắp', 'grassroots_officer', tree.grassrootsA, { termStart: daysFromToday(1) });
      await officer('Hoàng Văn Tổ', 'grassroots_officer', tree.branchA);
      await officer('Vũ Văn Tỉnh', 'federation_officer', tree.hanoi);
      await officer('Đoàn Viên Khác', 'member', tree.grassrootsA);

      const member = await admitted(tree.groupA);
      expect((await setUpAccount(officerA, member.id)).statusCode).toBe(201);
      const self = await logIn(t, member.phone!, MEMBER_PASSWORD);
      const response = await ownUnion(self);
      expect(response.statusCode, response.body).toBe(200);
      const place = (unit: TreeUnit) => ({ id: unit.id, name: unit.name, type: unit.type });
      expect(response.json<OwnUnionDto>()).toEqual({
        unit: place(tree.groupA),
        superiors: [place(tree.branchA), place(tree.grassrootsA), place(tree.communeA), place(tree.hanoi)],
        officers: [
          {
            ...chair,
            role: 'grassroots_chair',
            roleName: 'Chủ tịch công đoàn cơ sở',
            unitName: tree.grassrootsA.name,
          },
          // The officer who set up the member's sign-in: an account with no phone or e-mail to show.
          {
            fullName: 'Người Thử Nghiệm',
            phone: null,
            email: null,
            role: 'grassroots_officer',
            roleName: 'Cán bộ công đoàn cơ sở',
            unitName: tree.grassrootsA.name,
          },
          {
            ...officerAtA,
            role: 'grassroots_officer',
            roleName: 'Cán bộ công đoàn cơ sở',
            unitName: tree.grassrootsA.name,
          },
          {
            ...commune,
            role: 'upper_union_officer',
            roleName: 'Cán bộ công đoàn cấp trên cơ sở',
            unitName: tree.communeA.name,
          },
        ],
      });
    });

    it('answers 404 member.no_own_record to an account linked to no member', async () => {
      expect(errorOf(await ownUnion(officerA))).toEqual([404, 'member.no_own_record']);
    });
  });
});
