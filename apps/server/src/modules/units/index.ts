/** The units module: the union tree. Other modules enter only through this file. */
export { unitsRoutes, type UnitsRoutesOptions } from './units.routes.js';
export { findUnit, getUnitOrThrow, listUnitsInScopeByIds, toUnitDto, type UnitRow } from './units.queries.js';
export { movedPath, type SubtreeMove, type UnitLifecycleHooks } from './unit-moves.js';
export { insertUnit, type NewUnit, type ParentPlace } from './unit-insert.js';
export {
  unsafeFindRootUnit,
  unsafeFindUnitByCode,
  unsafeMembershipPlaces,
  unsafeProvinceLevelUnits,
  unsafeRoutingUnits,
  type RoutingUnit,
  unsafeSearchGrassrootsUnits,
  unsafeUnitIdsUnder,
  unsafeUnitSummaries,
  type MembershipPlace,
} from './units.system.js';
export { generateUnitCode } from './unit-codes.js';
