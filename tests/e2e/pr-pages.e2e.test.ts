/// <reference types="chrome" />
/**
 * Pull-request pages in the built extension: a self-hosted GitHub Enterprise page served on
 * loopback, sessions on the local Devin API that link to it, and the admin's added git host.
 * Checks the per-tab badge, turned on in the options page (also across in-page navigation, as
 * GitHub does it), and the context-menu answer. Playwright cannot open a context menu, so the
 * click is dispatched to the worker's own onClicked listeners; nothing is exposed to pages for
 * the test. Chromium's permission prompt cannot be answered from automation, so the extension
 * runs with the PR hosts granted at load (see extensionCopyGranting); the badge-off case and the
 * prompt itself are in pr-badge-optin.e2e.test.ts.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../mock-api/data';
import { type MockApi, startMockApi } from '../../mock-api/server';
import type { SessionDetailResponse } from '../../mock-api/types';
import { LINK_MENU_ID, PAGE_MENU_ID } from '../../utils/pr-lookup/menu';
import { builtInHostPermissionPatterns } from '../../utils/pr-urls';
import {
  type ExtensionBrowser,
  extensionCopyGranting,
  launchWithExtension,
  stopServiceWorkers,
} from './chromium';
import { countSessions, extensionPage, waitUntil } from './extension';

const WAIT = 20_000;
const TWO_LINKED = ['Paginate the widget list', 'Cache widget thumbnails'];
const ONE_LINKED = 'Fix the widget export';

let gitServer: Server;
let grantedDir: string;
let origin: string;
let api: MockApi;
let browser: ExtensionBrowser;
let page: Page;
let sessionCount: number;
let oneLinkedId: string;

/** A stand-in for GitHub Enterprise: every path is an HTML page, PR pages link to each other. */
async function startGitServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><title>${path}</title><h1>${path}</h1>` +
        '<a href="/acme/widgets/pull/8">Pull request 8</a>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function prUrl(number: number): string {
  return `${origin}/acme/widgets/pull/${number}`;
}

function prKey(number: number): string {
  return `${new URL(origin).host}/acme/widgets/pull/${number}`;
}

/** The mock's data, with three sessions opening PRs on the loopback "GitHub Enterprise". */
function datasetWithLoopbackPullRequests() {
  const dataset = generateDataset({
    sessions: 60,
    orgs: 2,
    seed: 'pr-pages-e2e',
    now: Date.now(),
  });
  const link = (session: SessionDetailResponse, title: string, url: string) => {
    session.title = title;
    session.pull_requests = [...session.pull_requests, { url, state: 'open' }];
  };
  const [first, second, third] = dataset.sessions;
  if (!first || !second || !third) throw new Error('dataset too small');
  link(first, TWO_LINKED[0] ?? '', `${prUrl(7)}/files`);
  link(second, TWO_LINKED[1] ?? '', prUrl(7).replace('/acme/', '/ACME/'));
  link(third, ONE_LINKED, prUrl(8));
  oneLinkedId = third.session_id;
  return dataset;
}

interface BadgeState {
  text: string;
  title: string;
  globalText: string;
  globalTitle: string;
}

async function badgeOf(tabId: number): Promise<BadgeState> {
  return page.evaluate(async (id) => {
    const [text, title, globalText, globalTitle] = await Promise.all([
      chrome.action.getBadgeText({ tabId: id }),
      chrome.action.getTitle({ tabId: id }),
      chrome.action.getBadgeText({}),
      chrome.action.getTitle({}),
    ]);
    return { text, title, globalText, globalTitle };
  }, tabId);
}

async function tabIdOf(urlPrefix: string): Promise<number> {
  const id = await page.evaluate(async (prefix) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => (tab.url ?? tab.pendingUrl ?? '').startsWith(prefix))?.id ?? null;
  }, urlPrefix);
  if (id === null) throw new Error(`No tab at ${urlPrefix}`);
  return id;
}

/** The tab's own PR badge with this count (the global badge may show a number too). */
function linkedCount(badge: BadgeState, count: string): boolean {
  return badge.text === count && badge.title.includes('linked to this pull request');
}

async function waitForBadge(
  tabId: number,
  what: string,
  check: (badge: BadgeState) => boolean,
): Promise<BadgeState> {
  let last: BadgeState | null = null;
  try {
    await waitUntil(
      what,
      async () => {
        last = await badgeOf(tabId);
        return check(last);
      },
      WAIT,
      100,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; the badge was ${JSON.stringify(last)}`);
  }
  return last as unknown as BadgeState;
}

