import { readConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/database.js';
import { migrateDatabase } from '../kernel/db/migrate.js';
import { verifyAuditChain } from '../kernel/audit/audit.js';

// Embedded mode: PGlite admits one process, so stop the server first (or run this against PostgreSQL).
const config = readConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrateDatabase(database);
const report = await verifyAuditChain(database.db);
await database.close();
if (report.ok) {
  console.log(`Nhật ký kiểm toán toàn vẹn: ${report.checked} bản ghi, chuỗi băm khớp.`);
} else {
  console.error(
    `NHẬT KÝ BỊ THAY ĐỔI: bản ghi #${report.firstBrokenId} ` +
      `(${report.problem === 'content_changed' ? 'nội dung bị sửa' : 'chuỗi bị đứt: bản ghi trước đó bị xóa hoặc chèn'}), ` +
      `sau ${report.checked} bản ghi hợp lệ.`,
  );
  process.exitCode = 1;
}
