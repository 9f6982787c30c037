import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeDto, OfficeDto } from '@union/contracts/accounts';
import {
  buildTestApp,
  daysFromToday,
  givenUnitTree,
  signInAs,
  signInAsAdmin,
  TEST_PASSWORD,
  type SignedIn,
  type TestApp,
} from '../../../test/support/index.js';

describe('accounts and offices', () => {
  let t: TestApp;
  let admin: SignedIn;
  let tree: Awaited<ReturnType<typeof givenUnitTree>>;
  const api = (method: 'GET' | 'POST', url: string, who: SignedIn, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who.headers,
      ...(payload === undefined ? {} : { payload }),
    });
  const newAccount = async (login: string, fullName = 'Nguyễn Văn Mới') => {
    const response = await api('POST', '/accounts', admin, { login, password: TEST_PASSWORD, fullName });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: number }>().id;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signInAsAdmin(t);
    tree = await givenUnitTree(t);
  });
  afterAll(() => t.close());

  it('creates accounts by username, e-mail or phone, and refuses a login in use', async () => {
    expect(await newAccount('can.bo.moi')).toEqual(expect.any(Number));
    expect(await newAccount('CanBo@Example.vn')).toEqual(expect.any(Number));
    const taken = await api('POST', '/accounts', admin, {
      login: 'can.bo.moi',
      password: TEST_PASSWORD,
      fullName: 'Trùng Tên',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('account.login_taken');
    const emailTaken = await api('POST', '/accounts', admin, {
      login: 'canbo@example.vn',
      password: TEST_PASSWORD,
      fullName: 'Trùng Email',
    });
    expect(emailTaken.json().error.code).toBe('account.email_taken');
    const invalid = await api('POST', '/accounts', admin, {
      login: 'Tên Có Dấu',
      password: TEST_PASSWORD,
      fullName: 'Sai',
    });
    expect(invalid.json().error.code).toBe('account.login_invalid');
  });

  it('appoints an officer for a term; the office grants scope at once', async () => {
    const accountId = await newAccount('chu.tich.a');
    const response = await api('POST', `/units/${tree.grassrootsA.id}/offices`, admin, {
      accountId,
      role: 'grassroots_chair',
      termStart: '2023-01-01',
      termEnd: '2028-12-31',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<OfficeDto>()).toMatchObject({
      accountId,
      unitId: tree.grassrootsA.id,
      role: 'grassroots_chair',
      termStart: '2023-01-01',
      termEnd: '2028-12-31',
      current: true,
    });
    const list = (await api('GET', `/units/${tree.grassrootsA.id}/offices`, admin)).json<OfficeDto[]>();
    expect(list.map((o) => o.accountId)).toContain(accountId);
    const again = await api('POST', `/units/${tree.grassrootsA.id}/offices`, admin, {
      accountId,
      role: 'grassroots_chair',
      termStart: '2024-01-01',
    });
    expect(again.json().error.code).toBe('office.already_held');
  });

  it('refuses a term that ends before it starts, and an unknown role', async () => {
    const accountId = await newAccount('nhiem.ky.sai');
    const backwards = await api('POST', `/units/${tree.grassrootsA.id}/offices`, admin, {
      accountId,
      role: 'grassroots_officer',
      termStart: '2025-05-01',
      termEnd: '2025-04-30',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('office.term_end_before_start');
    const unknownRole = await api('POST', `/units/${tree.grassrootsA.id}/offices`, admin, {
      accountId,
      role: 'president',
      termStart: '2025-05-01',
    });
    expect(unknownRole.statusCode).toBe(400);
  });

  it('refuses a role where it does not apply', async () => {
    const accountId = await newAccount('sai.cho');
    const response = await api('POST', `/units/${tree.groupA.id}/offices`, admin, {
      accountId,
      role: 'federation_officer',
      termStart: '2025-05-01',
    });
    expect(response.json().error.code).toBe('office.role_not_allowed_here');
  });

  it('does not let an officer hand out more rights than their own', async () => {
    const officer = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeA });
    const accountId = await newAccount('nang.quyen');
    const chair = await api('POST', `/units/${tree.grassrootsA.id}/offices`, officer, {
      accountId,
      role: 'grassroots_chair',
      termStart: '2025-05-01',
    });
    expect(chair.statusCode).toBe(422);
    expect(chair.json().error.code).toBe('office.role_exceeds_own');
    const staff = await api('POST', `/units/${tree.grassrootsA.id}/offices`, officer, {
      accountId,
      role: 'grassroots_officer',
      termStart: '2025-05-01',
    });
    expect(staff.statusCode).toBe(201);
  });

  it('does not let an officer end a term they could not have granted', async () => {
    const officer = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeA });
    const accountId = await newAccount('chu.tich.duoc.bao.ve');
    const chair = (
      await api('POST', `/units/${tree.grassrootsA2.id}/offices`, admin, {
        accountId,
        role: 'grassroots_chair',
        termStart: '2024-01-01',
      })
    ).json<OfficeDto>();
    const response = await api('POST', `/offices/${chair.id}/end`, officer, { termEnd: daysFromToday(0) });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('office.role_exceeds_own');
  });

  it('refuses to end a term twice, or to lengthen it', async () => {
    const accountId = await newAccount('ket.thuc.hai.lan');
    const office = (
      await api('POST', `/units/${tree.grassrootsA2.id}/offices`, admin, {
        accountId,
        role: 'grassroots_officer',
        termStart: '2024-01-01',
      })
    ).json<OfficeDto>();
    expect(
      (await api('POST', `/offices/${office.id}/end`, admin, { termEnd: daysFromToday(0) })).statusCode,
    ).toBe(200);
    const again = await api('POST', `/offices/${office.id}/end`, admin, { termEnd: daysFromToday(0) });
    expect(again.json().error.code).toBe('office.already_ended');
    const shorter = await api('POST', `/offices/${office.id}/end`, admin, { termEnd: daysFromToday(-1) });
    expect(shorter.statusCode).toBe(200);
  });

  it('ends a term; an expired term grants nothing', async () => {
    const accountId = await newAccount('het.nhiem.ky');
    const office = (
      await api('POST', `/units/${tree.grassrootsB.id}/offices`, admin, {
        accountId,
        role: 'grassroots_chair',
        termStart: '2022-01-01',
      })
    ).json<OfficeDto>();
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'het.nhiem.ky', password: TEST_PASSWORD },
    });
    const headers = { authorization: `Bearer ${login.json().token}` };
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/units/${tree.grassrootsB.id}`, headers }))
        .statusCode,
    ).toBe(200);

    const ended = await api('POST', `/offices/${office.id}/end`, admin, { termEnd: daysFromToday(-1) });
    expect(ended.json<OfficeDto>()).toMatchObject({ termEnd: daysFromToday(-1), current: false });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/units/${tree.grassrootsB.id}`, headers }))
        .statusCode,
    ).toBe(403);
    const profile = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).json<MeDto>();
    expect(profile.offices).toEqual([]);
    const past = (await api('GET', `/units/${tree.grassrootsB.id}/offices?includePast=true`, admin)).json<
      OfficeDto[]
    >();
    expect(past.find((o) => o.id === office.id)).toMatchObject({ current: false });
    const backwards = await api('POST', `/offices/${office.id}/end`, admin, { termEnd: '2021-12-31' });
    expect(backwards.json().error.code).toBe('office.term_end_before_start');
  });

  it('finds people to appoint by name within scope, or by exact login anywhere', async () => {
    await newAccount('tim.theo.ten', 'Trịnh Công Sơn');
    const officer = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeC });
    const byName = (await api('GET', '/accounts?q=trinh cong', officer)).json<{ items: unknown[] }>();
    expect(byName.items).toEqual([]);
    const byLogin = (await api('GET', '/accounts?q=tim.theo.ten', officer)).json<{
      items: { fullName: string }[];
    }>();
    expect(byLogin.items.map((a) => a.fullName)).toEqual(['Trịnh Công Sơn']);
  });

  it('finds by name the people an officer created, to appoint them next', async () => {
    const officer = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeC });
    const created = await api('POST', '/accounts', officer, {
      login: 'moi.tao.boi.toi',
      password: TEST_PASSWORD,
      fullName: 'Lý Thị Mới',
    });
    expect(created.statusCode).toBe(201);
    const found = (await api('GET', '/accounts?q=ly thi moi', officer)).json<{ items: { id: number }[] }>();
    expect(found.items.map((a) => a.id)).toEqual([created.json<{ id: number }>().id]);
    const other = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeB });
    expect((await api('GET', '/accounts?q=ly thi moi', other)).json<{ items: unknown[] }>().items).toEqual(
      [],
    );
  });

  it('closing a unit ends the terms held there', async () => {
    const unit = (
      await api('POST', '/units', admin, {
        parentId: tree.communeB.id,
        type: 'grassroots_union',
        name: 'CĐCS Sắp Giải Thể',
        establishedOn: '2020-01-01',
      })
    ).json<{ id: number }>();
    const accountId = await newAccount('chu.tich.giai.the');
    await api('POST', `/units/${unit.id}/offices`, admin, {
      accountId,
      role: 'grassroots_chair',
      termStart: '2021-01-01',
    });
    await api('POST', `/units/${unit.id}/dissolve`, admin, { effectiveOn: daysFromToday(0) });
    const offices = (await api('GET', `/units/${unit.id}/offices?includePast=true`, admin)).json<
      OfficeDto[]
    >();
    expect(offices).toEqual([
      expect.objectContaining({ accountId, termEnd: daysFromToday(-1), current: false }),
    ]);
  });
});
