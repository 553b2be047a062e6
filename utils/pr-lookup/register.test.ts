/**
 * The whole feature as the background runs it: fake browser for tabs, storage and the action
 * (with a faithful badge model), a real Dexie database on fake-indexeddb, and a contextMenus
 * adapter that behaves as Chrome's does.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putSessions } from '../../tests/fixtures/db';
import { type FakePermissions, installFakePermissions } from '../../tests/fixtures/permissions';
import {
  ActionModel,
  FakeMenus,
  sessionWithPullRequests,
  uniqueDbName,
} from '../../tests/fixtures/pr-lookup';
import { applyBadge } from '../badge/apply';
import { globalBadge } from '../badge/badge';
import { DevinDatabase } from '../db/schema';
import { clearCache } from '../db/writes';
import { builtInHostPermissionPatterns, builtInPullRequestPagePatterns } from '../pr-urls';
import { DEFAULT_SETTINGS, prPageBadgeItem, settingsItem, tabBadgesItem } from '../settings/items';
import { EMPTY_SYNC_STATUS } from '../sync/status';
import { LINK_MENU_ID, PAGE_MENU_ID } from './menu';
import { type PullRequestFeature, registerPullRequestFeature } from './register';
import { browserTabBadgeActions } from './tab-badge';

const GHE = 'https://github.acme.corp';
const PR = `${GHE}/platform/api/pull/42`;
const PR_KEY = 'github.acme.corp/platform/api/pull/42';
const PUBLIC_PR = 'https://github.com/acme/web/pull/7';
const SESSIONS_PAGE = 'chrome-extension://test-extension-id/sessions.html';
const GLOBAL = globalBadge(0, EMPTY_SYNC_STATUS);

let db: DevinDatabase;
let menus: FakeMenus;
let model: ActionModel;
let feature: PullRequestFeature | null = null;
let permissions: FakePermissions;

beforeEach(async () => {
  fakeBrowser.reset();
  permissions = installFakePermissions(['https://api.devin.ai/*']);
  db = new DevinDatabase(uniqueDbName());
  menus = new FakeMenus();
  model = new ActionModel('chrome');
  model.install(fakeBrowser.action);
  await applyBadge(GLOBAL);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, gitHosts: [{ origin: GHE, kind: 'github' }] });
  await putSessions(db, [
    sessionWithPullRequests('devin-1', [PR]),
    sessionWithPullRequests('devin-2', [`${PR}/files`]),
    sessionWithPullRequests('devin-3', [PUBLIC_PR]),
  ]);
});

afterEach(async () => {
  feature?.dispose();
  feature = null;
  db.close();
  await db.delete();
  vi.restoreAllMocks();
});

/** As the options toggle leaves things once the person allowed the prompt. */
async function turnBadgeOn(): Promise<void> {
  for (const pattern of builtInHostPermissionPatterns()) permissions.granted.add(pattern);
  permissions.granted.add('https://github.acme.corp/*');
  await prPageBadgeItem.setValue(true);
}

function watchesTabs(): boolean {
  // The fake's events have hasListeners(); its types leave it out.
  return (fakeBrowser.tabs.onUpdated as unknown as { hasListeners(): boolean }).hasListeners();
}

function register(): PullRequestFeature {
  feature = registerPullRequestFeature({
    db,
    menus,
    badgeActions: browserTabBadgeActions({ canUnsetTitleAndColor: false }),
  });
  return feature;
}

async function openTab(url: string): Promise<number> {
  const tab = await browser.tabs.create({ url: 'about:blank' });
  if (tab.id === undefined) throw new Error('no id');
  // The fake browser fires onUpdated only on update: navigate the new tab.
  await browser.tabs.update(tab.id, { url });
  return tab.id;
}

async function badgeText(tabId: number): Promise<string> {
  await feature?.settled();
  return model.shown(tabId).text;
}

