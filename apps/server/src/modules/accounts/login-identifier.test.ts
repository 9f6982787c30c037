import { describe, expect, it } from 'vitest';
import { classifyLogin, normalisePhone } from './login-identifier.js';

describe('normalisePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['84 912 345 678', '+84912345678'],
    ['0386.123.456', '+84386123456'],
  ])('%s → %s', (input, normalised) => expect(normalisePhone(input)).toBe(normalised));

  it.each(['0212345678', '091234567', '09123456789', '0612345678', 'abc'])('refuses %s', (input) => {
    expect(normalisePhone(input)).toBeUndefined();
  });
});

describe('classifyLogin', () => {
  it('tells phones, e-mail addresses and usernames apart', () => {
    expect(classifyLogin('0912345678')).toEqual({ kind: 'phone', value: '+84912345678' });
    expect(classifyLogin('CanBo@CongDoan.vn')).toEqual({ kind: 'email', value: 'canbo@congdoan.vn' });
    expect(classifyLogin('Hanoi.Officer')).toEqual({ kind: 'username', value: 'hanoi.officer' });
    expect(classifyLogin('tên có dấu')).toBeUndefined();
  });
});
