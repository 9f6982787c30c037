/** One dated legal figure, in the row format shared with ../knowledge/rates.json. */
export type RateRow = {
  key: string;
  region?: string | null;
  value: number;
  unit?: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  document: string;
  article: number;
};

export type Rate = { value: number; document: string; article: number };

/** A rate the law needs but the book lacks on that day: a data gap, never the worker's fault. */
export class MissingRateError extends Error {
  constructor(
    readonly key: string,
    readonly onDate: string,
    readonly region?: string,
  ) {
    super(`No rate '${key}'${region ? ` for region ${region}` : ''} in force on ${onDate}`);
    this.name = 'MissingRateError';
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class RateBook {
  private readonly byKey = new Map<string, RateRow[]>();

  constructor(rows: readonly RateRow[]) {
    for (const row of rows) {
      if (!ISO_DAY.test(row.effectiveFrom) || (row.effectiveTo && !ISO_DAY.test(row.effectiveTo))) {
        throw new Error(`Rate '${row.key}' has a date that is not YYYY-MM-DD`);
      }
      const list = this.byKey.get(row.key) ?? [];
      list.push(row);
      this.byKey.set(row.key, list);
    }
    // Latest start first, so an amendment that overlaps an open-ended older row wins.
    for (const list of this.byKey.values())
      list.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  }

  /** The row in force on `onDate` (ISO dates compare as strings; effectiveTo is the last day it applies). */
  at(key: string, onDate: string, region?: string): Rate | undefined {
    const row = this.byKey
      .get(key)
      ?.find(
        (r) =>
          (region === undefined ? !r.region : r.region === region) &&
          r.effectiveFrom <= onDate &&
          (r.effectiveTo == null || onDate <= r.effectiveTo),
      );
    return row && { value: row.value, document: row.document, article: row.article };
  }

  require(key: string, onDate: string, region?: string): Rate {
    const rate = this.at(key, onDate, region);
    if (!rate) throw new MissingRateError(key, onDate, region);
    return rate;
  }

  /** The regions that have a row for `key` in force on `onDate`. */
  regionsAt(key: string, onDate: string): string[] {
    const regions = new Set<string>();
    for (const r of this.byKey.get(key) ?? []) {
      if (r.region && r.effectiveFrom <= onDate && (r.effectiveTo == null || onDate <= r.effectiveTo)) {
        regions.add(r.region);
      }
    }
    return [...regions].sort();
  }
}
