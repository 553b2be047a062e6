/** A table cell written the way its column says (the formatters themselves: ../shared/format). */

import {
  formatAcus,
  formatCount,
  formatDate,
  formatDateTime,
  formatLongDay,
  formatPercent,
} from '../../utils/format';
import type { CellFormat } from '../../utils/insights/tables';

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
      return formatDate(value);
    case 'datetime':
      return formatDateTime(value);
    default:
      return formatCount(value);
  }
}
