import { mkdirSync } from 'node:fs';
import { buildApp } from './app.js';
import { readConfig } from './kernel/config.js';
import { openDatabase, refreshPlannerStatistics } from './kernel/db/database.js';
import { migrateDatabase } from './kernel/db/migrate.js';
import { ensureFirstStart } from './bootstrap/first-start.js';
import { DEMO_LOGINS, DEMO_PASSWORD, loadDemoData } from './bootstrap/demo-data.js';

const config = readConfig();
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch(
  (error: Error) => {
    // A refused start (the data directory in use, PostgreSQL unreachable) is a message, not a stack trace.
    console.error(error.message);
    process.exit(1);
  },
);
await migrateDatabase(database);
const firstStart = await ensureFirstStart(database.db, config.adminPassword);
if (firstStart.created && config.demoData) await loadDemoData(database.db);
await refreshPlannerStatistics(database);

const app = await buildApp({ database, config });
if (firstStart.generatedPassword) {
  app.log.warn(
    `Tài khoản quản trị "admin" đã được tạo. Mật khẩu (chỉ hiện một lần): ${firstStart.generatedPassword}`,
  );
}
if (firstStart.created && config.demoData) {
  app.log.info(
    `Dữ liệu mẫu đã nạp. Đăng nhập mẫu (mật khẩu ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((l) => l.login).join(', ')}`,
  );
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info(`${signal}: closing`);
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `Công đoàn số đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite, ${config.dataDir}` : 'PostgreSQL'})`,
);
