/**
 * The old home of the formatters, kept so the options and Insights pages keep working while
 * they move to utils/format (import from there in new code). `plural` is English-only: use a
 * plural message, t('area.key', n, [formatCount(n)]), instead.
 */
import { formatCount } from '../../utils/format';

export {
  formatAcus,
  formatBytes,
  formatCompact,
  formatCount,
  formatDate,
  formatDateTime,
  formatLongDay,
  formatPercent,
  formatRelative,
  formatShortDay,
} from '../../utils/format';

/** "1 session", "2 sessions" (English only; see above). */
export function plural(value: number, one: string, many = `${one}s`): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}
