import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastNextMonth, methodFor, oneStepForecasts } from './forecast.js';

/** A yearly pattern: low in Tết month, high mid-year and at year end. */
const YEARLY_PATTERN = [-30, -45, -10, 0, 10, 25, 30, 20, 5, -5, 0, 0];

function seasonalSeries(months: number, base: number, slope: number): number[] {
  return Array.from({ length: months }, (_, t) => base + slope * t + (YEARLY_PATTERN[t % 12] ?? 0));
}

describe('forecastNextMonth', () => {
  it('picks the method by the length of the series', () => {
    expect(methodFor(0)).toBe('mean');
    expect(methodFor(5)).toBe('mean');
    expect(methodFor(6)).toBe('holt_linear');
    expect(methodFor(23)).toBe('holt_linear');
    expect(methodFor(24)).toBe('holt_winters_additive');
    expect(forecastNextMonth(seasonalSeries(36, 100, 0)).method).toBe('holt_winters_additive');
  });

  it('forecasts a purely seasonal series within 5%', () => {
    const forecast = forecastNextMonth(seasonalSeries(36, 100, 0));
    const actual = seasonalSeries(37, 100, 0)[36] ?? 0;
    expect(Math.abs(forecast.next - actual) / actual).toBeLessThan(0.05);
    expect(forecast.backtest.months).toBe(6);
    expect(forecast.backtest.mape).toBeLessThan(5);
  });

  it('forecasts a seasonal series with a trend and a little noise within 5%', () => {
    // Deterministic ±3 "noise" so the test does not depend on a random seed.
    const noisy = seasonalSeries(37, 200, 2).map((value, t) => value + ((t * 5) % 7) - 3);
    const forecast = forecastNextMonth(noisy.slice(0, 36));
    const actual = noisy[36] ?? 0;
    expect(Math.abs(forecast.next - actual) / actual).toBeLessThan(0.05);
  });

  it('extrapolates a linear trend', () => {
    const trend = Array.from({ length: 12 }, (_, t) => 10 + 3 * t);
    const forecast = forecastNextMonth(trend);
    expect(forecast.method).toBe('holt_linear');
    expect(forecast.next).toBeCloseTo(46, 6);
    expect(forecast.backtest.mae).toBeCloseTo(0, 6);

    // Past two years the seasonal method takes over, and still follows the line.
    const longTrend = Array.from({ length: 30 }, (_, t) => 10 + 3 * t);
    expect(forecastNextMonth(longTrend).next).toBeCloseTo(100, 6);
  });

  it('gives a constant series that constant, with zero error', () => {
    for (const months of [1, 3, 12, 36]) {
      const forecast = forecastNextMonth(Array.from({ length: months }, () => 7));
      expect(forecast.next, `${months} months`).toBeCloseTo(7, 9);
      expect(forecast.low).toBeCloseTo(7, 9);
      expect(forecast.high).toBeCloseTo(7, 9);
      expect(forecast.backtest.mae).toBeCloseTo(0, 9);
      expect(forecast.backtest.smape).toBeCloseTo(0, 9);
      if (months > 1) expect(forecast.backtest.mape).toBeCloseTo(0, 9);
    }
  });

  it('handles an empty series, a single month and all zeros', () => {
    expect(forecastNextMonth([])).toEqual({
      method: 'mean',
      next: 0,
      low: 0,
      high: 0,
      backtest: { months: 0, mae: 0, mape: null, smape: 0 },
    });
    expect(forecastNextMonth([5])).toEqual({
      method: 'mean',
      next: 5,
      low: 5,
      high: 5,
      backtest: { months: 0, mae: 0, mape: null, smape: 0 },
    });
    for (const months of [2, 8, 30]) {
      expect(forecastNextMonth(Array.from({ length: months }, () => 0))).toEqual({
        method: methodFor(months),
        next: 0,
        low: 0,
        high: 0,
        backtest: { months: Math.min(6, months - 1), mae: 0, mape: null, smape: 0 },
      });
    }
  });

  it('measures the backtest errors as documented', () => {
    // One backtest month: 20 forecast from [10] by the mean, 10 off.
    const forecast = forecastNextMonth([10, 20]);
    expect(forecast.next).toBe(15);
    expect(forecast.backtest).toEqual({ months: 1, mae: 10, mape: 50, smape: 200 / 3 });
    // ± z(90%) × RMSE, with RMSE 10.
    expect(forecast.low).toBeCloseTo(15 - 12.8155, 3);
    expect(forecast.high).toBeCloseTo(15 + 12.8155, 3);
    // A month with no concerns is left out of the MAPE, not divided by: month 2 (0) is skipped, month 3
    // is forecast 5 from [10, 0] and was 10.
    expect(forecastNextMonth([10, 0, 10]).backtest.mape).toBe(50);
  });

  it('clamps a falling trend at zero', () => {
    const falling = Array.from({ length: 12 }, (_, t) => Math.max(0, 50 - 6 * t));
    const forecast = forecastNextMonth(falling);
    expect(forecast.next).toBeGreaterThanOrEqual(0);
    expect(forecast.low).toBeGreaterThanOrEqual(0);
  });

  it('returns finite, ordered numbers for any non-negative series', () => {
    const counts = fc.oneof(
      fc.array(fc.nat({ max: 100_000 }), { maxLength: 40 }),
      // Fractional values too (e.g. averages), to the cent: MAPE divides by the actual value.
      fc.array(
        fc.integer({ min: 0, max: 100_000_000_000 }).map((cents) => cents / 100),
        { maxLength: 40 },
      ),
    );
    fc.assert(
      fc.property(counts, (series) => {
        const forecast = forecastNextMonth(series);
        for (const value of [forecast.next, forecast.low, forecast.high, forecast.backtest.mae]) {
          expect(Number.isFinite(value)).toBe(true);
        }
        expect(Number.isFinite(forecast.backtest.smape)).toBe(true);
        if (forecast.backtest.mape !== null) expect(Number.isFinite(forecast.backtest.mape)).toBe(true);
        expect(forecast.low).toBeGreaterThanOrEqual(0);
        expect(forecast.low).toBeLessThanOrEqual(forecast.next);
        expect(forecast.next).toBeLessThanOrEqual(forecast.high);
        expect(forecast.backtest.months).toBe(Math.min(6, Math.max(0, series.length - 1)));
        expect(forecast.method).toBe(methodFor(series.length));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses negative or non-finite counts', () => {
    expect(() => forecastNextMonth([1, -1])).toThrow(RangeError);
    expect(() => forecastNextMonth([1, Number.NaN])).toThrow(RangeError);
    expect(() => oneStepForecasts([1, 2], 3)).toThrow(RangeError);
  });
});

describe('oneStepForecasts', () => {
  const series = fc.array(fc.nat({ max: 1_000 }), { minLength: 2, maxLength: 40 });

  it('forecasts each month from the months before it only', () => {
    fc.assert(
      fc.property(series, fc.nat({ max: 1_000 }), (history, replacement) => {
        const from = Math.max(0, history.length - 6);
        const forecasts = oneStepForecasts(history, from);
        // Changing the last actual changes none of the forecasts, not even that month's own.
        const changed = [...history.slice(0, -1), replacement];
        expect(oneStepForecasts(changed, from)).toEqual(forecasts);
        // And cutting the series off changes none of the earlier months' forecasts.
        expect(oneStepForecasts(history.slice(0, -1), from)).toEqual(forecasts.slice(0, -1));
      }),
      { numRuns: 100 },
    );
  });

  it('is what forecastNextMonth would have said at each month', () => {
    const history = seasonalSeries(36, 100, 1);
    const forecasts = oneStepForecasts(history, 30);
    expect(forecasts).toHaveLength(6);
    forecasts.forEach((forecast, index) => {
      expect(forecast).toBe(forecastNextMonth(history.slice(0, 30 + index)).next);
    });
  });
});
