/** "Generate analysis" against the local Devin API server over real HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { backgroundFor, serverSession } from '../../tests/fixtures/actions';
import { readAllSessions, readCacheSummary, readSession } from '../db/reads';
import { needsV3Token } from './messages';

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ sessions: 60, orgs: 1, seed: 71, analysisDelayMs: 40 });
});
afterAll(() => api.close());
beforeEach(() => {
  fakeBrowser.reset();
  api.requestLog.reset();
});

const generatePath = (id: string) => `/v3/enterprise/sessions/${id}/insights/generate`;
const insightsPath = (id: string) => `/v3/enterprise/sessions/${id}/insights`;

/** A synced v3 background and a cached session that has no analysis yet. */
async function syncedWithoutAnalysis(skip = 0) {
  const background = backgroundFor(api, api.v3Token);
  expect(await background.sync.syncNow('manual')).toBe('done');
  const bare = (await readAllSessions(background.db)).filter((s) => !s.session_analysis);
  const target = bare[skip];
  if (!target) throw new Error('fixture: no session without analysis');
  return { ...background, id: target.session_id };
}

describe('generating an analysis', () => {
  it('asks Devin, polls until the analysis is there and stores the analysed copy', async () => {
    const { db, actions, id } = await syncedWithoutAnalysis();
    const before = await readCacheSummary(db);
    expect(await actions.analysisOffer(id)).toEqual({ state: 'offer' });

    expect(await actions.generateAnalysis(id)).toEqual({ ok: true });

    const stored = await readSession(db, id);
    expect(stored?.session_analysis?.issues).toEqual(expect.any(Array));
    // The whole session is stored again, not only its analysis. (v3 sends no first message: the
    // cache takes it from the analysis's suggested prompt, which about half of analyses have.)
    const server = serverSession(api, id);
    expect(stored?.title).toBe(server.title);
    expect(stored?.status).toBe(server.status);
    expect(stored?.initial_user_message).toBe(
      stored?.session_analysis?.suggested_prompt?.original_prompt ?? null,
    );
    expect(api.requestLog.count(generatePath(id))).toBe(1);
    expect(api.requestLog.count(insightsPath(id))).toBeGreaterThanOrEqual(1);
    // A newer copy of a cached session: one more copy, no more sessions.
    const after = await readCacheSummary(db);
    expect(after.sessions).toBe(before.sessions);
    expect(after.copies).toBe(before.copies + 1);
  });

  it('joins an attempt under way instead of asking twice, and says it is busy', async () => {
    const { actions, id } = await syncedWithoutAnalysis(1);
    const first = actions.generateAnalysis(id);
    expect(await actions.analysisOffer(id)).toEqual({ state: 'busy' });
    const second = actions.generateAnalysis(id);
    expect(await Promise.all([first, second])).toEqual([{ ok: true }, { ok: true }]);
    expect(api.requestLog.count(generatePath(id))).toBe(1);
  });

  it('remembers a 403 for the key, by hash, and then answers without asking', async () => {
    const limited = api.v3LimitedToken as string;
    const { actions } = backgroundFor(api, limited);
    const id = `devin-${api.store.all()[0]?.session.session_id}`;

    const refused = await actions.generateAnalysis(id);
    expect(refused).toEqual({
      ok: false,
      message: expect.stringMatching(/lacks ManageAccountSessions/),
    });
    expect(api.requestLog.total).toBe(1);

    expect(await actions.generateAnalysis(id)).toEqual(refused);
    expect(await actions.analysisOffer(id)).toEqual({
      state: 'unavailable',
      message: refused.ok ? '' : refused.message,
    });
    expect(api.requestLog.total).toBe(1);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).toContain('ManageAccountSessions');
    expect(stored).not.toContain(limited);

    // Tested again (the permission may have been granted since): offered once more.
    const report = { ok: false, kind: 'forbidden', message: 'no' } as const;
    await actions.afterConnectionTest({ apiBaseUrl: api.baseUrl, apiKey: limited }, report);
    expect((await actions.analysisOffer(id)).state).toBe('unavailable');
    await actions.afterConnectionTest(
      { apiBaseUrl: api.baseUrl, apiKey: limited },
      { ok: true, organizations: [], directoryForbidden: false, connectedAs: '', message: '' },
    );
    expect(await actions.analysisOffer(id)).toEqual({ state: 'offer' });
  });

  it('answers a v2 key that it needs a v3 token, without a request', async () => {
    const { actions } = backgroundFor(api, api.apiKey);
    const id = `devin-${api.store.all()[0]?.session.session_id}`;
    expect(await actions.generateAnalysis(id)).toEqual({ ok: false, message: needsV3Token() });
    expect(await actions.analysisOffer(id)).toEqual({
      state: 'unavailable',
      message: needsV3Token(),
    });
    expect(api.requestLog.total).toBe(0);
  });

  it('gives up in plain words when the analysis does not come in time', async () => {
    const slow = await startMockApi({ sessions: 10, orgs: 1, seed: 72, analysisDelayMs: 60_000 });
    try {
      const { actions } = backgroundFor(slow, slow.v3Token, {
        firstDelayMs: 10,
        maxDelayMs: 20,
        giveUpAfterMs: 120,
      });
      const target = slow.store.all().find((e) => e.session.session_analysis === null);
      const result = await actions.generateAnalysis(`devin-${target?.session.session_id}`);
      expect(result).toEqual({ ok: false, message: expect.stringMatching(/not finished/) });
    } finally {
      await slow.close();
    }
  });
});
