import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { createV2Client } from '../api';
import { testConnection } from './test-connection';

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ sessions: 40, orgs: 2, seed: 3 });
});
afterAll(() => api.close());

const client = (apiKey = api.apiKey) =>
  createV2Client({ baseUrl: api.baseUrl, apiKey, retry: { maxAttempts: 1 } });

describe('testConnection', () => {
  it('says which organizations the key sees', async () => {
    const report = await testConnection(client(), []);
    expect(report).toMatchObject({
      ok: true,
      message: 'Connected to the v2 API. This key sees 2 organizations.',
    });
    if (report.ok)
      expect(report.organizations.map((o) => o.org_id).sort()).toEqual([...api.orgIds].sort());
  });

  it('names an organization that does not exist', async () => {
    const report = await testConnection(client(), ['org-gone']);
    expect(report).toMatchObject({ ok: false, kind: 'not_found' });
    expect(report.message).toMatch(/^Organization org-gone was not found\./);
  });

  it('explains a refused key and a key without admin rights', async () => {
    expect(await testConnection(client('apk_user_nope'), [])).toMatchObject({
      ok: false,
      kind: 'unauthorized',
    });
    expect(await testConnection(client(api.nonAdminKey as string), [])).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
  });

  it('still connects when the key may not list organizations but can read the typed ones', async () => {
    api.setFaults({ directoryForbidden: true });
    const report = await testConnection(client(), api.orgIds);
    api.setFaults({ directoryForbidden: false });
    expect(report).toMatchObject({ ok: true, directoryForbidden: true });
  });
});
