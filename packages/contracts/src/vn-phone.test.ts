import { describe, expect, it } from 'vitest';
import { normaliseVietnamesePhone } from './vn-phone.js';

describe('normaliseVietnamesePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['84 912 345 678', '+84912345678'],
    ['0386.123.456', '+84386123456'],
  ])('%s → %s', (input, normalised) => expect(normaliseVietnamesePhone(input)).toBe(normalised));

  it.each(['0212345678', '091234567', '09123456789', '0612345678', 'abc'])('refuses %s', (input) => {
    expect(normaliseVietnamesePhone(input)).toBeUndefined();
  });
});
