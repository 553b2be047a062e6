/** Counts, ACUs, shares and sizes, written the browser locale's way ("1,234.5" / "1.234,5"). */
import { cached } from './locale';

const number = (name: string, options: Intl.NumberFormatOptions) =>
  cached(name, (locale) => new Intl.NumberFormat(locale, options));

export function formatCount(value: number): string {
  return number('count', {}).format(value);
}

/** ACUs to at most two decimals: "12.5", "0.25". */
export function formatAcus(value: number): string {
  return number('acus', { maximumFractionDigits: 2 }).format(value);
}

/** "1.2K", "34M": for chart axes. */
export function formatCompact(value: number): string {
  return number('compact', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A share from 0 to 1: "42.5%". */
export function formatPercent(value: number): string {
  return number('percent', { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "512 byte", "3.4 MB": binary multiples, named the locale's way. */
export function formatBytes(bytes: number): string {
  let value = Number.isFinite(bytes) ? Math.max(0, bytes) : 0;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const name = BYTE_UNITS[unit] ?? 'byte';
  const digits = unit === 0 ? 0 : value < 10 ? 1 : 0;
  return number(`bytes-${name}-${digits}`, {
    style: 'unit',
    unit: name,
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}
