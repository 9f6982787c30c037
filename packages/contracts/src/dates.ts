// Built once: constructing an Intl formatter costs ~100 µs, and "today" is asked on every request.
const vietnamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * The union works on Vietnam's calendar: "today" is the date in Asia/Ho_Chi_Minh, as yyyy-mm-dd —
 * on the server and in a browser whose clock is set to another time zone alike.
 */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDate.format(now);
}
