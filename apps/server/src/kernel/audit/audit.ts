import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditAction } from '@union/contracts/audit';
import type { Db } from '../db/database.js';
import { auditLog } from './audit.schema.js';

export interface AuditActor {
  accountId: number;
  ip: string;
}

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | number | null;
  unitId?: number | null;
  unitPath?: string | null;
  details?: Record<string, unknown>;
}

const GENESIS_HASH = '0'.repeat(64);
// Any fixed number: every appender takes the same transaction-scoped lock, so the chain has one order.
const CHAIN_LOCK_KEY = 73_102_025;

/** JSON with keys sorted at every level: jsonb reorders keys, so the hash must not depend on order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

interface ChainedFields {
  at: Date;
  actorId: number | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: number | null;
  unitPath: string | null;
  details: Record<string, unknown>;
}

export function chainHash(prevHash: string, row: ChainedFields): string {
  const content = stableStringify([
    row.at.toISOString(),
    row.actorId,
    row.ip,
    row.action,
    row.entityType,
    row.entityId,
    row.unitId,
    row.unitPath,
    row.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/**
 * Appends one entry to the hash chain. Call it inside the transaction of the write it records, so the
 * entry exists exactly when the change does.
 */
export async function recordAudit(db: Db, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.id))
      .limit(1);
    const row: ChainedFields = {
      at: new Date(),
      actorId: actor?.accountId ?? null,
      ip: actor?.ip ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      unitId: entry.unitId ?? null,
      unitPath: entry.unitPath ?? null,
      details: entry.details ?? {},
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx.insert(auditLog).values({ ...row, prevHash, hash: chainHash(prevHash, row) });
  });
}

export interface AuditChainReport {
  checked: number;
  ok: boolean;
  /** The first entry whose content, link or position no longer matches the chain. */
  firstBrokenId: number | null;
  problem: 'content_changed' | 'link_broken' | null;
}

/** Walks the whole chain in id order, in batches, and reports the first edited, removed or inserted entry. */
export async function verifyAuditChain(db: Db, batchSize = 5_000): Promise<AuditChainReport> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, afterId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    for (const row of rows) {
      if (row.prevHash !== prevHash)
        return { checked, ok: false, firstBrokenId: row.id, problem: 'link_broken' };
      if (chainHash(prevHash, row) !== row.hash) {
        return { checked, ok: false, firstBrokenId: row.id, problem: 'content_changed' };
      }
      prevHash = row.hash;
      checked += 1;
    }
    if (rows.length < batchSize) return { checked, ok: true, firstBrokenId: null, problem: null };
    afterId = rows[rows.length - 1]!.id;
  }
}

export interface AuditQuery {
  pathPrefix: string;
  limit: number;
  beforeId?: number;
  action?: string;
  actorId?: number;
  from?: string;
  to?: string;
}

/** Entries about one subtree, newest first, keyset-paged by id (the index is (unit_path, id)). */
export async function listAuditEntries(db: Db, query: AuditQuery) {
  const filters: SQL[] = [like(auditLog.unitPath, `${query.pathPrefix}%`)];
  if (query.beforeId !== undefined) filters.push(lt(auditLog.id, query.beforeId));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.actorId !== undefined) filters.push(eq(auditLog.actorId, query.actorId));
  if (query.from) filters.push(gte(auditLog.at, new Date(`${query.from}T00:00:00+07:00`)));
  if (query.to)
    filters.push(lt(auditLog.at, new Date(new Date(`${query.to}T00:00:00+07:00`).getTime() + 86_400_000)));
  return db
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
}
