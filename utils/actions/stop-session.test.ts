/** "Stop session" against the local Devin API server over real HTTP. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { useFakeLocale } from '../../tests/fake-i18n';
import { backgroundFor, serverSession } from '../../tests/fixtures/actions';
import { readSession } from '../db/reads';
import { DEFAULT_SETTINGS } from '../settings/items';
import { actionsOffByPolicy } from './policy';
import { createActionsService } from './service';
import { needsV3ToStop } from './stop-session';

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ sessions: 400, orgs: 1, seed: 'stop', requestLogSize: 500 });
});
afterAll(() => api.close());
beforeEach(() => {
  fakeBrowser.reset();
  api.requestLog.reset();
});
afterEach(() => vi.restoreAllMocks());

const deletes = () => api.requestLog.recent.filter((r) => r.method === 'DELETE');

/** A synced background (v3 unless a key is given) and the id of a session running now. */
let next = 0;
async function synced(key = api.v3Token) {
  const entry = api.store.all()[next++];
  if (!entry) throw new Error('fixture: out of sessions');
  api.store.patchSession(entry.session.session_id, { status: 'running' });
  const background = backgroundFor(api, key);
  expect(await background.sync.syncNow('manual')).toBe('done');
  const id = (key === api.apiKey ? '' : 'devin-') + entry.session.session_id;
  expect((await readSession(background.db, id))?.status).toBe('running');
  api.requestLog.reset();
  return { ...background, id };
}

describe('stopping a session', () => {
  it('terminates it in its organization and caches the stopped copy at once', async () => {
    const { db, actions, id } = await synced();
    expect(await actions.stopOffer()).toEqual({ state: 'offer' });
    expect(await actions.stopSession(id, false)).toEqual({ ok: true });
    const orgId = serverSession(api, id).org_id;
    expect(deletes().map((r) => r.url)).toEqual([
      `/v3/organizations/${orgId}/sessions/${id}?archive=false`,
    ]);
    expect(serverSession(api, id).status).toBe('exit');
    expect((await readSession(db, id))?.status).toBe('exit');
  });

  it('archives it too when asked', async () => {
    const { db, actions, id } = await synced();
    expect(await actions.stopSession(id, true)).toEqual({ ok: true });
    expect(deletes()[0]?.url).toContain('archive=true');
    expect((await readSession(db, id))?.is_archived).toBe(true);
  });

  it('explains what a v2 key lacks, without asking Devin', async () => {
    const { actions, id } = await synced(api.apiKey);
    expect(await actions.stopOffer()).toEqual({ state: 'unavailable', message: needsV3ToStop() });
    expect(await actions.stopSession(id, false)).toEqual({
      ok: false,
      message: needsV3ToStop(),
    });
    expect(deletes()).toEqual([]);
  });

  it('explains what a v2 key lacks in the browser’s language', async () => {
    const { actions, id } = await synced(api.apiKey);
    useFakeLocale('de');
    try {
      expect(await actions.stopSession(id, false)).toEqual({
        ok: false,
        message: expect.stringMatching(
          /^Zum Beenden einer Session braucht es ein Service-User-Token/,
        ),
      });
    } finally {
      useFakeLocale('en', 'en-US');
    }
  });

  it('names the missing permission when Devin refuses, and changes nothing', async () => {
    const { db, id } = await synced();
    // The same cache, with a token that may read sessions but not stop them.
    const actions = createActionsService({
      db,
      readConfig: async () => ({
        apiKey: api.v3LimitedToken,
        settings: { ...DEFAULT_SETTINGS, apiBaseUrl: api.baseUrl, orgIds: api.orgIds },
      }),
    });
    const result = await actions.stopSession(id, false);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('lacks ManageOrgSessions'),
    });
    expect(deletes().map((r) => r.status)).toEqual([403]);
    expect(serverSession(api, id).status).toBe('running');
  });

  it('is turned off by policy, with the reason, before any request', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ disableSessionActions: true });
    const { actions, id } = await synced();
    expect(await actions.stopOffer()).toEqual({
      state: 'unavailable',
      message: actionsOffByPolicy(),
    });
    expect(await actions.stopSession(id, false)).toEqual({
      ok: false,
      message: actionsOffByPolicy(),
    });
    expect(deletes()).toEqual([]);
  });
});
