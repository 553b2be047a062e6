import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { DevinDatabase } from '../db/schema';
import { DEFAULT_SETTINGS } from '../settings/items';
import { createActionsService } from './service';

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ sessions: 10, orgs: 1, seed: 'actions-held-back' });
});
afterAll(() => api.close());

describe('session actions while the key is held back from the address', () => {
  it('send nothing and give the reason', async () => {
    const heldBack = `The API address changed to ${api.baseUrl}. Confirm your key for this address in Settings.`;
    const actions = createActionsService({
      db: new DevinDatabase(`actions-${Math.random()}`),
      readConfig: async () => ({
        apiKey: null,
        keyHeldBack: heldBack,
        settings: { ...DEFAULT_SETTINGS, apiBaseUrl: api.baseUrl, orgIds: api.orgIds },
      }),
    });
    const sessionId = `devin-${api.store.all()[0]?.session.session_id}`;
    api.requestLog.reset();
    expect(await actions.analysisOffer(sessionId)).toEqual({
      state: 'unavailable',
      message: heldBack,
    });
    expect(await actions.generateAnalysis(sessionId)).toEqual({ ok: false, message: heldBack });
    expect(api.requestLog.total).toBe(0);
  });
});
