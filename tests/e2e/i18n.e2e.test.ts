/// <reference types="chrome" />
/**
 * The extension in a German browser, in Chromium against the local API: the popup and the
 * options page speak German (texts from _locales/de) and write numbers the German way
 * ("1.234 Sessions"), because the browser's language, not a setting, picks both.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, countSessions, extensionPage, waitUntil } from './extension';

// Over a thousand, so the count needs a thousands separator: "1.234" in German.
const SESSIONS = 1234;

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: SESSIONS, orgs: 1, seed: 'i18n' });
  browser = await launchWithExtension({ locale: 'de', viewport: { width: 780, height: 580 } });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

it('shows the popup and the options page in German, with German number formats', async () => {
  const setup = await extensionPage(browser, 'options.html');
  // The options page: its title and language come from the German messages.
  await expect.poll(() => setup.title()).toBe('Devin Sessions für Admins · Einstellungen');
  expect(await setup.evaluate(() => document.documentElement.lang)).toBe('de');

  await configure(setup, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil('every session to be cached', async () => {
    return (await countSessions(setup)) === SESSIONS;
  });

  const popup = await extensionPage(browser, 'popup.html');
  await expect.poll(() => popup.title()).toBe('Devin-Sessions');
  await popup.getByRole('heading', { name: 'Devin-Sessions', level: 1 }).waitFor();
  // Buttons in German.
  await popup.getByRole('button', { name: /In Tab öffnen/ }).waitFor();
  expect(await popup.getByRole('button', { name: 'Auswertungen' }).count()).toBe(1);
  // The count with a German thousands separator and the German plural.
  const count = popup.getByTestId('sessions-count');
  await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('1.234 Sessions');
  // A status word from the German messages.
  expect(await popup.locator('.totals-status').textContent()).toMatch(/Läuft|Beendet|Fehler/);
});
