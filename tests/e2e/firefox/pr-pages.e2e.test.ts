/**
 * Pull-request lookup in Firefox ESR: a self-hosted GitHub Enterprise page served on loopback,
 * sessions on the local Devin API that link to it, the admin's added git host. With the badge
 * turned on in the options (Firefox's prompt for the hosts accepted), the PR tab shows its count
 * on the toolbar badge, and Firefox's own context menu (opened by a real
 * right-click) carries the extension's item, which answers with the sessions behind the PR.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateDataset } from '../../../mock-api/data';
import { type MockApi, startMockApi } from '../../../mock-api/server';
import { MENU_TITLE } from '../../../utils/pr-lookup/menu';
import { countSessions, waitUntil } from '../extension';
import { chooseFromContextMenu } from './context-menu';
import { element, waitForText } from './dom';
import {
  EXTENSION_ORIGIN,
  evaluator,
  type FirefoxExtension,
  launchFirefoxWithExtension,
  locationOf,
  waitForTab,
} from './firefox';
import { acceptPermissionPrompt } from './prompts';

const TWO_LINKED = ['Paginate the widget list', 'Cache widget thumbnails'];
const ONE_LINKED = 'Fix the widget export';

let gitServer: Server;
let origin: string;
let api: MockApi;
let firefox: FirefoxExtension;
let settingsPage: Page;
let sessionCount: number;
let oneLinkedId: string;

/** A stand-in for GitHub Enterprise: every path is an HTML page linking to PR 8. */
async function startGitServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><title>${path}</title><h1>${path}</h1>` +
        '<p><a id="pr8" href="/acme/widgets/pull/8">Pull request 8</a></p>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const prUrl = (number: number) => `${origin}/acme/widgets/pull/${number}`;

function dataset() {
  const data = generateDataset({ sessions: 40, orgs: 1, seed: 'firefox-pr', now: Date.now() });
  const [first, second, third] = data.sessions;
  if (!first || !second || !third) throw new Error('dataset too small');
  const link = (session: typeof first, title: string, url: string) => {
    session.title = title;
    session.pull_requests = [...session.pull_requests, { url, state: 'open' }];
  };
  link(first, TWO_LINKED[0] ?? '', `${prUrl(7)}/files`);
  link(second, TWO_LINKED[1] ?? '', prUrl(7));
  link(third, ONE_LINKED, prUrl(8));
  oneLinkedId = third.session_id;
  return data;
}

/** The badge text and title of one tab, read through the extension's own API. */
function badgeOf(tabId: number): Promise<{ text: string; title: string }> {
  return settingsPage.evaluate(async (id) => {
    const [text, title] = await Promise.all([
      browser.action.getBadgeText({ tabId: id }),
      browser.action.getTitle({ tabId: id }),
    ]);
    return { text, title };
  }, tabId);
}

async function openTab(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await firefox.browser.newPage();
  await page.goto(url);
  const tabId = await settingsPage.evaluate(async (wanted) => {
    // Match patterns have no ports: compare the addresses instead.
    const tabs = await browser.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? -1;
  }, url);
  return { page, tabId };
}

beforeAll(async () => {
  gitServer = await startGitServer();
  origin = `http://127.0.0.1:${(gitServer.address() as AddressInfo).port}`;
  const data = dataset();
  sessionCount = data.sessions.length;
  api = await startMockApi({ dataset: data });
  firefox = await launchFirefoxWithExtension();
  settingsPage = await firefox.open('options.html');
  // As the options page saves it: API access plus the self-hosted GitHub Enterprise origin.
  await settingsPage.evaluate(
    async (c) => {
      await browser.storage.local.set({
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
  await waitUntil(
    'the sync',
    async () => (await countSessions(evaluator(settingsPage))) === sessionCount,
  );
  // The badge is opt-in: turned on in the options, with Firefox's prompt for the hosts accepted.
  await settingsPage.reload().catch(() => undefined);
  await acceptPermissionPrompt(firefox.browser, settingsPage, async () => {
    await (await element(settingsPage, '.badge-toggle input')).click();
  });
  await waitUntil('the badge to be on', () =>
    settingsPage.evaluate(
      async () => (await browser.storage.local.get('prPageBadge')).prPageBadge === true,
    ),
  );
});

afterAll(async () => {
  await firefox?.close();
  await api?.close();
  await new Promise((resolve) => gitServer?.close(resolve));
});

it('counts the sessions linked to the PR on its tab badge', async () => {
  const { page, tabId } = await openTab(`${prUrl(7)}/files`);
  expect(tabId).toBeGreaterThan(0);
  let badge = { text: '', title: '' };
  await waitUntil('the PR count on the badge', async () => {
    badge = await badgeOf(tabId);
    return badge.text === '2';
  }).catch((error: Error) => {
    throw new Error(`${error.message}; the badge was ${JSON.stringify(badge)}`);
  });
  expect(badge.title).toBe('2 Devin sessions linked to this pull request');
  await page.close();
});

it('answers the context-menu item with the sessions behind the PR', async () => {
  // On the PR page itself: the list filtered to that PR, listing both sessions.
  const { page: prPage } = await openTab(prUrl(7));
  const heading = await element(prPage, 'h1');
  expect(await chooseFromContextMenu(firefox.browser, heading, MENU_TITLE)).toBe(true);
  const list = await waitForTab(firefox.browser, `${EXTENSION_ORIGIN}/sessions.html?pr=`);
  expect(new URL(await locationOf(list)).searchParams.get('pr')).toBe(
    `${new URL(origin).host}/acme/widgets/pull/7`,
  );
  for (const title of TWO_LINKED) await waitForText(list, title);
  await list.close();

  // On a link to a PR with one session, from a page that is not a PR: that session's detail.
  const { page: issuePage } = await openTab(`${origin}/acme/widgets/issues/3`);
  const link = await element(issuePage, '#pr8');
  expect(await chooseFromContextMenu(firefox.browser, link, MENU_TITLE)).toBe(true);
  const detail = await waitForTab(firefox.browser, `${EXTENSION_ORIGIN}/sessions.html?session=`);
  expect(new URL(await locationOf(detail)).searchParams.get('session')).toBe(oneLinkedId);
  await waitForText(detail, ONE_LINKED);
  await detail.close();

  // Not a PR page and not on a link: Firefox shows no such item (its URL patterns).
  expect(
    await chooseFromContextMenu(firefox.browser, await element(issuePage, 'h1'), MENU_TITLE),
  ).toBe(false);
});
