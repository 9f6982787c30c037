/**
 * The catalogue of permissions, `capability.action`. Which role grants which is data (role_permissions);
 * this list only says what exists, so a route or a role naming anything else fails at start, and the web
 * app shows a screen only to those whose offices grant its permission.
 */
export const PERMISSIONS = [
  'units.read',
  'units.create',
  'units.update',
  'units.move',
  'units.dissolve',
  'offices.read',
  'offices.assign',
  'offices.end',
  'accounts.read',
  'accounts.create',
  'audit.read',
  'members.read',
  'members.admit',
  'members.update',
  'members.lifecycle',
  'members.transfer',
  'members.import',
  'members.export',
  'members.read_sensitive',
  'members.corrections',
  'statistics.read',
  'statistics.workforce',
  'cards.read',
  'cards.issue',
  'cards.revoke',
  'cards.benefits.record',
  'cards.benefits.read',
  'voice.handle',
  'voice.enter',
  'voice.analytics',
  'voice.surveys',
  'legal.consult',
  'legal.knowledge.edit',
  'legal.knowledge.review',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: string): value is Permission =>
  (PERMISSIONS as readonly string[]).includes(value);
