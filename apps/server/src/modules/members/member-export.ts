import { PassThrough } from 'node:stream';
import { and, asc, gt } from 'drizzle-orm';
import type { ExportQuery, MemberStatus } from '@union/contracts/members';
import type { Db } from '../../kernel/db/database.js';
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { DomainError } from '../../kernel/errors.js';
import { memberFilters, queryCondition, unitNames } from './members.queries.js';
import { members } from './members.schema.js';
import { fieldsOf } from './members.service.js';
import { writeMemberCsv, writeMemberXlsx, type ExportRow } from './spreadsheet/write-member-sheet.js';

const EXPORT_BATCH = 2_000;

export const STATUS_LABELS: Record<MemberStatus, string> = {
  active: 'Đang sinh hoạt',
  suspended: 'Tạm dừng sinh hoạt',
  left: 'Đã ra khỏi tổ chức',
  expelled: 'Bị khai trừ',
  deceased: 'Đã từ trần',
};

/**
 * The filtered list, read in id order one batch at a time: a whole province streams to the client
 * without being held in memory. Sensitive fields never leave in an export.
 */
async function* exportRows(db: Db, filters: ReturnType<typeof and>[]): AsyncGenerator<ExportRow> {
  let after = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(members)
      .where(and(...filters, gt(members.id, after)))
      .orderBy(asc(members.id))
      .limit(EXPORT_BATCH);
    if (batch.length === 0) return;
    const names = await unitNames(
      db,
      batch.map((row) => row.unitId),
    );
    for (const row of batch) {
      yield {
        ...fieldsOf(row),
        ethnicity: null,
        religion: null,
        sensitiveDataConsent: false,
        memberCode: row.memberCode,
        unitName: names.get(row.unitId) ?? '',
        status: STATUS_LABELS[row.status as MemberStatus],
      };
    }
    after = batch.at(-1)!.id;
  }
}

export async function exportMembers(db: Db, actor: Actor, query: ExportQuery) {
  const filters = await memberFilters(db, actor, query, 'members.export');
  if (!filters) throw new DomainError('member.not_found');
  await recordAudit(db, actor, {
    action: 'member.export',
    entityType: 'member',
    details: { ...query },
  });
  const out = new PassThrough();
  const rows = exportRows(db, [...filters, queryCondition(query.q)]);
  const write = query.format === 'csv' ? writeMemberCsv(rows, out) : writeMemberXlsx(rows, out);
  write.catch((error: unknown) => out.destroy(error as Error));
  return out;
}
