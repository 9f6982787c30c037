import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp } from '../../test/support/index.js';
import { queryRows } from '../kernel/db/database.js';
import { unsafeVerifyStatistics } from '../modules/statistics/index.js';
import { loadDemoData } from './demo-data.js';

// The demo a new user starts on: it must load, and its figures must be the recount's.
it('loads the demo country with chairs, workforce and figures that agree with the recount', async () => {
  const t = await buildTestApp();
  try {
    await loadDemoData(t.db);
    expect(await unsafeVerifyStatistics(t.db)).toEqual([]);
    const [row] = await queryRows<{ members: string; workers: string; chairs: string }>(
      t.db,
      sql`select
        (select count(*) from members where status in ('active', 'suspended')) as members,
        (select sum(workers) from unit_workforce) as workers,
        (select count(*) from offices where role = 'grassroots_chair') as chairs`,
    );
    // Declared workforces are larger than the unions' memberships, so coverage stays below 100 %.
    expect(Number(row!.workers)).toBeGreaterThan(Number(row!.members) * 0.8);
    expect(Number(row!.chairs)).toBeGreaterThan(100);
  } finally {
    await t.close();
  }
}, 120_000);
