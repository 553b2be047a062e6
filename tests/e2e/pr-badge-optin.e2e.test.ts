/// <reference types="chrome" />
/**
 * The extension as installed, in real Chromium: it holds no `tabs` permission and no access to
 * the public git hosts, the PR-page badge is off, and the context-menu lookup still answers
 * from the click alone. Turning the badge on asks the browser from the click: Chromium shows
 * its prompt, which automation cannot answer (no switch or CDP command exists), so this checks
 * that the prompt is up and the badge stays off meanwhile. Accepting is covered with the hosts
 * granted at load (pr-pages.e2e.test.ts), refusing by the options unit test.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../mock-api/data';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { PAGE_MENU_ID } from '../../utils/pr-lookup/menu';
import { builtInHostPermissionPatterns } from '../../utils/pr-urls';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { countSessions, extensionPage, waitUntil } from './extension';

const WAIT = 20_000;
const LINKED = ['Paginate the widget list', 'Cache widget thumbnails'];

let gitServer: Server;
let origin: string;
let api: MockApi;
let browser: ExtensionBrowser;
let page: Page;
let sessionCount: number;

function prUrl(number: number): string {
  return `${origin}/acme/widgets/pull/${number}`;
}

beforeAll(async () => {
  // A stand-in for GitHub Enterprise on loopback: every path is an HTML page.
  gitServer = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>${req.url}</title><h1>A pull request</h1>`);
  });
  await new Promise<void>((resolve) => gitServer.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(gitServer.address() as AddressInfo).port}`;

  const dataset = generateDataset({ sessions: 30, orgs: 1, seed: 'badge-optin', now: Date.now() });
  dataset.sessions.slice(0, 2).forEach((session, index) => {
    session.title = LINKED[index] ?? '';
    session.pull_requests = [...session.pull_requests, { url: prUrl(7), state: 'open' }];
  });
  sessionCount = dataset.sessions.length;
  api = await startMockApi({ dataset });
  browser = await launchWithExtension();
  page = await extensionPage(browser);
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
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await new Promise((resolve) => gitServer?.close(resolve));
});

describe('the PR-page badge is opt-in', () => {
  it('installs without tabs or access to the git hosts', async () => {
    const held = await page.evaluate(() => chrome.permissions.getAll());
    expect(held.permissions).not.toContain('tabs');
    expect(held.origins).not.toContain('https://github.com/*');
    const hostsGranted = await page.evaluate(
      (origins) => chrome.permissions.contains({ origins }),
      builtInHostPermissionPatterns(),
    );
    expect(hostsGranted).toBe(false);
  });

  it('shows no count on a PR page, yet the right-click lookup finds its sessions', async () => {
    const prTab = await browser.context.newPage();
    await prTab.goto(prUrl(7));
    const tabId = await page.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === url)?.id ?? -1;
    }, prUrl(7));
    // Long enough for a badge that was on to have counted (the PR tests see it in under 1 s).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const badge = await page.evaluate(
      async (id) => ({
        text: await chrome.action.getBadgeText({ tabId: id }),
        title: await chrome.action.getTitle({ tabId: id }),
        globalText: await chrome.action.getBadgeText({}),
      }),
      tabId,
    );
    expect(badge.title).not.toContain('linked to this pull request');
    expect(badge.text).toBe(badge.globalText);

    // As Chrome delivers a click on the page item: the page's address comes with it.
    const opened = browser.context.waitForEvent('page', { timeout: WAIT });
    const worker = await browser.worker();
    await worker.evaluate(
      async ({ id, pageUrl, menuItemId }) => {
        const tab = await chrome.tabs.get(id);
        const event = chrome.contextMenus.onClicked as unknown as {
          dispatch(info: unknown, tab: chrome.tabs.Tab): void;
        };
        event.dispatch({ editable: false, menuItemId, pageUrl }, tab);
      },
      { id: tabId, pageUrl: prUrl(7), menuItemId: PAGE_MENU_ID },
    );
    const answer = await opened;
    await answer.waitForURL(/\/sessions\.html\?pr=/, { timeout: WAIT });
    for (const title of LINKED) await answer.getByText(title).first().waitFor({ timeout: WAIT });
    await answer.close();
    await prTab.close();
  });

  it('asks the browser when the box is ticked, and stays off until the person answers', async () => {
    const options = await extensionPage(browser, 'options.html');
    const box = options.getByRole('checkbox', {
      name: 'Show the number of linked sessions on pull request pages',
    });
    await box.click();
    // Chrome refuses at once a request made outside a user gesture; the prompt being up shows
    // the request came straight from the click.
    await options
      .getByText('Answer the browser’s prompt to turn the badge on.')
      .waitFor({ timeout: WAIT });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await options.getByText(/The badge stays off/).count()).toBe(0);
    expect(await box.isChecked()).toBe(false);
    const stored = await options.evaluate(() => chrome.storage.local.get('prPageBadge'));
    expect(stored.prPageBadge).toBeUndefined();
    await options.close();
  });
});
