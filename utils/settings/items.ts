/**
 * Every value the extension keeps in browser storage, defined in one place.
 * The API key is in `storage.local` only: never synced, never exported, never sent to a
 * content script.
 */
import { storage } from 'wxt/utils/storage';
import type { StoredTabBadges } from '../pr-lookup/tab-badge';
import type { SelfHostedGitHost } from '../pr-urls';
import { DEFAULT_TABLE_COLUMNS, type TableColumns } from '../session-table/columns';

export const DEFAULT_API_BASE_URL = 'https://api.devin.ai';
const DEFAULT_SYNC_INTERVAL_MINUTES = 15;
/** Chrome runs alarms at most every 30 s; whole minutes keep Firefox and Chrome alike. */
export const MIN_SYNC_INTERVAL_MINUTES = 1;

export interface Settings {
  apiBaseUrl: string;
  orgIds: string[];
  syncIntervalMinutes: number;
  /** Sessions created in the last N days; null keeps all history. */
  historyDays: number | null;
  gitHosts: SelfHostedGitHost[];
}

export const DEFAULT_SETTINGS: Settings = {
  apiBaseUrl: DEFAULT_API_BASE_URL,
  orgIds: [],
  syncIntervalMinutes: DEFAULT_SYNC_INTERVAL_MINUTES,
  historyDays: null,
  gitHosts: [],
};

export const apiKeyItem = storage.defineItem<string | null>('local:apiKey', { fallback: null });

/**
 * The last characters of the saved key, not a secret: what the options page shows instead of
 * the key, which no page reads back once saved. Written only through `keyEnding`.
 */
export const apiKeyEndingItem = storage.defineItem<string | null>('local:apiKeyEnding', {
  fallback: null,
});

/**
 * The origin the key was confirmed for (saved or tested with it, or confirmed on the options
 * page): the key goes nowhere else, so an address changed behind the admin's back (storage
 * edited, a policy removed) never receives it. See key-binding.ts.
 */
export const apiKeyOriginItem = storage.defineItem<string | null>('local:apiKeyOrigin', {
  fallback: null,
});

/** At most the last 4 characters: enough to recognise a key, far too few to use it. */
export function keyEnding(apiKey: string): string {
  return apiKey.trim().slice(-4);
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
});

/** The popup's filters, as the full tab's query string: they survive closing the popup. */
export const popupFiltersItem = storage.defineItem<string>('local:popupFilters', {
  fallback: '',
});

/** Named filter sets of the popup and the full tab (utils/filters/saved-views.ts). */
export const savedViewsItem = storage.defineItem<unknown>('local:savedViews', { fallback: [] });

/**
 * Whether PR pages get their own badge (how many sessions link to them). Off until the person
 * turns it on, which is also when the browser asks for the host access it needs
 * (utils/settings/badge-access.ts): the extension installs without any warning about tabs.
 */
export const prPageBadgeItem = storage.defineItem<boolean>('local:prPageBadge', {
  fallback: false,
});

/** Which tabs carry a badge of ours; session storage lives exactly as long as those badges. */
export const tabBadgesItem = storage.defineItem<StoredTabBadges>('session:prTabBadges', {
  fallback: {},
});

/**
 * Keys Devin refused to generate analysis for (a 403), by a hash of the key and API origin
 * (see utils/sync/identity.ts), never the key: the explanation is then given at once, without
 * asking the API again. Cleared for a key when its connection is tested again.
 */
export const analysisDenialsItem = storage.defineItem<Record<string, string>>(
  'local:analysisDenials',
  { fallback: {} },
);

/**
 * How the full tab shows sessions: the list or the table. A preference of the person, not part
 * of a view, so it is kept here rather than in the URL: a shared link shows the same sessions
 * in whichever layout the reader prefers, and the tab opens in the last one chosen.
 */
export type SessionsLayout = 'list' | 'table';
export const sessionsLayoutItem = storage.defineItem<SessionsLayout>('local:sessionsLayout', {
  fallback: 'list',
});

/** The table's chosen columns and widths (read through normalizeColumns). */
export const tableColumnsItem = storage.defineItem<TableColumns>('local:tableColumns', {
  fallback: DEFAULT_TABLE_COLUMNS,
});
