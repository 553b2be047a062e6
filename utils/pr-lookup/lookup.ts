/**
 * From a pull-request URL to the cached sessions behind it, and to the extension page that
 * shows them. Answered from IndexedDB only: no request leaves the browser.
 */
import { sessionIdsForPrKey } from '../db/pr-reads';
import type { DevinDatabase } from '../db/schema';
import { normalizePullRequestUrl } from '../pr-urls';
import { clickedPullRequestUrl, type MenuClick } from './menu';

/** Ids of the cached sessions linked to the PR with this key (see utils/pr-urls), by id. */
function linkedSessionIds(db: DevinDatabase, key: string): Promise<string[]> {
  return sessionIdsForPrKey(db, key);
}

/** How many sessions link to each key. Every key asked for is in the answer. */
export async function countLinkedSessions(
  db: DevinDatabase,
  keys: readonly string[],
): Promise<Map<string, number>> {
  const counts = await Promise.all(
    keys.map(async (key) => (await sessionIdsForPrKey(db, key)).length),
  );
  return new Map(keys.map((key, i) => [key, counts[i] ?? 0]));
}

export interface PullRequestLookup {
  /** Null when the URL is not a pull request the parser recognizes. */
  key: string | null;
  sessionIds: string[];
}

async function lookUpPullRequest(db: DevinDatabase, url: string): Promise<PullRequestLookup> {
  const key = normalizePullRequestUrl(url);
  return { key, sessionIds: key === null ? [] : await linkedSessionIds(db, key) };
}

/**
 * Where the answer is shown, given the extension's `sessions.html` URL:
 * one session opens its detail (`?session=`), several or none open the list filtered to the PR
 * (`?pr=`; with no match the list says so), and a URL that is not a PR opens the plain list.
 */
export function answerPageUrl(sessionsPage: string, lookup: PullRequestLookup): string {
  const [only, ...others] = lookup.sessionIds;
  if (only !== undefined && others.length === 0) {
    return `${sessionsPage}?session=${encodeURIComponent(only)}`;
  }
  if (lookup.key === null) return sessionsPage;
  return `${sessionsPage}?pr=${encodeURIComponent(lookup.key)}`;
}

interface OpenTabProperties {
  url: string;
  active: boolean;
  index?: number;
  windowId?: number;
  openerTabId?: number;
}

export interface MenuClickDeps {
  db: DevinDatabase;
  /** `browser.runtime.getURL('/sessions.html')`. */
  sessionsPage: string;
  openTab(properties: OpenTabProperties): Promise<unknown>;
}

/** The tab a click came from (a subset of tabs.Tab). */
export interface SourceTab {
  id?: number;
  index: number;
  windowId: number;
}

/**
 * Handles a click on the menu item: opens the answer in a new tab next to the one clicked in.
 * Returns the URL opened, or null for an item of another feature (nothing is opened).
 */
export async function handlePullRequestMenuClick(
  click: MenuClick,
  tab: SourceTab | undefined,
  deps: MenuClickDeps,
): Promise<string | null> {
  const url = clickedPullRequestUrl(click);
  if (url === null) return null;
  const target = answerPageUrl(deps.sessionsPage, await lookUpPullRequest(deps.db, url));
  const placement =
    tab === undefined || tab.id === undefined || tab.id < 0
      ? {}
      : { index: tab.index + 1, windowId: tab.windowId, openerTabId: tab.id };
  await deps.openTab({ url: target, active: true, ...placement });
  return target;
}
