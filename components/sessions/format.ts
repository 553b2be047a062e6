/** How the session browser writes numbers, times and statuses. */

const counts = new Intl.NumberFormat('en-US');
const acus = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

export function formatCount(value: number): string {
  return counts.format(value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

export function formatAcus(value: number): string {
  return acus.format(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const monthDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const monthDayYear = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
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

/** Short and dense: "just now", "5m ago", "3h ago", "6d ago", then "Mar 4" or "Mar 4, 2023". */
export function formatRelative(at: number, now: number): string {
  const diff = now - at;
  if (diff < 0) return diff > -MINUTE ? 'just now' : monthDay.format(at);
  if (diff < MINUTE) return 'just now';
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)}m ago`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)}h ago`;
  if (diff < 7 * DAY) return `${Math.floor(diff / DAY)}d ago`;
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return (sameYear ? monthDay : monthDayYear).format(at);
}

/** The full local date and time, for hover titles. */
export function formatExact(at: number): string {
  return exact.format(at);
}

const STATUS_LABELS: Record<string, string> = {
  new: 'New',
  claimed: 'Claimed',
  running: 'Running',
  exit: 'Exited',
  error: 'Error',
  suspended: 'Suspended',
  resuming: 'Resuming',
};

/** The statuses the API documents, in a sensible reading order. */
export const KNOWN_STATUSES = [
  'running',
  'error',
  'exit',
  'suspended',
  'resuming',
  'new',
  'claimed',
];

export function statusLabel(status: string): string {
  return (
    STATUS_LABELS[status] ??
    (status ? `${status.charAt(0).toUpperCase()}${status.slice(1)}`.replaceAll('_', ' ') : '?')
  );
}

/** The colour family of a status badge (the text always says the status too). */
export function statusTone(status: string): 'active' | 'ok' | 'bad' | 'idle' | 'other' {
  if (status === 'running' || status === 'resuming') return 'active';
  if (status === 'exit') return 'ok';
  if (status === 'error') return 'bad';
  if (status === 'suspended' || status === 'new' || status === 'claimed') return 'idle';
  return 'other';
}

export function humanize(value: string): string {
  const text = value.replaceAll('_', ' ').replaceAll('-', ' ').trim();
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : value;
}

/** "github.com/acme/web/pull/42" -> "acme/web #42"; other URLs shortened to their path. */
export function shortPrLabel(url: string): string {
  try {
    const parsed = new URL(url);
    const parts = parsed.pathname.split('/').filter(Boolean);
    const number = [...parts].reverse().find((part) => /^\d+$/.test(part));
    const marker = parts.findIndex((part) =>
      ['pull', 'pulls', 'merge_requests', 'pull-requests', 'pullrequest', '-'].includes(part),
    );
    const repo = parts
      .slice(0, marker > 0 ? marker : Math.max(0, parts.length - 2))
      .filter((part) => !['_git', 'projects', 'repos'].includes(part))
      .slice(-2)
      .map((part) => decodeURIComponent(part))
      .join('/');
    if (number) return repo ? `${repo} #${number}` : `#${number}`;
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return url;
  }
}
