/**
 * Stacked bars for uPlot, which has none of its own: each series is drawn from zero to its
 * running total, topmost first, so each shows as the segment above the series below it.
 */

export interface ChartSeries {
  label: string;
  color: string;
  values: number[];
}

/** uPlot's data: the x values, then the running totals of the series, topmost first. */
export function stackedData(
  xs: number[],
  series: readonly ChartSeries[],
): [number[], ...number[][]] {
  const totals: number[][] = [];
  let running = new Array<number>(xs.length).fill(0);
  for (const s of series) {
    running = running.map((value, i) => value + (s.values[i] ?? 0));
    totals.push(running);
  }
  return [xs, ...totals.reverse()];
}

/** The series (bottom to top) whose segment holds `value` on day `day`; null above the stack. */
export function seriesAt(
  series: readonly ChartSeries[],
  day: number,
  value: number,
): number | null {
  let below = 0;
  for (let i = 0; i < series.length; i++) {
    const height = series[i]?.values[day] ?? 0;
    if (height > 0 && value >= below && value <= below + height) return i;
    below += height;
  }
  return null;
}
