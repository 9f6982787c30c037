// Figures read the Vietnamese way whatever the UI language: 1.234.567 and 45,3%. Formatters are built
// once, as each costs far more than a format call.
const countFormat = new Intl.NumberFormat('vi-VN');
const signedFormat = new Intl.NumberFormat('vi-VN', { signDisplay: 'exceptZero' });
const percentFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const signedPercentFormat = new Intl.NumberFormat('vi-VN', {
  style: 'percent',
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const ratioFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const compactFormat = new Intl.NumberFormat('vi-VN', { notation: 'compact', maximumFractionDigits: 1 });

export const formatCount = (value: number) => countFormat.format(value);
export const formatSignedCount = (value: number) => signedFormat.format(value);
/** A share from 0 to 1. */
export const formatPercent = (share: number) => percentFormat.format(share);
export const formatSignedPercent = (share: number) => signedPercentFormat.format(share);
export const formatRatio = (value: number) => ratioFormat.format(value);
/** Axis ticks: whole up to 99.999, then "123 N", "1,2 Tr" so they fit a phone's narrow axis. */
export const formatAxisCount = (value: number) =>
  Math.abs(value) < 100_000 ? countFormat.format(value) : compactFormat.format(value);

/** `yyyy-mm` → `MM/YYYY`, as month axes and labels read. */
export const formatMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** The share of a part in a whole, or `null` when the whole is zero. */
export const shareOf = (part: number, whole: number) => (whole > 0 ? part / whole : null);
