/** Numbers and dates as the Insights page shows them (counts: ../shared/format). */
import type { CellFormat } from '../../utils/insights/tables';
import { formatCount, formatDateTime } from '../shared/format';

const acus = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

export function formatAcus(value: number): string {
  return acus.format(value);
}

export function formatCompact(value: number): string {
  return compact.format(value);
}

export function formatPercent(value: number): string {
  return percent.format(value);
}

export function formatShortDay(epochMs: number): string {
  return shortDay.format(epochMs);
}

export function formatLongDay(epochMs: number): string {
  return longDay.format(epochMs);
}

/** A `YYYY-MM-DD` day at local midnight. */
function dayToEpoch(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
}

export function formatCell(value: string | number, format: CellFormat): string {
  if (typeof value === 'string') return format === 'day' ? formatLongDay(dayToEpoch(value)) : value;
  switch (format) {
    case 'acus':
      return formatAcus(value);
    case 'percent':
      return formatPercent(value);
    case 'date':
      return date.format(value);
    case 'datetime':
      return formatDateTime(value);
    default:
      return formatCount(value);
  }
}
