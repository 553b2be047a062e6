/// <reference types="chrome" />
/**
 * Nothing destructive without asking, in Chromium against the local API: on the options page,
 * shrinking "History to keep" and "Full re-sync" first say how many cached sessions they affect
 * (counted from the cache) and do nothing until confirmed, as "Clear cache" does.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, countSessions, extensionPage, readTable, waitUntil } from './extension';

const SESSIONS = 1500;
const DAY = 24 * 60 * 60 * 1000;

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: SESSIONS, orgs: 2, seed: 'confirm-e2e' });
  browser = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function syncDone(page: Page): Promise<boolean> {
  const states = await readTable<{ pass: unknown; lastSuccessAt: number | null }>(
    page,
    'syncState',
  );
  return states.length === 2 && states.every((s) => s.pass === null && s.lastSuccessAt !== null);
}

async function settingsOf(page: Page): Promise<{ historyDays: number | null }> {
  return page.evaluate(
    async () =>
      (await chrome.storage.local.get('settings')).settings as { historyDays: number | null },
  );
}

it('confirms a shorter history and a full re-sync with the number of sessions affected', async () => {
  const page = await extensionPage(browser, 'options.html');
  await configure(page, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil(
    `${SESSIONS} sessions cached`,
    async () => (await countSessions(page)) >= SESSIONS,
  );
  await waitUntil('the sync to finish', () => syncDone(page));
  await page.reload();

  // History: 30 days. The question counts the cached sessions created before then.
  const older = api.store
    .all()
    .filter(({ session }) => Date.parse(session.created_at) < Date.now() - 30 * DAY).length;
  expect(older).toBeGreaterThan(0);
  await page.getByLabel('Only sessions created in the last').check();
  await page.getByLabel('Number of days of history').fill('30');
  await page.getByRole('button', { name: 'Save schedule' }).click();
  const question = page.getByText(/^Remove the [\d,]+ cached sessions created before/);
  await question.waitFor();
  const asked = Number(
    (await question.textContent())?.match(/Remove the ([\d,]+)/)?.[1]?.replaceAll(',', ''),
  );
  // A session or two may cross the line between the count here and the one in the page.
  expect(Math.abs(asked - older)).toBeLessThanOrEqual(1);
  // Focus is on Cancel, and Cancel changes nothing.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
  await page.keyboard.press('Enter');
  await expect.poll(() => question.count()).toBe(0);
  expect((await settingsOf(page)).historyDays).toBeNull();
  expect(await countSessions(page)).toBe(SESSIONS);

  // Confirmed: saved, and the next sync removes exactly those sessions.
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await page.getByRole('button', { name: /^Save and remove [\d,]+ sessions$/ }).click();
  await page.getByText(/^Saved\. The [\d,]+ cached sessions created before/).waitFor();
  expect((await settingsOf(page)).historyDays).toBe(30);
  await waitUntil(
    'the sync to remove the older sessions',
    async () => (await countSessions(page)) <= SESSIONS - asked,
  );
  await waitUntil('the sync to finish', () => syncDone(page));
  const kept = await countSessions(page);
  expect(Math.abs(kept - (SESSIONS - older))).toBeLessThanOrEqual(1);

  // Full re-sync: asks with the number it forgets; Cancel leaves the cache as it is.
  const cachedLine = page.getByText('Sessions cached').locator('..').locator('dd');
  await expect.poll(async () => cachedLine.textContent()).toBe(kept.toLocaleString('en-US'));
  await page.getByRole('button', { name: 'Full re-sync…' }).click();
  await page
    .getByText(
      `Forget the ${kept.toLocaleString('en-US')} cached sessions and download them all again?`,
      {
        exact: false,
      },
    )
    .waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForTimeout(500);
  expect(await countSessions(page)).toBe(kept);
  const before = await readTable<{ lastSuccessAt: number }>(page, 'syncState');

  await page.getByRole('button', { name: 'Full re-sync…' }).click();
  await page
    .getByRole('button', { name: `Re-download ${kept.toLocaleString('en-US')} sessions` })
    .click();
  await page.getByText(/Sync finished/).waitFor({ timeout: 60_000 });
  const after = await readTable<{ lastSuccessAt: number }>(page, 'syncState');
  expect(Math.min(...after.map((s) => s.lastSuccessAt))).toBeGreaterThan(
    Math.max(...before.map((s) => s.lastSuccessAt)),
  );
  await page.close();
});
