/**
 * Next month's number of concerns in a category, by a standard exponential-smoothing method, with its
 * error on the past months shown beside it so officers can judge how far to trust it.
 *
 * - ≥ 24 months: Holt–Winters additive, season 12 (two full years are needed to tell trend from season);
 * - 6–23 months: Holt's linear trend (double exponential smoothing);
 * - fewer: the mean.
 *
 * The smoothing parameters are fitted by a grid search over {0.1, …, 0.9} minimising the one-step-ahead
 * squared error on the series: deterministic, and small enough to run on every request.
 */

export type ForecastMethod = 'holt_winters_additive' | 'holt_linear' | 'mean';

export interface Forecast {
  method: ForecastMethod;
  /** The forecast for the month after the series, ≥ 0. */
  next: number;
  /** An ~80% interval around `next`, from the backtest's errors; `low` ≥ 0. */
  low: number;
  high: number;
  backtest: {
    /** How many past months were forecast, each from the months before it only. */
    months: number;
    /** Mean absolute error, in concerns. */
    mae: number;
    /** Mean absolute percentage error, in percent, over the months with concerns; null when none had any. */
    mape: number | null;
    /** Symmetric MAPE, in percent (0–200); a month with 0 forecast and 0 actual counts as exact. */
    smape: number;
  };
}

const SEASON_LENGTH = 12;
const MIN_MONTHS_FOR_SEASONAL = 2 * SEASON_LENGTH;
const MIN_MONTHS_FOR_TREND = 6;
const BACKTEST_MONTHS = 6;
/** The 90th percentile of the standard normal: ± this many RMSEs spans ~80%. */
const Z_80_PERCENT = 1.2815515655446004;
const SMOOTHING_GRID: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** The method used for a series of this many months. */
export function methodFor(months: number): ForecastMethod {
  if (months >= MIN_MONTHS_FOR_SEASONAL) return 'holt_winters_additive';
  if (months >= MIN_MONTHS_FOR_TREND) return 'holt_linear';
  return 'mean';
}

/**
 * Forecasts the month after `series` (monthly counts, oldest first, the last one the last complete
 * month) and backtests the same procedure on up to the last 6 months.
 */
export function forecastNextMonth(series: readonly number[]): Forecast {
  assertCounts(series);
  const next = pointForecast(series);

  // Rolling origin: each backtest month is forecast from the months before it, as it would have been
  // then — so a short prefix is forecast by the method for its own length.
  const months = Math.min(BACKTEST_MONTHS, Math.max(0, series.length - 1));
  const from = series.length - months;
  const forecasts = oneStepForecasts(series, from);

  let absoluteErrorSum = 0;
  let squaredErrorSum = 0;
  let percentageErrorSum = 0;
  let monthsWithConcerns = 0;
  let symmetricErrorSum = 0;
  forecasts.forEach((forecast, index) => {
    const actual = series[from + index] ?? 0;
    const absoluteError = Math.abs(actual - forecast);
    absoluteErrorSum += absoluteError;
    squaredErrorSum += absoluteError * absoluteError;
    if (actual !== 0) {
      percentageErrorSum += (100 * absoluteError) / actual;
      monthsWithConcerns += 1;
    }
    const scale = actual + forecast;
    if (scale > 0) symmetricErrorSum += (200 * absoluteError) / scale;
  });

  const spread = months === 0 ? 0 : Z_80_PERCENT * Math.sqrt(squaredErrorSum / months);
  return {
    method: methodFor(series.length),
    next,
    low: Math.max(0, next - spread),
    high: next + spread,
    backtest: {
      months,
      mae: months === 0 ? 0 : absoluteErrorSum / months,
      mape: monthsWithConcerns === 0 ? null : percentageErrorSum / monthsWithConcerns,
      smape: months === 0 ? 0 : symmetricErrorSum / months,
    },
  };
}

/**
 * The one-step-ahead forecasts for months `from` … end of `series`: the forecast for month t is made
 * from `series.slice(0, t)` only, so no month's forecast can see its own or any later value.
 */
export function oneStepForecasts(series: readonly number[], from: number): number[] {
  assertCounts(series);
  if (!Number.isSafeInteger(from) || from < 0 || from > series.length) {
    throw new RangeError(`from must be a month index in 0…${series.length}, got ${from}`);
  }
  const forecasts: number[] = [];
  for (let month = from; month < series.length; month += 1) {
    forecasts.push(pointForecast(series.slice(0, month)));
  }
  return forecasts;
}

