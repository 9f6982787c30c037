// Money reads the Vietnamese way whatever the UI language: 1.234.567 ₫. Built once, as each costs far
// more than a format call.
const vndFormat = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });

/** Whole đồng → `1.234.567 ₫`. */
export const formatVnd = (amount: number) => vndFormat.format(amount);

/** The first day of this year on Vietnam's calendar, from today's `yyyy-mm-dd`. */
export const startOfYear = (today: string) => `${today.slice(0, 4)}-01-01`;
