import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListQuery, AuditPage } from '@union/contracts/audit';
import { actorOf } from '../../kernel/auth/auth.plugin.js';
import { listAuditEntries } from '../../kernel/audit/audit.js';
import { decodeCursor, encodeCursor } from '../../kernel/http/cursor.js';
import { getAccountNames } from '../accounts/index.js';
import { getUnitOrThrow, listUnitsInScopeByIds } from '../units/index.js';

const isId = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

/** Officers with audit.read browse what happened in their subtree, newest first. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: AuditPage } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { query } = request;
      const unit = await getUnitOrThrow(app.db, actor, query.unitId, 'audit.read');
      const rows = await listAuditEntries(app.db, {
        pathPrefix: unit.path,
        limit: query.limit + 1,
        beforeId: query.cursor ? decodeCursor(query.cursor, isId) : undefined,
        action: query.action,
        actorId: query.actorId,
        from: query.from,
        to: query.to,
      });
      const page = rows.slice(0, query.limit);
      const actorIds = [...new Set(page.map((row) => row.actorId).filter((id): id is number => id !== null))];
      const unitIds = [...new Set(page.map((row) => row.unitId).filter((id): id is number => id !== null))];
      const [names, unitsSeen] = await Promise.all([
        getAccountNames(app.db, actorIds),
        listUnitsInScopeByIds(app.db, actor, unitIds),
      ]);
      const unitNames = new Map(unitsSeen.map((u) => [u.id, u.name]));
      return {
        items: page.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          actorId: row.actorId,
          actorName: row.actorId === null ? null : (names.get(row.actorId) ?? null),
          ip: row.ip,
          action: row.action,
          entityType: row.entityType,
          entityId: row.entityId,
          unitId: row.unitId,
          unitName: row.unitId === null ? null : (unitNames.get(row.unitId) ?? null),
          details: row.details,
        })),
        nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!.id) : null,
      };
    },
  );
};
