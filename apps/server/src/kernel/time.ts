/** The union works on Vietnam's calendar: "today" is the date in Asia/Ho_Chi_Minh, as yyyy-mm-dd. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
