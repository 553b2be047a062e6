/**
 * Local ISO weeks (Monday 00:00 to Monday 00:00): the list's date filter works in local calendar
 * days, so a week of the trend opens in the list as exactly its seven days.
 */
import { toDay } from '../filters/model';

const DAYS_PER_WEEK = 7;

/** Local midnight of the Monday of the week holding `epochMs`. */
function mondayOf(epochMs: number): number {
  const date = new Date(epochMs);
  const back = (date.getDay() + 6) % DAYS_PER_WEEK;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - back).getTime();
}

/** Local midnight `days` calendar days after (or before) a local midnight. */
export function addDays(epochMs: number, days: number): number {
  const date = new Date(epochMs);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days).getTime();
}

export interface WeekBounds {
  /** `count + 1` Mondays, oldest first: week k runs from starts[k] to starts[k + 1]. */
  starts: number[];
  from: string[];
  to: string[];
}

/** The `count` weeks ending with the week that holds `lastInstant`. */
export function weeksEndingAt(lastInstant: number, count: number): WeekBounds {
  const lastMonday = mondayOf(lastInstant);
  const starts: number[] = [];
  for (let k = count - 1; k >= -1; k--) starts.push(addDays(lastMonday, -DAYS_PER_WEEK * k));
  const from: string[] = [];
  const to: string[] = [];
  for (let k = 0; k < count; k++) {
    from.push(toDay(starts[k] as number));
    to.push(toDay(addDays(starts[k] as number, DAYS_PER_WEEK - 1)));
  }
  return { starts, from, to };
}

/** The week of an instant among `starts` (-1: outside). Few weeks: a scan beats a Date per row. */
export function weekIndex(starts: readonly number[], epochMs: number): number {
  if (epochMs < (starts[0] as number)) return -1;
  for (let k = 1; k < starts.length; k++) if (epochMs < (starts[k] as number)) return k - 1;
  return -1;
}
