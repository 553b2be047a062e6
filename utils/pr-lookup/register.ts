/**
 * Wires the pull-request feature into the background: the context menu and its clicks, and the
 * per-tab badge. Listeners are added synchronously (a restarted worker must see the event that
 * woke it); everything else waits for the settings. No content script: the page never sees
 * the extension, and the lookup never leaves the background.
 */

import { liveQuery, type Subscription } from 'dexie';
import { type Browser, browser } from 'wxt/browser';
import { readGlobalBadge } from '../badge/read';
import type { DevinDatabase } from '../db/schema';
import { logFailure, runDetached } from '../log';
import {
  isSupportedPullRequestPage,
  normalizePullRequestUrl,
  type SelfHostedGitHost,
} from '../pr-urls';
import { DEFAULT_SETTINGS, type Settings, settingsItem, tabBadgesItem } from '../settings/items';
import { countLinkedSessions, handlePullRequestMenuClick } from './lookup';
import { type ContextMenusAdapter, createMenuInstaller, type MenuClick } from './menu';
import { browserTabBadgeActions, PullRequestTabBadges, type TabBadgeActions } from './tab-badge';

export interface MenusAdapter extends ContextMenusAdapter {
  /** Adds a click listener; returns its removal. */
  onClicked(listener: (click: MenuClick, tab?: Browser.tabs.Tab) => void): () => void;
}

/** The browser's contextMenus (`menus` in Firefox, which also answers to this name). */
function browserContextMenus(): MenusAdapter {
  return {
    create: (menu) =>
      new Promise<void>((resolve, reject) => {
        // create() reports errors only through its callback.
        browser.contextMenus.create(menu, () => {
          const error = browser.runtime.lastError;
          if (error) reject(new Error(error.message));
          else resolve();
        });
      }),
    remove: (id) => browser.contextMenus.remove(id),
    onClicked: (listener) => {
      browser.contextMenus.onClicked.addListener(listener);
      return () => browser.contextMenus.onClicked.removeListener(listener);
    },
  };
}

export interface PullRequestFeatureOptions {
  db: DevinDatabase;
  /** Defaults to the browser's contextMenus; tests pass their own (the fake browser has none). */
  menus?: MenusAdapter;
  /** Defaults to the browser's action API. */
  badgeActions?: TabBadgeActions;
}

export interface PullRequestFeature {
  /** Resolves once the settings are read and the open tabs scanned. */
  ready: Promise<void>;
  /** (Re)installs the menu items from the current settings. */
  installMenus(): Promise<void>;
  /** Resolves once every badge change asked so far is applied. */
  settled(): Promise<void>;
  /** Removes every listener and the live query (tests). */
  dispose(): void;
}

function gitHostsOf(settings: Partial<Settings> | null | undefined): SelfHostedGitHost[] {
  const hosts = { ...DEFAULT_SETTINGS, ...settings }.gitHosts;
  return Array.isArray(hosts) ? hosts : [];
}

/** The global badge, computed as the background computes it for the toolbar. */

export function registerPullRequestFeature(options: PullRequestFeatureOptions): PullRequestFeature {
  const { db } = options;
  const menus = options.menus ?? browserContextMenus();
  // Typed paths know only built entrypoints; the sessions page is another module's.
  const sessionsPage = (browser.runtime.getURL as (path: string) => string)('/sessions.html');
  let gitHosts: SelfHostedGitHost[] = [];

  const keyOf = (url: string | undefined): string | null =>
    url !== undefined && isSupportedPullRequestPage(url, gitHosts)
      ? normalizePullRequestUrl(url)
      : null;

  // --- The live counts: one query over the keys of open PR tabs, re-run by Dexie on change.
  let subscription: Subscription | null = null;
  let subscribedTo: string | null = null;
  const resubscribe = () => {
    const keys = badges.watchedKeys();
    const signature = keys === null ? null : keys.join('\n');
    if (signature === subscribedTo) return;
    subscription?.unsubscribe();
    subscription = null;
    subscribedTo = signature;
    if (keys === null) return;
    subscription = liveQuery(async () => {
      const [counts, global] = await Promise.all([
        countLinkedSessions(db, keys),
        readGlobalBadge(db),
      ]);
      return { counts, global };
    }).subscribe({
      next: ({ counts, global }) => void badges.update(counts, global),
      error: (error: unknown) => logFailure('counting the sessions of open PR tabs', error),
    });
  };

  const badges = new PullRequestTabBadges({
    actions: options.badgeActions ?? browserTabBadgeActions(),
    loadStates: () => tabBadgesItem.getValue(),
    saveStates: (states) => tabBadgesItem.setValue(states),
    onWatchChanged: resubscribe,
  });

  const scanTabs = async () => {
    const tabs = await browser.tabs.query({});
    await badges.setTabs(
      tabs.flatMap((tab) =>
        tab.id === undefined || tab.id < 0 ? [] : [{ tabId: tab.id, key: keyOf(tab.url) }],
      ),
    );
  };

  const installMenus = createMenuInstaller(menus, async () =>
    gitHostsOf(await settingsItem.getValue()),
  );

  const ready = (async () => {
    gitHosts = gitHostsOf(await settingsItem.getValue());
    await scanTabs();
  })();
  runDetached('starting the PR lookup', ready);
  const whenReady = (job: () => Promise<unknown>) => {
    runDetached('a PR lookup job', ready.then(job));
  };

  // --- Listeners, all added now.
  const removeClickListener = menus.onClicked((click, tab) => {
    handlePullRequestMenuClick(click, tab, {
      db,
      sessionsPage,
      openTab: (properties) => browser.tabs.create(properties),
    }).catch((error: unknown) => logFailure('looking up the sessions of a PR', error));
  });

  // Items persist across worker restarts; they are (re)built when the extension is installed or
  // updated, when the browser starts, and when the git hosts change.
  // installMenus reports its own failures (menu.ts).
  const onInstalledOrStartup = () => void installMenus().catch(() => undefined);
  browser.runtime.onInstalled.addListener(onInstalledOrStartup);
  browser.runtime.onStartup.addListener(onInstalledOrStartup);

  const unwatchSettings = settingsItem.watch((next, previous) => {
    const hosts = gitHostsOf(next);
    if (JSON.stringify(hosts) === JSON.stringify(gitHostsOf(previous))) return;
    gitHosts = hosts;
    void installMenus().catch(() => undefined);
    whenReady(scanTabs);
  });

  // GitHub and GitLab change pages in place: `url` comes with every history change; `complete`
  // follows a new document, which cleared the tab's badge.
  const onUpdated = (
    tabId: number,
    change: Browser.tabs.OnUpdatedInfo,
    tab: Browser.tabs.Tab,
  ): void => {
    if (change.url === undefined && change.status !== 'complete') return;
    whenReady(() => badges.setTab(tabId, keyOf(tab.url), true));
  };
  const onActivated = ({ tabId }: Browser.tabs.OnActivatedInfo): void => {
    whenReady(async () => {
      // Gone already when closed right after activation.
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (tab) await badges.setTab(tabId, keyOf(tab.url), false);
    });
  };
  const onRemoved = (tabId: number): void => {
    runDetached('forgetting a closed tab', badges.removeTab(tabId));
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onRemoved.addListener(onRemoved);

  return {
    ready,
    installMenus,
    settled: () => badges.settled(),
    dispose() {
      removeClickListener();
      browser.runtime.onInstalled.removeListener(onInstalledOrStartup);
      browser.runtime.onStartup.removeListener(onInstalledOrStartup);
      unwatchSettings();
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      subscription?.unsubscribe();
      subscription = null;
    },
  };
}
