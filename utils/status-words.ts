/**
 * The one word for each session status, wherever a status is shown: the list, the detail,
 * Insights, exports. Statuses the API adds later are shown as they come, made readable.
 */

export const STATUS_WORDS: Readonly<Record<string, string>> = {
  new: 'New',
  claimed: 'Claimed',
  running: 'Running',
  exit: 'Finished',
  error: 'Error',
  suspended: 'Suspended',
  resuming: 'Resuming',
};

export function statusWord(status: string): string {
  return (
    STATUS_WORDS[status] ??
    (status ? `${status.charAt(0).toUpperCase()}${status.slice(1)}`.replaceAll('_', ' ') : '?')
  );
}