const showsGlobal = (badge: BadgeState) =>
  badge.text === badge.globalText && badge.title === badge.globalTitle;

/** Dispatches a menu click to the worker's listeners, as Chrome does, and returns the new tab. */
async function clickMenu(
  click: { menuItemId: string; pageUrl: string; linkUrl?: string },
  fromTabId: number,
): Promise<Page> {
  const opened = browser.context.waitForEvent('page', { timeout: WAIT });
  const worker = await browser.worker();
  await worker.evaluate(
    async ({ info, tabId }) => {
      const tab = await chrome.tabs.get(tabId);
      const event = chrome.contextMenus.onClicked as unknown as {
        dispatch(info: unknown, tab: chrome.tabs.Tab): void;
      };
      event.dispatch({ editable: false, ...info }, tab);
    },
    { info: click, tabId: fromTabId },
  );
  const answer = await opened;
  await answer.waitForURL(/\/sessions\.html\?/, { timeout: WAIT });
  return answer;
}

/** Ticks or unticks the badge's checkbox in the options page, as a person does. */
async function setBadgeInOptions(on: boolean): Promise<void> {
  const options = await extensionPage(browser, 'options.html');
  const box = options.getByRole('checkbox', {
    name: 'Show the number of linked sessions on pull request pages',
  });
  await box.waitFor({ timeout: WAIT });
  expect(await box.isChecked()).toBe(!on);
  await box.click();
  await options.getByText(on ? 'The badge is on.' : 'The badge is off').waitFor({ timeout: WAIT });
  expect(await box.isChecked()).toBe(on);
  await options.close();
}

beforeAll(async () => {
  gitServer = await startGitServer();
  origin = `http://127.0.0.1:${(gitServer.address() as AddressInfo).port}`;
  const dataset = datasetWithLoopbackPullRequests();
  sessionCount = dataset.sessions.length;
  api = await startMockApi({ dataset });
  grantedDir = extensionCopyGranting(builtInHostPermissionPatterns());
  browser = await launchWithExtension({ extensionDir: grantedDir });
  page = await extensionPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await new Promise((resolve) => gitServer?.close(resolve));
  if (grantedDir) rmSync(grantedDir, { recursive: true, force: true });
});

