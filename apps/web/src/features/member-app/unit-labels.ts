import type { RoleCode } from '@union/contracts/auth';
import type { UnitType } from '@union/contracts/units';
import type { TFunction } from 'i18next';

/** The UI's own name for a unit type, or what the server sent when the UI does not know the type. */
export function unitTypeLabel(t: TFunction, type: string): string {
  return t(`unitType.${type as UnitType}`, { defaultValue: type });
}

/** The UI's own name for a role (in the UI language), else the server's name for it. */
export function roleLabel(t: TFunction, role: string, serverName: string): string {
  return t(`role.${role as RoleCode}`, { defaultValue: serverName });
}
