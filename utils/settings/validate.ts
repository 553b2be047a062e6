/** Checks of what an admin types in the options page, with reasons in plain words. */
import { LOOPBACK_ALLOWED } from './build-flags';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The API base URL must be an `https` origin, or, in test and demo builds only, `http` on this
 * machine (for the local API server; see build-flags.ts). Paths, queries and credentials are
 * refused: the key goes to an origin only.
 */
export function checkApiBaseUrl(
  input: string,
  allowLoopback: boolean = LOOPBACK_ALLOWED,
): Checked<string> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return {
      ok: false,
      reason: 'This is not a URL. Enter an address such as https://api.devin.ai.',
    };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'The address must not contain a user name or password.' };
  }
  const isLoopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !(isLoopback && allowLoopback)) {
    return {
      ok: false,
      reason: allowLoopback
        ? 'The API key would travel unencrypted. Use an https:// address (plain http is allowed only for localhost and 127.0.0.1).'
        : 'The API key would travel unencrypted. Use an https:// address.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'The address must start with https://.' };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return {
      ok: false,
      reason: `Enter the origin only, without a path: ${url.origin}`,
    };
  }
  return { ok: true, value: url.origin };
}

/** Devin's enterprise admin keys start with `apk_user_`; others are accepted, with a hint. */
export function apiKeyHint(key: string): string | null {
  const trimmed = key.trim();
  if (trimmed === '') return null;
  if (/\s/.test(trimmed)) return 'The key contains spaces; it was probably copied with extra text.';
  if (!trimmed.startsWith('apk_user_') && !trimmed.startsWith('cog_')) {
    return "Devin keys usually start with apk_user_ (an enterprise admin's personal key, v2 API) or cog_ (a service user's token, v3 API). This one does not; the API will tell whether it works.";
  }
  return null;
}

/** Splits what was typed into org ids: commas, spaces or new lines between them. */
export function parseOrgIds(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((id) => id !== ''))];
}

export function checkSyncInterval(minutes: number): Checked<number> {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) {
    return { ok: false, reason: 'Choose a whole number of minutes between 1 and 1440.' };
  }
  return { ok: true, value: minutes };
}

export function checkHistoryDays(days: number | null): Checked<number | null> {
  if (days === null) return { ok: true, value: null };
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    return {
      ok: false,
      reason: 'Choose a whole number of days between 1 and 3650, or all history.',
    };
  }
  return { ok: true, value: days };
}

/** The match pattern a host permission is asked for: `https://api.example.com/*`. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
