/// <reference types="chrome" />
/**
 * The background's own sentences in a French browser, in Chromium against the local API: a
 * key the API refuses stops the sync, and the popup explains it in French, with what to do,
 * because the background writes the failure in the browser's language (_locales/fr).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, extensionPage, readTable, waitUntil } from './extension';

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: 20, orgs: 1, seed: 'i18n-background' });
  browser = await launchWithExtension({ locale: 'fr', viewport: { width: 780, height: 580 } });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

it('explains a refused key in French, in the popup and in the stored sync status', async () => {
  const popup = await extensionPage(browser, 'popup.html');
  await configure(popup, {
    apiKey: 'apk_user_refused',
    apiBaseUrl: api.baseUrl,
    orgIds: api.orgIds,
  });
  let stored = '';
  await waitUntil('the sync to fail', async () => {
    const rows = await readTable<{
      key: string;
      value: { lastError?: { message: string } | null };
    }>(popup, 'meta');
    stored = rows.find((row) => row.key === 'syncStatus')?.value.lastError?.message ?? '';
    return stored !== '';
  });
  expect(stored).toMatch(/^La clé API a été refusée\. /);
  expect(stored).toMatch(/enregistrez-la dans la page des options\.$/);
  // The popup shows the same French sentence, whole.
  await popup.getByRole('alert').filter({ hasText: 'La clé API a été refusée' }).waitFor({
    timeout: 20_000,
  });
});
