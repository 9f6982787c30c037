import {
  BulkMoveResultDto,
  type BulkMoveUnitsBody,
  type CreateUnitBody,
  type DissolveUnitBody,
  type MergeUnitBody,
  MoveUnitBody,
  type UpdateUnitBody,
  UnitDto,
  UnitEventDto,
  UnitPage,
  UnitSummaryDto,
} from '@union/contracts/units';
import { z } from 'zod';
import { api } from '../../app/api-client';

const CHILDREN_PAGE_SIZE = 50;
const SEARCH_RESULT_LIMIT = 20;
/** The contract's limit on a move, merge or dissolution reason, for the textarea's counter. */
export const REASON_MAX = MoveUnitBody.shape.reason.unwrap().maxLength ?? undefined;

export const fetchRootUnits = () => api('/units/roots', { schema: z.array(UnitDto) });

export const fetchUnit = (unitId: number) => api(`/units/${unitId}`, { schema: UnitDto });

/** Which children to list: as they stand now (optionally with closed ones), or as they stood on a past date. */
export type ChildrenView = { at?: string; includeClosed?: boolean };

export const fetchUnitChildren = (unitId: number, view: ChildrenView, cursor: string | undefined) =>
  api(`/units/${unitId}/children`, {
    query: { limit: CHILDREN_PAGE_SIZE, cursor, at: view.at, includeClosed: view.includeClosed },
    schema: UnitPage,
  });

export const searchUnits = (q: string, signal?: AbortSignal) =>
  api('/units', { query: { q, limit: SEARCH_RESULT_LIMIT }, schema: UnitPage, signal });

/** From the top of the caller's scope down to the unit's parent. */
export const fetchUnitAncestors = (unitId: number) =>
  api(`/units/${unitId}/ancestors`, { schema: z.array(UnitSummaryDto) });

export const fetchUnitHistory = (unitId: number) =>
  api(`/units/${unitId}/history`, { schema: z.array(UnitEventDto) });

export const createUnit = (body: CreateUnitBody) => api('/units', { method: 'POST', body, schema: UnitDto });

export const updateUnit = (unitId: number, body: UpdateUnitBody) =>
  api(`/units/${unitId}`, { method: 'PATCH', body });

export const moveUnit = (unitId: number, body: MoveUnitBody) =>
  api(`/units/${unitId}/move`, { method: 'POST', body });

export const mergeUnit = (unitId: number, body: MergeUnitBody) =>
  api(`/units/${unitId}/merge`, { method: 'POST', body });

export const dissolveUnit = (unitId: number, body: DissolveUnitBody) =>
  api(`/units/${unitId}/dissolve`, { method: 'POST', body });

export const bulkMoveUnits = (body: BulkMoveUnitsBody) =>
  api('/units/bulk-move', { method: 'POST', body, schema: BulkMoveResultDto });
