/**
 * The options page as a new admin meets it, in the built extension against the local API:
 * refused inputs, a wrong key, then key → test → organization → save → sync → export.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import type { SessionDetailResponse } from '../../mock-api/types';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { countSessions, extensionPage, waitUntil } from './extension';

// Screenshots go to screenshots/tmp/ (ignored by git); UPDATE_SCREENSHOTS=1 refreshes README's.
const SCREENSHOTS = resolve(
  import.meta.dirname,
  process.env.UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../../screenshots/tmp',
);
const WAIT = 20_000;

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  // Latency spreads the backfill over several visible pages of progress.
  api = await startMockApi({ sessions: 3000, orgs: 3, seed: 'options-e2e', latencyMs: 300 });
  browser = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

function keyInput(page: Page) {
  return page.getByLabel('API key', { exact: true });
}

function baseInput(page: Page) {
  return page.getByLabel('API base URL', { exact: true });
}

function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

async function storedKey(page: Page): Promise<unknown> {
  return page.evaluate(async () => (await chrome.storage.local.get('apiKey')).apiKey ?? null);
}

describe('options page', () => {
  it('refuses a non-https remote base URL with the reason', async () => {
    const page = await extensionPage(browser);
    await keyInput(page).fill(api.apiKey);
    await baseInput(page).fill('http://example.com');
    await button(page, 'Test connection').click();
    const reason = page.getByRole('alert').filter({ hasText: 'would travel unencrypted' });
    await reason.waitFor({ timeout: WAIT });
    expect(await reason.textContent()).toContain('Use an https:// address');
    await button(page, 'Save').click();
    expect(await baseInput(page).getAttribute('aria-invalid')).toBe('true');
    expect(await storedKey(page)).toBeNull();
    await page.close();
  });

  it('says in plain words that a wrong key was refused, and caches nothing', async () => {
    const page = await extensionPage(browser);
    await keyInput(page).fill('apk_user_this-key-is-wrong');
    await baseInput(page).fill(api.baseUrl);
    await button(page, 'Test connection').click();
    const refused = page.getByRole('alert').filter({ hasText: 'The API key is invalid' });
    await refused.waitFor({ timeout: WAIT });
    expect(await refused.textContent()).toContain('copied in full');

    await button(page, 'Save').click();
    await page.getByRole('alert').filter({ hasText: 'Not saved.' }).waitFor({ timeout: WAIT });
    expect(await button(page, 'Save anyway').count()).toBe(0);
    expect(await storedKey(page)).toBeNull();
    await page.waitForTimeout(500);
    expect(await countSessions(page)).toBe(0);
    await page.close();
  });
});

describe('options page with a key that may not list organizations', () => {
  let restricted: MockApi;

  beforeAll(async () => {
    restricted = await startMockApi({
      sessions: 60,
      orgs: 2,
      seed: 'forbidden',
      directoryForbidden: true,
    });
  });

  afterAll(async () => {
    await restricted?.close();
  });

  it('takes organization ids typed by hand', async () => {
    const page = await extensionPage(browser);
    await keyInput(page).fill(restricted.apiKey);
    await baseInput(page).fill(restricted.baseUrl);
    const orgId = restricted.orgIds[0] ?? '';
    await page.getByLabel('Add organizations by id').fill(`${orgId}, `);
    await button(page, 'Add').click();
    await page.getByRole('checkbox', { name: orgId }).waitFor();
    expect(await page.getByRole('checkbox', { name: orgId }).isChecked()).toBe(true);
    await button(page, 'Test connection').click();
    await page
      .getByText('This key may not list organizations. Add their ids below')
      .waitFor({ timeout: WAIT });
    await page.close();
  });
});

describe('options page set-up', () => {
  it('takes a new admin from key to synced sessions and an export equal to the server', async () => {
    const page = await extensionPage(browser);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('heading', { name: 'Get started' }).waitFor();

    // Key and address of the local API, then the test lists the organizations by name.
    await keyInput(page).fill(api.apiKey);
    expect(await keyInput(page).getAttribute('type')).toBe('password');
    await baseInput(page).fill(api.baseUrl);
    await button(page, 'Test connection').click();
    const orgs = api.store.orgs;
    await page.getByText(`This key sees ${orgs.length} organizations`).waitFor({ timeout: WAIT });
    for (const org of orgs) {
      await page.getByRole('checkbox', { name: org.org_name }).waitFor();
    }

    // One organization, saved; saving starts the first sync in the background.
    const org = orgs[0];
    if (!org) throw new Error('The mock API has no organizations');
    const serverSessions = api.store
      .all()
      .map((entry) => entry.session)
      .filter((session) => session.org_id === org.org_id);
    expect(serverSessions.length).toBeGreaterThan(200);

    await button(page, 'Save').click();
    await page
      .getByText(`Saved. The key works and sees ${orgs.length} organizations.`)
      .waitFor({ timeout: WAIT });
    expect(await storedKey(page)).toBe(api.apiKey);
    await page.getByRole('checkbox', { name: org.org_name }).check();
    await button(page, 'Save organizations').click();
    await page.getByText('Saved. Syncing 1 organization').waitFor({ timeout: WAIT });

    // Progress shows while the history downloads, then the sync completes.
    await page.getByText(/Downloading history: [\d,]+ of [\d,]+ sessions/).waitFor({
      timeout: WAIT,
    });
    await page.getByText(/Last successful sync/).waitFor({ timeout: 40_000 });
    await button(page, 'Sync now').click();
    const finished = page.getByText(/^Sync finished\. [\d,]+ sessions cached\.$/);
    await finished.waitFor({ timeout: WAIT });
    expect(await finished.textContent()).toContain(
      `${serverSessions.length.toLocaleString('en-US')} sessions cached`,
    );
    expect(await countSessions(page)).toBe(serverSessions.length);
    await waitUntil('the cached count to show', async () => {
      const shown = await page.locator('.stats dd').first().textContent();
      return shown === serverSessions.length.toLocaleString('en-US');
    });

    await page.screenshot({ path: `${SCREENSHOTS}/options.png` });

    // The JSON export is the server's data for that organization, field for field.
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      button(page, 'Export JSON').click(),
    ]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^devin-sessions-\d{4}-\d{2}-\d{2}\.json$/);
    const jsonText = await readFile(await jsonDownload.path(), 'utf8');
    expect(jsonText).not.toContain(api.apiKey);
    const exported = JSON.parse(jsonText) as SessionDetailResponse[];
    expect(exported).toHaveLength(serverSessions.length);
    const byId = new Map(exported.map((session) => [session.session_id, session]));
    for (const session of serverSessions) expect(byId.get(session.session_id)).toEqual(session);

    // The CSV has a header and a line per session, and no key either.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      button(page, 'Export CSV').click(),
    ]);
    const csvText = await readFile(await csvDownload.path(), 'utf8');
    expect(csvText).not.toContain(api.apiKey);
    expect(csvText.startsWith('\uFEFFsession_id,title,status,org_id,')).toBe(true);
    const ids = new Set(serverSessions.map((session) => session.session_id));
    const lines = csvText.trimEnd().split('\r\n').slice(1);
    // Every text field is quoted (see utils/export/csv.ts).
    const idOf = (line: string) => /^"([^"]*)"/.exec(line)?.[1] ?? '';
    expect(lines.filter((line) => ids.has(idOf(line)))).toHaveLength(ids.size);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SCREENSHOTS}/options-dark.png` });
    await page.close();
  });
});
