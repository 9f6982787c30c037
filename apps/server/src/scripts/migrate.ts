import { mkdirSync } from 'node:fs';
import { readConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/database.js';
import { migrateDatabase } from '../kernel/db/migrate.js';

const config = readConfig();
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrateDatabase(database);
await database.close();
console.log(`Migrations applied (${database.kind}).`);
