import { CHILD_TYPES, type UnitDto, type UnitType } from '@union/contracts/units';
import { mayAbove, mayAt, type Actor } from '../../kernel/access/actor.js';

export interface UnitFacts {
  type: string;
  path: string;
  parentId: number | null;
  status: string;
}

/**
 * What the actor may do to a unit it can see. Creating and editing happen at one's own unit and below;
 * moving and closing a unit take authority strictly above it, so no chair can move or close their own union.
 */
export function unitAbilities(actor: Actor, unit: UnitFacts): UnitDto['can'] {
  const active = unit.status === 'active';
  const isRoot = unit.parentId === null;
  return {
    createChild:
      active && CHILD_TYPES[unit.type as UnitType].length > 0 && mayAt(actor, 'units.create', unit.path),
    update: active && mayAt(actor, 'units.update', unit.path),
    move: active && !isRoot && mayAbove(actor, 'units.move', unit.path),
    dissolve: active && !isRoot && mayAbove(actor, 'units.dissolve', unit.path),
    manageOffices: active && mayAt(actor, 'offices.assign', unit.path),
    readAudit: mayAt(actor, 'audit.read', unit.path),
  };
}

export const mayHoldChild = (parentType: string, childType: string): boolean =>
  (CHILD_TYPES[parentType as UnitType] as readonly string[] | undefined)?.includes(childType) ?? false;
