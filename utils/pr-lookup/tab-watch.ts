/**
 * The PR-page badge's view of the tabs: which tab shows which PR, kept current from the tab
 * events, and a live count of the sessions behind each. It runs only while the badge is on and
 * the browser lets the extension see the PR hosts' addresses (register.ts decides): the tab
 * listeners are added then and removed when it stops, so a person who never turned the badge on
 * does not have the worker woken by every navigation. Added after the settings are read, the
 * tab listeners may miss the event that woke a restarted worker; the scan of every open tab
 * that starts the watch reads the address that event was about.
 */

import { liveQuery, type Subscription } from 'dexie';
import { type Browser, browser } from 'wxt/browser';
import { readGlobalBadge } from '../badge/read';
import type { DevinDatabase } from '../db/schema';
import { logFailure, runDetached } from '../log';
import { tabBadgesItem } from '../settings/items';
import { countLinkedSessions } from './lookup';
import { PullRequestTabBadges, type TabBadgeActions } from './tab-badge';

export interface TabWatchOptions {
  db: DevinDatabase;
  actions: TabBadgeActions;
  /** The normalized key of the supported PR page at `url`, or null (reads the git hosts). */
  keyOf(url: string | undefined): string | null;
}

export interface TabWatch {
  /**
   * Starts or stops watching. Stopping hands every tab that carries a count back to the global
   * badge. The first call with false also clears counts left by a worker that stopped meanwhile.
   * (In Chrome a tab handed back keeps copies of the global title and colour, which the live
   * query keeps current until the tab closes or the badge is turned on again: see tab-badge.ts.)
   */
  setActive(active: boolean): Promise<void>;
  /** Reads every open tab again (the git hosts changed); nothing while stopped. */
  rescan(): Promise<void>;
  /** Resolves once every badge change asked so far is applied. */
  settled(): Promise<void>;
  /** Removes the listeners and the live query (tests). */
  dispose(): void;
}

export function createTabWatch(options: TabWatchOptions): TabWatch {
  const { db, keyOf } = options;

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
    actions: options.actions,
    loadStates: () => tabBadgesItem.getValue(),
    saveStates: (states) => tabBadgesItem.setValue(states),
    onWatchChanged: resubscribe,
  });

  /**
   * Hands every open tab to the badges. Without `tabs`, only tabs on hosts the extension may
   * access carry a URL: exactly the PR hosts the badge asked for; every other tab comes without
   * one and counts as no PR. Stopped, every tab counts as no PR: counts go, and tabs closed
   * meanwhile are forgotten (ids need no permission).
   */
  const scanTabs = async (watching: boolean) => {
    const tabs = await browser.tabs.query({});
    await badges.setTabs(
      tabs.flatMap((tab) =>
        tab.id === undefined || tab.id < 0
          ? []
          : [{ tabId: tab.id, key: watching ? keyOf(tab.url) : null }],
      ),
    );
  };

  // GitHub and GitLab change pages in place: `url` comes with every history change; `complete`
  // follows a new document, which cleared the tab's badge.
  const onUpdated = (
    tabId: number,
    change: Browser.tabs.OnUpdatedInfo,
    tab: Browser.tabs.Tab,
  ): void => {
    if (change.url === undefined && change.status !== 'complete') return;
    runDetached('following a tab', badges.setTab(tabId, keyOf(tab.url), true));
  };
  const onActivated = ({ tabId }: Browser.tabs.OnActivatedInfo): void => {
    const job = async () => {
      // Gone already when closed right after activation.
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (tab) await badges.setTab(tabId, keyOf(tab.url), false);
    };
    runDetached('reading an activated tab', job());
  };
  const onRemoved = (tabId: number): void => {
    runDetached('forgetting a closed tab', badges.removeTab(tabId));
  };
  const listen = (on: boolean) => {
    const method = on ? 'addListener' : 'removeListener';
    browser.tabs.onUpdated[method](onUpdated);
    browser.tabs.onActivated[method](onActivated);
    browser.tabs.onRemoved[method](onRemoved);
  };

  let active: boolean | null = null;
  // Turning on and off, and rescans, one at a time and in the order asked.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>): Promise<void> => {
    const run = queue.then(job);
    queue = run.catch((error: unknown) => logFailure('watching tabs for the PR badge', error));
    return run;
  };

  return {
    setActive: (next) =>
      enqueue(async () => {
        if (next === active) return;
        active = next;
        listen(next);
        await scanTabs(next);
      }),
    rescan: () =>
      enqueue(async () => {
        if (active) await scanTabs(true);
      }),
    settled: () => queue.then(() => badges.settled()),
    dispose() {
      if (active) listen(false);
      active = null;
      subscription?.unsubscribe();
      subscription = null;
    },
  };
}
