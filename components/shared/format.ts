/** Counts and times in the browser's locale, as the options and Insights pages write them. */

const count = new Intl.NumberFormat();
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatCount(value: number): string {
  return count.format(value);
}

/** "1 session", "2 sessions". */
export function plural(value: number, one: string, many = `${one}s`): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}

export function formatDateTime(epochMs: number): string {
  return dateTime.format(epochMs);
}
