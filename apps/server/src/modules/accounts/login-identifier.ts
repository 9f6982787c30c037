import { USERNAME_PATTERN } from '@union/contracts/accounts';
import { normaliseVietnamesePhone } from '@union/contracts/vn-phone';

export type LoginIdentifier =
  { kind: 'phone'; value: string } | { kind: 'email'; value: string } | { kind: 'username'; value: string };

/** Officers sign in with a username or e-mail address; members with their phone number. */
export function classifyLogin(login: string): LoginIdentifier | undefined {
  const trimmed = login.trim();
  const phone = normaliseVietnamesePhone(trimmed);
  if (phone) return { kind: 'phone', value: phone };
  if (trimmed.includes('@')) return { kind: 'email', value: trimmed.toLowerCase() };
  const username = trimmed.toLowerCase();
  return USERNAME_PATTERN.test(username) ? { kind: 'username', value: username } : undefined;
}