/** The forecast for the month after `history`, by the method for its length, clamped at 0. */
function pointForecast(history: readonly number[]): number {
  if (history.length === 0) return 0;
  const method = methodFor(history.length);
  const forecast =
    method === 'holt_winters_additive'
      ? holtWintersAdditiveForecast(history)
      : method === 'holt_linear'
        ? holtLinearForecast(history)
        : mean(history);
  // A grid point whose squared errors overflow is never picked; should all of them, fall back to the mean.
  return Math.max(0, Number.isFinite(forecast) ? forecast : mean(history));
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length === 0 ? 0 : sum / values.length;
}

/** Holt's linear trend, fitted by grid search; the forecast one month past the end. */
function holtLinearForecast(y: readonly number[]): number {
  const n = y.length;
  // The initial trend is the average slope over the first few months: steadier than y1 − y0 alone.
  const slopeSpan = Math.min(3, n - 1);
  const initialLevel = at(y, 0);
  const initialTrend = (at(y, slopeSpan) - initialLevel) / slopeSpan;

  let bestError = Number.POSITIVE_INFINITY;
  let bestForecast = Number.NaN;
  for (const alpha of SMOOTHING_GRID) {
    for (const beta of SMOOTHING_GRID) {
      let level = initialLevel;
      let trend = initialTrend;
      let squaredError = 0;
      let t = 1;
      for (; t < n; t += 1) {
        const predicted = level + trend;
        const error = at(y, t) - predicted;
        squaredError += error * error;
        // Already no better than the best: the rest of this run cannot make it win.
        if (squaredError >= bestError) break;
        const previousLevel = level;
        level = predicted + alpha * error;
        trend += beta * (level - previousLevel - trend);
      }
      if (t === n && squaredError < bestError) {
        bestError = squaredError;
        bestForecast = level + trend;
      }
    }
  }
  return bestForecast;
}

/** Holt–Winters additive with a 12-month season, fitted by grid search; the forecast one month past the end. */
function holtWintersAdditiveForecast(y: readonly number[]): number {
  const n = y.length;
  const m = SEASON_LENGTH;
  // Initial state from the first two years: the trend from the change in yearly means, the level at
  // month −1, and each month's seasonal effect as its average distance from that trend line.
  let firstYear = 0;
  let secondYear = 0;
  for (let j = 0; j < m; j += 1) {
    firstYear += at(y, j) / m;
    secondYear += at(y, j + m) / m;
  }
  const initialTrend = (secondYear - firstYear) / m;
  const initialLevel = firstYear - (initialTrend * (m + 1)) / 2;
  const initialSeasonal = new Float64Array(m);
  let seasonalSum = 0;
  for (let j = 0; j < m; j += 1) {
    const trendLine = initialLevel + initialTrend * (j + 1);
    initialSeasonal[j] = (at(y, j) - trendLine + (at(y, j + m) - (trendLine + initialTrend * m))) / 2;
    seasonalSum += initialSeasonal[j] ?? 0;
  }
  // Seasonal effects sum to zero, so that the level alone carries the yearly mean.
  for (let j = 0; j < m; j += 1) initialSeasonal[j] = (initialSeasonal[j] ?? 0) - seasonalSum / m;

  const seasonal = new Float64Array(m);
  let bestError = Number.POSITIVE_INFINITY;
  let bestForecast = Number.NaN;
  for (const alpha of SMOOTHING_GRID) {
    for (const beta of SMOOTHING_GRID) {
      for (const gamma of SMOOTHING_GRID) {
        seasonal.set(initialSeasonal);
        let level = initialLevel;
        let trend = initialTrend;
        let squaredError = 0;
        let t = 0;
        for (let season = 0; t < n; t += 1, season = season + 1 === m ? 0 : season + 1) {
          const effect = seasonal[season] ?? 0;
          const actual = at(y, t);
          const error = actual - (level + trend + effect);
          squaredError += error * error;
          if (squaredError >= bestError) break;
          const newLevel = alpha * (actual - effect) + (1 - alpha) * (level + trend);
          trend = beta * (newLevel - level) + (1 - beta) * trend;
          seasonal[season] = gamma * (actual - newLevel) + (1 - gamma) * effect;
          level = newLevel;
        }
        if (t === n && squaredError < bestError) {
          bestError = squaredError;
          bestForecast = level + trend + (seasonal[n % m] ?? 0);
        }
      }
    }
  }
  return bestForecast;
}

/** y[index] for an index the caller has bounds-checked (noUncheckedIndexedAccess cannot see it). */
function at(y: readonly number[], index: number): number {
  return y[index] ?? 0;
}

function assertCounts(series: readonly number[]): void {
  for (const value of series) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`Monthly counts must be finite and ≥ 0, got ${value}`);
    }
  }
}
