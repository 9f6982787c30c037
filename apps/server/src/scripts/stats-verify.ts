import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { readConfig } from '../kernel/config.js';
import { openDatabase, queryRows, type Db } from '../kernel/db/database.js';
import { migrateDatabase } from '../kernel/db/migrate.js';
import {
  unsafeRebuildStatistics,
  unsafeVerifyStatistics,
  type FigureMismatch,
} from '../modules/statistics/index.js';

/**
 * `npm run stats:verify [-- --repair]`: counts every unit's figures again from members, their events,
 * units and workforce declarations, and compares them with the live figures the database keeps. Prints
 * the first disagreements and exits 1; with `--repair`, then replaces the figures with the recount.
 * Embedded mode: PGlite admits one process, so stop the server first (or run this against PostgreSQL).
 */

const SHOWN = 20;
const LIMIT = 1000;

const args = process.argv.slice(2);
const repair = args.includes('--repair');
if (args.some((arg) => arg !== '--repair')) {
  console.error('Cách dùng: npm run stats:verify [-- --repair]');
  process.exit(2);
}

const started = performance.now();
const number = (value: number) => value.toLocaleString('vi-VN');
const elapsed = () =>
  `${((performance.now() - started) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 2 })} giây`;

/** The recount with room for its sorts and hashes (on PostgreSQL; PGlite has its own setting). */
const verify = (db: Db, kind: string) =>
  db.transaction(async (tx) => {
    if (kind === 'postgres') await tx.execute(sql`set local work_mem = '256MB'`);
    return unsafeVerifyStatistics(tx, LIMIT);
  });

async function sizes(db: Db) {
  const [row] = await queryRows<{ units: number; figures: number; movements: number }>(
    db,
    sql`select (select count(*) from units)::int as units,
      (select count(*) from unit_figures where value <> 0)::int as figures,
      (select count(*) from unit_monthly_movements where value <> 0)::int as movements`,
  );
  return { units: Number(row!.units), figures: Number(row!.figures), movements: Number(row!.movements) };
}

const monthOf = (month: string | null) => (month ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : 'hiện tại');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function describe(db: Db, mismatches: FigureMismatch[]): Promise<string> {
  const shown = mismatches.slice(0, SHOWN);
  const ids = [...new Set(shown.map((m) => m.unitId))];
  const names = new Map(
    (
      await queryRows<{ id: number; name: string }>(
        db,
        sql`select id, name from units where id = any(${`{${ids.join(',')}}`}::int[])`,
      )
    ).map((unit) => [Number(unit.id), unit.name]),
  );
  const clip = (name: string) => (name.length > 48 ? `${name.slice(0, 47)}…` : name);
  return table([
    ['Mã đơn vị', 'Tên đơn vị', 'Tháng', 'Chỉ tiêu', 'Kiểm đếm lại', 'Đang lưu'],
    ...shown.map((m) => [
      String(m.unitId),
      clip(names.get(m.unitId) ?? '(không còn đơn vị này)'),
      monthOf(m.month),
      m.metric,
      number(m.expected),
      number(m.stored),
    ]),
  ]);
}

const config = readConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateDatabase(database);
  const db = database.db;
  const mismatches = await verify(db, database.kind);
  const { units, figures, movements } = await sizes(db);
  // Every figure stored, and those the recount finds but the store lacks.
  const missing = mismatches.filter((m) => m.stored === 0).length;
  const atLeast = mismatches.length >= LIMIT ? 'ít nhất ' : '';
  console.log(
    `Đã kiểm tra ${number(units)} đơn vị: đối chiếu ${atLeast}${number(figures + movements + missing)} số liệu ` +
      `(${number(figures)} số liệu hiện tại, ${number(movements)} biến động theo tháng đang lưu).`,
  );
  if (mismatches.length === 0) {
    console.log(`Số liệu thống kê khớp với kiểm đếm lại. Thời gian: ${elapsed()}.`);
  } else {
    console.error(
      `SỐ LIỆU THỐNG KÊ LỆCH so với kiểm đếm lại: ${atLeast}${number(mismatches.length)} chỗ` +
        `${mismatches.length > SHOWN ? ` (${SHOWN} chỗ đầu tiên)` : ''}:\n`,
    );
    console.error(await describe(db, mismatches));
    console.error('');
    if (!repair) {
      console.error(
        `Thời gian: ${elapsed()}. Chạy lại với --repair (npm run stats:verify -- --repair) để dựng lại số liệu từ kiểm đếm.`,
      );
      process.exitCode = 1;
    } else {
      console.log(
        'Đang dựng lại số liệu thống kê từ kiểm đếm lại (các thao tác ghi phải chờ trong lúc này)…',
      );
      await unsafeRebuildStatistics(db);
      const left = await verify(db, database.kind);
      if (left.length === 0) {
        console.log(`Đã dựng lại: số liệu thống kê nay khớp với kiểm đếm lại. Thời gian: ${elapsed()}.`);
      } else {
        console.error(
          `Đã dựng lại, nhưng vẫn còn ${number(left.length)} chỗ lệch (có thao tác ghi xen vào?). Thời gian: ${elapsed()}.`,
        );
        process.exitCode = 1;
      }
    }
  }
} finally {
  await database.close();
}
