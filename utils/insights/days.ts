/**
 * Local calendar days as small integers, fast enough to bucket 50,000 timestamps.
 *
 * A day number counts local days since 1970-01-01: the local date of an instant, read as if it
 * were a UTC date. The offset from UTC is looked up once per UTC day, so a pass over 50,000 rows
 * builds a few hundred Dates instead of 50,000.
 */
import { toDay } from '../filters/model';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The local day number of an instant (uncached). */
function localDayNumber(epochMs: number): number {
  const offsetMs = -new Date(epochMs).getTimezoneOffset() * 60_000;
  return Math.floor((epochMs + offsetMs) / DAY_MS);
}

/**
 * A `localDayNumber` that remembers, per UTC day, the offset in force all that day. On the rare
 * day the offset changes (a daylight-saving switch) each instant is computed exactly.
 */
export function createDayNumberer(): (epochMs: number) => number {
  const offsets = new Map<number, number>();
  return (epochMs) => {
    const utcDay = Math.floor(epochMs / DAY_MS);
    let offsetMs = offsets.get(utcDay);
    if (offsetMs === undefined) {
      const start = utcDay * DAY_MS;
      const atStart = -new Date(start).getTimezoneOffset() * 60_000;
      const atEnd = -new Date(start + DAY_MS - 1).getTimezoneOffset() * 60_000;
      offsetMs = atStart === atEnd ? atStart : Number.NaN;
      offsets.set(utcDay, offsetMs);
    }
    if (Number.isNaN(offsetMs)) return localDayNumber(epochMs);
    return Math.floor((epochMs + offsetMs) / DAY_MS);
  };
}

/** Local midnight (epoch ms) at the start of a day number. */
export function dayNumberStart(dayNumber: number): number {
  const date = new Date(dayNumber * DAY_MS);
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()).getTime();
}

/** `YYYY-MM-DD` of a day number (the format of the filters' custom date ranges). */
export function dayNumberLabel(dayNumber: number): string {
  return toDay(dayNumberStart(dayNumber));
}
