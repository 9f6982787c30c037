import { USERNAME_PATTERN, VN_MOBILE_PATTERN } from '@union/contracts/accounts';

export type LoginIdentifier =
  { kind: 'phone'; value: string } | { kind: 'email'; value: string } | { kind: 'username'; value: string };

/** Vietnamese mobile numbers are stored as +84 followed by nine digits, however they were typed. */
export function normalisePhone(input: string): string | undefined {
  const compact = input.replace(/[\s.()-]/g, '');
  if (!VN_MOBILE_PATTERN.test(compact)) return undefined;
  return `+84${compact.replace(/^(?:\+?84|0)/, '')}`;
}

/** Officers sign in with a username or e-mail address; members with their phone number. */
export function classifyLogin(login: string): LoginIdentifier | undefined {
  const trimmed = login.trim();
  const phone = normalisePhone(trimmed);
  if (phone) return { kind: 'phone', value: phone };
  if (trimmed.includes('@')) return { kind: 'email', value: trimmed.toLowerCase() };
  const username = trimmed.toLowerCase();
  return USERNAME_PATTERN.test(username) ? { kind: 'username', value: username } : undefined;
}
