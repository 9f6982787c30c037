import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitDto, UnitEventDto, UnitPage } from '@union/contracts/units';
import {
  buildTestApp,
  givenUnitTree,
  signInAs,
  signInAsAdmin,
  type SignedIn,
  type TestApp,
} from '../../../test/support/index.js';
import { queryRows } from '../../kernel/db/database.js';

type Tree = Awaited<ReturnType<typeof givenUnitTree>>;

describe('units', () => {
  let t: TestApp;
  let admin: SignedIn;
  let tree: Tree;
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, who: SignedIn, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who.headers,
      ...(payload === undefined ? {} : { payload }),
    });

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signInAsAdmin(t);
    tree = await givenUnitTree(t);
  });
  afterAll(() => t.close());

  describe('POST /units', () => {
    it('creates a grassroots union under a commune union with its path, code and province', async () => {
      const response = await api('POST', '/units', admin, {
        parentId: tree.communeA.id,
        type: 'grassroots_union',
        name: 'CĐCS Công ty TNHH Cơ khí Hòa Bình',
      });
      expect(response.statusCode).toBe(201);
      const unit = response.json<UnitDto>();
      expect(unit).toMatchObject({
        type: 'grassroots_union',
        name: 'CĐCS Công ty TNHH Cơ khí Hòa Bình',
        parentId: tree.communeA.id,
        managingUnitId: tree.communeA.id,
        provinceId: tree.hanoi.id,
        path: `${tree.communeA.path}${unit.id}/`,
        depth: tree.communeA.depth + 1,
        status: 'active',
        code: `01-CDCS${String(unit.id).padStart(6, '0')}`,
      });
      expect(unit.can).toMatchObject({ createChild: true, update: true, move: true, dissolve: true });
    });

    it('refuses a child type the parent may not hold, naming the rule', async () => {
      const response = await api('POST', '/units', admin, {
        parentId: tree.groupA.id,
        type: 'grassroots_union',
        name: 'CĐCS Sai chỗ',
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toEqual({
        code: 'unit.child_type_not_allowed',
        message: 'Loại đơn vị này không thể trực thuộc đơn vị đã chọn.',
      });
    });

    it('refuses a union group outside a grassroots union, guild or branch', async () => {
      const response = await api('POST', '/units', admin, {
        parentId: tree.communeA.id,
        type: 'union_group',
        name: 'Tổ lạc chỗ',
      });
      expect(response.json().error.code).toBe('unit.child_type_not_allowed');
    });

    it('refuses an unknown unit type with a specific code', async () => {
      const response = await api('POST', '/units', admin, {
        parentId: tree.communeA.id,
        type: 'district_federation',
        name: 'LĐLĐ quận',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('unit.unknown_type');
      expect(response.json().error.fields).toEqual([{ path: 'type', message: 'Loại đơn vị không hợp lệ.' }]);
    });

    it('answers malformed JSON with 400 and stores nothing', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        payload: '{"parentId": 5, "type": ',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('request.malformed_json');
    });

    it('refuses a code already in use', async () => {
      const response = await api('POST', '/units', admin, {
        parentId: tree.communeA.id,
        type: 'grassroots_union',
        name: 'CĐCS Trùng mã',
        code: '79',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('unit.code_taken');
    });

    it('lists field errors in Vietnamese for a name too short', async () => {
      const response = await api('POST', '/units', admin, {
        parentId: tree.communeA.id,
        type: 'grassroots_union',
        name: 'A',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation.failed', fields: [{ path: 'name' }] });
    });

    it('answers in English when asked', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: { ...admin.headers, 'accept-language': 'en-US' },
        payload: { parentId: tree.groupA.id, type: 'union_group', name: 'Tổ con' },
      });
      expect(response.json().error.message).toBe('A unit of this type cannot sit under the chosen unit.');
    });
  });

  describe('browsing', () => {
    it('lists children in name order, page by page with a cursor', async () => {
      const parent = await api('POST', '/units', admin, {
        parentId: tree.hcm.id,
        type: 'commune_union',
        name: 'Công đoàn phường Trang',
      });
      const parentId = parent.json<UnitDto>().id;
      const names = ['Đông', 'An', 'Bình', 'Cường', 'Ánh'].map((n) => `CĐCS Công ty ${n}`);
      for (const name of names)
        await api('POST', '/units', admin, { parentId, type: 'grassroots_union', name });
      const first = (await api('GET', `/units/${parentId}/children?limit=2`, admin)).json<UnitPage>();
      expect(first.items.map((u) => u.name)).toEqual(['CĐCS Công ty An', 'CĐCS Công ty Ánh']);
      const second = (
        await api('GET', `/units/${parentId}/children?limit=2&cursor=${first.nextCursor}`, admin)
      ).json<UnitPage>();
      expect(second.items.map((u) => u.name)).toEqual(['CĐCS Công ty Bình', 'CĐCS Công ty Cường']);
      const third = (
        await api('GET', `/units/${parentId}/children?limit=2&cursor=${second.nextCursor}`, admin)
      ).json<UnitPage>();
      expect(third).toMatchObject({ items: [{ name: 'CĐCS Công ty Đông' }], nextCursor: null });
    });

    it('refuses a forged cursor with 400', async () => {
      const response = await api('GET', `/units/${tree.hanoi.id}/children?cursor=bm90LWpzb24`, admin);
      expect(response.statusCode).toBe(400);
    });

    it('shows breadcrumbs root first, and only those within the caller scope', async () => {
      const crumbs = (await api('GET', `/units/${tree.groupA.id}/ancestors`, admin)).json<{ id: number }[]>();
      expect(crumbs.map((c) => c.id)).toEqual([
        Number(tree.hanoi.path.split('/')[1]),
        tree.hanoi.id,
        tree.communeA.id,
        tree.grassrootsA.id,
        tree.branchA.id,
      ]);
      const chair = await signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsA });
      const scoped = (await api('GET', `/units/${tree.groupA.id}/ancestors`, chair)).json<{ id: number }[]>();
      expect(scoped.map((c) => c.id)).toEqual([tree.grassrootsA.id, tree.branchA.id]);
    });

    it('starts the tree at the caller top units', async () => {
      const chair = await signInAs(
        t,
        { role: 'grassroots_chair', unit: tree.grassrootsA },
        { role: 'grassroots_chair', unit: tree.grassrootsB },
      );
      const roots = (await api('GET', '/units/roots', chair)).json<UnitDto[]>();
      expect(roots.map((u) => u.id).sort()).toEqual([tree.grassrootsA.id, tree.grassrootsB.id].sort());
    });

    it('finds units by name without diacritics, exact diacritics first, within scope only', async () => {
      const result = (await api('GET', '/units?q=thu nghiem a', admin)).json<UnitPage>();
      expect(result.items.map((u) => u.name)).toEqual(
        expect.arrayContaining(['CĐCS Công ty TNHH Thử Nghiệm A', 'Công đoàn phường Thử Nghiệm A']),
      );
      const officer = await signInAs(t, { role: 'upper_union_officer', unit: tree.communeB });
      const scoped = (await api('GET', '/units?q=thu nghiem', officer)).json<UnitPage>();
      expect(scoped.items.map((u) => u.name).sort()).toEqual(
        ['CĐCS Công ty TNHH Thử Nghiệm B', 'Công đoàn phường Thử Nghiệm B'].sort(),
      );
    });

    it('finds a unit by its exact code', async () => {
      const result = (await api('GET', '/units?q=79', admin)).json<UnitPage>();
      expect(result.items[0]).toMatchObject({ code: '79', type: 'provincial_federation' });
    });
  });

  describe('moves, merges and dissolutions', () => {
    const build = async (name: string) => {
      const commune = (
        await api('POST', '/units', admin, {
          parentId: tree.hanoi.id,
          type: 'commune_union',
          name,
          establishedOn: '2025-07-01',
        })
      ).json<UnitDto>();
      const grassroots = (
        await api('POST', '/units', admin, {
          parentId: commune.id,
          type: 'grassroots_union',
          name: `CĐCS thuộc ${name}`,
          establishedOn: '2020-01-01',
        })
      ).json<UnitDto>();
      const group = (
        await api('POST', '/units', admin, {
          parentId: grassroots.id,
          type: 'union_group',
          name: `Tổ thuộc ${name}`,
          establishedOn: '2020-01-01',
        })
      ).json<UnitDto>();
      return { commune, grassroots, group };
    };

    it('moves a unit with its whole subtree, keeps the history, and shows the old structure at a past date', async () => {
      const from = await build('Công đoàn xã Di Chuyển Đi');
      const to = await build('Công đoàn xã Di Chuyển Đến');
      const response = await api('POST', `/units/${from.grassroots.id}/move`, admin, {
        newParentId: to.commune.id,
        effectiveOn: '2025-08-01',
        reason: 'Sắp xếp theo địa bàn mới',
      });
      expect(response.statusCode).toBe(200);
      expect(response.json<UnitDto>()).toMatchObject({
        parentId: to.commune.id,
        path: `${to.commune.path}${from.grassroots.id}/`,
      });
      const group = (await api('GET', `/units/${from.group.id}`, admin)).json<UnitDto>();
      expect(group.path).toBe(`${to.commune.path}${from.grassroots.id}/${from.group.id}/`);

      const history = (await api('GET', `/units/${from.grassroots.id}/history`, admin)).json<
        UnitEventDto[]
      >();
      expect(history.map((e) => e.type)).toEqual(['established', 'moved']);
      expect(history[1]).toMatchObject({
        effectiveOn: '2025-08-01',
        reason: 'Sắp xếp theo địa bàn mới',
        details: { fromParentId: from.commune.id, toParentId: to.commune.id },
      });

      const before = (
        await api('GET', `/units/${from.commune.id}/children?at=2025-07-15`, admin)
      ).json<UnitPage>();
      expect(before.items.map((u) => u.id)).toEqual([from.grassroots.id]);
      const after = (
        await api('GET', `/units/${from.commune.id}/children?at=2025-08-01`, admin)
      ).json<UnitPage>();
      expect(after.items).toEqual([]);
      const now = (await api('GET', `/units/${to.commune.id}/children`, admin)).json<UnitPage>();
      expect(now.items.map((u) => u.id).sort()).toEqual([from.grassroots.id, to.grassroots.id].sort());
    });

    it('refuses a move that would make a cycle', async () => {
      const built = await build('Công đoàn xã Vòng Lặp');
      const response = await api('POST', `/units/${built.commune.id}/move`, admin, {
        newParentId: built.grassroots.id,
        effectiveOn: '2025-08-01',
      });
      expect(response.statusCode).toBe(422);
      expect(['unit.move_cycle', 'unit.child_type_not_allowed']).toContain(response.json().error.code);
      const groupUnderItself = await api('POST', `/units/${built.grassroots.id}/move`, admin, {
        newParentId: built.group.id,
        effectiveOn: '2025-08-01',
      });
      expect(groupUnderItself.json().error.code).toBe('unit.move_cycle');
    });

    it('refuses a move dated in the future or before the unit existed', async () => {
      const built = await build('Công đoàn xã Ngày Sai');
      const future = await api('POST', `/units/${built.grassroots.id}/move`, admin, {
        newParentId: tree.communeA.id,
        effectiveOn: '2999-01-01',
      });
      expect(future.json().error.code).toBe('unit.date_in_future');
      const early = await api('POST', `/units/${built.grassroots.id}/move`, admin, {
        newParentId: tree.communeA.id,
        effectiveOn: '2019-12-31',
      });
      expect(early.json().error.code).toBe('unit.date_before_established');
    });

    it('re-parents every grassroots union of a closing unit in one operation, offices following', async () => {
      const closing = (
        await api('POST', '/units', admin, {
          parentId: tree.hanoi.id,
          type: 'upper_union',
          name: 'LĐLĐ quận Giải Thể',
          establishedOn: '2010-01-01',
        })
      ).json<UnitDto>();
      const target = (
        await api('POST', '/units', admin, {
          parentId: tree.hanoi.id,
          type: 'commune_union',
          name: 'Công đoàn phường Tiếp Nhận',
          establishedOn: '2025-07-01',
        })
      ).json<UnitDto>();
      const created: UnitDto[] = [];
      for (let i = 0; i < 30; i += 1) {
        created.push(
          (
            await api('POST', '/units', admin, {
              parentId: closing.id,
              type: 'grassroots_union',
              name: `CĐCS số ${i}`,
              establishedOn: '2015-01-01',
            })
          ).json<UnitDto>(),
        );
      }
      const chair = await signInAs(t, { role: 'grassroots_chair', unit: created[0]! });
      const moved = await api('POST', '/units/bulk-move', admin, {
        fromParentId: closing.id,
        newParentId: target.id,
        effectiveOn: '2025-07-01',
        reason: 'Kết thúc hoạt động công đoàn cấp huyện',
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ moved: 30 });
      const children = (await api('GET', `/units/${target.id}/children?limit=100`, admin)).json<UnitPage>();
      expect(children.items).toHaveLength(30);
      expect(children.items.every((u) => u.path.startsWith(target.path))).toBe(true);
      // The chair's scope followed the union to its new place.
      const seen = await api('GET', `/units/${created[0]!.id}`, chair);
      expect(seen.json<UnitDto>().path).toBe(`${target.path}${created[0]!.id}/`);
      const old = (await api('GET', `/units/${closing.id}/children?at=2025-06-30`, admin)).json<UnitPage>();
      expect(old.items).toHaveLength(30);
      const dissolved = await api('POST', `/units/${closing.id}/dissolve`, admin, {
        effectiveOn: '2025-07-01',
      });
      expect(dissolved.json<UnitDto>()).toMatchObject({ status: 'dissolved', closedOn: '2025-07-01' });
    });

    it('refuses a bulk move listing a unit together with its own sub-unit', async () => {
      const built = await build('Công đoàn xã Lồng Nhau');
      const response = await api('POST', '/units/bulk-move', admin, {
        unitIds: [built.grassroots.id, built.group.id],
        newParentId: tree.communeB.id,
        effectiveOn: '2025-08-01',
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('unit.bulk_move_nested');
    });

    it('keeps every path consistent with its parent when restructurings run at the same time', async () => {
      const a = await build('Công đoàn xã Đồng Thời A');
      const b = await build('Công đoàn xã Đồng Thời B');
      const c = await build('Công đoàn xã Đồng Thời C');
      // A rotation of unions between communes, and a group moving into a union that is itself moving:
      // without one lock over restructurings, a move rewrites a subtree from a path another just changed.
      const responses = await Promise.all([
        api('POST', `/units/${a.grassroots.id}/move`, admin, {
          newParentId: b.commune.id,
          effectiveOn: '2025-08-01',
        }),
        api('POST', `/units/${b.grassroots.id}/move`, admin, {
          newParentId: c.commune.id,
          effectiveOn: '2025-08-01',
        }),
        api('POST', `/units/${c.grassroots.id}/move`, admin, {
          newParentId: a.commune.id,
          effectiveOn: '2025-08-01',
        }),
        api('POST', `/units/${b.group.id}/move`, admin, {
          newParentId: a.grassroots.id,
          effectiveOn: '2025-08-01',
        }),
      ]);
      expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      const inconsistent = await queryRows<{ id: number }>(
        t.db,
        sql`select u.id from units u join units p on p.id = u.parent_id where u.path <> p.path || u.id || '/'`,
      );
      expect(inconsistent).toEqual([]);
    });

    it('refuses to dissolve a unit that still has active sub-units', async () => {
      const built = await build('Công đoàn xã Còn Con');
      const response = await api('POST', `/units/${built.commune.id}/dissolve`, admin, {
        effectiveOn: '2025-08-01',
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('unit.has_active_children');
    });

    it('merges a unit into another: children move, the unit closes, both histories tell it', async () => {
      const a = await build('Công đoàn xã Sáp Nhập A');
      const b = await build('Công đoàn xã Sáp Nhập B');
      const response = await api('POST', `/units/${a.commune.id}/merge`, admin, {
        intoUnitId: b.commune.id,
        effectiveOn: '2025-09-01',
      });
      expect(response.json<UnitDto>()).toMatchObject({ status: 'merged', closedOn: '2025-09-01' });
      const moved = (await api('GET', `/units/${a.grassroots.id}`, admin)).json<UnitDto>();
      expect(moved.parentId).toBe(b.commune.id);
      const history = (await api('GET', `/units/${b.commune.id}/history`, admin)).json<UnitEventDto[]>();
      expect(history.at(-1)).toMatchObject({ type: 'absorbed', details: { unitId: a.commune.id } });
    });

    it('lets a grassroots chair organise inside the union but not move or close the union itself', async () => {
      const built = await build('Công đoàn xã Phân Quyền');
      const chair = await signInAs(t, { role: 'grassroots_chair', unit: built.grassroots });
      const branch = await api('POST', '/units', chair, {
        parentId: built.grassroots.id,
        type: 'union_branch',
        name: 'Công đoàn bộ phận Kho',
      });
      expect(branch.statusCode).toBe(201);
      const own = (await api('GET', `/units/${built.grassroots.id}`, chair)).json<UnitDto>();
      expect(own.can).toMatchObject({ createChild: true, update: true, move: false, dissolve: false });
      const moveOwn = await api('POST', `/units/${built.grassroots.id}/move`, chair, {
        newParentId: tree.communeA.id,
        effectiveOn: '2025-08-01',
      });
      expect(moveOwn.statusCode).toBe(404);
      const groupMove = await api('POST', `/units/${built.group.id}/move`, chair, {
        newParentId: branch.json<UnitDto>().id,
        effectiveOn: '2025-08-01',
      });
      expect(groupMove.statusCode).toBe(200);
    });

    it('renames a unit and records the event', async () => {
      const built = await build('Công đoàn xã Tên Cũ');
      const response = await api('PATCH', `/units/${built.commune.id}`, admin, {
        name: 'Công đoàn xã Tên Mới',
      });
      expect(response.json<UnitDto>().name).toBe('Công đoàn xã Tên Mới');
      const history = (await api('GET', `/units/${built.commune.id}/history`, admin)).json<UnitEventDto[]>();
      expect(history.at(-1)).toMatchObject({
        type: 'renamed',
        details: { from: 'Công đoàn xã Tên Cũ', to: 'Công đoàn xã Tên Mới' },
      });
    });
  });
});
