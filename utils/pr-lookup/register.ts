/**
 * Wires the pull-request feature into the background: the context menu and its clicks, and the
 * per-tab badge. The menu needs no permission beyond `contextMenus`: a click hands over the
 * page's (or link's) address. The badge is opt-in: it runs only while it is turned on and the
 * browser lets the extension see the PR hosts' addresses (utils/settings/badge-access.ts).
 * Menu, settings and permission listeners are added synchronously (a restarted worker must see
 * the event that woke it); everything else waits for the settings. No content script: the page
 * never sees the extension, and the lookup never leaves the background.
 */

import { type Browser, browser } from 'wxt/browser';
import type { DevinDatabase } from '../db/schema';
import { logFailure, runDetached } from '../log';
import {
  isSupportedPullRequestPage,
  normalizePullRequestUrl,
  type SelfHostedGitHost,
} from '../pr-urls';
import { hasBadgeAccess } from '../settings/badge-access';
import { DEFAULT_SETTINGS, prPageBadgeItem, type Settings, settingsItem } from '../settings/items';
import { handlePullRequestMenuClick } from './lookup';
import { type ContextMenusAdapter, createMenuInstaller, type MenuClick } from './menu';
import { browserTabBadgeActions, type TabBadgeActions } from './tab-badge';
import { createTabWatch } from './tab-watch';

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
  /** Resolves once the settings are read and, when the badge is on, the open tabs scanned. */
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

export function registerPullRequestFeature(options: PullRequestFeatureOptions): PullRequestFeature {
  const { db } = options;
  const menus = options.menus ?? browserContextMenus();
  // Typed paths know only built entrypoints; the sessions page is another module's.
  const sessionsPage = (browser.runtime.getURL as (path: string) => string)('/sessions.html');
  let gitHosts: SelfHostedGitHost[] = [];

  const tabs = createTabWatch({
    db,
    actions: options.badgeActions ?? browserTabBadgeActions(),
    keyOf: (url) =>
      url !== undefined && isSupportedPullRequestPage(url, gitHosts)
        ? normalizePullRequestUrl(url)
        : null,
  });
  const badgeWanted = async () =>
    (await prPageBadgeItem.getValue()) === true && (await hasBadgeAccess());

  const installMenus = createMenuInstaller(menus, async () =>
    gitHostsOf(await settingsItem.getValue()),
  );

  const ready = (async () => {
    gitHosts = gitHostsOf(await settingsItem.getValue());
    await tabs.setActive(await badgeWanted());
  })();
  runDetached('starting the PR lookup', ready);
  const whenReady = (job: () => Promise<unknown>) => {
    runDetached('a PR lookup job', ready.then(job));
  };
  // One decision at a time, so an older reading of the setting never wins over a newer one.
  let decisions: Promise<unknown> = ready;
  const decide = (job: () => Promise<void>) => {
    decisions = decisions.then(job, job);
    runDetached('turning the PR badge on or off', decisions);
  };
  const followBadge = () => decide(async () => tabs.setActive(await badgeWanted()));

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
    whenReady(() => tabs.rescan());
  });
  const unwatchBadge = prPageBadgeItem.watch(followBadge);

  // The person can withdraw site access in the browser's own settings at any time. The badge
  // then turns off, and so does its setting, so the options page shows it off rather than on
  // and silently broken; turning it on again asks the browser again.
  const onPermissionsRemoved = () => {
    decide(async () => {
      if ((await prPageBadgeItem.getValue()) && !(await hasBadgeAccess())) {
        await prPageBadgeItem.setValue(false);
      }
      await tabs.setActive(await badgeWanted());
    });
  };
  browser.permissions.onAdded.addListener(followBadge);
  browser.permissions.onRemoved.addListener(onPermissionsRemoved);

  return {
    ready,
    installMenus,
    settled: () => ready.then(() => tabs.settled()),
    dispose() {
      removeClickListener();
      browser.runtime.onInstalled.removeListener(onInstalledOrStartup);
      browser.runtime.onStartup.removeListener(onInstalledOrStartup);
      unwatchSettings();
      unwatchBadge();
      browser.permissions.onAdded.removeListener(followBadge);
      browser.permissions.onRemoved.removeListener(onPermissionsRemoved);
      tabs.dispose();
    },
  };
}
