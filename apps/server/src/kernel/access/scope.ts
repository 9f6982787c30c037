import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { scopePaths, type Actor } from './actor.js';
import type { Permission } from './permissions.js';

/**
 * The scope predicate every read of tree-bound records includes. Unit paths are digits and slashes
 * ("/1/14/203/"), so a prefix LIKE needs no escaping and uses the text_pattern_ops index. An actor
 * without the permission anywhere matches nothing: deny is the default, never an empty filter.
 */
export function withinScope(unitPath: AnyPgColumn | SQL, actor: Actor, permission: Permission): SQL {
  const paths = scopePaths(actor, permission);
  if (paths.length === 0) return sql`false`;
  const alternatives = paths.map((path) => sql`${unitPath} like ${`${path}%`}`);
  return sql`(${sql.join(alternatives, sql` or `)})`;
}
