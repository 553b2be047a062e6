/** Checks of what an admin types in the options page, with reasons in plain words. */
import { formatCount } from '../format';
import { t } from '../i18n';
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
    return { ok: false, reason: t('background.settings.notUrl') };
  }
  if (url.username || url.password) {
    return { ok: false, reason: t('background.settings.credentials') };
  }
  const isLoopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !(isLoopback && allowLoopback)) {
    return {
      ok: false,
      reason: allowLoopback
        ? t('background.settings.unencryptedLoopback')
        : t('background.settings.unencrypted'),
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: t('background.settings.httpsOnly') };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, reason: t('background.settings.originOnly', { origin: url.origin }) };
  }
  return { ok: true, value: url.origin };
}

/** Devin's enterprise admin keys start with `apk_user_`; others are accepted, with a hint. */
export function apiKeyHint(key: string): string | null {
  const trimmed = key.trim();
  if (trimmed === '') return null;
  if (/\s/.test(trimmed)) return t('background.settings.keySpaces');
  if (!trimmed.startsWith('apk_user_') && !trimmed.startsWith('cog_')) {
    return t('background.settings.keyPrefix');
  }
  return null;
}

/** Splits what was typed into org ids: commas, spaces or new lines between them. */
export function parseOrgIds(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((id) => id !== ''))];
}

const MAX_INTERVAL_MINUTES = 24 * 60;
const MAX_HISTORY_DAYS = 3650;

/** "Between 1 and 1,440", the bounds written the locale's way. */
function wholeNumberBetween(what: 'syncInterval' | 'historyDays', max: number): string {
  return t(`background.settings.${what}`, { min: formatCount(1), max: formatCount(max) });
}

export function checkSyncInterval(minutes: number): Checked<number> {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_INTERVAL_MINUTES) {
    return { ok: false, reason: wholeNumberBetween('syncInterval', MAX_INTERVAL_MINUTES) };
  }
  return { ok: true, value: minutes };
}

export function checkHistoryDays(days: number | null): Checked<number | null> {
  if (days === null) return { ok: true, value: null };
  if (!Number.isInteger(days) || days < 1 || days > MAX_HISTORY_DAYS) {
    return { ok: false, reason: wholeNumberBetween('historyDays', MAX_HISTORY_DAYS) };
  }
  return { ok: true, value: days };
}

/** The match pattern a host permission is asked for: `https://api.example.com/*`. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
