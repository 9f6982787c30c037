import { z } from 'zod';
import { Id, IsoDate, PageQuery, pageOf } from './common.js';

/** Unit types: the code names of the glossary, from the Confederation down to a union group. */
export const UNIT_TYPES = [
  'confederation',
  'provincial_federation',
  'sector_union',
  'corporate_union',
  'upper_union',
  'commune_union',
  'industrial_zone_union',
  'grassroots_union',
  'grassroots_guild',
  'union_branch',
  'union_group',
] as const;
export const UnitType = z.enum(UNIT_TYPES, { error: 'unit.unknown_type' });
export type UnitType = z.infer<typeof UnitType>;

/**
 * Which child types each unit type may hold (domain.md §1). A grassroots union never sits under a
 * union group; a union group sits only under a grassroots union, guild or branch.
 */
export const CHILD_TYPES: Record<UnitType, readonly UnitType[]> = {
  confederation: ['provincial_federation', 'sector_union', 'corporate_union', 'upper_union'],
  provincial_federation: [
    'upper_union',
    'commune_union',
    'industrial_zone_union',
    'grassroots_union',
    'grassroots_guild',
  ],
  sector_union: ['upper_union', 'grassroots_union', 'grassroots_guild'],
  corporate_union: ['upper_union', 'grassroots_union'],
  upper_union: ['grassroots_union', 'grassroots_guild'],
  commune_union: ['grassroots_union', 'grassroots_guild'],
  industrial_zone_union: ['grassroots_union'],
  grassroots_union: ['union_branch', 'union_group'],
  grassroots_guild: ['union_branch', 'union_group'],
  union_branch: ['union_group'],
  union_group: [],
};

/** Level-2 types: a unit's `provinceId` is its ancestor (or itself) of one of these types. */
export const LEVEL_TWO_TYPES: readonly UnitType[] = [
  'provincial_federation',
  'sector_union',
  'corporate_union',
];
export const GRASSROOTS_TYPES: readonly UnitType[] = ['grassroots_union', 'grassroots_guild'];

export const UNIT_NAME_MAX = 200;
export const UNIT_CODE_MAX = 32;
export const UNIT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9.-]*$/;
export const BULK_MOVE_MAX = 20_000;

export const UnitStatus = z.enum(['active', 'merged', 'dissolved']);
export type UnitStatus = z.infer<typeof UnitStatus>;

const UnitName = z.string().trim().min(2).max(UNIT_NAME_MAX);
const UnitCode = z.string().trim().toUpperCase().max(UNIT_CODE_MAX).regex(UNIT_CODE_PATTERN);

export const UnitSummaryDto = z.object({
  id: z.number(),
  type: UnitType,
  code: z.string(),
  name: z.string(),
  path: z.string(),
});
export type UnitSummaryDto = z.infer<typeof UnitSummaryDto>;

export const UnitDto = UnitSummaryDto.extend({
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  managingUnitId: z.number().nullable(),
  managingUnitName: z.string().nullable(),
  provinceId: z.number().nullable(),
  depth: z.number(),
  status: UnitStatus,
  childCount: z.number(),
  establishedOn: z.string(),
  closedOn: z.string().nullable(),
  /** What the caller may do here, so the UI hides what it may not. */
  can: z.object({
    createChild: z.boolean(),
    update: z.boolean(),
    move: z.boolean(),
    dissolve: z.boolean(),
    manageOffices: z.boolean(),
    readAudit: z.boolean(),
  }),
});
export type UnitDto = z.infer<typeof UnitDto>;

export const UnitPage = pageOf(UnitDto);
export type UnitPage = z.infer<typeof UnitPage>;

export const CreateUnitBody = z.object({
  parentId: Id,
  type: UnitType,
  name: UnitName,
  code: UnitCode.optional(),
  managingUnitId: Id.optional(),
  establishedOn: IsoDate.optional(),
});
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z
  .object({ name: UnitName.optional(), code: UnitCode.optional(), managingUnitId: Id.nullable().optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'unit.update_empty',
  });
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

export const UnitChildrenQuery = PageQuery.extend({
  /** See the structure as it stood on a past date (history of moves and merges). */
  at: IsoDate.optional(),
  includeClosed: z.stringbool().default(false),
});
export type UnitChildrenQuery = z.infer<typeof UnitChildrenQuery>;

export const UNIT_SEARCH_MIN = 2;
export const UnitSearchQuery = PageQuery.extend({
  q: z.string().trim().min(UNIT_SEARCH_MIN).max(100),
  under: Id.optional(),
  type: UnitType.optional(),
});
export type UnitSearchQuery = z.infer<typeof UnitSearchQuery>;

export const MoveUnitBody = z.object({
  newParentId: Id,
  effectiveOn: IsoDate,
  reason: z.string().trim().max(500).optional(),
});
export type MoveUnitBody = z.infer<typeof MoveUnitBody>;

/** Re-parent many units at once (the 2025 reorganisation): listed ids, or every active child of a unit. */
export const BulkMoveUnitsBody = z
  .object({
    unitIds: z.array(Id).min(1).max(BULK_MOVE_MAX).optional(),
    fromParentId: Id.optional(),
    types: z.array(UnitType).min(1).optional(),
    newParentId: Id,
    effectiveOn: IsoDate,
    reason: z.string().trim().max(500).optional(),
  })
  .refine((body) => (body.unitIds === undefined) !== (body.fromParentId === undefined), {
    message: 'unit.bulk_move_source',
    path: ['unitIds'],
  });
export type BulkMoveUnitsBody = z.infer<typeof BulkMoveUnitsBody>;

export const BulkMoveResultDto = z.object({ moved: z.number(), operationId: z.number() });
export type BulkMoveResultDto = z.infer<typeof BulkMoveResultDto>;

export const MergeUnitBody = z.object({
  intoUnitId: Id,
  effectiveOn: IsoDate,
  reason: z.string().trim().max(500).optional(),
});
export type MergeUnitBody = z.infer<typeof MergeUnitBody>;

export const DissolveUnitBody = z.object({
  effectiveOn: IsoDate,
  reason: z.string().trim().max(500).optional(),
});
export type DissolveUnitBody = z.infer<typeof DissolveUnitBody>;

export const UnitEventType = z.enum([
  'established',
  'moved',
  'merged',
  'absorbed',
  'dissolved',
  'renamed',
  'managing_changed',
]);
export type UnitEventType = z.infer<typeof UnitEventType>;

export const UnitEventDto = z.object({
  id: z.number(),
  type: UnitEventType,
  effectiveOn: z.string(),
  recordedAt: z.string(),
  recordedById: z.number().nullable(),
  recordedByName: z.string().nullable(),
  reason: z.string().nullable(),
  operationId: z.number().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type UnitEventDto = z.infer<typeof UnitEventDto>;