describe('pull-request pages', () => {
  let prTab: Page;
  let prTabId: number;

  it('counts linked sessions on the PR tab once the badge is turned on and sync fills the cache', async () => {
    prTab = await browser.context.newPage();
    await prTab.goto(`${prUrl(7)}/files`);
    prTabId = await tabIdOf(origin);
    // Nothing cached and the host not added yet: the tab shows the global badge.
    expect(showsGlobal(await badgeOf(prTabId))).toBe(true);

    // As the options page saves it: API access plus the self-hosted GitHub Enterprise origin.
    await page.evaluate(
      async (c) => {
        await chrome.storage.local.set({
          apiKey: c.apiKey,
          settings: {
            apiBaseUrl: c.apiBaseUrl,
            orgIds: c.orgIds,
            syncIntervalMinutes: 15,
            historyDays: null,
            gitHosts: [{ origin: c.origin, kind: 'github' }],
          },
        });
      },
      { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds, origin },
    );
    await waitUntil('the sync', async () => (await countSessions(page)) === sessionCount);
    // Off until turned on, even with the hosts granted.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(showsGlobal(await badgeOf(prTabId))).toBe(true);

    await setBadgeInOptions(true);
    const badge = await waitForBadge(prTabId, 'the PR count', (b) => linkedCount(b, '2'));
    expect(badge.title).toBe('2 Devin sessions linked to this pull request');
  });

  it('follows in-page navigation: away from the PR the global badge, back the count', async () => {
    await prTab.evaluate(() => history.pushState({}, '', '/acme/widgets'));
    await waitForBadge(prTabId, 'the global badge after pushState', showsGlobal);

    await prTab.evaluate(() => history.pushState({}, '', '/acme/widgets/pull/7/commits'));
    await waitForBadge(prTabId, 'the count after pushState back', (b) => linkedCount(b, '2'));

    // Chrome stops an idle worker; the next in-page navigation wakes a new one, which must
    // still know that this tab carries a badge of its own.
    await stopServiceWorkers(browser);
    await prTab.evaluate(() => history.pushState({}, '', '/acme/widgets/pulls'));
    await waitForBadge(prTabId, 'the global badge after a worker restart', showsGlobal);
    await prTab.evaluate(() => history.back());
    await waitForBadge(prTabId, 'the count after history.back()', (b) => linkedCount(b, '2'));

    // A new document on another PR (GitHub's full navigations clear per-tab badges).
    await prTab.click('text=Pull request 8');
    await prTab.waitForURL(prUrl(8));
    const badge = await waitForBadge(prTabId, 'the count of PR 8', (b) => linkedCount(b, '1'));
    expect(badge.title).toBe('1 Devin session linked to this pull request');

    await prTab.goto(`${origin}/acme/widgets/issues/3`);
    await waitForBadge(prTabId, 'the global badge on an issue page', showsGlobal);
  });

  it('has both menu items, and answers a click with the sessions behind the PR', async () => {
    const worker = await browser.worker();
    // update() fails for an item that does not exist.
    await worker.evaluate(
      async (ids) => {
        for (const id of ids) await chrome.contextMenus.update(id, {});
      },
      [PAGE_MENU_ID, LINK_MENU_ID],
    );

    // Several sessions: the list filtered to the PR, listing both.
    const list = await clickMenu({ menuItemId: PAGE_MENU_ID, pageUrl: prUrl(7) }, prTabId);
    expect(new URL(list.url()).searchParams.get('pr')).toBe(prKey(7));
    for (const title of TWO_LINKED) {
      await list.getByText(title).first().waitFor({ timeout: WAIT });
    }
    await list.close();

    // A link to a PR with one session: that session's detail.
    const detail = await clickMenu(
      { menuItemId: LINK_MENU_ID, pageUrl: `${origin}/acme/widgets/issues/3`, linkUrl: prUrl(8) },
      prTabId,
    );
    expect(new URL(detail.url()).searchParams.get('session')).toBe(oneLinkedId);
    await detail.getByText(ONE_LINKED).first().waitFor({ timeout: WAIT });
    await detail.close();

    // No session: the list filtered to the PR (the list page shows its empty state).
    const none = await clickMenu({ menuItemId: PAGE_MENU_ID, pageUrl: prUrl(9) }, prTabId);
    expect(new URL(none.url()).searchParams.get('pr')).toBe(prKey(9));
    await none.close();
  });

  it('hands the tab back to the global badge when the badge is turned off', async () => {
    await prTab.goto(prUrl(7));
    await waitForBadge(prTabId, 'the count on PR 7', (b) => linkedCount(b, '2'));
    await setBadgeInOptions(false);
    await waitForBadge(prTabId, 'the global badge once turned off', showsGlobal);
    // No longer followed: navigating to another PR brings no count.
    await prTab.goto(prUrl(8));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(showsGlobal(await badgeOf(prTabId))).toBe(true);
  });
});
