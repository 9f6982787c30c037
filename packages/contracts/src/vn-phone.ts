/** Vietnamese mobile numbers: 0(3|5|7|8|9) + 8 digits, or the same after +84 (domain.md §7.3). */
export const VN_MOBILE_PATTERN = /^(?:0|\+?84)(3|5|7|8|9)\d{8}$/;

/** Stored as +84 followed by nine digits, however they were typed ("0912 345 678", "84912345678"…). */
export function normaliseVietnamesePhone(input: string): string | undefined {
  const compact = input.replace(/[\s.()-]/g, '');
  if (!VN_MOBILE_PATTERN.test(compact)) return undefined;
  return `+84${compact.replace(/^(?:\+?84|0)/, '')}`;
}
