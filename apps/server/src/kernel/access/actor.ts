import type { Permission } from './permissions.js';

/** One current office, with what its role grants, at one place in the tree. */
export interface Grant {
  officeId: number;
  unitId: number;
  unitPath: string;
  role: string;
  permissions: ReadonlySet<Permission>;
}

/** Who is asking: a signed-in account and the offices it holds today. Expired terms are not here. */
export interface Actor {
  accountId: number;
  fullName: string;
  sessionId: number;
  ip: string;
  grants: readonly Grant[];
  /** A role held requires two-factor sign-in and the account has not enrolled. */
  totpSetupRequired: boolean;
}

/** The top-most paths where the actor holds `permission`; nested ones are dropped as redundant. */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  const paths = [
    ...new Set(actor.grants.filter((g) => g.permissions.has(permission)).map((g) => g.unitPath)),
  ].sort((a, b) => a.length - b.length);
  return paths.filter((path, i) => !paths.slice(0, i).some((outer) => path.startsWith(outer)));
}

export const holdsAnywhere = (actor: Actor, permission: Permission): boolean =>
  actor.grants.some((g) => g.permissions.has(permission));

/** May the actor do `permission` at the unit with this path (its own unit or anything below)? */
export const mayAt = (actor: Actor, permission: Permission, unitPath: string): boolean =>
  actor.grants.some((g) => g.permissions.has(permission) && unitPath.startsWith(g.unitPath));

/** Strictly above: for acts on a unit that only a higher level may take (move it, close it). */
export const mayAbove = (actor: Actor, permission: Permission, unitPath: string): boolean =>
  actor.grants.some(
    (g) => g.permissions.has(permission) && unitPath.startsWith(g.unitPath) && unitPath !== g.unitPath,
  );

/** The permissions the actor holds at a unit: the union over grants covering its path. */
export function permissionsAt(actor: Actor, unitPath: string): Set<Permission> {
  const granted = new Set<Permission>();
  for (const grant of actor.grants) {
    if (unitPath.startsWith(grant.unitPath)) grant.permissions.forEach((p) => granted.add(p));
  }
  return granted;
}
