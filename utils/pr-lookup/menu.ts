/**
 * The context-menu item "Find Devin sessions for this pull request": what it is (from the
 * settings) and how it is (re)installed. Browser calls go through a small adapter, so the
 * logic runs in unit tests, where the fake browser has no contextMenus.
 */

import { t } from '../i18n';
import { logFailure } from '../log';
import { pullRequestPagePatterns, type SelfHostedGitHost } from '../pr-urls';

/** The item's English title (tests find the item by it); users read t('background.menuTitle'). */
export const MENU_TITLE = 'Find Devin sessions for this pull request';
/** Right-click on a pull-request page (`documentUrlPatterns`). */
export const PAGE_MENU_ID = 'devin-pr-sessions-page';
/** Right-click on a link to a pull request, on any page (`targetUrlPatterns`). */
export const LINK_MENU_ID = 'devin-pr-sessions-link';

export interface PullRequestMenu {
  id: typeof PAGE_MENU_ID | typeof LINK_MENU_ID;
  title: string;
  contexts: ['page'] | ['link'];
  documentUrlPatterns?: string[];
  targetUrlPatterns?: string[];
}

/**
 * Two items rather than one with both contexts: `documentUrlPatterns` applies to every context
 * of an item, so a single item would hide the link entry on pages that are not PR pages
 * (a chat, an issue, a notification list), which is where PR links are met most.
 */
export function pullRequestMenus(gitHosts: readonly SelfHostedGitHost[]): PullRequestMenu[] {
  const patterns = pullRequestPagePatterns(gitHosts);
  const title = t('background.menuTitle');
  return [
    { id: PAGE_MENU_ID, title, contexts: ['page'], documentUrlPatterns: patterns },
    { id: LINK_MENU_ID, title, contexts: ['link'], targetUrlPatterns: [...patterns] },
  ];
}

/** The fields of a click the lookup needs (a subset of contextMenus.OnClickData). */
export interface MenuClick {
  menuItemId: number | string;
  linkUrl?: string;
  pageUrl?: string;
}

/**
 * The URL a click is about: the link's target for the link item, the page for the page item,
 * null for an item of another feature.
 */
export function clickedPullRequestUrl(click: MenuClick): string | null {
  if (click.menuItemId === LINK_MENU_ID) return click.linkUrl ?? null;
  if (click.menuItemId === PAGE_MENU_ID) return click.pageUrl ?? null;
  return null;
}

export interface ContextMenusAdapter {
  /** Resolves once the item exists; rejects with the browser's error (e.g. a duplicate id). */
  create(menu: PullRequestMenu): Promise<void>;
  /** Rejects when there is no such item. */
  remove(id: string): Promise<void>;
}

/**
 * Returns `install()`, which replaces this feature's items with ones built from the current
 * settings. Calls are queued: two overlapping installs (install event and a settings change)
 * would otherwise remove, remove, create, create and fail on the duplicate id. Only this
 * feature's ids are removed: `removeAll` would also delete other features' items.
 */
export function createMenuInstaller(
  menus: ContextMenusAdapter,
  readGitHosts: () => Promise<readonly SelfHostedGitHost[]>,
): () => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  return () => {
    const run = queue.then(async () => {
      const definitions = pullRequestMenus(await readGitHosts());
      for (const menu of definitions) {
        // Absent after a fresh install; present after an update, a restart or a settings change.
        await menus.remove(menu.id).catch(() => undefined);
        await menus.create(menu);
      }
    });
    queue = run.catch((error: unknown) => logFailure('installing the PR context menu', error));
    return run;
  };
}
