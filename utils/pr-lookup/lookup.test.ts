import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putSessions } from '../../tests/fixtures/db';
import { sessionWithPullRequests, uniqueDbName } from '../../tests/fixtures/pr-lookup';
import { DevinDatabase } from '../db/schema';
import {
  answerPageUrl,
  countLinkedSessions,
  handlePullRequestMenuClick,
  type MenuClickDeps,
} from './lookup';
import { LINK_MENU_ID, PAGE_MENU_ID } from './menu';

const PAGE = 'chrome-extension://test-extension-id/sessions.html';
const ONE = 'https://github.com/acme/web/pull/12';
const TWO = 'https://gitlab.com/acme/platform/api/-/merge_requests/7';
const NONE = 'https://bitbucket.org/acme/infra/pull-requests/3';

let db: DevinDatabase;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new DevinDatabase(uniqueDbName());
  await putSessions(db, [
    sessionWithPullRequests('devin-a', [ONE]),
    // Linked with another view and casing of the same merge request.
    sessionWithPullRequests('devin-b', ['https://gitlab.com/ACME/platform/api/merge_requests/7']),
    sessionWithPullRequests('devin-c', [TWO, 'https://github.com/acme/web/pull/99']),
    sessionWithPullRequests('devin-d', []),
  ]);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

function deps(): MenuClickDeps {
  return {
    db,
    sessionsPage: browser.runtime.getURL('/sessions.html' as never),
    openTab: (properties) => browser.tabs.create(properties),
  };
}

async function openedUrls(): Promise<(string | undefined)[]> {
  return (await browser.tabs.query({})).map((tab) => tab.url).filter(Boolean);
}

describe('handlePullRequestMenuClick', () => {
  const tab = { id: 4, index: 2, windowId: 0 };

  it('opens the detail of the one linked session', async () => {
    const opened = await handlePullRequestMenuClick(
      { menuItemId: PAGE_MENU_ID, pageUrl: `${ONE}/files?w=1#diff-1` },
      tab,
      deps(),
    );
    expect(opened).toBe(`${PAGE}?session=devin-a`);
    expect(await openedUrls()).toEqual([`${PAGE}?session=devin-a`]);
  });

  it('opens the list filtered to the PR when several sessions link to it', async () => {
    const opened = await handlePullRequestMenuClick(
      { menuItemId: PAGE_MENU_ID, pageUrl: `${TWO}/diffs` },
      tab,
      deps(),
    );
    const key = 'gitlab.com/acme/platform/api/-/merge_requests/7';
    expect(opened).toBe(`${PAGE}?pr=${encodeURIComponent(key)}`);
    expect(new URL(opened ?? '').searchParams.get('pr')).toBe(key);
    expect(await openedUrls()).toEqual([opened]);
  });

  it('opens the filtered list, which shows its empty state, when no session links to it', async () => {
    const opened = await handlePullRequestMenuClick(
      { menuItemId: PAGE_MENU_ID, pageUrl: NONE },
      tab,
      deps(),
    );
    expect(opened).toBe(
      `${PAGE}?pr=${encodeURIComponent('bitbucket.org/acme/infra/pull-requests/3')}`,
    );
  });

  it('looks up the link target, not the page, for the link item', async () => {
    const opened = await handlePullRequestMenuClick(
      { menuItemId: LINK_MENU_ID, pageUrl: TWO, linkUrl: ONE },
      tab,
      deps(),
    );
    expect(opened).toBe(`${PAGE}?session=devin-a`);
  });

  it('looks up the page, not a link, for the page item', async () => {
    const opened = await handlePullRequestMenuClick(
      { menuItemId: PAGE_MENU_ID, pageUrl: ONE, linkUrl: NONE },
      tab,
      deps(),
    );
    expect(opened).toBe(`${PAGE}?session=devin-a`);
  });

  it('opens the new tab right after the tab clicked in, as its child', async () => {
    const calls: unknown[] = [];
    await handlePullRequestMenuClick({ menuItemId: PAGE_MENU_ID, pageUrl: ONE }, tab, {
      ...deps(),
      openTab: async (properties) => calls.push(properties),
    });
    expect(calls).toEqual([
      { url: `${PAGE}?session=devin-a`, active: true, index: 3, windowId: 0, openerTabId: 4 },
    ]);
  });

  it('opens the plain list for a URL that only looks like a PR to the menu pattern', async () => {
    const opened = await handlePullRequestMenuClick(
      { menuItemId: LINK_MENU_ID, linkUrl: 'https://github.com/acme/web/pull/new/feature' },
      undefined,
      deps(),
    );
    expect(opened).toBe(PAGE);
  });

  it('does nothing for items of other features', async () => {
    const opened = await handlePullRequestMenuClick(
      { menuItemId: 'export-csv', pageUrl: ONE },
      tab,
      deps(),
    );
    expect(opened).toBeNull();
    expect(await openedUrls()).toEqual([]);
  });
});

describe('answerPageUrl', () => {
  it('encodes keys and ids', () => {
    const key = 'dev.azure.com/fabrikam/fabrikam fiber/_git/web/pullrequest/5';
    expect(answerPageUrl(PAGE, { key, sessionIds: ['a', 'b'] })).toBe(
      `${PAGE}?pr=dev.azure.com%2Ffabrikam%2Ffabrikam%20fiber%2F_git%2Fweb%2Fpullrequest%2F5`,
    );
    expect(answerPageUrl(PAGE, { key, sessionIds: ['a&b'] })).toBe(`${PAGE}?session=a%26b`);
  });
});

describe('countLinkedSessions', () => {
  it('counts every key asked for, zero included', async () => {
    const counts = await countLinkedSessions(db, [
      'github.com/acme/web/pull/12',
      'gitlab.com/acme/platform/api/-/merge_requests/7',
      'bitbucket.org/acme/infra/pull-requests/3',
    ]);
    expect([...counts]).toEqual([
      ['github.com/acme/web/pull/12', 1],
      ['gitlab.com/acme/platform/api/-/merge_requests/7', 2],
      ['bitbucket.org/acme/infra/pull-requests/3', 0],
    ]);
  });
});