describe('registerPullRequestFeature: context menu', () => {
  it('installs both items when the extension is installed, with the added hosts', async () => {
    register();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(menus.items.size).toBe(2));
    expect(menus.page()?.contexts).toEqual(['page']);
    expect(menus.page()?.documentUrlPatterns).toEqual([
      ...builtInPullRequestPagePatterns(),
      'https://github.acme.corp/*/*/pull/*',
    ]);
    expect(menus.link()?.contexts).toEqual(['link']);
    expect(menus.link()?.targetUrlPatterns).toEqual(menus.page()?.documentUrlPatterns);
  });

  it('re-creates the items without a duplicate-id error when the browser starts', async () => {
    const { installMenus } = register();
    await installMenus();
    const errors = vi.spyOn(console, 'error');
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(menus.calls).toHaveLength(8));
    expect(menus.items.size).toBe(2);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('updates the patterns as soon as a git host is added or removed in the options', async () => {
    const { installMenus } = register();
    await installMenus();
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      gitHosts: [
        { origin: GHE, kind: 'github' },
        { origin: 'https://gitlab.acme.corp', kind: 'gitlab' },
      ],
    });
    await vi.waitFor(() =>
      expect(menus.link()?.targetUrlPatterns).toContain(
        'https://gitlab.acme.corp/*/merge_requests/*',
      ),
    );
    expect(menus.page()?.documentUrlPatterns).toContain(
      'https://gitlab.acme.corp/*/merge_requests/*',
    );

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, gitHosts: [] });
    await vi.waitFor(() =>
      expect(menus.page()?.documentUrlPatterns).toEqual(builtInPullRequestPagePatterns()),
    );
    expect(menus.items.size).toBe(2);
  });

  it('does not rebuild the items when other settings change', async () => {
    const { installMenus } = register();
    await installMenus();
    const calls = menus.calls.length;
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      gitHosts: [{ origin: GHE, kind: 'github' }],
      orgIds: ['org-9'],
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(menus.calls).toHaveLength(calls);
  });

  it('answers a click from the cache in a new tab', async () => {
    register();
    expect(menus.listenerCount).toBe(1);
    const source = await browser.tabs.get(await openTab(PR));
    menus.click({ menuItemId: PAGE_MENU_ID, pageUrl: `${PR}/commits` }, source);
    await vi.waitFor(async () => {
      const urls = (await browser.tabs.query({})).map((tab) => tab.url);
      expect(urls).toContain(`${SESSIONS_PAGE}?pr=${encodeURIComponent(PR_KEY)}`);
    });
    menus.click({ menuItemId: LINK_MENU_ID, pageUrl: PR, linkUrl: PUBLIC_PR });
    await vi.waitFor(async () => {
      const urls = (await browser.tabs.query({})).map((tab) => tab.url);
      expect(urls).toContain(`${SESSIONS_PAGE}?session=devin-3`);
    });
  });
});

describe('registerPullRequestFeature: the badge is opt-in', () => {
  it('is off by default: no tab is watched, and the menu still answers from the click', async () => {
    const { ready } = register();
    await ready;
    expect(watchesTabs()).toBe(false);
    const tabId = await openTab(PR);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await badgeText(tabId)).toBe('');

    // Chrome hands over the page address with the click (no `tabs` needed to read it).
    menus.click({ menuItemId: PAGE_MENU_ID, pageUrl: PR });
    await vi.waitFor(async () => {
      const urls = (await browser.tabs.query({})).map((tab) => tab.url);
      expect(urls).toContain(`${SESSIONS_PAGE}?pr=${encodeURIComponent(PR_KEY)}`);
    });
  });

  it('stays off while turned on without the browser access', async () => {
    await prPageBadgeItem.setValue(true);
    const { ready } = register();
    await ready;
    expect(watchesTabs()).toBe(false);
  });

  it('starts when turned on, and hands the tab back to the global badge when turned off', async () => {
    const tabId = (await browser.tabs.create({ url: PR })).id ?? -1;
    const { ready } = register();
    await ready;
    await turnBadgeOn();
    await vi.waitFor(async () => expect(await badgeText(tabId)).toBe('2'));
    expect(watchesTabs()).toBe(true);

    await prPageBadgeItem.setValue(false);
    await vi.waitFor(async () => expect(model.text.tabs.has(tabId)).toBe(false));
    expect(model.shown(tabId).title).toBe(GLOBAL.title);
    expect(watchesTabs()).toBe(false);
    // Chrome cannot unset a tab's title: it keeps a copy of the global one ("pinned").
    await vi.waitFor(async () =>
      expect(await tabBadgesItem.getValue()).toEqual({ [tabId]: 'pinned' }),
    );
  });

  it('turns off, setting included, when the person withdraws the access in the browser', async () => {
    await turnBadgeOn();
    register();
    const tabId = await openTab(PUBLIC_PR);
    await vi.waitFor(async () => expect(await badgeText(tabId)).toBe('1'));

    permissions.withdraw('https://github.com/*');
    await vi.waitFor(async () => expect(await prPageBadgeItem.getValue()).toBe(false));
    await vi.waitFor(async () => expect(model.text.tabs.has(tabId)).toBe(false));
    expect(watchesTabs()).toBe(false);
  });
});

