import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { HealthDto } from '@union/contracts/common';

export const APP_VERSION: string = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../../../package.json'), 'utf8'),
).version;

/** Liveness and readiness in one: it answers ok only when the database answers. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { config: { public: true }, schema: { tags: ['platform'], response: { 200: HealthDto } } },
    async () => {
      await app.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: app.database.kind, version: APP_VERSION };
    },
  );
};
