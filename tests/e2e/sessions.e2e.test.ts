/// <reference types="chrome" />
/**
 * The session browser in the built extension, in Chromium, against the local API: after a
 * sync of 5,000 sessions the popup searches, filters by status and date, opens a session and
 * shows its analysis, and "Open in tab" shows the same view in sessions.html. The counts the
 * pages show are checked against the server's data run through the same filter code.
 *
 * Screenshots go to screenshots/tmp/ (ignored by git); with UPDATE_SCREENSHOTS=1 they replace
 * docs/screenshots/list*.png and detail*.png.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as v from 'valibot';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type Session, SessionSchema, toSession } from '../../utils/api/schemas';
import { toSearchText, toSessionRow } from '../../utils/db/rows';
import type { SessionRow } from '../../utils/db/types';
import { matchesFilters } from '../../utils/filters/match';
import { emptyFilters, type SessionFilters } from '../../utils/filters/model';
import { sortRows } from '../../utils/filters/sort';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, countSessions, extensionPage, readTable, waitUntil } from './extension';

const SESSIONS = 5000;
const POPUP = { width: 780, height: 580 };
const TAB = { width: 1280, height: 860 };
const SHOTS_DIR = resolve(
  import.meta.dirname,
  process.env.UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../../screenshots/tmp',
);

let api: MockApi;
let browser: ExtensionBrowser;
let server: { session: Session; row: SessionRow; text: string }[];

beforeAll(async () => {
  api = await startMockApi({ sessions: SESSIONS, orgs: 3, seed: 42 });
  browser = await launchWithExtension({ viewport: TAB });
  server = api.store.all().map(({ session: raw }) => {
    const session = toSession(v.parse(SessionSchema, raw));
    return { session, row: toSessionRow(session), text: toSearchText(session).text };
  });
  mkdirSync(SHOTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** How many server sessions pass `filters`, at the earliest and the latest "now" of a step. */
function expectedRange(filters: SessionFilters, from: number, to: number): [number, number] {
  const count = (now: number) =>
    server.filter((s) => matchesFilters(s.row, filters, now, s.text)).length;
  // A later "now" moves a "last 7 days" window forward: never more sessions.
  return [count(to), count(from - 60_000)];
}

async function shownCount(page: Page): Promise<number> {
  const text = await page.locator('.totals-main strong').first().textContent({ timeout: 20_000 });
  const match = /([\d,]+) sessions?/.exec(text ?? '');
  if (!match?.[1]) throw new Error(`No session count in "${text}"`);
  return Number(match[1].replaceAll(',', ''));
}

async function expectCount(page: Page, filters: SessionFilters, since: number): Promise<number> {
  const [low, high] = expectedRange(filters, since, Date.now());
  let shown = -1;
  try {
    await waitUntil(
      `a count between ${low} and ${high}`,
      async () => {
        shown = await shownCount(page).catch(() => -1);
        return shown >= low && shown <= high;
      },
      15_000,
      100,
    );
  } catch (error) {
    const stored = await page.evaluate(() => chrome.storage.local.get('popupFilters'));
    throw new Error(
      `${(error as Error).message}; the page shows ${shown} (url ${page.url()}, popup filters ${JSON.stringify(stored)})`,
    );
  }
  return shown;
}

/** A session whose analysis has every part, short enough for its screenshot to show them all. */
function pickAnalyzedSession(): Session {
  const complete = server.filter(({ session }) => {
    const analysis = session.session_analysis;
    return (
      analysis !== null &&
      analysis.issues.length >= 2 &&
      analysis.action_items.some((item) => item.issue_id !== null) &&
      analysis.suggested_prompt !== null &&
      analysis.timeline.length > 0 &&
      session.pull_requests.length > 0 &&
      session.title !== null
    );
  });
  const compact = complete.find(({ session }) => {
    const analysis = session.session_analysis;
    return (
      analysis?.issues.length === 2 &&
      analysis.action_items.length <= 2 &&
      (analysis.suggested_prompt?.suggested_prompt.length ?? 0) < 420
    );
  });
  const found = compact ?? complete[0];
  if (!found) throw new Error('The mock data has no fully analyzed session');
  return found.session;
}

