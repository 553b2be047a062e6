import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ActionModel } from '../../tests/fixtures/pr-lookup';
import { applyBadge } from '../badge/apply';
import { type BadgeView, globalBadge, pullRequestBadge } from '../badge/badge';
import { EMPTY_SYNC_STATUS } from '../sync/status';
import {
  browserTabBadgeActions,
  PullRequestTabBadges,
  type StoredTabBadges,
  type TabBadgeActions,
} from './tab-badge';

const KEY = 'github.com/acme/web/pull/12';
const OTHER_KEY = 'github.com/acme/web/pull/13';
const GLOBAL = globalBadge(3, EMPTY_SYNC_STATUS);
const GLOBAL_FAILED = globalBadge(3, {
  ...EMPTY_SYNC_STATUS,
  lastError: { kind: 'network', message: 'offline', at: 1 },
});

function linkedView(count: number): BadgeView {
  const view = pullRequestBadge(count);
  if (view === null) throw new Error('no view');
  return view;
}

function resolved(view: BadgeView) {
  return { text: view.text, title: view.title, color: view.color };
}

interface Harness {
  model: ActionModel;
  badges: PullRequestTabBadges;
  saved: StoredTabBadges[];
  watchChanges: number;
}

async function setUp(
  kind: 'chrome' | 'firefox',
  stored: StoredTabBadges = {},
  actions?: TabBadgeActions,
): Promise<Harness> {
  const model = new ActionModel(kind);
  model.install(fakeBrowser.action);
  // The background has put the global badge on the toolbar.
  await applyBadge(GLOBAL);
  const harness: Harness = { model, saved: [], watchChanges: 0 } as unknown as Harness;
  harness.badges = new PullRequestTabBadges({
    actions: actions ?? browserTabBadgeActions({ canUnsetTitleAndColor: kind === 'firefox' }),
    loadStates: async () => stored,
    saveStates: async (states) => {
      harness.saved.push(states);
    },
    onWatchChanged: () => {
      harness.watchChanges += 1;
    },
  });
  model.calls.length = 0;
  return harness;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('PullRequestTabBadges in Chrome', () => {
  it('shows the linked count on the PR tab only, over the global badge', async () => {
    const { model, badges } = await setUp('chrome');
    await badges.setTab(1, KEY, true);
    await badges.setTab(2, null, true);
    await badges.update(new Map([[KEY, 2]]), GLOBAL);
    expect(model.shown(1)).toEqual(resolved(linkedView(2)));
    expect(model.shown(1).text).toBe('2');
    expect(model.shown(2)).toEqual(resolved(GLOBAL));
    expect(model.hasOwn(2)).toBe(false);
  });

  it('hands the tab back to the global badge when it leaves the PR page in place', async () => {
    const { model, badges, saved } = await setUp('chrome');
    await badges.setTab(1, KEY, true);
    await badges.update(new Map([[KEY, 2]]), GLOBAL);
    // history.pushState to the repository's home page.
    await badges.setTab(1, null, true);
    // The text is unset (null), never set to '' (which would hide the global badge).
    expect(model.calls).toContain('text:1:null');
    expect(model.text.tabs.has(1)).toBe(false);
    expect(model.shown(1)).toEqual(resolved(GLOBAL));
    expect(saved.at(-1)).toEqual({ 1: 'pinned' });
  });

  it('keeps the copied title and colour of a handed-back tab in step with the global badge', async () => {
    const { model, badges } = await setUp('chrome');
    await badges.setTab(1, KEY, true);
    await badges.update(new Map([[KEY, 2]]), GLOBAL);
    await badges.setTab(1, null, true);
    // A sync fails: the background changes the global badge, the live query answers again.
    await applyBadge(GLOBAL_FAILED);
    await badges.update(new Map(), GLOBAL_FAILED);
    expect(model.shown(1)).toEqual(resolved(GLOBAL_FAILED));
    // An answer with nothing new costs no call.
    model.calls.length = 0;
    await badges.update(new Map(), GLOBAL_FAILED);
    expect(model.calls).toEqual([]);
  });

  it('shows the badge again after a new document cleared it, with an unchanged count', async () => {
    const { model, badges } = await setUp('chrome');
    await badges.setTab(1, KEY, true);
    await badges.update(new Map([[KEY, 2]]), GLOBAL);
    model.newDocument(1);
    await badges.setTab(1, KEY, true);
    expect(model.shown(1).text).toBe('2');
  });

  it('does not repeat calls on activation when nothing changed', async () => {
    const { model, badges } = await setUp('chrome');
    await badges.setTab(1, KEY, true);
    await badges.update(new Map([[KEY, 2]]), GLOBAL);
    model.calls.length = 0;
    await badges.setTab(1, KEY, false);
    expect(model.calls).toEqual([]);
  });

  it('makes no call at all for tabs that never had a badge', async () => {
    const { model, badges } = await setUp('chrome');
    await badges.update(new Map(), GLOBAL);
    for (let i = 0; i < 5; i++) await badges.setTab(7, null, true);
    await badges.setTab(8, 'gitlab.com/a/b/-/merge_requests/1', true);
    await badges.update(new Map([['gitlab.com/a/b/-/merge_requests/1', 0]]), GLOBAL);
    expect(model.calls).toEqual([]);
  });

  it('updates the count when sync links more sessions, and clears it at zero', async () => {
    const { model, badges } = await setUp('chrome');
    await badges.setTab(1, KEY, true);
    await badges.update(new Map([[KEY, 1]]), GLOBAL);
    expect(model.shown(1).title).toBe('1 Devin session linked to this pull request');
    await badges.update(new Map([[KEY, 3]]), GLOBAL);
    expect(model.shown(1).text).toBe('3');
    // The cache was cleared.
    await badges.update(new Map([[KEY, 0]]), GLOBAL);
    expect(model.shown(1)).toEqual(resolved(GLOBAL));
  });

  it('waits for the count of a PR seen for the first time', async () => {
    const { model, badges } = await setUp('chrome');
    await badges.setTab(1, KEY, true);
    await badges.update(new Map([[KEY, 2]]), GLOBAL);
    model.calls.length = 0;
    // In-page navigation to another PR: its count is not known yet.
    await badges.setTab(1, OTHER_KEY, true);
    expect(model.calls).toEqual([]);
    expect(badges.watchedKeys()).toEqual([OTHER_KEY]);
    await badges.update(new Map([[OTHER_KEY, 5]]), GLOBAL);
    expect(model.shown(1).text).toBe('5');
  });

  it('applies quick navigations in order', async () => {
    const { model, badges } = await setUp('chrome');
    void badges.setTab(1, KEY, true);
    void badges.update(new Map([[KEY, 2]]), GLOBAL);
    void badges.setTab(1, null, true);
    void badges.setTab(1, KEY, true);
    void badges.setTab(1, null, true);
    await badges.settled();
    expect(model.shown(1)).toEqual(resolved(GLOBAL));
  });

  it('tells its owner which keys to watch, and when nothing needs watching', async () => {
    const harness = await setUp('chrome');
    const { badges } = harness;
    await badges.settled();
    expect(badges.watchedKeys()).toBeNull();
    await badges.setTab(1, KEY, true);
    await badges.setTab(2, KEY, true);
    await badges.setTab(3, OTHER_KEY, true);
    expect(badges.watchedKeys()).toEqual([KEY, OTHER_KEY]);
    const before = harness.watchChanges;
    await badges.setTab(2, KEY, true);
    expect(harness.watchChanges).toBe(before);
    await badges.removeTab(1);
    await badges.removeTab(2);
    await badges.removeTab(3);
    expect(badges.watchedKeys()).toBeNull();
    expect(harness.watchChanges).toBe(before + 2);
  });

  it('restores which tabs carry its badge after a worker restart', async () => {
    const first = await setUp('chrome');
    await first.badges.setTab(1, KEY, true);
    await first.badges.update(new Map([[KEY, 2]]), GLOBAL);
    expect(first.saved.at(-1)).toEqual({ 1: 'linked' });

    // A new worker: same browser state, fresh memory, states from session storage.
    const second = new PullRequestTabBadges({
      actions: browserTabBadgeActions({ canUnsetTitleAndColor: false }),
      loadStates: async () => ({ 1: 'linked' }),
      saveStates: async () => {},
      onWatchChanged: () => {},
    });
    expect(second.watchedKeys()).toBeNull();
    await second.settled();
    // Not a PR page any more, but the tab is remembered: something to watch (the global badge).
    expect(second.watchedKeys()).toEqual([]);
    await second.setTab(1, null, true);
    await second.update(new Map(), GLOBAL);
    expect(first.model.shown(1)).toEqual(resolved(GLOBAL));
  });

  it('forgets tabs that are gone, and tabs a scan no longer lists', async () => {
    const { badges, saved } = await setUp('chrome');
    await badges.setTab(1, KEY, true);
    await badges.setTab(2, KEY, true);
    await badges.update(new Map([[KEY, 2]]), GLOBAL);
    await badges.removeTab(1);
    expect(saved.at(-1)).toEqual({ 2: 'linked' });
    await badges.setTabs([{ tabId: 3, key: null }]);
    expect(saved.at(-1)).toEqual({});
    expect(badges.watchedKeys()).toBeNull();
  });

  it('drops a tab that was closed while its badge was being applied, and carries on', async () => {
    const failing: TabBadgeActions = {
      show: async (tabId) => {
        if (tabId === 1) throw new Error('No tab with id: 1.');
      },
      reset: async () => 'clean',
    };
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const { badges, saved } = await setUp('chrome', {}, failing);
    await badges.setTab(1, KEY, true);
    await badges.setTab(2, KEY, true);
    await badges.update(new Map([[KEY, 2]]), GLOBAL);
    expect(saved.at(-1)).toEqual({ 2: 'linked' });
    expect(badges.watchedKeys()).toEqual([KEY]);
    expect(debug).toHaveBeenCalledOnce();
    debug.mockRestore();
  });
});

describe('PullRequestTabBadges in Firefox', () => {
  it('unsets text, title and colour of a tab that leaves the PR page', async () => {
    const { model, badges, saved } = await setUp('firefox');
    await badges.setTab(1, KEY, true);
    await badges.update(new Map([[KEY, 2]]), GLOBAL);
    expect(model.shown(1).text).toBe('2');
    await badges.setTab(1, null, true);
    expect(model.hasOwn(1)).toBe(false);
    expect(model.shown(1)).toEqual(resolved(GLOBAL));
    expect(saved.at(-1)).toEqual({});
    // Nothing pinned, so nothing to refresh when the global badge changes.
    model.calls.length = 0;
    await badges.update(new Map(), GLOBAL_FAILED);
    expect(model.calls).toEqual([]);
  });
});
