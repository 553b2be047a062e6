/**
 * The demo: builds the extension, starts the local Devin API with demo data, and opens
 * Chromium with the extension loaded and already configured against it.
 *
 *   npm run demo                 a Chromium window (needs a display); Ctrl-C ends it
 *   npm run demo -- --headless   no window: waits for the sync, saves screenshots, exits
 *   npm run demo -- --api v3     configures a v3 service-user token (cog_…) instead of the v2 key
 *   npm run demo -- --browser firefox   the same in Firefox ESR (firefox-esr or $FIREFOX_PATH)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startMockApi } from '../mock-api/server';
import { launchWithExtension } from '../tests/e2e/chromium';
import { configure, countSessions, extensionPage, waitUntil } from '../tests/e2e/extension';
import { runFirefoxDemo } from './demo/firefox';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    sessions: { type: 'string', default: '5000' },
    orgs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    api: { type: 'string', default: 'v2' },
    browser: { type: 'string', default: 'chromium' },
    out: { type: 'string', default: 'screenshots' },
    'skip-build': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    `Usage: npm run demo -- [--headless] [--browser chromium|firefox] [--api v2|v3] [--sessions N] [--orgs N] [--seed N] [--out DIR] [--skip-build]

  --browser firefox   run the demo in Firefox ESR (apt-get install -y firefox-esr, or set
                      FIREFOX_PATH) instead of Chromium

  --api v3   configure the extension with a v3 service-user token (cog_…) instead of the
             v2 admin key (default v2); the extension then syncs over the Devin API v3`,
  );
  process.exit(0);
}

if (values.api !== 'v2' && values.api !== 'v3') {
  console.error(`--api must be v2 or v3 (got ${JSON.stringify(values.api)}).`);
  process.exit(2);
}

if (values.browser !== 'chromium' && values.browser !== 'firefox') {
  console.error(`--browser must be chromium or firefox (got ${JSON.stringify(values.browser)}).`);
  process.exit(2);
}
const firefox = values.browser === 'firefox';

if (!values.headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found. Run "npm run demo -- --headless" to save screenshots instead.');
  process.exit(1);
}

if (!values['skip-build']) {
  console.log('Building the extension (with loopback access for the local API)...');
  execFileSync('npx', ['wxt', 'build', ...(firefox ? ['-b', 'firefox', '--mv3'] : [])], {
    stdio: 'inherit',
    env: { ...process.env, DEVIN_EXT_LOOPBACK: '1' },
  });
}

const api = await startMockApi({
  sessions: Number(values.sessions),
  orgs: Number(values.orgs),
  seed: Number(values.seed),
  // A little life while the demo runs: new and updated sessions every half minute.
  churn: { intervalMs: 30_000, create: 2, update: 5 },
});
console.log(`Local Devin API: ${api.baseUrl} (organizations ${api.orgIds.join(', ')})`);
const apiKey = values.api === 'v3' ? api.v3Token : api.apiKey;

if (firefox) {
  await runFirefoxDemo({ api, apiKey, headless: values.headless, out: values.out });
} else {
  await runChromiumDemo();
}

async function runChromiumDemo(): Promise<void> {
  const browser = await launchWithExtension({ headless: values.headless });
  const page = await extensionPage(browser, 'popup.html');
  await configure(page, { apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  console.log(
    values.api === 'v3'
      ? 'Extension configured with the v3 service-user token (cog_…); syncing over the v3 API...'
      : 'Extension configured with the v2 admin key; syncing...',
  );

  const expected = api.store.size;
  await waitUntil(
    'the first sync',
    async () => (await countSessions(page)) >= expected - 10,
    180_000,
  );
  console.log(`Synced ${await countSessions(page)} sessions.`);
  await page.reload();

  if (values.headless) {
    const out = resolve(values.out);
    mkdirSync(out, { recursive: true });
    await page.setViewportSize({ width: 780, height: 580 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: resolve(out, 'demo-popup.png') });
    const tab = await extensionPage(browser, 'sessions.html');
    await tab.waitForTimeout(800);
    await tab.screenshot({ path: resolve(out, 'demo-sessions.png') });
    // The first session opened: its detail shows the id (`devin-…` when synced over v3).
    const first = tab.locator('.session-list li').first();
    console.log(`First listed session: ${await first.getAttribute('data-session-id')}`);
    await first.click();
    await tab.waitForTimeout(800);
    await tab.screenshot({ path: resolve(out, 'demo-detail.png') });
    const options = await extensionPage(browser, 'options.html');
    await options.waitForTimeout(800);
    await options.screenshot({ path: resolve(out, 'demo-options.png'), fullPage: true });
    console.log(`Screenshots saved in ${out}`);
    await browser.close();
    await api.close();
  } else {
    await extensionPage(browser, 'sessions.html');
    console.log('Chromium is open with the extension. Press Ctrl-C to stop.');
    const stop = async () => {
      await browser.close().catch(() => {});
      await api.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    browser.context.on('close', stop);
  }
}
