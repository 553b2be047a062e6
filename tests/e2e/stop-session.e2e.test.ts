/// <reference types="chrome" />
/**
 * Stopping a session from its alert, in Chromium with a v3 token against the local API: the
 * confirmation names the session and its ACUs, the server receives the DELETE, and the list
 * row shows the new status without waiting for a sync.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, extensionPage, readCachedSessions, readTable, waitUntil } from './extension';

const WAIT = 30_000;

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: 300, orgs: 1, seed: 'stop-session', requestLogSize: 2000 });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

interface CachedSession {
  session_id: string;
  org_id: string;
  status: string;
  title: string | null;
  acus_consumed: number;
}

it('asks for confirmation naming the session and its ACUs, stops it, and shows it stopped', async () => {
  const options = await extensionPage(browser, 'options.html');
  // Every running session is over this many ACUs: each gets an alert.
  await options.evaluate(() => chrome.storage.local.set({ alertSettings: { sessionAcus: 0.01 } }));
  await configure(options, { apiKey: api.v3Token, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil('an alert for a costly running session', async () =>
    (await readTable<{ id: string }>(options, 'alerts')).some((a) => a.id.startsWith('over_acus:')),
  );
  const alerts = await readTable<{ id: string }>(options, 'alerts');
  const cached = await readCachedSessions<CachedSession & { updated_at: string }>(options);
  const target = cached.find(
    (s) =>
      s.status === 'running' && s.title && alerts.some((a) => a.id === `over_acus:${s.session_id}`),
  );
  if (!target?.title) throw new Error('No running session with a title and an alert');

  // The tab, narrowed to that session: its row, and the alerts above the list.
  const tab = await extensionPage(
    browser,
    `sessions.html?ids=${encodeURIComponent(target.session_id)}`,
  );
  const row = tab.locator(`[data-session-id="${target.session_id}"]`);
  await expect.poll(() => row.textContent(), { timeout: WAIT }).toContain('Running');

  // The band lists its first alerts; all of them once asked.
  const showAll = tab.getByRole('button', { name: /^Show all \d[\d,]* alerts$/ });
  await tab.locator('.alert-item').first().waitFor({ timeout: WAIT });
  if ((await showAll.count()) > 0) await showAll.click();
  await tab
    .getByRole('button', { name: `Stop session: ${target.title}` })
    .first()
    .click();
  const confirm = tab.getByRole('group', { name: `Confirm stopping ${target.title}` });
  await confirm.waitFor({ timeout: WAIT });
  const question = (await confirm.textContent()) ?? '';
  expect(question).toContain(target.title);
  expect(question).toMatch(/It has used [\d.,]+ ACUs so far/);
  // Nothing is sent before the confirmation.
  const deletes = () => api.requestLog.recent.filter((r) => r.method === 'DELETE');
  expect(deletes()).toEqual([]);

  await confirm.getByRole('button', { name: 'Stop session', exact: true }).click();
  await expect.poll(() => deletes().length, { timeout: WAIT }).toBe(1);
  expect(deletes().map((r) => r.path)).toEqual([
    `/v3/organizations/${target.org_id}/sessions/${target.session_id}`,
  ]);
  expect(deletes()[0]?.status).toBe(200);
  // The cache holds the stopped copy at once; the row says so.
  await expect.poll(() => row.textContent(), { timeout: WAIT }).toContain('Finished');
  const after = await readCachedSessions<CachedSession & { updated_at: string }>(options);
  expect(after.find((s) => s.session_id === target.session_id)?.status).toBe('exit');
  // Its alerts are checked again at once: a stopped session is no longer over its ACUs.
  await waitUntil('its alert to go', async () =>
    (await readTable<{ id: string }>(options, 'alerts')).every(
      (a) => a.id !== `over_acus:${target.session_id}`,
    ),
  );
});
