/**
 * How every page writes numbers, sizes, dates and relative times: one module, so the same
 * figure reads the same in the popup, the tab, Insights and the options page. All of it
 * follows the browser's locale (`undefined` below); the formatters are built once, since
 * building an `Intl` formatter costs far more than using one.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const count = new Intl.NumberFormat();
const acus = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const relative = new Intl.RelativeTimeFormat(undefined, { style: 'narrow', numeric: 'always' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const shortDayYear = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});
const exact = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

export function formatCount(value: number): string {
  return count.format(value);
}

/** "1 session", "2 sessions". */
export function plural(value: number, one: string, many = `${one}s`): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}

/** ACUs to at most two decimals: "12.5", "0.25". */
export function formatAcus(value: number): string {
  return acus.format(value);
}

/** "1.2K", "34M": for chart axes. */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/** A share from 0 to 1: "42.5%". */
export function formatPercent(value: number): string {
  return percent.format(value);
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** "512 bytes", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024)
    return `${Math.max(0, Math.round(bytes || 0))} bytes`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${BYTE_UNITS[unit]}`;
}

/** "Mar 4, 2026". */
export function formatDate(epochMs: number): string {
  return date.format(epochMs);
}

/** "Mar 4, 2026, 3:07 PM". */
export function formatDateTime(epochMs: number): string {
  return dateTime.format(epochMs);
}

/** "Mar 4": a chart's day axis. */
export function formatShortDay(epochMs: number): string {
  return shortDay.format(epochMs);
}

/** "Wed, Mar 4, 2026": a day in a table or a tooltip. */
export function formatLongDay(epochMs: number): string {
  return longDay.format(epochMs);
}

/** The full local date and time to the second, for hover titles. */
export function formatExact(epochMs: number): string {
  return exact.format(epochMs);
}

/**
 * Short and dense, for lists and status lines alike: "just now", "5m ago", "3h ago", "6d ago",
 * then the date ("Mar 4", or "Mar 4, 2023" in another year). A time slightly ahead of `now`
 * (clocks differ) reads "just now".
 */
export function formatRelative(at: number, now: number): string {
  const diff = now - at;
  if (diff < MINUTE) return diff > -MINUTE ? 'just now' : shortDay.format(at);
  if (diff < HOUR) return relative.format(-Math.floor(diff / MINUTE), 'minute');
  if (diff < DAY) return relative.format(-Math.floor(diff / HOUR), 'hour');
  if (diff < 7 * DAY) return relative.format(-Math.floor(diff / DAY), 'day');
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return (sameYear ? shortDay : shortDayYear).format(at);
}

/** A length of time, to the two largest units: "40s", "12m", "2h 14m", "3d 4h". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  if (total < 60) return `${total}s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${formatCount(days)}d ${hours % 24}h` : `${formatCount(days)}d`;
}
