/**
 * The demo in Firefox ESR: the extension installed as a temporary add-on (as about:debugging
 * does), configured against the local API, then either left open or photographed.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MockApi } from '../../mock-api/server';
import { configure, countSessions, waitUntil } from '../../tests/e2e/extension';
import {
  evaluator,
  launchFirefoxWithExtension,
  setViewport,
} from '../../tests/e2e/firefox/firefox';

export async function runFirefoxDemo(options: {
  api: MockApi;
  apiKey: string;
  headless: boolean;
  out: string;
}): Promise<void> {
  const { api } = options;
  const firefox = await launchFirefoxWithExtension({ headless: options.headless });
  const page = await firefox.open('popup.html');
  await configure(evaluator(page), {
    apiKey: options.apiKey,
    apiBaseUrl: api.baseUrl,
    orgIds: api.orgIds,
  });
  console.log('Extension configured in Firefox; syncing...');
  await waitUntil(
    'the first sync',
    async () => (await countSessions(evaluator(page))) >= api.store.size - 10,
    180_000,
  );
  console.log(`Synced ${await countSessions(evaluator(page))} sessions.`);

  if (!options.headless) {
    await page.close();
    await firefox.open('sessions.html');
    console.log('Firefox is open with the extension. Press Ctrl-C to stop.');
    const stop = async () => {
      await firefox.close().catch(() => {});
      await api.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    firefox.browser.on('disconnected', stop);
    return;
  }

  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  await setViewport(firefox.browser, page, { width: 780, height: 580 });
  await page.reload().catch(() => {});
  await new Promise((r) => setTimeout(r, 1500));
  await page.screenshot({ path: resolve(out, 'demo-firefox-popup.png') });
  const tab = await firefox.open('sessions.html');
  await new Promise((r) => setTimeout(r, 800));
  await tab.screenshot({ path: resolve(out, 'demo-firefox-sessions.png') });
  console.log(`Screenshots saved in ${out}`);
  await firefox.close();
  await api.close();
}
