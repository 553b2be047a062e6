/// <reference types="chrome" />
/**
 * The built extension in Chromium with a v3 service-user token (`cog_…`) against the local
 * API: set-up in the options page, a full sync and an incremental one whose cache equals the
 * server's sessions (`devin-` ids), a backfill that resumes from its stored cursor after the
 * worker was stopped, a token without ViewAccountSessions named in plain words, and the
 * session view: the status detail as a filter and beside the status, and Generate analysis.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockApi, type MockApiOptions, startMockApi } from '../../mock-api/server';
import { traitsOf } from '../../mock-api/v3/traits';
import { type ExtensionBrowser, launchWithExtension, stopServiceWorkers } from './chromium';
import {
  configure,
  countSessions,
  extensionPage,
  readCachedSessions,
  readTable,
  waitUntil,
} from './extension';

const WAIT = 20_000;
const SESSIONS_PATH = '/v3/enterprise/sessions/insights';

/** What the cache holds of a session (the fields compared with the server's). */
interface CachedSession {
  session_id: string;
  org_id: string;
  status: string;
  created_at: string;
  updated_at: string;
  acus_consumed: number;
}

interface OrgState {
  org_id: string;
  /** A backfill's slices of creation time not read to their end, each with its cursor. */
  pass: { slices?: { from: number | null; to: number | null; cursor: string | null }[] } | null;
  lastSuccessAt: number | null;
  lastError: { message: string } | null;
}

