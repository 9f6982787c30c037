import { LEVEL_TWO_TYPES, type UnitType } from '@union/contracts/units';

const TYPE_ABBREVIATIONS: Record<UnitType, string> = {
  confederation: 'TLD',
  provincial_federation: 'LDLD',
  sector_union: 'CDN',
  corporate_union: 'CDTCT',
  upper_union: 'CTCS',
  commune_union: 'CDX',
  industrial_zone_union: 'KCN',
  grassroots_union: 'CDCS',
  grassroots_guild: 'NDCS',
  union_branch: 'CDBP',
  union_group: 'TO',
};

/**
 * A code for a unit created without one: the level-2 unit's code, the type's abbreviation and the id
 * ("01-CDCS000123"). Ids are never reused, so neither are generated codes.
 */
export function generateUnitCode(type: UnitType, id: number, levelTwoCode: string | null): string {
  const serial = `${TYPE_ABBREVIATIONS[type]}${String(id).padStart(6, '0')}`;
  if (LEVEL_TWO_TYPES.includes(type)) return serial;
  return levelTwoCode ? `${levelTwoCode}-${serial}` : serial;
}
