import { describe, expect, it } from 'vitest';
import {
  categoriesIn,
  defaultAnalyticsPeriod,
  heatLists,
  monthlyRows,
  monthsBetween,
  onTimeShare,
} from './voice-analytics';

describe('voice analytics shaping', () => {
  it('defaults to twelve whole months, this one included', () => {
    expect(defaultAnalyticsPeriod('2026-11-29')).toEqual({ from: '2025-12-01', to: '2026-11-29' });
    expect(defaultAnalyticsPeriod('2026-01-05')).toEqual({ from: '2025-02-01', to: '2026-01-05' });
  });

  it('lists the months of a period across a new year', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('fills the months without items with nothing, and sums a category per month', () => {
    const rows = monthlyRows({
      from: '2026-01-01',
      to: '2026-03-31',
      monthly: [
        { month: '2026-03', category: 'wages', count: 4 },
        { month: '2026-01', category: 'safety', count: 1 },
        { month: '2026-01', category: 'wages', count: 2 },
      ],
    });
    expect(rows).toEqual([
      { month: '2026-01', safety: 1, wages: 2 },
      { month: '2026-02' },
      { month: '2026-03', wages: 4 },
    ]);
    expect(
      categoriesIn([
        { month: '2026-01', category: 'safety', count: 1 },
        { month: '2026-01', category: 'wages', count: 2 },
      ]),
    ).toEqual(['wages', 'safety']);
  });

  it('gives the on-time share only when something was answered', () => {
    const handling = { open: 0, overdue: 0, answered: 8, answeredOnTime: 6, averageRating: null };
    expect(onTimeShare(handling)).toBe(0.75);
    expect(onTimeShare({ ...handling, answered: 0, answeredOnTime: 0 })).toBeNull();
  });

  it('keeps the ten busiest units of each dimension, busiest first', () => {
    const heat = Array.from({ length: 12 }, (_, index) => ({
      dimension: 'employer' as const,
      unit: { id: index, name: `CĐCS ${index}` },
      count: index,
    }));
    const lists = heatLists(heat);
    expect(lists.map((list) => list.dimension)).toEqual([
      'province',
      'sector',
      'industrial_zone',
      'employer',
    ]);
    expect(lists[3]!.rows.map((row) => row.count)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  });
});
