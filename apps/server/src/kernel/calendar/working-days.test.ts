import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PUBLIC_HOLIDAYS, type CalendarDay } from './public-holidays.js';
import { vietnamCalendar, WorkingCalendar } from './working-days.js';

/** An instant at a wall-clock time in Vietnam (UTC+7). */
function vietnamTime(year: number, month: number, day: number, hour = 9, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour - 7, minute));
}

/** The end of a calendar day in Vietnam: 23:59:59.999 UTC+7. */
function endOfVietnamDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day, 23 - 7, 59, 59, 999));
}

describe('vietnamCalendar.addWorkingDays', () => {
  it('counts from the day after a Friday, skipping the weekend', () => {
    // Friday 7/3/2025 + 2 → Monday, Tuesday.
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2025, 3, 7), 2)).toEqual(endOfVietnamDay(2025, 3, 11));
  });

  it('counts a concern received on a Saturday like one received on the Friday', () => {
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2025, 3, 8), 2)).toEqual(endOfVietnamDay(2025, 3, 11));
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2025, 3, 9, 23, 30), 2)).toEqual(
      endOfVietnamDay(2025, 3, 11),
    );
  });

  it('reads the day of `start` in Vietnam time, not UTC', () => {
    // 16:59 UTC on Thursday is still Thursday 23:59 in Vietnam; 17:00 UTC is already Friday.
    expect(vietnamCalendar.addWorkingDays(new Date('2025-03-06T16:59:59.999Z'), 1)).toEqual(
      endOfVietnamDay(2025, 3, 7),
    );
    expect(vietnamCalendar.addWorkingDays(new Date('2025-03-06T17:00:00.000Z'), 1)).toEqual(
      endOfVietnamDay(2025, 3, 10),
    );
  });

  it('skips Tết Bính Ngọ 2026 (14/2–22/2)', () => {
    // Friday 13/2/2026 + 3: Tết and its weekends are off, so Monday 23, Tuesday 24, Wednesday 25.
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2026, 2, 13), 3)).toEqual(endOfVietnamDay(2026, 2, 25));
    // Received during Tết: counting starts after Tết.
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2026, 2, 18), 1)).toEqual(endOfVietnamDay(2026, 2, 23));
  });

  it('skips 30/4–1/5 2025 and the Friday swapped for a Saturday', () => {
    // Tuesday 29/4/2025 + 2: 30/4, 1/5 holidays, 2/5 swapped off, 3–4/5 weekend → Monday 5, Tuesday 6.
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2025, 4, 29), 2)).toEqual(endOfVietnamDay(2025, 5, 6));
  });

  it('skips Quốc khánh 2025 (1/9 and 2/9) and 2026 (31/8–2/9)', () => {
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2025, 8, 29), 1)).toEqual(endOfVietnamDay(2025, 9, 3));
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2026, 8, 28), 1)).toEqual(endOfVietnamDay(2026, 9, 3));
  });

  it('counts the make-up working Saturdays', () => {
    // Friday 25/4/2025 + 1 → Saturday 26/4/2025, worked in exchange for Friday 2/5.
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2025, 4, 25), 1)).toEqual(endOfVietnamDay(2025, 4, 26));
    // Tết Dương lịch 2026: Friday 2/1 off, Saturday 10/1 worked.
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2025, 12, 31), 1)).toEqual(endOfVietnamDay(2026, 1, 5));
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2026, 1, 9), 1)).toEqual(endOfVietnamDay(2026, 1, 10));
    expect(vietnamCalendar.isWorkingDay('2024-05-04')).toBe(true);
    expect(vietnamCalendar.isWorkingDay('2026-08-22')).toBe(true);
  });

  it('with zero days, is due at the end of today when today is a working day, else of the next one', () => {
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2025, 3, 5, 10), 0)).toEqual(
      endOfVietnamDay(2025, 3, 5),
    );
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2025, 3, 8), 0)).toEqual(endOfVietnamDay(2025, 3, 10));
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2026, 2, 17), 0)).toEqual(endOfVietnamDay(2026, 2, 23));
  });

  it('falls back to weekends only in a year without data', () => {
    expect(vietnamCalendar.isWorkingDay('2030-01-01')).toBe(true);
    expect(vietnamCalendar.isWorkingDay('2030-01-05')).toBe(false);
    // Friday 4/1/2030 + 2 → Tuesday 8/1/2030.
    expect(vietnamCalendar.addWorkingDays(vietnamTime(2030, 1, 4), 2)).toEqual(endOfVietnamDay(2030, 1, 8));
  });

  it('ends the day in another time zone when asked, across a DST change', () => {
    // Friday 28/3/2025 in Berlin + 2 → Tuesday 1/4, 23:59:59.999 CEST (UTC+2), after the spring change.
    expect(vietnamCalendar.addWorkingDays(new Date('2025-03-28T10:00:00Z'), 2, 'Europe/Berlin')).toEqual(
      new Date('2025-04-01T21:59:59.999Z'),
    );
    expect(vietnamCalendar.addWorkingDays(new Date('2025-03-07T10:00:00Z'), 2, 'UTC')).toEqual(
      new Date('2025-03-11T23:59:59.999Z'),
    );
  });

  it('refuses a negative or fractional number of days and an invalid date', () => {
    expect(() => vietnamCalendar.addWorkingDays(vietnamTime(2025, 3, 7), -1)).toThrow(RangeError);
    expect(() => vietnamCalendar.addWorkingDays(vietnamTime(2025, 3, 7), 1.5)).toThrow(RangeError);
    expect(() => vietnamCalendar.addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
    expect(() => vietnamCalendar.isWorkingDay('2025-02-30')).toThrow(RangeError);
  });
});

