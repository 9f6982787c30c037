import { describe, expect, it } from 'vitest';
import { classifyLogin } from './login-identifier.js';

describe('classifyLogin', () => {
  it('tells phones, e-mail addresses and usernames apart', () => {
    expect(classifyLogin('0912345678')).toEqual({ kind: 'phone', value: '+84912345678' });
    expect(classifyLogin('CanBo@CongDoan.vn')).toEqual({ kind: 'email', value: 'canbo@congdoan.vn' });
    expect(classifyLogin('Hanoi.Officer')).toEqual({ kind: 'username', value: 'hanoi.officer' });
    expect(classifyLogin('tên có dấu')).toBeUndefined();
  });
});