describe('registerPullRequestFeature: per-tab badge', () => {
  beforeEach(turnBadgeOn);

  it('counts the sessions linked to the PR a tab shows', async () => {
    register();
    const tabId = await openTab(`${PR}/files`);
    await vi.waitFor(async () => expect(await badgeText(tabId)).toBe('2'));
    expect(model.shown(tabId).title).toBe('2 Devin sessions linked to this pull request');
  });

  it('counts tabs that were open before the worker started', async () => {
    const tabId = (await browser.tabs.create({ url: PUBLIC_PR })).id ?? -1;
    const { ready } = register();
    await ready;
    await vi.waitFor(async () => expect(await badgeText(tabId)).toBe('1'));
  });

  it('follows in-page navigation away from the PR and back', async () => {
    register();
    const tabId = await openTab(PR);
    await vi.waitFor(async () => expect(await badgeText(tabId)).toBe('2'));

    await browser.tabs.update(tabId, { url: `${GHE}/platform/api` });
    await vi.waitFor(async () => expect(model.text.tabs.has(tabId)).toBe(false));
    expect(model.shown(tabId)).toEqual({ text: '', title: GLOBAL.title, color: GLOBAL.color });

    await browser.tabs.update(tabId, { url: `${PR}/checks` });
    await vi.waitFor(async () => expect(await badgeText(tabId)).toBe('2'));
  });

  it('keeps the count fresh when sync links another session', async () => {
    register();
    const tabId = await openTab(PR);
    await vi.waitFor(async () => expect(await badgeText(tabId)).toBe('2'));
    await putSessions(db, [sessionWithPullRequests('devin-4', [`${PR}#issuecomment-1`])]);
    await vi.waitFor(async () => expect(await badgeText(tabId)).toBe('3'));
    await clearCache(db);
    await vi.waitFor(async () => expect(model.text.tabs.has(tabId)).toBe(false));
  });

  it('ignores PR-shaped pages on hosts that were not added, until they are', async () => {
    await putSessions(db, [
      sessionWithPullRequests('devin-5', ['https://git.other.corp/a/b/pull/1']),
    ]);
    register();
    const tabId = await openTab('https://git.other.corp/a/b/pull/1');
    await feature?.ready;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await badgeText(tabId)).toBe('');

    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      gitHosts: [{ origin: 'https://git.other.corp', kind: 'github' }],
    });
    await vi.waitFor(async () => expect(await badgeText(tabId)).toBe('1'));
  });

  it('remembers badged tabs across a worker restart', async () => {
    register();
    const tabId = await openTab(PR);
    await vi.waitFor(async () => expect(await badgeText(tabId)).toBe('2'));
    await vi.waitFor(async () =>
      expect(await tabBadgesItem.getValue()).toEqual({ [tabId]: 'linked' }),
    );

    // The worker stops; the browser keeps the tab and its badge. The tab moves in place,
    // which wakes a new worker.
    feature?.dispose();
    register();
    await browser.tabs.update(tabId, { url: `${GHE}/platform/api/pulls` });
    await vi.waitFor(async () => expect(model.text.tabs.has(tabId)).toBe(false));
    expect(model.shown(tabId).title).toBe(GLOBAL.title);
  });

  it('forgets closed tabs', async () => {
    register();
    const tabId = await openTab(PR);
    await vi.waitFor(async () =>
      expect(await tabBadgesItem.getValue()).toEqual({ [tabId]: 'linked' }),
    );
    // The fake browser's tabs.remove looks the window up by the tab's id: fire the event only.
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { isWindowClosing: false, windowId: 0 });
    await vi.waitFor(async () => expect(await tabBadgesItem.getValue()).toEqual({}));
  });
});
