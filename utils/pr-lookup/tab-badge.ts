/**
 * The per-tab toolbar badge on pull-request pages: how many cached sessions link to the PR the
 * tab shows. A tab's own badge hides the global one (running sessions, sync warning) only while
 * the tab is on a PR page with linked sessions; everywhere else the tab shows the global badge.
 *
 * Browser facts this is built on (checked in Chromium, and in MDN for Firefox):
 * - A new document in a tab clears every per-tab value (text, colour, title); in-page navigation
 *   (`history.pushState`, GitHub and GitLab moving between views) clears nothing.
 * - `setBadgeText({ tabId, text: null })` hands the text back to the global badge (an empty
 *   string would instead hide it). Firefox accepts null for the title and colour too; Chrome
 *   refuses it, so there a tab keeps per-tab copies of the global title and colour ("pinned"),
 *   which are refreshed whenever the global badge changes.
 *
 * Every call is queued and applied in order, so quick navigations never leave a stale badge.
 */
import { browser } from 'wxt/browser';
import { applyBadge } from '../badge/apply';
import { type BadgeView, pullRequestBadge } from '../badge/badge';
import { logFailure } from '../log';

/** What this feature has put on a tab. Tabs without a state show the global badge untouched. */
type TabBadgeState = 'linked' | 'pinned';
/** States by tab id, as kept in session storage across service-worker restarts. */
export type StoredTabBadges = Record<string, TabBadgeState>;

export interface TabBadgeActions {
  show(tabId: number, view: BadgeView): Promise<void>;
  /**
   * Hands the tab back to the global badge. Returns 'pinned' when the browser could only copy
   * `global`'s title and colour onto the tab instead of unsetting them.
   */
  reset(tabId: number, global: BadgeView): Promise<'clean' | 'pinned'>;
}

/** `action` as both browsers implement it: null unsets a per-tab value (Chrome: text only). */
interface NullableAction {
  setBadgeText(details: { tabId: number; text: string | null }): Promise<void>;
  setTitle(details: { tabId: number; title: string | null }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string | null }): Promise<void>;
}

export function browserTabBadgeActions(
  options: { canUnsetTitleAndColor?: boolean } = {},
): TabBadgeActions {
  const canUnset = options.canUnsetTitleAndColor ?? import.meta.env.FIREFOX;
  // The typings know only Chrome's string-only signatures.
  const action = browser.action as unknown as NullableAction;
  return {
    show: (tabId, view) => applyBadge(view, tabId),
    async reset(tabId, global) {
      await action.setBadgeText({ tabId, text: null });
      if (canUnset) {
        await Promise.all([
          action.setTitle({ tabId, title: null }),
          action.setBadgeBackgroundColor({ tabId, color: null }),
        ]);
        return 'clean';
      }
      await Promise.all([
        action.setTitle({ tabId, title: global.title }),
        action.setBadgeBackgroundColor({ tabId, color: global.color }),
      ]);
      return 'pinned';
    },
  };
}

export interface TabBadgesOptions {
  actions: TabBadgeActions;
  loadStates(): Promise<StoredTabBadges>;
  saveStates(states: StoredTabBadges): Promise<void>;
  /** The keys to count changed (see `watchedKeys`); the owner re-subscribes its live query. */
  onWatchChanged(): void;
}

export interface TabPullRequest {
  tabId: number;
  /** The normalized key of the supported PR page the tab shows, or null. */
  key: string | null;
}

interface Applied {
  state: TabBadgeState;
  /** What was applied; empty when unknown (restored after a restart), so it is re-applied. */
  signature: string;
}

function signatureOf(view: BadgeView): string {
  return `${view.text}\n${view.color}\n${view.title}`;
}

export class PullRequestTabBadges {
  /** Tabs showing a supported PR page, and its key. */
  private readonly keys = new Map<number, string>();
  private readonly applied = new Map<number, Applied>();
  /** Linked-session counts of watched keys, from the latest live-query answer. */
  private counts = new Map<string, number>();
  private global: BadgeView | null = null;
  private queue: Promise<void> = Promise.resolve();
  private statesChanged = false;
  private watchSignature: string | null = null;

  constructor(private readonly options: TabBadgesOptions) {
    void this.enqueue(async () => {
      for (const [id, state] of Object.entries(await options.loadStates())) {
        const tabId = Number(id);
        if (Number.isInteger(tabId) && (state === 'linked' || state === 'pinned')) {
          this.applied.set(tabId, { state, signature: '' });
        }
      }
    });
  }

