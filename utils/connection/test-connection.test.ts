import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../components/options/connection-report';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { useFakeLocale } from '../../tests/fake-i18n';
import { createV2Client, createV3Client } from '../api';
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

/** A server that answers, but is not the Devin API: a web page for every path. */
async function startWebsite(status: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Not here</title><h1>Page not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('testConnection against a server that is not the Devin API', () => {
  for (const status of [404, 200]) {
    it(`says so when it answers a web page (HTTP ${status}), with no organization set`, async () => {
      const site = await startWebsite(status);
      try {
        for (const make of [createV2Client, createV3Client]) {
          const apiKey = make === createV2Client ? 'apk_user_abc' : 'cog_abc';
          const report = await testConnection(
            make({ baseUrl: site.url, apiKey, retry: { maxAttempts: 1 } }),
            [],
          );
          expect(report).toMatchObject({ ok: false, kind: 'not_devin_api' });
          if (report.ok) return;
          const text = describeFailure(report, { orgIds: [], apiBaseUrl: site.url });
          expect(text).toBe(
            `${site.url} answers, but it is not the Devin API: it sent a web page instead of API data. Check the API base URL (for Devin's cloud, https://api.devin.ai).`,
          );
          expect(text).not.toMatch(/organization/i);
        }
      } finally {
        await site.close();
      }
    });
  }
});

describe('testConnection in the browser’s language', () => {
  afterEach(() => useFakeLocale('en', 'en-US'));

  it('names the v3 service user, and counts organizations the German way', async () => {
    useFakeLocale('de');
    const v3 = createV3Client({
      baseUrl: api.baseUrl,
      apiKey: api.v3Token,
      retry: { maxAttempts: 1 },
    });
    const report = await testConnection(v3, []);
    expect(report).toMatchObject({
      ok: true,
      connectedAs: 'Mit der API v3 verbunden als Service-User sessions-dashboard.',
      message:
        'Mit der API v3 verbunden als Service-User sessions-dashboard. Dieser Schlüssel sieht 2 Organisationen.',
    });
  });

  it('explains a refused key in Japanese', async () => {
    useFakeLocale('ja');
    const report = await testConnection(client('apk_user_nope'), []);
    expect(report).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(report.message).toMatch(/^API キーが拒否されました。/);
  });

  it('names an organization that does not exist, in French', async () => {
    useFakeLocale('fr');
    const report = await testConnection(client(), ['org-gone']);
    expect(report.message).toMatch(/^L’organisation org-gone est introuvable\./);
  });
});
