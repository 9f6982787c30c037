/**
 * A member code grouped for reading aloud and copying by eye: "DV0000001238" → "DV 0000 001 238",
 * ten digits in 4-3-3 as Vietnamese group a phone number; any other length in fours.
 */
export function groupMemberCode(code: string): string {
  const match = /^([A-Za-z]*)(\d+)$/.exec(code);
  if (!match) return code;
  const [, prefix = '', digits = ''] = match;
  const groups =
    digits.length === 10
      ? [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)]
      : (digits.match(/\d{1,4}/g) ?? [digits]);
  return [prefix, ...groups].filter(Boolean).join(' ');
}
