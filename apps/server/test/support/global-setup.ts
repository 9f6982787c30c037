import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import {
  openDatabase,
  openPglite,
  PGLITE_EXTENSIONS,
  refreshPlannerStatistics,
  type Database,
} from '../../src/kernel/db/database.js';
import { migrateDatabase } from '../../src/kernel/db/migrate.js';
import { ensureFirstStart } from '../../src/bootstrap/first-start.js';
import { importKnowledgeSeed } from '../../src/modules/assistant/index.js';
import { adminQuery, testDatabaseUrl, withDatabaseName } from './databases.js';
import { TEST_ADMIN_PASSWORD } from './constants.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite dump file, or a PostgreSQL template database name. */
    databaseTemplate: string;
  }
}

async function prepare(database: Database) {
  await migrateDatabase(database);
  await ensureFirstStart(database.db, TEST_ADMIN_PASSWORD);
  // The legal assistant's seed knowledge, once: every test app then starts with it already imported.
  await importKnowledgeSeed(database.db);
}

/** Migrates one template per run; every test file then starts from a copy of it. */
export default async function setup(project: TestProject) {
  const url = testDatabaseUrl();
  if (url) {
    const name = `cds_template_${process.pid}`;
    await adminQuery(url, `drop database if exists ${name} with (force)`);
    await adminQuery(url, `create database ${name}`);
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
    await prepare(database);
    await database.close();
    project.provide('databaseTemplate', name);
    return async () => adminQuery(url, `drop database if exists ${name} with (force)`);
  }
  const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = await openPglite(pglite);
  await prepare(database);
  await refreshPlannerStatistics(database);
  const dump = await pglite.dumpDataDir('none');
  await database.close();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'cds-test-'));
  const file = path.join(folder, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('databaseTemplate', file);
  return async () => rm(folder, { recursive: true, force: true });
}
