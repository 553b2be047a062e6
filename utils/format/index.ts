/**
 * How every page, and the background's notifications, write numbers, sizes, dates, relative
 * times and durations: one module, so the same figure reads the same in the popup, the tab,
 * Insights, the options page and a notification, in the browser's locale.
 */
export { allOf, anyOf } from './lists';
export { formatAcus, formatBytes, formatCompact, formatCount, formatPercent } from './numbers';
export {
  formatDate,
  formatDateTime,
  formatDuration,
  formatExact,
  formatLongDay,
  formatRelative,
  formatShortDay,
} from './time';
