import { type AssignOfficeBody, type EndOfficeBody, OfficeDto, RoleDto } from '@union/contracts/accounts';
import { z } from 'zod';
import { api } from '../../app/api-client';

/** Current and past offices: the officers tab shows terms that have ended too. */
export const fetchUnitOffices = (unitId: number) =>
  api(`/units/${unitId}/offices`, { query: { includePast: true }, schema: z.array(OfficeDto) });

export const assignOffice = (unitId: number, body: AssignOfficeBody) =>
  api(`/units/${unitId}/offices`, { method: 'POST', body });

export const endOffice = (officeId: number, body: EndOfficeBody) =>
  api(`/offices/${officeId}/end`, { method: 'POST', body });

/** Roles as data: where each may be held and what it grants. */
export const fetchRoles = () => api('/roles', { schema: z.array(RoleDto) });
