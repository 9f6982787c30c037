import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryDto } from '@union/contracts/audit';
import {
  buildTestApp,
  givenUnitTree,
  signInAs,
  signInAsAdmin,
  type SignedIn,
  type TestApp,
  type TreeUnit,
} from '../../../test/support/index.js';
import { queryRows } from '../db/database.js';
import { verifyAuditChain } from './audit.js';

describe('audit log', () => {
  let t: TestApp;
  let admin: SignedIn;
  let tree: Awaited<ReturnType<typeof givenUnitTree>>;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signInAsAdmin(t);
    tree = await givenUnitTree(t);
    for (const name of ['CĐCS Nhật Ký Một', 'CĐCS Nhật Ký Hai']) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: { ...admin.headers, 'x-forwarded-for': '203.0.113.9' },
        payload: { parentId: tree.communeA.id, type: 'grassroots_union', name },
      });
    }
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin.headers,
      payload: { parentId: tree.communeC.id, type: 'grassroots_union', name: 'CĐCS Nhật Ký Ở Xa' },
    });
  });
  afterAll(() => t.close());

  it('records every write with who, what, when, where from and which unit', async () => {
    const officer = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeA });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?unitId=${tree.communeA.id}`,
      headers: officer.headers,
    });
    expect(response.statusCode).toBe(200);
    const entries = response.json<{ items: AuditEntryDto[] }>().items;
    expect(entries.map((e) => e.details.name)).toEqual(['CĐCS Nhật Ký Hai', 'CĐCS Nhật Ký Một']);
    expect(entries[0]).toMatchObject({
      action: 'unit.create',
      entityType: 'unit',
      actorId: admin.accountId,
      actorName: 'Quản trị hệ thống',
      ip: '127.0.0.1',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('shows an officer only the entries of their own subtree', async () => {
    const officer = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeC });
    const entries = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/audit?unitId=${tree.communeC.id}`,
        headers: officer.headers,
      })
    ).json<{ items: AuditEntryDto[] }>().items;
    expect(entries.map((e) => e.details.name)).toEqual(['CĐCS Nhật Ký Ở Xa']);
    const outside = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?unitId=${tree.communeA.id}`,
      headers: officer.headers,
    });
    expect(outside.statusCode).toBe(404);
  });

  it('files a move on both sides: the old place sees the unit leave, the new place sees it arrive', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin.headers,
      payload: {
        parentId: tree.communeA.id,
        type: 'grassroots_union',
        name: 'CĐCS Chuyển Đi',
        establishedOn: '2020-01-01',
      },
    });
    const unitId = created.json<{ id: number }>().id;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/units/${unitId}/move`,
      headers: admin.headers,
      payload: { newParentId: tree.communeB.id, effectiveOn: '2025-08-01' },
    });
    const movesSeenBy = async (commune: TreeUnit) => {
      const officer = await signInAs(t, { role: 'upper_union_officer', unit: commune });
      const entries = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/audit?unitId=${commune.id}&action=unit.move`,
          headers: officer.headers,
        })
      ).json<{ items: AuditEntryDto[] }>().items;
      return entries.filter((e) => e.entityId === String(unitId)).map((e) => e.details.side);
    };
    expect(await movesSeenBy(tree.communeA)).toEqual(['from']);
    expect(await movesSeenBy(tree.communeB)).toEqual(['to']);
  });

  it('keeps an unbroken hash chain that the database refuses to edit', async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: expect.any(Number) });
    await expect(
      t.db.execute(sql`update audit_log set action = 'x' where id = (select min(id) from audit_log)`),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('detects an entry edited behind the database guard, and one deleted', async () => {
    const [{ id }] = (await queryRows<{ id: number }>(
      t.db,
      sql`select max(id)::int as id from audit_log`,
    )) as [{ id: number }];
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await t.db.execute(sql`update audit_log set details = '{"name":"đã sửa"}' where id = ${id - 1}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      firstBrokenId: id - 1,
      problem: 'content_changed',
    });
    await t.db.execute(sql`delete from audit_log where id = ${id - 1}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      firstBrokenId: id,
      problem: 'link_broken',
    });
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  });
});
