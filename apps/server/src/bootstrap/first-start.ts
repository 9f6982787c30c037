import { randomBytes } from 'node:crypto';
import { recordAudit } from '../kernel/audit/audit.js';
import type { Db } from '../kernel/db/database.js';
import { todayInVietnam } from '../kernel/time.js';
import { unsafeAssignOffice, unsafeCountAccounts, unsafeCreateAccount } from '../modules/accounts/index.js';
import { insertUnit, unsafeFindRootUnit, unsafeFindUnitByCode } from '../modules/units/index.js';
import { federationName, PROVINCES, PROVINCES_MERGED_ON } from './provinces.js';

export const CONFEDERATION_CODE = 'TLD';
// Công đoàn Việt Nam traces its founding to 28 July 1929.
const CONFEDERATION_FOUNDED_ON = '1929-07-28';

export interface FirstStartResult {
  /** True when this start created the administrator: the database was empty. */
  created: boolean;
  /** Set only when no ADMIN_PASSWORD was given: print it once, it is stored only as a hash. */
  generatedPassword?: string;
}

/** Loads reference data that every install has: the Confederation and the 34 provincial federations. */
export async function ensureReferenceUnits(db: Db) {
  const name = 'Tổng Liên đoàn Lao động Việt Nam';
  const existing = await unsafeFindRootUnit(db);
  const root = existing
    ? { id: existing.id, name: existing.name, path: existing.path, depth: existing.depth }
    : {
        name,
        ...(await insertUnit(db, null, {
          type: 'confederation',
          name,
          code: CONFEDERATION_CODE,
          establishedOn: CONFEDERATION_FOUNDED_ON,
        })),
      };
  const parent = { id: root.id, name: root.name, path: root.path, depth: root.depth, provinceId: null };
  for (const province of PROVINCES) {
    if (await unsafeFindUnitByCode(db, province.code)) continue;
    await insertUnit(db, parent, {
      type: 'provincial_federation',
      name: federationName(province),
      code: province.code,
      establishedOn: PROVINCES_MERGED_ON,
    });
  }
  return root;
}

/**
 * With an empty database: the Confederation, the provinces, and an administrator `admin` holding
 * confederation_admin at the root. Runs in one transaction, so a crash leaves nothing half-made.
 */
export async function ensureFirstStart(db: Db, adminPassword: string | undefined): Promise<FirstStartResult> {
  return db.transaction(async (tx) => {
    const root = await ensureReferenceUnits(tx);
    if ((await unsafeCountAccounts(tx)) > 0) return { created: false };
    const password = adminPassword ?? randomBytes(12).toString('base64url');
    const adminId = await unsafeCreateAccount(tx, {
      username: 'admin',
      fullName: 'Quản trị hệ thống',
      password,
    });
    await unsafeAssignOffice(tx, {
      accountId: adminId,
      unit: root,
      role: 'confederation_admin',
      termStart: todayInVietnam(),
    });
    await recordAudit(tx, null, {
      action: 'system.first_start',
      entityType: 'system',
      unitId: root.id,
      unitPath: root.path,
      details: {
        provinces: PROVINCES.length,
        adminAccountId: adminId,
        passwordFrom: adminPassword ? 'ADMIN_PASSWORD' : 'generated',
      },
    });
    return { created: true, generatedPassword: adminPassword ? undefined : password };
  });
}