describe('vietnamCalendar.isWorkingDay', () => {
  it('treats holidays, Tết and compensatory days as days off, even on weekdays', () => {
    expect(vietnamCalendar.isWorkingDay('2024-02-13')).toBe(false); // nghỉ bù Tết Giáp Thìn
    expect(vietnamCalendar.isWorkingDay('2025-01-27')).toBe(false); // Tết Ất Tỵ
    expect(vietnamCalendar.isWorkingDay('2026-04-27')).toBe(false); // nghỉ bù Giỗ Tổ (Sunday 26/4)
    expect(vietnamCalendar.isWorkingDay('2026-01-02')).toBe(false); // swapped for Saturday 10/1
    expect(vietnamCalendar.isWorkingDay('2025-02-03')).toBe(true); // first day back after Tết
  });
});

describe('vietnamCalendar.workingDaysBetween', () => {
  // Starts from mid-2023 to 2031: across all the data and past both of its ends.
  const instants = fc
    .integer({ min: Date.UTC(2023, 5, 1), max: Date.UTC(2031, 0, 1) })
    .map((ms) => new Date(ms));

  it('round-trips with addWorkingDays', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 30 }), (start, workingDays) => {
        const deadline = vietnamCalendar.addWorkingDays(start, workingDays);
        expect(vietnamCalendar.workingDaysBetween(start, deadline)).toBe(workingDays);
        expect(vietnamCalendar.isWorkingDay(vietnamDayOf(deadline))).toBe(true);
        // Always the last millisecond of a Vietnam day.
        expect(deadline.getUTCHours()).toBe(16);
        expect(deadline.getUTCMilliseconds()).toBe(999);
      }),
      { numRuns: 500 },
    );
  });

  it('is zero from a working day to the end of it, and antisymmetric', () => {
    fc.assert(
      fc.property(instants, instants, (from, to) => {
        const there = vietnamCalendar.workingDaysBetween(from, to);
        expect(there + vietnamCalendar.workingDaysBetween(to, from)).toBe(0);
        expect(Object.is(there, -0)).toBe(false);
        if (vietnamCalendar.isWorkingDay(vietnamDayOf(from))) {
          expect(vietnamCalendar.workingDaysBetween(from, vietnamCalendar.addWorkingDays(from, 0))).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts whole weeks as five working days where there are no holidays', () => {
    expect(vietnamCalendar.workingDaysBetween(vietnamTime(2030, 3, 4), vietnamTime(2030, 3, 25))).toBe(15);
  });
});

function vietnamDayOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

describe('PUBLIC_HOLIDAYS', () => {
  const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

  it('has a real date, a name and a source on every row, and no day twice', () => {
    for (const entry of PUBLIC_HOLIDAYS) {
      expect(entry.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${entry.day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(entry.day);
      expect(entry.name.trim()).not.toBe('');
      expect(entry.source.trim()).not.toBe('');
    }
    const days = PUBLIC_HOLIDAYS.map((entry) => entry.day);
    expect(new Set(days).size).toBe(days.length);
  });

  it('covers the statutory holidays and five Tết days in 2024–2027', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      const ofYear = PUBLIC_HOLIDAYS.filter((entry) => entry.day.startsWith(`${year}-`));
      const holidays = new Set(ofYear.filter((entry) => entry.kind === 'holiday').map((entry) => entry.day));
      for (const monthDay of ['01-01', '04-30', '05-01', '09-02']) {
        expect(holidays.has(`${year}-${monthDay}`), `${year}-${monthDay}`).toBe(true);
      }
      const tet = ofYear.filter(
        (entry) => entry.kind === 'holiday' && entry.name.startsWith('Tết Nguyên đán'),
      );
      expect(tet, `Tết ${year}`).toHaveLength(5);
      expect(
        ofYear.filter((entry) => entry.name.startsWith('Giỗ Tổ')),
        `Giỗ Tổ ${year}`,
      ).toHaveLength(1);
      expect(
        ofYear.filter((entry) => entry.name.startsWith('Quốc khánh')),
        `Quốc khánh ${year}`,
      ).toHaveLength(2);
    }
  });

  it('puts make-up days on Saturdays and compensatory days on weekdays', () => {
    for (const entry of PUBLIC_HOLIDAYS) {
      if (entry.kind === 'working_saturday') expect(weekdayOf(entry.day), entry.day).toBe(6);
      if (entry.kind === 'day_off') expect([0, 6], entry.day).not.toContain(weekdayOf(entry.day));
    }
  });
});

describe('WorkingCalendar', () => {
  const row = (day: string, kind: CalendarDay['kind']): CalendarDay => ({
    day,
    kind,
    name: 'x',
    source: 'x',
  });

  it('refuses data it cannot read unambiguously', () => {
    expect(() => new WorkingCalendar([row('2025-13-01', 'holiday')])).toThrow(RangeError);
    expect(() => new WorkingCalendar([row('2025-05-01', 'holiday'), row('2025-05-01', 'day_off')])).toThrow(
      RangeError,
    );
    // Wednesday: a make-up working day must be on a weekend.
    expect(() => new WorkingCalendar([row('2025-04-30', 'working_saturday')])).toThrow(RangeError);
  });

  it('with no data, works Monday to Friday', () => {
    const weekendsOnly = new WorkingCalendar([]);
    expect(weekendsOnly.isWorkingDay('2025-01-01')).toBe(true);
    expect(weekendsOnly.isWorkingDay('2025-01-04')).toBe(false);
  });
});
