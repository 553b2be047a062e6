/**
 * The page's date window and the equally long window just before it, for "two periods side by
 * side". A window of whole local days (a custom range) compares with as many whole days before
 * it, which the list can filter on; a rolling preset ("last 7 days") compares with the 7 days
 * before those, which only an id list can show.
 */
import { type DateRange, resolveDateRange, toDay } from '../filters/model';
import { addDays } from './weeks';

export interface PeriodWindow {
  from: number;
  to: number;
  days: { from: string; to: string } | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Null when the window has no start (any time, or "until" a day): nothing to compare with. */
export function periodWindows(
  range: DateRange,
  now: number,
): { current: PeriodWindow; previous: PeriodWindow } | null {
  const window = resolveDateRange(range, now);
  if (window.from === null) return null;
  const to = window.to ?? now;
  if (to <= window.from) return null;
  if (range.preset === null && range.from !== null && range.to !== null) {
    // Whole days: as many days again, ending the day before the window starts.
    const days = Math.round((to - window.from) / DAY_MS);
    const start = addDays(window.from, -days);
    return {
      current: { from: window.from, to, days: { from: range.from, to: range.to } },
      previous: {
        from: start,
        to: window.from,
        days: { from: toDay(start), to: toDay(addDays(window.from, -1)) },
      },
    };
  }
  const length = to - window.from;
  return {
    current: { from: window.from, to, days: null },
    previous: { from: window.from - length, to: window.from, days: null },
  };
}
