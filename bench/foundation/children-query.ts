import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../apps/server/src/kernel/access/actor.js';
import type { Permission } from '../../apps/server/src/kernel/access/permissions.js';
import { withinScope } from '../../apps/server/src/kernel/access/scope.js';

/**
 * The statement behind GET /units/:id/children (units.queries.ts, listCurrentChildren), written out:
 * same columns, same join, same child-count subquery, same keyset order and limit + 1. `scope` is the
 * app's own predicate (withinScope); leave it out and it is the unscoped query the ratio compares with.
 * Names are qualified as Drizzle emits them, so the planner sees the same statement.
 */
export function childrenQuery(parentId: number, limit: number, scope?: SQL): SQL {
  return sql`select "units"."id", "units"."type", "units"."code", "units"."name", "units"."name_folded" as "nameFolded",
      "units"."path", "units"."parent_id" as "parentId", "parent"."name" as "parentName",
      "units"."managing_unit_id" as "managingUnitId",
      "managing"."name" as "managingUnitName", "units"."province_id" as "provinceId", "units"."depth",
      "units"."status", "units"."established_on" as "establishedOn", "units"."closed_on" as "closedOn",
      (select count(*)::int from units c where c.parent_id = "units"."id" and c.status = 'active') as "childCount"
    from "units" left join "units" "managing" on "managing"."id" = "units"."managing_unit_id"
      left join "units" "parent" on "parent"."id" = "units"."parent_id"
    where ("units"."parent_id" = ${parentId}${scope ? sql` and ${scope}` : sql``} and "units"."status" = ${'active'})
    order by "units"."name_folded" asc, "units"."id" asc
    limit ${limit + 1}`;
}

/** The scope predicate the app adds for an actor holding units.read at these paths. */
export function scopePredicate(paths: string[]): SQL {
  const actor: Actor = {
    accountId: 0,
    fullName: 'bench',
    sessionId: 0,
    ip: '127.0.0.1',
    totpSetupRequired: false,
    grants: paths.map((unitPath, i) => ({
      officeId: i,
      unitId: 0,
      unitPath,
      role: 'bench',
      permissions: new Set<Permission>(['units.read']),
    })),
  };
  return withinScope(sql`"units"."path"`, actor, 'units.read');
}
