/**
 * Dates, relative times and durations in the browser's locale. One relative-time style
 * everywhere, so the list and the status line agree: the dense narrow form in English
 * ("5m ago", "2h 14m"), the short form elsewhere, whose narrow forms read badly ("vor 5 m",
 * "-5 min", Japanese "2h") where the short ones are the usual abbreviations ("vor 5 Min.",
 * "il y a 5 min", "2 時間").
 */
import { t } from '../i18n';
import { cached } from './locale';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dates = (name: string, options: Intl.DateTimeFormatOptions) =>
  cached(name, (locale) => new Intl.DateTimeFormat(locale, options));

/** "Mar 4, 2026". */
export function formatDate(epochMs: number): string {
  return dates('date', { dateStyle: 'medium' }).format(epochMs);
}

/** "Mar 4, 2026, 3:07 PM". */
export function formatDateTime(epochMs: number): string {
  return dates('dateTime', { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** "Mar 4": a chart's day axis. */
export function formatShortDay(epochMs: number): string {
  return dates('shortDay', { month: 'short', day: 'numeric' }).format(epochMs);
}

function formatShortDayYear(epochMs: number): string {
  return dates('shortDayYear', { month: 'short', day: 'numeric', year: 'numeric' }).format(epochMs);
}

/** "Wed, Mar 4, 2026": a day in a table or a tooltip. */
export function formatLongDay(epochMs: number): string {
  return dates('longDay', {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(epochMs);
}

/** The full local date and time to the second, for hover titles. */
export function formatExact(epochMs: number): string {
  return dates('exact', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  }).format(epochMs);
}

function unitStyle(locale: string | undefined): 'narrow' | 'short' {
  const language = (locale ?? Intl.NumberFormat().resolvedOptions().locale).split('-')[0];
  return language === 'en' ? 'narrow' : 'short';
}

function relative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return cached(
    'relative',
    (locale) =>
      new Intl.RelativeTimeFormat(locale, { style: unitStyle(locale), numeric: 'always' }),
  ).format(value, unit);
}

/**
 * Short and dense, for lists and status lines alike: "just now", "5m ago", "3h ago", "6d ago",
 * then the date ("Mar 4", or "Mar 4, 2023" in another year). A time slightly ahead of `now`
 * (clocks differ) reads "just now".
 */
export function formatRelative(at: number, now: number): string {
  const diff = now - at;
  if (diff < MINUTE) return diff > -MINUTE ? t('common.time.justNow') : formatShortDay(at);
  if (diff < HOUR) return relative(-Math.floor(diff / MINUTE), 'minute');
  if (diff < DAY) return relative(-Math.floor(diff / HOUR), 'hour');
  if (diff < 7 * DAY) return relative(-Math.floor(diff / DAY), 'day');
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return sameYear ? formatShortDay(at) : formatShortDayYear(at);
}

type DurationUnit = 'second' | 'minute' | 'hour' | 'day';

function unit(value: number, name: DurationUnit): string {
  return cached(
    `duration-${name}`,
    (locale) =>
      new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: unitStyle(locale) }),
  ).format(value);
}

/**
 * A length of time, to the two largest units: "40s", "12m", "2h 14m", "3d 4h" (German
 * "2 Std. 14 Min.", Chinese "2小时14分钟": the units are the locale's own).
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  if (total < 60) return unit(total, 'second');
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24)
    return pair(unit(hours, 'hour'), minutes % 60 ? unit(minutes % 60, 'minute') : '');
  const days = Math.floor(hours / 24);
  return pair(unit(days, 'day'), hours % 24 ? unit(hours % 24, 'hour') : '');
}

function pair(larger: string, smaller: string): string {
  return smaller ? t('common.time.durationPair', { larger, smaller }) : larger;
}
