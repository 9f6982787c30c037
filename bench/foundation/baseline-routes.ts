import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { LIST_LIMIT_MAX } from '@union/contracts/common';
import { queryRows, type Db } from '../../apps/server/src/kernel/db/database.js';
import { encodeCursor } from '../../apps/server/src/kernel/http/cursor.js';
import { childrenQuery } from './children-query.js';

interface ChildRow {
  id: number;
  nameFolded: string;
}

const parseId = (raw: string): number => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1) throw Object.assign(new Error('bad id'), { statusCode: 400 });
  return id;
};

/**
 * The baselines that touch the database, on their own Fastify instance over the app's Drizzle `db`:
 * no auth, no validation, no scope, one statement per request.
 * - GET /pk/:id — one primary-key lookup in `units`.
 * - GET /children/:id?limit= — the children listing without the scope predicate, paged like the app.
 */
export function buildBaselineRoutes(db: Db): FastifyInstance {
  const app = Fastify({ logger: false });

  app.get<{ Params: { id: string } }>('/pk/:id', async (request, reply) => {
    const id = parseId(request.params.id);
    const [row] = await queryRows(
      db,
      sql`select id, type, code, name, path, parent_id as "parentId" from units where id = ${id}`,
    );
    return row ?? reply.code(404).send({ error: 'not found' });
  });

  app.get<{ Params: { id: string }; Querystring: { limit?: string } }>('/children/:id', async (request) => {
    const id = parseId(request.params.id);
    const limit = Math.min(LIST_LIMIT_MAX, Math.max(1, Number(request.query.limit ?? 50) || 50));
    const rows = await queryRows<ChildRow>(db, childrenQuery(id, limit));
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: rows.length > limit && last ? encodeCursor({ name: last.nameFolded, id: last.id }) : null,
    };
  });

  return app;
}
