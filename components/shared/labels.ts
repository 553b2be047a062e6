/**
 * The words the UI shows for values the API sends as codes: statuses, analysis labels, pull
 * request links. (Numbers and times: ./format.)
 */

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
