/**
 * What the Insights aggregation does once the pass over the sessions is done and the day axis is
 * known: every session's day number becomes a position on the axis, and the day series and the
 * three stacks (per organization, user and status) are summed in that same second pass, into
 * flat typed arrays rather than an array per series.
 */
import { createDayNumberer, dayNumberLabel, dayNumberStart } from './days';
import { roundAcus } from './statistics';
import {
  type DaySeries,
  GROUP_BYS,
  type GroupBy,
  type GroupStat,
  type Stack,
  type StackSeries,
} from './types';

/** What sets the day axis (InsightsOptions of aggregate.ts says what they mean). */
interface DayAxisOptions {
  now: number;
  range?: { from: number | null; to: number | null };
}

/** The result's per-session columns the second pass reads (and whose days it rewrites). */
export interface DayColumns {
  day: Int32Array;
  org: Int32Array;
  user: Int32Array;
  status: Int32Array;
  acus: Float64Array;
}

export function dayAxis(
  options: DayAxisOptions,
  minDay: number,
  maxDay: number,
  count: number,
): DaySeries {
  const dayNumberOf = createDayNumberer();
  const from = options.range?.from ?? null;
  const to = options.range?.to ?? null;
  const start = from !== null ? dayNumberOf(from) : count > 0 ? minDay : null;
  if (start === null) return { numbers: [], starts: [], labels: [], sessions: [], acus: [] };
  const end = to !== null ? dayNumberOf(to - 1) : Math.max(maxDay, dayNumberOf(options.now));
  // Rows outside the window (there should be none) still get a day.
  const first = count > 0 ? Math.min(start, minDay) : start;
  const last = count > 0 ? Math.max(end, maxDay) : end;
  const length = Math.max(0, last - first + 1);
  const numbers = Array.from({ length }, (_, i) => first + i);
  return {
    numbers,
    starts: numbers.map(dayNumberStart),
    labels: numbers.map(dayNumberLabel),
    sessions: new Array<number>(length).fill(0),
    acus: new Array<number>(length).fill(0),
  };
}

/**
 * Once the day axis is known: every day number becomes a position on it, and the day series
 * and the three stacks are summed into flat typed arrays, a short loop for each.
 */
export function dayPass(
  columns: DayColumns,
  firstDay: number,
  days: DaySeries,
  groups: Record<GroupBy, GroupStat[]>,
  topSeries: number,
): Record<GroupBy, Stack> {
  const dayCount = days.numbers.length;
  const shapes = GROUP_BYS.map((by) => stackShape(groups[by], topSeries));
  const stackAcus = shapes.map((shape) => new Float64Array(shape.series.length * dayCount));
  const stackSessions = shapes.map((shape) => new Int32Array(shape.series.length * dayCount));
  const dayAcus = new Float64Array(dayCount);
  const daySessions = new Int32Array(dayCount);
  const { day: dayCol, acus: acusCol } = columns;
  for (let i = 0; i < dayCol.length; i++) {
    const day = (dayCol[i] as number) - firstDay;
    dayCol[i] = day;
    daySessions[day] = (daySessions[day] as number) + 1;
    dayAcus[day] = (dayAcus[day] as number) + (acusCol[i] as number);
  }
  GROUP_BYS.forEach((by, n) => {
    const seriesOfCode = (shapes[n] as StackShape).seriesOfCode;
    const sums = stackAcus[n] as Float64Array;
    const counts = stackSessions[n] as Int32Array;
    sumStack(columns[by], seriesOfCode, columns, dayCount, sums, counts);
  });
  days.sessions = Array.from(daySessions);
  days.acus = Array.from(dayAcus, roundAcus);
  const rowsOf = <T>(flat: ArrayLike<number>, series: number, map: (value: number) => T): T[][] =>
    Array.from({ length: series }, (_, s) =>
      Array.from({ length: dayCount }, (_, d) => map(flat[s * dayCount + d] as number)),
    );
  const stacks = {} as Record<GroupBy, Stack>;
  GROUP_BYS.forEach((by, n) => {
    const shape = shapes[n] as StackShape;
    const length = shape.series.length;
    stacks[by] = {
      series: shape.series,
      seriesOfCode: shape.seriesOfCode,
      acus: rowsOf(stackAcus[n] as Float64Array, length, roundAcus),
      sessions: rowsOf(stackSessions[n] as Int32Array, length, (value) => value),
    };
  });
  return stacks;
}

/**
 * ACUs and sessions per series and day of one grouping (`codes`), into flat arrays indexed by
 * `series * dayCount + day`. A loop of its own per grouping: a handful of typed arrays each.
 */
function sumStack(
  codes: Int32Array,
  seriesOfCode: Int32Array,
  columns: DayColumns,
  dayCount: number,
  sums: Float64Array,
  counts: Int32Array,
): void {
  const { day: dayCol, acus: acusCol } = columns;
  for (let i = 0; i < dayCol.length; i++) {
    const at = (seriesOfCode[codes[i] as number] as number) * dayCount + (dayCol[i] as number);
    sums[at] = (sums[at] as number) + (acusCol[i] as number);
    counts[at] = (counts[at] as number) + 1;
  }
}

interface StackShape {
  series: StackSeries[];
  seriesOfCode: Int32Array;
}

function stackShape(stats: readonly GroupStat[], topSeries: number): StackShape {
  // A lone leftover group is shown by name rather than as "other".
  const named = stats.length <= topSeries + 1 ? stats : stats.slice(0, topSeries);
  const rest = stats.slice(named.length);
  const seriesOfCode = new Int32Array(stats.length).fill(named.length);
  named.forEach((stat, index) => {
    seriesOfCode[stat.code] = index;
  });
  const series: StackSeries[] = named.map((stat) => ({
    code: stat.code,
    key: stat.key,
    other: false,
    acus: stat.acus,
  }));
  if (rest.length > 0) {
    series.push({
      code: -1,
      key: null,
      other: true,
      acus: roundAcus(rest.reduce((sum, stat) => sum + stat.acus, 0)),
    });
  }
  return { series, seriesOfCode };
}
