import { describe, expect, it } from 'vitest';
import { daysLate, vietnamDateOf } from './voice-deadlines';

describe('vietnamDateOf', () => {
  it("gives the day in Vietnam, whatever the browser's zone", () => {
    // 17:00 UTC is midnight past in Hà Nội (UTC+7).
    expect(vietnamDateOf('2026-03-02T17:00:00Z')).toBe('2026-03-03');
    expect(vietnamDateOf('2026-03-02T16:59:59Z')).toBe('2026-03-02');
    expect(vietnamDateOf('2026-03-02')).toBe('2026-03-02');
  });
});

describe('daysLate', () => {
  const now = new Date('2026-03-10T03:00:00Z'); // 10/3/2026, 10:00 in Hà Nội

  it('counts whole calendar days past the deadline', () => {
    expect(daysLate('2026-03-06T10:59:59Z', now)).toBe(4); // due 6/3 17:59 Hà Nội
    expect(daysLate('2026-03-09T16:59:59Z', now)).toBe(1); // due the evening of 9/3
  });

  it('is 0 on the due day and before it', () => {
    expect(daysLate('2026-03-10T10:00:00Z', now)).toBe(0);
    expect(daysLate('2026-03-20T10:00:00Z', now)).toBe(0);
    expect(daysLate('not a date', now)).toBe(0);
  });
});
