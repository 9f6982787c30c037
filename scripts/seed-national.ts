/**
 * `npm run seed:national -- [--members 1000000] [--database-url postgres://…] [--data-dir ./data-national]
 * [--seed 1] [--as-of yyyy-mm-dd] [--yes]`: builds a realistic country in a database — the union tree,
 * members with their histories, officers, workforce declarations — with COPY, then recounts and checks
 * the statistics. PostgreSQL when a URL is given (or DATABASE_URL is set), else PGlite in a data
 * directory, capped at 1,000,000 members. Progress on stderr, the summary on stdout.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureFirstStart } from '../apps/server/src/bootstrap/first-start.js';
import { openDatabase, type Database } from '../apps/server/src/kernel/db/database.js';
import { migrateDatabase } from '../apps/server/src/kernel/db/migrate.js';
import { todayInVietnam } from '../apps/server/src/kernel/time.js';
import { describeSeed, PGLITE_MEMBER_CAP, seedNational } from './national/seed.js';

const USAGE = `Usage: npm run seed:national -- [options]

  --members N          members to generate (default 1000000; at most ${PGLITE_MEMBER_CAP.toLocaleString('en-US')} on PGlite)
  --database-url URL   PostgreSQL database to fill (default: $DATABASE_URL; none: PGlite in --data-dir)
  --data-dir DIR       PGlite data directory (default ./data-national)
  --seed S             seed of the generator (default 1): the same seed and --as-of give the same data
  --as-of DATE         the day the data is as of, yyyy-mm-dd (default: today in Vietnam)
  --officer-password P password of every synthetic officer account (default: generated, printed)
  --admin-password P   password of the administrator when first start creates it (default: generated)
  --yes                empty a database that already holds data first (everything in it is lost)
  --help`;

class UsageError extends Error {}

function parse() {
  const { values } = parseArgs({
    options: {
      members: { type: 'string', default: '1000000' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string', default: './data-national' },
      seed: { type: 'string', default: '1' },
      'as-of': { type: 'string' },
      'officer-password': { type: 'string' },
      'admin-password': { type: 'string' },
      yes: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const members = Number(values.members);
  if (!Number.isInteger(members) || members < 1_000 || members > 30_000_000)
    throw new UsageError(`--members must be an integer from 1000 to 30000000, got "${values.members}"`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1)
    throw new UsageError(`--seed must be a non-negative integer, got "${values.seed}"`);
  const asOf = values['as-of'] ?? todayInVietnam();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))
    throw new UsageError(`--as-of must be a date yyyy-mm-dd, got "${asOf}"`);
  const databaseUrl =
    values['database-url'] !== undefined
      ? values['database-url'] || undefined
      : process.env.DATABASE_URL || undefined;
  return {
    help: values.help === true,
    members,
    seed,
    asOf,
    databaseUrl,
    dataDir: path.resolve(values['data-dir']!),
    yes: values.yes === true,
    officerPassword: values['officer-password'],
    adminPassword: values['admin-password'] ?? process.env.ADMIN_PASSWORD,
  };
}

/** Whether the database holds anything beyond what first start makes. */
async function holdsData(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query(
      `select 1 from pg_tables where schemaname = 'public' and tablename in ('units', 'members')`,
    );
    if (tables.rowCount !== 2) {
      const any = await client.query(`select 1 from pg_tables where schemaname = 'public' limit 1`);
      return any.rowCount === 1;
    }
    const { rows } = await client.query<{ units: number; members: number }>(
      `select (select count(*) from units)::int as units, (select count(*) from members)::int as members`,
    );
    return rows[0]!.units > 35 || rows[0]!.members > 0;
  } finally {
    await client.end();
  }
}

/** Empties a PostgreSQL database: its public schema is dropped and made again; migrations rebuild it. */
async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

async function open(options: ReturnType<typeof parse>, log: (m: string) => void): Promise<Database> {
  if (options.databaseUrl) {
    if (await holdsData(options.databaseUrl)) {
      if (!options.yes)
        throw new UsageError(
          'the database already holds data: give --yes to empty it first (all of it is lost)',
        );
      log('emptying the database (--yes)…');
      await emptyDatabase(options.databaseUrl);
    }
    return openDatabase({ databaseUrl: options.databaseUrl });
  }
  if (options.members > PGLITE_MEMBER_CAP)
    throw new UsageError(
      `PGlite holds at most ${PGLITE_MEMBER_CAP.toLocaleString('en-US')} members in the national seed; ` +
        'for more (the country is 11,000,000) give a PostgreSQL database: --database-url postgres://…',
    );
  const dir = options.dataDir;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!options.yes)
      throw new UsageError(`${dir} is not empty: give --yes to delete it first, or another --data-dir`);
    log(`deleting ${dir} (--yes)…`);
    await rm(dir, { recursive: true, force: true });
  }
  await mkdir(dir, { recursive: true });
  return openDatabase({ dataDir: dir });
}

async function main(): Promise<number> {
  const options = parse();
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const log = (message: string) => console.error(message);
  const database = await open(options, log);
  try {
    log(
      `opening the ${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${options.dataDir})`} database: migrations, first start…`,
    );
    await migrateDatabase(database);
    const adminPassword = options.adminPassword ?? randomBytes(12).toString('base64url');
    const firstStart = await ensureFirstStart(database.db, adminPassword);
    const officerPassword = options.officerPassword ?? randomBytes(12).toString('base64url');
    const summary = await seedNational(database, {
      members: options.members,
      seed: options.seed,
      asOf: options.asOf,
      officerPassword,
      log,
    });
    const lines = [
      `National seed on ${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${options.dataDir}`}, ` +
        `seed ${options.seed}, as of ${options.asOf}`,
      ...describeSeed(summary),
      firstStart.created
        ? `administrator: admin / ${options.adminPassword ? '(the password given)' : adminPassword}`
        : 'administrator: unchanged (first start had already run)',
      `officers (e.g. chutich.<unit code>, canbo.<unit code>, 79.canbo1): ${options.officerPassword ? '(the password given)' : officerPassword}`,
    ];
    console.log(lines.join('\n'));
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
    )
      console.error(`${(error as Error).message}\n\n${USAGE}`);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
