import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { saveConnection } from '../settings/key-storage';
import { createKeyActions } from './key-actions';

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ sessions: 20, orgs: 1, seed: 'key-actions' });
});
afterAll(() => api.close());

beforeEach(() => {
  fakeBrowser.reset();
  api.requestLog.reset();
});

const actions = createKeyActions({
  afterTest: async (_tested, report) => report,
  clearCache: async () => undefined,
});

describe('testing the saved key', () => {
  it('reaches the address the key was confirmed for', async () => {
    await saveConnection(api.apiKey, api.baseUrl);
    const report = await actions.testSavedKey({ apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
    expect(report.ok).toBe(true);
    expect(api.requestLog.recent.every((request) => request.authorization)).toBe(true);
  });

  it('sends nothing to another address, and says how to allow it', async () => {
    // Another port on the same host is another origin: the key stays home.
    await saveConnection(api.apiKey, 'http://127.0.0.1:1');
    const report = await actions.testSavedKey({ apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
    expect(report).toEqual({
      ok: false,
      kind: 'unconfirmed_origin',
      message: `The API address changed to ${api.baseUrl}. Confirm your key for this address in Settings.`,
    });
    expect(api.requestLog.total).toBe(0);
  });
});
