import { describe, expect, it } from 'vitest';
import { MEMBER_CODE_PATTERN } from '@union/contracts/members';
import { isValidMemberCode, luhnCheckDigit, memberCodeFromSerial } from './member-codes.js';

/** Serials spread over the range: small ones (mostly zeros), and larger ones with every digit. */
const SERIALS = [
  1, 2, 9, 10, 18, 42, 99, 100, 909, 1234, 90_909, 314_159, 1_000_000, 8_675_309, 12_345_678, 123_456_789,
  987_654_321, 999_999_999,
];

const digitsOf = (code: string) => code.slice(2);
const withDigits = (digits: string) => `DV${digits}`;

describe('member codes', () => {
  it('are DV, the serial in 9 digits, and a Luhn check digit', () => {
    expect(memberCodeFromSerial(1)).toBe('DV0000000018');
    expect(memberCodeFromSerial(123_456_789)).toBe('DV1234567897');
    expect(memberCodeFromSerial(999_999_999)).toBe('DV9999999999');
    for (const serial of SERIALS) {
      const code = memberCodeFromSerial(serial);
      expect(code).toMatch(MEMBER_CODE_PATTERN);
      expect(Number(code.slice(2, 11))).toBe(serial);
      expect(isValidMemberCode(code)).toBe(true);
    }
  });

  it('computes the textbook Luhn digit', () => {
    // 7992739871 → 3 (the worked example of ISO/IEC 7812-1); 0 when the payload already sums to 10.
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('000000000')).toBe(0);
    expect(luhnCheckDigit('000000005')).toBe(9);
  });

  it('gives different serials different codes', () => {
    const codes = new Set(Array.from({ length: 5000 }, (_, i) => memberCodeFromSerial(i + 1)));
    expect(codes.size).toBe(5000);
  });

  it('detects every single mistyped digit, anywhere in the code', () => {
    const undetected: string[] = [];
    for (const serial of SERIALS) {
      const digits = digitsOf(memberCodeFromSerial(serial));
      for (let position = 0; position < digits.length; position++) {
        for (let digit = 0; digit <= 9; digit++) {
          if (String(digit) === digits[position]) continue;
          const typed = withDigits(`${digits.slice(0, position)}${digit}${digits.slice(position + 1)}`);
          if (isValidMemberCode(typed)) undetected.push(typed);
        }
      }
    }
    expect(undetected).toEqual([]);
  });

  it('detects two neighbouring digits swapped, except 0 and 9 (the blind spot of Luhn)', () => {
    const undetected: string[] = [];
    const blindSpots: string[] = [];
    for (const serial of SERIALS) {
      const digits = digitsOf(memberCodeFromSerial(serial));
      for (let position = 0; position + 1 < digits.length; position++) {
        const [a, b] = [digits[position]!, digits[position + 1]!];
        if (a === b) continue;
        const typed = withDigits(`${digits.slice(0, position)}${b}${a}${digits.slice(position + 2)}`);
        const zeroNine = `${a}${b}` === '09' || `${a}${b}` === '90';
        if (isValidMemberCode(typed)) (zeroNine ? blindSpots : undetected).push(typed);
      }
    }
    expect(undetected).toEqual([]);
    // The serials above include 0/9 neighbours: the exception is real, and the only one.
    expect(blindSpots.length).toBeGreaterThan(0);
  });

  it('refuses what is not a member code at all', () => {
    for (const code of ['DV000000001', 'DV00000000180', 'dv0000000018', 'DX0000000018', 'DV00000000I8', ''])
      expect(isValidMemberCode(code)).toBe(false);
  });
});