  /**
   * The PR keys whose counts are needed (sorted), or null when no tab needs anything: then
   * there is nothing to watch at all. The global badge is needed whenever this is not null.
   */
  watchedKeys(): string[] | null {
    if (this.keys.size === 0 && this.applied.size === 0) return null;
    return [...new Set(this.keys.values())].sort();
  }

  /**
   * A tab shows `key` (null: not a supported PR page). `navigated`: a navigation happened, and
   * a new document may have cleared the tab's badge, so it is applied again.
   */
  setTab(tabId: number, key: string | null, navigated: boolean): Promise<void> {
    return this.enqueue(async () => {
      this.setKey(tabId, key);
      await this.render(tabId, navigated);
    });
  }

  /** Every open tab at once (start-up, changed git hosts); tabs not listed are forgotten. */
  setTabs(tabs: readonly TabPullRequest[]): Promise<void> {
    return this.enqueue(async () => {
      const listed = new Set(tabs.map((tab) => tab.tabId));
      for (const tabId of [...this.keys.keys()]) if (!listed.has(tabId)) this.keys.delete(tabId);
      for (const tabId of [...this.applied.keys()]) {
        if (!listed.has(tabId)) this.setApplied(tabId, undefined);
      }
      for (const tab of tabs) this.setKey(tab.tabId, tab.key);
      await this.renderAll();
    });
  }

  removeTab(tabId: number): Promise<void> {
    return this.enqueue(async () => {
      this.keys.delete(tabId);
      this.setApplied(tabId, undefined);
    });
  }

  /** A live-query answer: counts of the watched keys, and the global badge. */
  update(counts: ReadonlyMap<string, number>, global: BadgeView): Promise<void> {
    return this.enqueue(async () => {
      this.counts = new Map(counts);
      this.global = global;
      await this.renderAll();
    });
  }

  /** Resolves once everything asked so far has been applied. */
  settled(): Promise<void> {
    return this.enqueue(async () => {});
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(job).then(() => this.afterJob());
    this.queue = run.catch((error: unknown) => logFailure('updating a PR tab badge', error));
    return run;
  }

  private async afterJob(): Promise<void> {
    const keys = this.watchedKeys();
    const signature = keys === null ? null : keys.join('\n');
    if (signature !== this.watchSignature) {
      this.watchSignature = signature;
      this.options.onWatchChanged();
    }
    if (!this.statesChanged) return;
    this.statesChanged = false;
    const states: StoredTabBadges = {};
    for (const [tabId, { state }] of this.applied) states[tabId] = state;
    await this.options.saveStates(states);
  }

  private setKey(tabId: number, key: string | null): void {
    if (key === null) this.keys.delete(tabId);
    else this.keys.set(tabId, key);
  }

  private setApplied(tabId: number, applied: Applied | undefined): void {
    if (this.applied.get(tabId)?.state !== applied?.state) this.statesChanged = true;
    if (applied === undefined) this.applied.delete(tabId);
    else this.applied.set(tabId, applied);
  }

  private async renderAll(): Promise<void> {
    for (const tabId of new Set([...this.keys.keys(), ...this.applied.keys()])) {
      await this.render(tabId, false);
    }
  }

  private async render(tabId: number, force: boolean): Promise<void> {
    const key = this.keys.get(tabId);
    const count = key === undefined ? 0 : this.counts.get(key);
    // A key seen for the first time is counted by the next live-query answer, which renders it.
    if (count === undefined) return;
    const view = pullRequestBadge(count);
    const current = this.applied.get(tabId);
    try {
      if (view !== null) {
        const signature = signatureOf(view);
        if (!force && current?.state === 'linked' && current.signature === signature) return;
        await this.options.actions.show(tabId, view);
        this.setApplied(tabId, { state: 'linked', signature });
        return;
      }
      // Nothing of ours on the tab: leave it alone (the common case, and free).
      if (current === undefined || this.global === null) return;
      const signature = signatureOf(this.global);
      if (current.state === 'pinned' && current.signature === signature) return;
      const result = await this.options.actions.reset(tabId, this.global);
      this.setApplied(tabId, result === 'pinned' ? { state: 'pinned', signature } : undefined);
    } catch (error) {
      // Mostly a tab closed meanwhile ("No tab with id"); its state goes with it.
      this.keys.delete(tabId);
      this.setApplied(tabId, undefined);
      console.debug('[pr-lookup] tab badge not applied:', tabId, error);
    }
  }
}
