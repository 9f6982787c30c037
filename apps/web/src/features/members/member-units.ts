import { useQuery } from '@tanstack/react-query';
import type { UnitType } from '@union/contracts/units';
import { useMe } from '../auth/session';
import { fetchUnit } from '../units/api';
import type { UnitChoice } from '../units/components/UnitPicker';

/** Where members belong: a grassroots union or guild, or a branch or group inside one. */
export const MEMBER_UNIT_TYPES: readonly UnitType[] = [
  'grassroots_union',
  'grassroots_guild',
  'union_branch',
  'union_group',
];

export const holdsMembers = (unit: { type: UnitType }) => MEMBER_UNIT_TYPES.includes(unit.type);

/** The units where the user holds office, offered before they type; optionally only those that hold members. */
export function useOfficeUnits(onlyMemberUnits = false): UnitChoice[] {
  const me = useMe();
  const units = new Map<number, UnitChoice>();
  for (const office of me.offices) {
    units.set(office.unitId, { id: office.unitId, name: office.unitName, type: office.unitType });
  }
  return [...units.values()].filter((unit) => !onlyMemberUnits || holdsMembers(unit));
}

/** A unit known only by id (from the address): named from the user's offices, or asked of the server. */
export function useUnitChoice(unitId: number | undefined): UnitChoice | null {
  const offices = useOfficeUnits();
  const known = offices.find((unit) => unit.id === unitId);
  const unit = useQuery({
    // The units feature's key for one unit, so both share the answer.
    queryKey: ['units', 'detail', unitId],
    queryFn: () => fetchUnit(unitId!),
    enabled: unitId !== undefined && !known,
  });
  if (unitId === undefined) return null;
  return known ?? unit.data ?? null;
}
