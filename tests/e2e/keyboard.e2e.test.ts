/// <reference types="chrome" />
/**
 * Every journey of the extension done with the keyboard only (Tab, Shift+Tab, Enter, Space,
 * arrows, Escape; no click), in Chromium against the local API: set-up in the options page,
 * the popup's search, list, detail and filter menu, the full tab's table and detail, Insights'
 * date range and charts, and the answer to the pull-request context menu. Focus must be visible
 * wherever it lands, and come back to where it was when a menu or a detail closes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { LINK_MENU_ID } from '../../utils/pr-lookup/menu';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { countSessions, extensionPage, readTable, waitUntil } from './extension';
import { expectFocusOn, tabTo } from './keyboard';

const WAIT = 30_000;
const POPUP = { width: 780, height: 580 };

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: 200, orgs: 2, seed: 'keyboard' });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

it('sets up the extension in the options page from the keyboard', async () => {
  const page = await extensionPage(browser, 'options.html');
  await page.getByRole('heading', { name: 'Get started' }).waitFor({ timeout: WAIT });

  await tabTo(page, page.getByLabel('API key', { exact: true }), 'the API key field');
  await page.keyboard.type(api.apiKey);
  await tabTo(page, page.getByLabel('API base URL', { exact: true }), 'the base URL field');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(api.baseUrl);
  await tabTo(page, button(page, 'Test connection'), 'Test connection');
  await page.keyboard.press('Enter');
  const org = api.store.orgs[0];
  if (!org) throw new Error('The mock API has no organizations');
  const orgBox = page.getByRole('checkbox', { name: org.org_name });
  await orgBox.waitFor({ timeout: WAIT });

  await tabTo(page, button(page, 'Save'), 'Save');
  await page.keyboard.press('Enter');
  await page.getByText(/^Saved\. The key works/).waitFor({ timeout: WAIT });
  // The organizations come after Save: forward from there, or back if the page moved focus.
  const forward = await orgBox.evaluate(
    (box) =>
      !!document.activeElement &&
      !!(document.activeElement.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
  await tabTo(page, orgBox, `the checkbox of ${org.org_name}`, { back: !forward });
  await page.keyboard.press('Space');
  expect(await orgBox.isChecked()).toBe(true);
  await tabTo(page, button(page, 'Save organizations'), 'Save organizations');
  await page.keyboard.press('Enter');
  await page.getByText('Saved. Syncing 1 organization').waitFor({ timeout: WAIT });

  // The second organization too, then the whole cache for the journeys below.
  const other = page.getByRole('checkbox', { name: api.store.orgs[1]?.org_name ?? '' });
  await tabTo(page, other, 'the second organization', { back: true });
  await page.keyboard.press('Space');
  await tabTo(page, button(page, 'Save organizations'), 'Save organizations');
  await page.keyboard.press('Enter');
  await waitUntil('every session cached', async () => (await countSessions(page)) >= 200, 60_000);
  await waitUntil('the sync to finish', async () => {
    const states = await readTable<{ pass: unknown }>(page, 'syncState');
    return states.length === 2 && states.every((s) => s.pass === null);
  });
  await page.close();
});

it('searches, opens a session, comes back and filters in the popup from the keyboard', async () => {
  const popup = await extensionPage(browser, 'popup.html');
  await popup.setViewportSize(POPUP);
  const rows = popup.locator('.session-list li');
  await rows.first().waitFor({ timeout: WAIT });

  // Search: the box, then a word of a title; the arrows move into the list.
  const search = popup.getByLabel('Search sessions');
  await tabTo(popup, search, 'the search box');
  const target = (await rows.nth(3).locator('.row-open').textContent()) ?? '';
  await popup.keyboard.type(target);
  await expect.poll(() => rows.count(), { timeout: WAIT }).toBeLessThan(10);
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('Enter');
  const detail = popup.locator('.detail');
  await expect.poll(() => detail.locator('.detail-title').textContent()).toBe(target);
  // Inside the detail, Tab reaches its controls (Back first of all).
  await tabTo(popup, button(popup, 'Back'), 'Back in the detail', { max: 40 });
  await popup.keyboard.press('Escape');
  await expect.poll(() => detail.count()).toBe(0);
  await expect
    .poll(() => popup.evaluate(() => document.activeElement?.closest('li')?.textContent ?? ''))
    .toContain(target);

  // Back to the whole list; Tab enters it at the active row, the arrows move, Enter opens.
  await tabTo(popup, search, 'the search box again', { back: true });
  await popup.keyboard.press('ControlOrMeta+A');
  await popup.keyboard.press('Backspace');
  await expect.poll(() => rows.count(), { timeout: WAIT }).toBeGreaterThan(10);
  await tabTo(popup, popup.locator('.session-list .row-open'), 'the list');
  const focusedRow = () =>
    popup.evaluate(() => document.activeElement?.closest<HTMLElement>('li')?.dataset.sessionId);
  const entered = await focusedRow();
  await popup.keyboard.press('ArrowDown');
  await expect.poll(focusedRow).not.toBe(entered);
  const next = await popup
    .locator(`[data-session-id="${await focusedRow()}"] .row-open`)
    .textContent();
  await popup.keyboard.press('Enter');
  await expect.poll(() => detail.locator('.detail-title').textContent()).toBe(next);
  await popup.keyboard.press('Escape');
  await expect.poll(() => detail.count()).toBe(0);

  // The Status menu: open with Enter, tick with Space, close with Escape back to its button.
  const status = popup.getByRole('button', { name: /^Status filter/ });
  await tabTo(popup, status, 'the Status filter', { back: true });
  await popup.keyboard.press('Enter');
  const error = popup.getByRole('checkbox', { name: /^Error/ });
  await tabTo(popup, error, 'the Error choice', { max: 20 });
  await popup.keyboard.press('Space');
  expect(await error.isChecked()).toBe(true);
  await popup.keyboard.press('Escape');
  await expect.poll(() => popup.locator('.ms-panel').count()).toBe(0);
  await expectFocusOn(popup, status, 'the Status filter button');
  await expect
    .poll(async () => [...new Set(await popup.locator('.session-list .badge').allTextContents())])
    .toEqual(['Error']);
  await popup.close();
});

it('switches the full tab to its table and opens a session from the keyboard', async () => {
  const tab = await extensionPage(browser, 'sessions.html');
  await tab.locator('[data-session-id]').first().waitFor({ timeout: WAIT });
  // The first Tab offers to skip the header, alerts and filters; Enter lands in the list.
  await tab.keyboard.press('Tab');
  await expectFocusOn(tab, tab.getByRole('link', { name: 'Skip to content' }), 'the skip link');
  expect(await tab.getByRole('link', { name: 'Skip to content' }).isVisible()).toBe(true);
  await tab.keyboard.press('Enter');
  await expectFocusOn(tab, tab.locator('.session-list .row-open'), 'the first session row');
  const table = button(tab, 'Table');
  await tabTo(tab, table, 'the Table layout', { back: true });
  await tab.keyboard.press('Enter');
  await expect.poll(() => table.getAttribute('aria-pressed')).toBe('true');
  await tab.locator('table [data-session-id]').first().waitFor({ timeout: WAIT });
  // Tab reaches the table's rows (the first, while none is active); the arrows move.
  await tabTo(tab, tab.locator('table .row-open'), 'the rows of the table');
  const focusedRow = () =>
    tab.evaluate(
      () => document.activeElement?.closest<HTMLElement>('[data-session-id]')?.dataset.sessionId,
    );
  const first = await focusedRow();
  await tab.keyboard.press('ArrowDown');
  // The arrow moves focus after the list re-renders: wait for it to land on the next row.
  await expect.poll(focusedRow).not.toBe(first);
  const id = await focusedRow();
  await tab.keyboard.press('Enter');
  await expect.poll(() => new URL(tab.url()).searchParams.get('session')).toBe(id);
  await tab.locator('.detail-title').waitFor({ timeout: WAIT });
  await tab.keyboard.press('Escape');
  await expect.poll(() => tab.locator('.detail').count()).toBe(0);

  const list = button(tab, 'List');
  await tabTo(tab, list, 'the List layout', { back: true });
  await tab.keyboard.press('Space');
  await expect.poll(() => list.getAttribute('aria-pressed')).toBe('true');
  await tab.close();
});

it('changes the date range and moves between the charts of Insights from the keyboard', async () => {
  const page = await extensionPage(browser, 'insights.html');
  await page.getByTestId('kpi-sessions').waitFor({ timeout: WAIT });
  const range = page.getByTestId('filter-created');
  await tabTo(page, range, 'the date range');
  const before = await range.inputValue();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => range.inputValue()).not.toBe(before);
  await expect
    .poll(() => new URL(page.url()).searchParams.get('created'))
    .toBe(await range.inputValue());

  // Each chart's "Table" view, in turn: the same figures as text.
  for (const [toggle, name] of [
    ['acus-as-table', 'ACUs per day'],
    ['sessions-as-table', 'Sessions per day'],
  ] as const) {
    await tabTo(page, page.getByTestId(toggle), `${name}: Table`);
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name }).waitFor({ timeout: WAIT });
  }
  await page.close();
});

it('answers the pull-request context menu with a page usable from the keyboard', async () => {
  const linked = api.store
    .all()
    .map(({ session }) => session)
    .find((session) => session.pull_requests.length > 0);
  const prUrl = linked?.pull_requests[0]?.url;
  if (!prUrl) throw new Error('No session with a pull request in the data set');
  const from = await extensionPage(browser, 'options.html');
  const newPage = browser.context.waitForEvent('page', { timeout: WAIT });
  // Playwright cannot open a context menu: the click goes to the worker's listeners.
  const worker = await browser.worker();
  await worker.evaluate(
    async ({ linkUrl, menuItemId }) => {
      const [tab] = await chrome.tabs.query({ url: `chrome-extension://${chrome.runtime.id}/*` });
      const event = chrome.contextMenus.onClicked as unknown as {
        dispatch(info: unknown, tab?: chrome.tabs.Tab): void;
      };
      event.dispatch({ editable: false, menuItemId, linkUrl, pageUrl: tab?.url ?? '' }, tab);
    },
    { linkUrl: prUrl, menuItemId: LINK_MENU_ID },
  );
  const answer = await newPage;
  await answer.waitForURL(/\/sessions\.html\?/, { timeout: WAIT });
  await answer.locator('[data-session-id]').first().waitFor({ timeout: WAIT });
  const opened = new URL(answer.url()).searchParams.get('session');
  if (opened) {
    // One session behind the PR: its detail, whose controls Tab reaches; Escape closes it and
    // focus goes to its row, where Enter opens it again.
    await answer.locator('.detail-title').waitFor({ timeout: WAIT });
    await tabTo(answer, button(answer, 'Back'), 'Back in the detail');
    await answer.keyboard.press('Escape');
    await expect.poll(() => answer.locator('.detail-title').count()).toBe(0);
    await expectFocusOn(
      answer,
      answer.locator(`[data-session-id="${opened}"] .row-open`),
      'the row of the session',
    );
  } else {
    // Several: the list of them, entered with Tab.
    await tabTo(answer, answer.locator('[data-session-id] .row-open'), 'the sessions of the PR');
  }
  await answer.keyboard.press('Enter');
  await answer.locator('.detail-title').waitFor({ timeout: WAIT });
  await answer.close();
  await from.close();
});
