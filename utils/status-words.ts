/**
 * The one word for each session status, wherever a status is shown: the list, the detail,
 * Insights, exports. In the browser's language; statuses the API adds later are shown as they
 * come, made readable.
 */
import { t } from './i18n';

/** The statuses the API documents, with their English word (Insights lists these keys). */
export const STATUS_WORDS: Readonly<Record<string, string>> = {
  new: 'New',
  claimed: 'Claimed',
  running: 'Running',
  exit: 'Finished',
  error: 'Error',
  suspended: 'Suspended',
  resuming: 'Resuming',
};

const STATUS_KEYS = {
  new: 'common.status.new',
  claimed: 'common.status.claimed',
  running: 'common.status.running',
  exit: 'common.status.exit',
  error: 'common.status.error',
  suspended: 'common.status.suspended',
  resuming: 'common.status.resuming',
} as const;

function translated(status: string): string | undefined {
  if (!Object.hasOwn(STATUS_KEYS, status)) return undefined;
  try {
    return t(STATUS_KEYS[status as keyof typeof STATUS_KEYS]) || undefined;
  } catch {
    // No browser.i18n here (the Insights worker): the English word below.
    return undefined;
  }
}

export function statusWord(status: string): string {
  return (
    translated(status) ??
    STATUS_WORDS[status] ??
    (status ? `${status.charAt(0).toUpperCase()}${status.slice(1)}`.replaceAll('_', ' ') : '?')
  );
}
