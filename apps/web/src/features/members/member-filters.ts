import { IsoDate } from '@union/contracts/common';
import { AgeBand, MemberStatus, Sex } from '@union/contracts/members';
import type { z } from 'zod';
import type { MemberFilters } from './api';

/** The list's filters live in the address, so that back, reload and a shared link keep them. */
export function filtersFromParams(params: URLSearchParams): MemberFilters {
  const unitId = Number(params.get('unitId'));
  const pick = <S extends z.ZodType>(schema: S, key: string): z.output<S> | undefined => {
    const parsed = schema.safeParse(params.get(key));
    return parsed.success ? parsed.data : undefined;
  };
  return {
    q: params.get('q')?.trim() || undefined,
    unitId: Number.isSafeInteger(unitId) && unitId > 0 ? unitId : undefined,
    status: pick(MemberStatus, 'status'),
    sex: pick(Sex, 'sex'),
    ageBand: pick(AgeBand, 'ageBand'),
    employer: params.get('employer')?.trim() || undefined,
    joinedFrom: pick(IsoDate, 'joinedFrom'),
    joinedTo: pick(IsoDate, 'joinedTo'),
  };
}

export function filtersToParams(filters: MemberFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params[key] = String(value);
  }
  return params;
}

/** How many filters (search aside) narrow the list: the count on the filter button. */
export function activeFilterCount(filters: MemberFilters): number {
  const { q: _q, ...rest } = filters;
  return Object.values(rest).filter((value) => value !== undefined && value !== '').length;
}
