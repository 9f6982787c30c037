import type { MeDto } from '@union/contracts/accounts';
import type { RoleCode } from '@union/contracts/auth';

/** Offices that make a person a member, not an officer: they get the member app, not the console. */
const MEMBER_ROLES: readonly RoleCode[] = ['member'];

/**
 * The member app (phone-first, bottom tabs) for whoever holds no officer office; the console for the
 * rest. An officer who is also a member reaches their own card, union and notifications from the console.
 */
export function usesMemberApp(me: MeDto): boolean {
  return me.offices.every((office) => MEMBER_ROLES.includes(office.role));
}