/** A local API and a fresh browser profile with the extension, closed after the block. */
function useServerAndBrowser(options: MockApiOptions): { api: MockApi; browser: ExtensionBrowser } {
  const env = {} as { api: MockApi; browser: ExtensionBrowser };
  beforeAll(async () => {
    env.api = await startMockApi({ requestLogSize: 10_000, ...options });
    env.browser = await launchWithExtension();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.api?.close();
  });
  return env;
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * What differs between the cache and the server's sessions of `orgIds`: v3 ids (`devin-…`),
 * instants to the second, status, ACUs and organization. Empty when they are equal.
 */
async function differences(page: Page, api: MockApi, orgIds = api.orgIds): Promise<string[]> {
  const cached = new Map(
    (await readCachedSessions<CachedSession>(page)).map((session) => [session.session_id, session]),
  );
  const served = api.store
    .all()
    .map((entry) => entry.session)
    .filter((session) => orgIds.includes(session.org_id));
  const wrong: string[] = [];
  for (const session of served) {
    const id = `devin-${session.session_id}`;
    const copy = cached.get(id);
    if (!copy) wrong.push(`${id}: not cached`);
    else if (
      seconds(copy.created_at) !== seconds(session.created_at) ||
      seconds(copy.updated_at) !== seconds(session.updated_at) ||
      copy.status !== session.status ||
      copy.acus_consumed !== (session.acus_consumed ?? 0) ||
      copy.org_id !== session.org_id
    ) {
      wrong.push(`${id}: differs`);
    }
  }
  if (cached.size !== served.length) wrong.push(`${cached.size} cached, ${served.length} served`);
  return wrong.slice(0, 10);
}

/** The v3 session pages the server answered since its log was reset, as query strings. */
function sessionQueries(api: MockApi): URLSearchParams[] {
  return api.requestLog.recent
    .filter((request) => request.path === SESSIONS_PATH)
    .map((request) => new URL(request.url, api.baseUrl).searchParams);
}

async function readStates(page: Page): Promise<OrgState[]> {
  return readTable<OrgState>(page, 'syncState');
}

/** Waits until every organization's pass is over, each finished after `since` (epoch ms). */
async function waitForSync(page: Page, orgIds: string[], since = 0): Promise<void> {
  await waitUntil(
    'the sync to finish',
    async () => {
      const states = await readStates(page);
      return orgIds.every((id) => {
        const state = states.find((s) => s.org_id === id);
        return state?.pass === null && (state.lastSuccessAt ?? 0) > since;
      });
    },
    120_000,
  ).catch(async (error: Error) => {
    throw new Error(`${error.message}\n${JSON.stringify(await readStates(page))}`);
  });
}

function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

/** Fills in the key and the local API's address on the options page. */
async function enterKey(page: Page, api: MockApi, key: string): Promise<void> {
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.getByLabel('API base URL', { exact: true }).fill(api.baseUrl);
}

describe('set-up with a v3 token in the options page', () => {
  const env = useServerAndBrowser({ sessions: 400, orgs: 3, seed: 'v3-setup' });

  it('says the key uses v3, connects as the service user, and saves the organizations picked', async () => {
    const { api, browser } = env;
    const page = await extensionPage(browser);
    await enterKey(page, api, api.v3Token);
    await expect
      .poll(() => page.getByTestId('api-version').textContent())
      .toMatch(/^Uses the v3 API\./);

    await button(page, 'Test connection').click();
    const connected = page.getByText('Connected to the v3 API as service user');
    await connected.waitFor({ timeout: WAIT });
    expect(await connected.textContent()).toContain(`sees ${api.orgIds.length} organizations`);
    // The test went to v3: who the token is, its organizations, and one session.
    expect(api.requestLog.count('/v3/self')).toBeGreaterThan(0);
    expect(api.requestLog.count('/v3/enterprise/organizations')).toBeGreaterThan(0);
    expect(api.requestLog.recent.some((r) => r.path.startsWith('/v2/'))).toBe(false);

    await button(page, 'Save').click();
    await page.getByText(/^Saved\. The key works/).waitFor({ timeout: WAIT });
    const [first, second] = api.store.orgs;
    if (!first || !second) throw new Error('The mock API has fewer than two organizations');
    await page.getByRole('checkbox', { name: first.org_name }).check();
    await page.getByRole('checkbox', { name: second.org_name }).check();
    await button(page, 'Save organizations').click();
    await page.getByText('Saved. Syncing 2 organizations').waitFor({ timeout: WAIT });

    const stored = await page.evaluate(() => chrome.storage.local.get(['apiKey', 'settings']));
    expect(stored.apiKey).toBe(api.v3Token);
    expect([...(stored.settings as { orgIds: string[] }).orgIds].sort()).toEqual(
      [first.org_id, second.org_id].sort(),
    );
    // Saving started the sync of those two, over v3.
    const picked = [first.org_id, second.org_id];
    await waitForSync(page, picked);
    expect(await differences(page, api, picked)).toEqual([]);
    await page.close();
  });
});

describe('sync with a v3 token', () => {
  const env = useServerAndBrowser({ sessions: 1500, orgs: 2, seed: 'v3-sync' });
  let page: Page;

  beforeAll(async () => {
    page = await extensionPage(env.browser, 'options.html');
  });

  it('copies every session of the server: devin- ids, instants to the second, status, ACUs', async () => {
    const { api } = env;
    await configure(page, { apiKey: api.v3Token, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
    await waitForSync(page, api.orgIds);
    expect(await differences(page, api)).toEqual([]);
    // Every page was a cursor page of one organization; v2 was never asked.
    const queries = sessionQueries(api);
    expect(queries.length).toBeGreaterThanOrEqual(Math.ceil(api.store.size / 200));
    expect(queries.every((q) => q.getAll('org_ids').length === 1 && q.has('first'))).toBe(true);
    expect(queries.some((q) => q.has('after'))).toBe(true);
    expect(api.requestLog.recent.some((r) => r.path.startsWith('/v2/'))).toBe(false);
  });

  it('then asks only for what changed (updated_after), and ends equal to the server again', async () => {
    const { api } = env;
    const created = api.store.createSessions(15);
    const updated = api.store.updateSessions(30);
    api.requestLog.reset();
    const before = Math.max(...(await readStates(page)).map((s) => s.lastSuccessAt ?? 0));
    await button(page, 'Sync now').click();
    await waitForSync(page, api.orgIds, before);

    const queries = sessionQueries(api);
    expect(queries.length).toBeGreaterThanOrEqual(api.orgIds.length);
    for (const query of queries) expect(Number(query.get('updated_after'))).toBeGreaterThan(0);
    expect(await differences(page, api)).toEqual([]);
    const cached = new Map(
      (await readCachedSessions<CachedSession>(page)).map((s) => [s.session_id, s]),
    );
    for (const session of [...created, ...updated]) {
      expect(seconds(cached.get(`devin-${session.session_id}`)?.updated_at ?? '')).toBe(
        seconds(session.updated_at),
      );
    }
  });
});

describe('a v3 backfill whose service worker is stopped', () => {
  // One organization, read in slices of creation time, several at once, each continuing from its
  // stored cursor. Pages a second slow (25 of them, at most four at a time) let the test see the
  // backfill under way; once its first page is stored, the server holds every new request, so
  // the stop always lands mid-backfill however fast the walk has become.
  const env = useServerAndBrowser({ sessions: 5000, orgs: 1, seed: 'v3-resume', latencyMs: 1000 });

  it('resumes from the stored cursors and ends equal to the server', async () => {
    const { api, browser } = env;
    const page = await extensionPage(browser, 'manifest.json');
    await configure(page, { apiKey: api.v3Token, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
    await waitUntil('a first page cached', async () => (await countSessions(page)) > 0);
    api.setFaults({ latencyMs: 30_000 });
    // The pages already on their way arrive and are written; later ones wait at the server.
    await page.waitForTimeout(1000);
    await stopServiceWorkers(browser);
    api.setFaults({ latencyMs: 0 });
    // Nothing is written while the worker is down; what is stored says where to continue.
    const whileStopped = await countSessions(page);
    await page.waitForTimeout(600);
    expect(await countSessions(page)).toBe(whileStopped);
    expect(whileStopped).toBeLessThan(api.store.size);
    const [state] = await readStates(page);
    const slices = state?.pass?.slices ?? [];
    expect(slices.length).toBeGreaterThan(0);

    api.requestLog.reset();
    await page.evaluate(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined));
    await waitForSync(page, api.orgIds);

    const queries = sessionQueries(api);
    // Each slice went on from where it stood: its cursor, or its first page when it had none
    // yet. The newest sessions (the whole history's first page, stored before the stop) were
    // not asked for again.
    const seconds = (ms: number | null) => (ms === null ? null : String(Math.floor(ms / 1000)));
    for (const slice of slices) {
      const resumed = queries.some((q) =>
        slice.cursor === null
          ? q.get('after') === null &&
            q.get('created_before') === seconds(slice.to) &&
            q.get('created_after') === seconds(slice.from)
          : q.get('after') === slice.cursor,
      );
      expect(resumed, JSON.stringify(slice)).toBe(true);
    }
    expect(queries.every((q) => q.has('created_before'))).toBe(true);
    expect(await differences(page, api)).toEqual([]);
  });
});

describe('a v3 token without ViewAccountSessions', () => {
  const env = useServerAndBrowser({ sessions: 200, orgs: 2, seed: 'v3-limited' });

  it('is named in plain words by Test connection and by the sync status, and nothing is cached', async () => {
    const { api, browser } = env;
    const limited = api.v3LimitedToken;
    if (limited === null) throw new Error('The mock API has no limited token');
    const page = await extensionPage(browser);
    await enterKey(page, api, limited);
    await button(page, 'Test connection').click();
    const refused = page.getByRole('alert').filter({ hasText: 'lacks ViewAccountSessions' });
    await refused.waitFor({ timeout: WAIT });
    expect(await refused.textContent()).toContain('Give the service user that permission');

    // Saved all the same (say the permission was taken away later): the sync stops and says why.
    await configure(page, { apiKey: limited, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
    const paused = page.getByText(/^Sync is paused: .*lacks ViewAccountSessions/);
    await paused.waitFor({ timeout: WAIT });
    expect(api.requestLog.recent.some((r) => r.path === SESSIONS_PATH && r.status === 403)).toBe(
      true,
    );
    expect(await countSessions(page)).toBe(0);
    expect(await readCachedSessions(page)).toEqual([]);
    await page.close();
  });
});

/** What the cache holds of a session for the v3 view checks. */
interface CachedV3Session extends CachedSession {
  status_detail?: string | null;
  session_analysis: unknown;
}

describe('the v3 fields and Generate analysis in the session view', () => {
  const env = useServerAndBrowser({
    sessions: 300,
    orgs: 1,
    seed: 'v3-view',
    analysisDelayMs: 300,
  });

  it('filters by status detail, shows it beside the status, and generates an analysis on demand', async () => {
    const { api, browser } = env;
    // How many sessions run at a time depends on the day the data is made: a few sessions that
    // wait for their user, whatever the day, are made to run.
    const waitWhenRunning = api.store
      .all()
      .filter(({ session }) => traitsOf(session, 'running').statusDetail === 'waiting_for_user')
      .slice(0, 4);
    for (const { session } of waitWhenRunning) {
      api.store.patchSession(session.session_id, { status: 'running' });
    }
    const setup = await extensionPage(browser, 'options.html');
    await configure(setup, { apiKey: api.v3Token, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
    await waitForSync(setup, api.orgIds);
    const cached = await readCachedSessions<CachedV3Session>(setup);
    const waiting = cached.filter((s) => s.status_detail === 'waiting_for_user');
    expect(waiting.length).toBeGreaterThan(0);

    // The status detail is a filter, and each row shows it beside its status.
    const page = await extensionPage(browser, 'sessions.html');
    await page.getByRole('button', { name: 'Status detail filter' }).click();
    await page.getByRole('checkbox', { name: /Waiting for user/ }).check();
    await page.keyboard.press('Escape');
    const waitingIds = new Set(waiting.map((s) => s.session_id));
    const shownIds = () =>
      page
        .locator('[data-session-id]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-session-id') ?? ''));
    await expect
      .poll(
        async () => {
          const ids = await shownIds();
          return ids.length > 0 && ids.every((id) => waitingIds.has(id));
        },
        { timeout: WAIT },
      )
      .toBe(true);
    const details = await page.locator('.badge-detail').allTextContents();
    expect(details.every((text) => text.includes('Waiting for user'))).toBe(true);
    expect(page.url()).toContain('detail=waiting_for_user');

    // A session without an analysis: the detail view offers to generate one.
    const bare = cached.find((s) => s.session_analysis === null);
    if (!bare) throw new Error('Every generated session has an analysis');
    api.requestLog.reset();
    await page.goto(
      `chrome-extension://${browser.extensionId}/sessions.html?session=${encodeURIComponent(bare.session_id)}`,
    );
    await button(page, 'Generate analysis').click();
    // The worker asks Devin, polls, and stores the new copy; the open view follows it.
    await page
      .getByRole('heading', { name: /^Analysis/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await page.locator('#section-issues').waitFor({ timeout: 60_000 });
    const generate = `/v3/enterprise/sessions/${bare.session_id}/insights/generate`;
    expect(api.requestLog.recent.some((r) => r.path === generate && r.method === 'POST')).toBe(
      true,
    );
    const after = await readCachedSessions<CachedV3Session>(setup);
    expect(after.find((s) => s.session_id === bare.session_id)?.session_analysis).not.toBeNull();
    await page.close();
    await setup.close();
  });
});