it('finds, filters and reads sessions in the popup and the full tab', async () => {
  const started = Date.now();
  const errors: string[] = [];
  browser.context.on('page', (page) => {
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
  });
  const popup = await extensionPage(browser, 'popup.html');
  await popup.setViewportSize(POPUP);
  await configure(popup, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });

  // The background syncs when the settings change; the sync line's "Sync now" is the fallback
  // (the empty list offers one too).
  const syncedBySettings = await waitUntil(
    'a first session cached',
    async () => (await countSessions(popup)) > 0,
    10_000,
  ).then(
    () => true,
    () => false,
  );
  if (!syncedBySettings) {
    await popup.getByRole('banner').getByRole('button', { name: 'Sync now' }).click();
  }
  await waitUntil(
    `${SESSIONS} sessions cached`,
    async () => (await countSessions(popup)) >= SESSIONS,
    60_000,
  );
  await waitUntil('the sync to finish', async () => {
    const states = await readTable<{ pass: unknown }>(popup, 'syncState');
    return states.length === 3 && states.every((s) => s.pass === null);
  });

  // The whole cache is listed, newest update first, and the sync line says it is done.
  expect(await expectCount(popup, emptyFilters(), started)).toBe(SESSIONS);
  await expect.poll(() => popup.locator('.sync-state').textContent()).toMatch(/^Synced/);
  const firstRowId = await popup
    .locator('.session-list li')
    .first()
    .getAttribute('data-session-id');
  const newest = sortRows(
    server.map((s) => s.row),
    emptyFilters().sort,
  )[0];
  expect(firstRowId).toBe(newest?.session_id);
  // Only a window of rows is in the DOM.
  expect(await popup.locator('.session-list li').count()).toBeLessThan(60);
  await popup.screenshot({ path: resolve(SHOTS_DIR, 'list-popup.png') });

  // A detail opened from far down the list returns to the same place.
  const scroller = popup.locator('.list-scroll');
  await scroller.evaluate((element) => element.scrollTo({ top: 4000 }));
  await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBe(4000);
  const farRow = popup.locator('.session-list li').nth(12);
  const farTitle = await farRow.locator('.row-open').textContent();
  await farRow.locator('.row-open').click();
  await expect.poll(() => popup.locator('.detail-title').textContent()).toBe(farTitle);
  await popup.getByRole('button', { name: 'Back', exact: true }).click();
  await expect.poll(() => popup.locator('.detail').count()).toBe(0);
  expect(await scroller.evaluate((element) => element.scrollTop)).toBe(4000);

  // Search from the keyboard: "/" focuses the box, ArrowDown selects, Enter opens.
  const target = pickAnalyzedSession();
  await popup.locator('body').click({ position: { x: 5, y: 5 } });
  await popup.keyboard.press('/');
  await expect
    .poll(() => popup.evaluate(() => document.activeElement?.ariaLabel))
    .toBe('Search sessions');
  await popup.keyboard.type(target.session_id);
  expect(await expectCount(popup, { ...emptyFilters(), text: target.session_id }, started)).toBe(1);
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('Enter');

  // The detail shows the analysis: issues with impact and label, action items with the issue
  // they refer to, the suggested prompt beside the original, the timeline.
  const detail = popup.locator('.detail');
  await expect.poll(() => detail.locator('.detail-title').textContent()).toBe(target.title);
  const analysis = target.session_analysis;
  if (!analysis?.suggested_prompt) throw new Error('unreachable');
  await expect.poll(() => detail.locator('.issue').count()).toBe(analysis.issues.length);
  expect(await detail.locator('.issue-text').allTextContents()).toEqual(
    analysis.issues.map((issue) => issue.issue),
  );
  expect(await detail.locator('.action-item').count()).toBe(analysis.action_items.length);
  const linked = analysis.action_items.findIndex((item) => item.issue_id !== null);
  const linkedIssue = analysis.issues[Number(analysis.action_items[linked]?.issue_id)];
  expect(await detail.locator('.action-item').nth(linked).textContent()).toContain(
    linkedIssue?.issue,
  );
  expect(await detail.locator('.timeline li').count()).toBe(analysis.timeline.length);
  expect(await detail.locator('.prompt-column.suggested .prompt-text').textContent()).toBe(
    analysis.suggested_prompt.suggested_prompt,
  );
  expect(await detail.locator('.prompt-column.suggested ins').count()).toBeGreaterThan(0);
  const prLink = detail.locator('.pr-list a').first();
  expect(await prLink.getAttribute('href')).toBe(target.pull_requests[0]?.url);
  await detail
    .locator('.analysis-heading')
    .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await popup.screenshot({ path: resolve(SHOTS_DIR, 'detail-popup.png') });

  // Esc goes back to the list, to the session's row.
  await popup.keyboard.press('Escape');
  await expect.poll(() => detail.count()).toBe(0);
  await expect
    .poll(() => popup.evaluate(() => document.activeElement?.closest('li')?.dataset.sessionId))
    .toBe(target.session_id);

  // Filter by status and date.
  await popup.getByLabel('Search sessions').fill('');
  await popup.getByRole('button', { name: 'Status filter' }).click();
  await popup.getByRole('checkbox', { name: /^Error/ }).check();
  await popup.getByRole('checkbox', { name: /^Finished/ }).check();
  await popup.keyboard.press('Escape');
  await popup.getByLabel('Created date').selectOption('30d');
  const filters: SessionFilters = {
    ...emptyFilters(),
    statuses: ['error', 'exit'],
    created: { preset: '30d', from: null, to: null },
  };
  const popupCount = await expectCount(popup, filters, started);
  expect(popupCount).toBeGreaterThan(0);
  expect(popupCount).toBeLessThan(SESSIONS);
  for (const row of await popup.locator('.session-list li .badge').allTextContents()) {
    expect(['Error', 'Finished']).toContain(row);
  }

  // "Open in tab" shows the same view in sessions.html, its URL holding the filters.
  const [tab] = await Promise.all([
    browser.context.waitForEvent('page'),
    popup.getByRole('button', { name: /Open in tab/ }).click(),
  ]);
  if (!tab) throw new Error('No tab opened');
  await tab.setViewportSize(TAB);
  await tab.waitForLoadState();
  const url = new URL(tab.url());
  expect(url.pathname).toBe('/sessions.html');
  expect(url.searchParams.get('status')).toBe('error,exit');
  expect(url.searchParams.get('created')).toBe('30d');
  expect(await expectCount(tab, filters, started)).toBe(popupCount);

  // The popup's filters survive closing it.
  await popup.close();
  const reopened = await extensionPage(browser, 'popup.html');
  await reopened.setViewportSize(POPUP);
  expect(await expectCount(reopened, filters, started)).toBe(popupCount);
  await reopened.close();

  // The tab keeps its URL in step with the filters (replaceState), and a detail opens beside
  // the list.
  await tab.getByLabel('Analysis').selectOption('has-issues');
  await expect.poll(() => new URL(tab.url()).searchParams.get('analysis')).toBe('has-issues');
  await tab.getByLabel('Analysis').selectOption('any');
  await tab.getByRole('button', { name: 'Clear filters (2)' }).click();
  await expect.poll(() => new URL(tab.url()).search).toBe('');
  await tab.screenshot({ path: resolve(SHOTS_DIR, 'list.png') });
  await tab.emulateMedia({ colorScheme: 'dark' });
  await tab.screenshot({ path: resolve(SHOTS_DIR, 'list-dark.png') });
  await tab.emulateMedia({ colorScheme: 'light' });

  // The URL contract other features rely on.
  await tab.goto(
    `chrome-extension://${browser.extensionId}/sessions.html?session=${target.session_id}`,
  );
  await expect.poll(() => tab.locator('.detail-title').textContent()).toBe(target.title);
  await expect
    .poll(() => tab.locator('.row.open').getAttribute('data-session-id'))
    .toBe(target.session_id);
  // The top of the detail (what triage needs first), then its analysis in the dark theme.
  await tab.locator('.detail .issue').first().waitFor();
  await tab.screenshot({ path: resolve(SHOTS_DIR, 'detail.png') });
  await tab
    .locator('.analysis-heading')
    .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await tab.emulateMedia({ colorScheme: 'dark' });
  await tab.screenshot({ path: resolve(SHOTS_DIR, 'detail-dark.png') });
  await tab.emulateMedia({ colorScheme: 'light' });
  await tab.keyboard.press('Escape');
  await expect.poll(() => new URL(tab.url()).searchParams.get('session')).toBeNull();

  const prKey = toSessionRow(target).pr_keys[0] ?? '';
  await tab.goto(
    `chrome-extension://${browser.extensionId}/sessions.html?pr=${encodeURIComponent(prKey)}`,
  );
  expect(await expectCount(tab, { ...emptyFilters(), prKey }, started)).toBeGreaterThan(0);
  expect(await tab.locator('.session-list li').first().getAttribute('data-session-id')).toBe(
    target.session_id,
  );

  const ids = server.slice(0, 3).map((s) => s.session.session_id);
  await tab.goto(`chrome-extension://${browser.extensionId}/sessions.html?ids=${ids.join(',')}`);
  expect(await expectCount(tab, { ...emptyFilters(), sessionIds: ids }, started)).toBe(3);

  expect(errors).toEqual([]);
});
