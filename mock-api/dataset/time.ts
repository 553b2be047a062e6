// Time units and the two time conversions the generators and the store share. Nothing here
// reads the wall clock: generated times derive from the dataset's `now`.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Sessions are spread over this many days before `now`. */
export const HISTORY_DAYS = 180;

export function toEpochMs(value: Date | number | string): number {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new Error(`invalid time: ${String(value)}`);
  return Math.floor(ms);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
