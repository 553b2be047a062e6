/// <reference types="chrome" />
/**
 * The full tab's table view in the built extension, in Chromium, against the local API: after
 * a sync, the tab switches to Table, sorts the filtered sessions by ACUs (the first row is the
 * one the server's data says has the most), hides a column and keeps it hidden after a reload,
 * resizes a column from the keyboard, and opens a row's detail beside the table.
 *
 * The screenshot goes to screenshots/tmp/ (ignored by git); with UPDATE_SCREENSHOTS=1 it
 * replaces docs/screenshots/table.png and table-dark.png (1440x900).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as v from 'valibot';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { SessionSchema, toSession } from '../../utils/api/schemas';
import { toSessionRow } from '../../utils/db/rows';
import type { SessionRow } from '../../utils/db/types';
import { matchesFilters } from '../../utils/filters/match';
import { emptyFilters, type SessionFilters } from '../../utils/filters/model';
import { sortRows } from '../../utils/filters/sort';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, countSessions, extensionPage, readTable, waitUntil } from './extension';

const SESSIONS = 3000;
const VIEWPORT = { width: 1440, height: 900 };
const SHOTS_DIR = resolve(
  import.meta.dirname,
  process.env.UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../../screenshots/tmp',
);

let api: MockApi;
let browser: ExtensionBrowser;
let rows: SessionRow[];

beforeAll(async () => {
  api = await startMockApi({ sessions: SESSIONS, orgs: 3, seed: 18 });
  browser = await launchWithExtension({ viewport: VIEWPORT });
  rows = api.store
    .all()
    .map(({ session: raw }) => toSessionRow(toSession(v.parse(SessionSchema, raw))));
  mkdirSync(SHOTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

function tableIds(page: Page): Promise<(string | null)[]> {
  return page
    .locator('.session-table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.sessionId ?? null));
}

function header(page: Page, name: string) {
  return page.getByRole('columnheader', { name: new RegExp(`^${name}`) });
}

it('shows the sessions as a sortable, resizable table whose columns are remembered', async () => {
  const started = Date.now();
  const errors: string[] = [];
  browser.context.on('page', (page) => {
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
  });
  const setup = await extensionPage(browser, 'options.html');
  await configure(setup, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await setup.waitForTimeout(3000);
  await waitUntil(
    `${SESSIONS} sessions cached`,
    async () => (await countSessions(setup)) >= SESSIONS,
    90_000,
  );
  await waitUntil('the sync to finish', async () => {
    const states = await readTable<{ pass: unknown }>(setup, 'syncState');
    return states.length === 3 && states.every((s) => s.pass === null);
  });

  // Finished sessions only: the table sorts what the filters leave.
  const filters: SessionFilters = { ...emptyFilters(), statuses: ['exit'] };
  const filtered = rows.filter((row) => matchesFilters(row, filters, Date.now()));
  expect(filtered.length).toBeGreaterThan(10);
  const tab = await extensionPage(browser, 'sessions.html?status=exit');
  await tab.setViewportSize(VIEWPORT);
  await tab.locator('.session-list li').first().waitFor({ timeout: 20_000 });

  // The switch is in the header; the list is the default.
  const switcher = tab.getByRole('group', { name: 'Show sessions as' });
  await expect
    .poll(() => switcher.getByRole('button', { name: 'List' }).getAttribute('aria-pressed'))
    .toBe('true');
  await switcher.getByRole('button', { name: 'Table' }).click();
  await tab.locator('.session-table tbody tr').first().waitFor();
  expect(await tab.locator('.session-list').count()).toBe(0);
  expect(await tab.getByRole('columnheader').allTextContents()).toEqual([
    'Status',
    'Title',
    'Organization',
    'User',
    'Repository',
    'ACUs',
    'Created',
    'Updated▼',
    'PRs',
  ]);

  // Sort by ACUs: the first row is the finished session with the most ACUs.
  await header(tab, 'ACUs').getByRole('button').click();
  await expect.poll(() => header(tab, 'ACUs').getAttribute('aria-sort')).toBe('descending');
  const byAcus = sortRows(filtered, { field: 'acus', dir: 'desc' });
  await expect.poll(async () => (await tableIds(tab))[0]).toBe(byAcus[0]?.session_id);
  expect((await tableIds(tab)).slice(0, 5)).toEqual(
    byAcus.slice(0, 5).map((row) => row.session_id),
  );
  expect(new URL(tab.url()).searchParams.get('sort')).toBe('acus');
  // Only a window of rows is in the DOM.
  expect(await tab.locator('.session-table tbody tr').count()).toBeLessThan(60);
  await tab.screenshot({ path: resolve(SHOTS_DIR, 'table.png') });
  await tab.emulateMedia({ colorScheme: 'dark' });
  await tab.screenshot({ path: resolve(SHOTS_DIR, 'table-dark.png') });
  await tab.emulateMedia({ colorScheme: 'light' });

  // A second click flips the order.
  await header(tab, 'ACUs').getByRole('button').click();
  await expect.poll(() => header(tab, 'ACUs').getAttribute('aria-sort')).toBe('ascending');
  const fewest = sortRows(filtered, { field: 'acus', dir: 'asc' })[0];
  await expect.poll(async () => (await tableIds(tab))[0]).toBe(fewest?.session_id);
  await header(tab, 'ACUs').getByRole('button').click();
  await expect.poll(async () => (await tableIds(tab))[0]).toBe(byAcus[0]?.session_id);

  // Hide a column; resize another from the keyboard.
  await tab.getByRole('button', { name: /^Columns/ }).click();
  await tab.getByRole('checkbox', { name: 'Organization' }).uncheck();
  await tab.keyboard.press('Escape');
  await expect.poll(() => header(tab, 'Organization').count()).toBe(0);
  const handle = tab.getByRole('separator', { name: 'Resize Title column' });
  const before = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await tab.keyboard.press('Shift+ArrowRight');
  await expect
    .poll(async () => Number(await handle.getAttribute('aria-valuenow')))
    .toBe(before + 50);
  const titleWidth = () =>
    header(tab, 'Title').evaluate((th) => Math.round(th.getBoundingClientRect().width));
  expect(await titleWidth()).toBe(before + 50);

  // Drag the User column's handle 40 px to the right.
  const userHandle = tab.getByRole('separator', { name: 'Resize User column' });
  const userBefore = Number(await userHandle.getAttribute('aria-valuenow'));
  const box = await userHandle.boundingBox();
  if (!box) throw new Error('The User column has no resize handle on screen');
  await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await tab.mouse.down();
  await tab.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2, { steps: 3 });
  await tab.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 3 });
  await tab.mouse.up();
  await expect
    .poll(async () => Number(await userHandle.getAttribute('aria-valuenow')))
    .toBe(userBefore + 40);
  const userWidth = () =>
    header(tab, 'User').evaluate((th) => Math.round(th.getBoundingClientRect().width));

  // After a reload: still the table, the column still hidden, the width and the sort kept.
  await tab.reload();
  await tab.locator('.session-table tbody tr').first().waitFor({ timeout: 20_000 });
  expect(await header(tab, 'Organization').count()).toBe(0);
  expect(await titleWidth()).toBe(before + 50);
  expect(await userWidth()).toBe(userBefore + 40);
  await expect.poll(async () => (await tableIds(tab))[0]).toBe(byAcus[0]?.session_id);

  // A click on a row opens its detail beside the table.
  // A titled row near the top (the detail's heading is its title).
  const third = byAcus.slice(2, 12).find((row) => row.title) as SessionRow;
  await tab.locator(`.session-table tr[data-session-id="${third.session_id}"] .col-status`).click();
  await expect.poll(() => tab.locator('.detail-title').textContent()).toBe(third.title);
  expect(new URL(tab.url()).searchParams.get('session')).toBe(third.session_id);
  expect(
    await tab.locator('.session-table tr[aria-current="true"]').getAttribute('data-session-id'),
  ).toBe(third.session_id);
  // Escape closes it, and focus returns to the row's title button.
  await tab.keyboard.press('Escape');
  await expect.poll(() => tab.locator('.detail').count()).toBe(0);
  await expect
    .poll(() => tab.evaluate(() => document.activeElement?.closest('tr')?.dataset.sessionId))
    .toBe(third.session_id);

  expect(errors).toEqual([]);
  expect(Date.now() - started).toBeLessThan(150_000);
});
