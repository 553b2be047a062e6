/// <reference types="chrome" />
/**
 * Budgets in Chromium against the local API: after a sync, the insights page shows each
 * organization's billed ACUs this billing cycle exactly as the server bills them, its limit and
 * the days left; a key that may not read billing gets the plain-words notice instead.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { summarizeConsumption } from '../../mock-api/dataset/consumption';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { billingCycleAt, daysLeft } from '../../utils/budget/cycle';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, countSessions, extensionPage, readTable, waitUntil } from './extension';

const SESSIONS = 600;

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: SESSIONS, orgs: 3, seed: 17 });
  browser = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function billingState(page: Page): Promise<{ state: string; at: number } | null> {
  const meta = await readTable<{ key: string; value: { state: string; at: number } }>(page, 'meta');
  return meta.find((row) => row.key === 'billing')?.value ?? null;
}

it("shows each organization's billed ACUs this cycle, its limit and the days left", async () => {
  const setup = await extensionPage(browser, 'manifest.json');
  await configure(setup, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil('sessions cached', async () => (await countSessions(setup)) >= SESSIONS, 90_000);
  await waitUntil('billing read', async () => (await billingState(setup))?.state === 'ok', 60_000);

  const page = await extensionPage(browser, 'insights.html');
  const section = page.getByTestId('budget');
  await section.getByRole('heading', { name: 'Budget' }).waitFor({ timeout: 30_000 });
  const now = Date.now();
  const cycle = billingCycleAt(now);
  const sessions = api.store.all().map((entry) => entry.session);
  for (const org of api.store.orgs) {
    const row = section.locator(`[data-testid="budget-org"][data-org-id="${org.org_id}"]`);
    await row.waitFor();
    const billed = summarizeConsumption(sessions, {
      fromMs: cycle.start,
      toMs: now,
      orgIds: [org.org_id],
    }).total;
    const shown = Number(await row.getByTestId('budget-used').getAttribute('data-acus'));
    expect(shown).toBeCloseTo(billed, 4);
    // The organization's name opens its sessions.
    await expect(row.getByRole('link').textContent()).resolves.toBe(org.org_name);
    const used = await row.getByTestId('budget-used').textContent();
    if (org.max_cycle_acu_limit === null) {
      await expect(row.textContent()).resolves.toContain('No limit');
    } else {
      expect(used).toContain(
        new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(
          org.max_cycle_acu_limit,
        ),
      );
    }
  }
  const left = daysLeft(cycle, now);
  await expect(page.getByTestId('budget-days-left').textContent()).resolves.toBe(
    `${left} ${left === 1 ? 'day' : 'days'} left`,
  );
  await page.close();
  await setup.close();
});

it('says in plain words when the key cannot read billing, and falls back to the sessions', async () => {
  api.setFaults({ billingForbidden: true });
  const options = await extensionPage(browser, 'options.html');
  await options.getByRole('button', { name: 'Sync now', exact: true }).click();
  await waitUntil(
    'billing refused',
    async () => (await billingState(options))?.state === 'forbidden',
    60_000,
  );
  const page = await extensionPage(browser, 'insights.html');
  const notice = page.getByTestId('budget-notice');
  await notice.waitFor({ timeout: 30_000 });
  await expect(notice.textContent()).resolves.toContain('Your key cannot read billing');
  await expect(notice.textContent()).resolves.toContain('Ask an enterprise admin');
  await page.close();
  await options.close();
});
