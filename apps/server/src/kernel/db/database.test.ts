import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { adminQuery, testDatabaseUrl, withDatabaseName } from '../../../test/support/databases.js';
import { openDatabase, queryRows } from './database.js';

describe.runIf(testDatabaseUrl())('the PostgreSQL pool', () => {
  it('survives the server dropping its idle connections, and reconnects on the next query', async () => {
    const url = testDatabaseUrl()!;
    const name = `cds_pool_${process.pid}_${Date.now()}`;
    await adminQuery(url, `create database ${name}`);
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
    try {
      await Promise.all([1, 2, 3].map(() => database.db.execute(sql`select 1`)));
      await adminQuery(
        url,
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`,
      );
      // Give the pool a moment to hear about the dropped sockets: without an error handler, that crashes.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [row] = await queryRows<{ ok: number }>(database.db, sql`select 1 as ok`);
      expect(row).toEqual({ ok: 1 });
    } finally {
      await database.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    }
  });
});
