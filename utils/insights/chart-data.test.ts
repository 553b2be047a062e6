import { describe, expect, it } from 'vitest';
import { type ChartSeries, seriesAt, stackedData } from './chart-data';

const series: ChartSeries[] = [
  { label: 'a', color: '#000', values: [1, 0, 2] },
  { label: 'b', color: '#111', values: [3, 2, 0] },
  { label: 'c', color: '#222', values: [0, 1, 1] },
];

describe('stacked bars', () => {
  it('draws running totals, topmost first', () => {
    expect(stackedData([10, 20, 30], series)).toEqual([
      [10, 20, 30],
      [4, 3, 3],
      [4, 2, 2],
      [1, 0, 2],
    ]);
  });

  it('finds the segment under the pointer, skipping empty ones', () => {
    expect(seriesAt(series, 0, 0.5)).toBe(0);
    expect(seriesAt(series, 0, 2.5)).toBe(1);
    expect(seriesAt(series, 0, 4.5)).toBeNull();
    // Day 1: a is empty, so the bottom segment is b.
    expect(seriesAt(series, 1, 0.1)).toBe(1);
    expect(seriesAt(series, 1, 2.5)).toBe(2);
    expect(seriesAt(series, 2, -1)).toBeNull();
  });
});
