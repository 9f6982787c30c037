import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/**
 * The union tree. `path` is the materialised path of ids ("/1/14/203/"; the trailing slash keeps /1/14/
 * from matching /1/140/), indexed for prefix scans. `parent_id` is the legal place in the tree;
 * `managing_unit_id` is who manages it day to day — the 2025 reorganisation made them differ.
 */
export const units = pgTable(
  'units',
  {
    // By default, not always: the id is drawn first because the path and the code are built from it.
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    type: text('type').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id),
    managingUnitId: integer('managing_unit_id').references((): AnyPgColumn => units.id),
    /** The level-2 ancestor (provincial federation, sector or corporate union): the Citus distribution key. */
    provinceId: integer('province_id'),
    path: text('path').notNull(),
    depth: smallint('depth').notNull(),
    status: text('status').notNull().default('active'),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => units.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    uniqueIndex('units_path_key').on(t.path.op('text_pattern_ops')),
    index('units_parent_idx').on(t.parentId, t.nameFolded),
    index('units_managing_idx').on(t.managingUnitId),
    index('units_name_trgm_idx').using('gin', t.nameFolded.op('gin_trgm_ops')),
    uniqueIndex('units_single_root')
      .on(sql`(true)`)
      .where(sql`${t.parentId} is null`),
    check('units_status_check', sql`${t.status} in ('active', 'merged', 'dissolved')`),
    check(
      'units_type_check',
      sql`${t.type} in ('confederation', 'provincial_federation', 'sector_union', 'corporate_union', 'upper_union',
        'commune_union', 'industrial_zone_union', 'grassroots_union', 'grassroots_guild', 'union_branch', 'union_group')`,
    ),
  ],
);

/** Where each unit sat, and when: the old structure stays visible after moves and merges. */
export const unitPlacements = pgTable(
  'unit_placements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    parentId: integer('parent_id').references(() => units.id),
    path: text('path').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** Exclusive; null while current. */
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    index('unit_placements_parent_idx').on(t.parentId, t.validFrom),
    index('unit_placements_unit_idx').on(t.unitId, t.validFrom),
  ],
);

/** One administrative decision (a move, a bulk re-parenting, a merge, a dissolution). */
export const unitOperations = pgTable('unit_operations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind').notNull(),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  recordedBy: integer('recorded_by'),
  reason: text('reason'),
  unitCount: integer('unit_count').notNull(),
});

/** A unit's history as dated events. */
export const unitEvents = pgTable(
  'unit_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    type: text('type').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: integer('recorded_by'),
    operationId: integer('operation_id').references(() => unitOperations.id),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('unit_events_unit_idx').on(t.unitId, t.effectiveOn, t.id)],
);
