/**
 * The README's screenshots, from the demo's data: builds the test build (loopback access for the
 * local API), starts the local Devin API with the demo's sessions, syncs them into Chromium and
 * saves PNGs (1280 wide at most) into docs/screenshots/:
 *
 *   popup-alerts.png      the popup with its alerts list open
 *   tab-alerts.png        the full-tab view with its alerts banner
 *   cost.png, cost-dark.png   the Insights page's Cost view, light and dark
 *   budget.png            the Insights page's budget section, when the page has one
 *
 *   npm run screenshots                  build, then shoot
 *   npm run screenshots -- --skip-build  use the build in .output/loopback as it is
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { startMockApi } from '../mock-api/server';
import { launchWithExtension } from '../tests/e2e/chromium';
import {
  configure,
  countSessions,
  extensionPage,
  readTable,
  waitUntil,
} from '../tests/e2e/extension';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '5000' },
    out: { type: 'string', default: 'docs/screenshots' },
    'skip-build': { type: 'boolean', default: false },
  },
});

const out = resolve(values.out);
mkdirSync(out, { recursive: true });

if (!values['skip-build']) {
  console.log('Building the extension (with loopback access for the local API)...');
  execFileSync('npx', ['wxt', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, DEVIN_EXT_LOOPBACK: '1' },
  });
}

// The demo's data (scripts/demo.ts), without its churn: the same pictures on every run.
const api = await startMockApi({ sessions: Number(values.sessions), orgs: 3, seed: 42 });
const browser = await launchWithExtension({
  viewport: { width: 1280, height: 900 },
  locale: 'en-US',
});

async function shoot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: resolve(out, name), animations: 'disabled' });
  console.log(`Saved ${resolve(out, name)}`);
}

try {
  const setup = await extensionPage(browser, 'options.html');
  await configure(setup, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  const expected = api.store.size;
  await waitUntil('the first sync', async () => (await countSessions(setup)) >= expected, 180_000);
  // The alerts are evaluated after the sync: the backlog (waiting, long, costly sessions).
  await waitUntil('the alerts', async () => (await readTable(setup, 'alerts')).length > 0, 60_000);
  console.log(`Synced ${await countSessions(setup)} sessions.`);

  const popup = await extensionPage(browser, 'popup.html');
  await popup.setViewportSize({ width: 780, height: 580 });
  await popup.locator('details.alert-list > summary').click();
  await popup.locator('details.alert-list[open] li').first().waitFor();
  await popup.mouse.move(0, 0);
  await shoot(popup, 'popup-alerts.png');

  const tab = await extensionPage(browser, 'sessions.html');
  await tab.locator('details.alert-list li').first().waitFor();
  await tab.waitForTimeout(500);
  await shoot(tab, 'tab-alerts.png');

  // The last 30 days: the period comparison has a period to compare.
  const insights = await extensionPage(browser, 'insights.html?created=30d');
  const cost = insights.getByTestId('cost-view');
  await cost.waitFor({ timeout: 60_000 });
  await insights.waitForFunction(
    () => !document.querySelector('[data-testid="insights-status"]')?.textContent?.includes('…'),
    undefined,
    { timeout: 60_000 },
  );
  await cost.scrollIntoViewIfNeeded();
  await insights.mouse.move(0, 0);
  await shoot(cost, 'cost.png');
  await insights.emulateMedia({ colorScheme: 'dark' });
  await insights.waitForTimeout(300);
  await shoot(cost, 'cost-dark.png');
  await insights.emulateMedia({ colorScheme: 'light' });

  // The budget section, built apart from the Cost view: shot when the page has one.
  const budget = insights.locator('[data-testid*="budget"], section[id*="budget"]').first();
  if ((await budget.count()) > 0) {
    await budget.scrollIntoViewIfNeeded();
    await shoot(budget, 'budget.png');
  } else {
    console.log('No budget section on the Insights page: budget.png not taken.');
  }
} finally {
  await browser.close();
  await api.close();
}
