/** Both clients' billed consumption against the local Devin API server over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../mock-api/data';
import { summarizeConsumption } from '../../mock-api/dataset/consumption';
import { type MockApi, startMockApi } from '../../mock-api/server';
import type { DevinClient } from './client';
import { createClient } from './create-client';
import { DevinApiError } from './errors';

const NOW = '2025-06-20T12:00:00.000Z';
const nowMs = Date.parse(NOW);
const dataset = generateDataset({ sessions: 300, orgs: 3, seed: 21, now: NOW });
const range = { start: '2025-06-01T08:00:00.000Z', end: '2025-07-01T08:00:00.000Z' };
const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ dataset, clock: () => nowMs });
});
afterAll(() => api.close());

/** The server's own figures for the range (what Devin would bill). */
function serverFigures(orgIds: readonly string[] | null) {
  return summarizeConsumption(
    api.store.all().map((entry) => entry.session),
    { fromMs: Date.parse(range.start), toMs: Date.parse(range.end), orgIds },
  );
}

const clients: [string, () => DevinClient][] = [
  ['v2', () => createClient({ baseUrl: api.baseUrl, apiKey: api.apiKey, retry: FAST_RETRY })],
  ['v3', () => createClient({ baseUrl: api.baseUrl, apiKey: api.v3Token, retry: FAST_RETRY })],
];

describe.each(clients)('the %s client reads billed consumption', (version, make) => {
  it('gives the enterprise total, each day and each organization as the server bills them', async () => {
    const orgIds = api.orgIds;
    const consumption = await make().getDailyConsumption({ ...range, orgIds });
    const all = serverFigures(null);
    expect(consumption.totalAcus).toBeCloseTo(all.total, 3);
    const days = Object.entries(consumption.byDate);
    expect(days.length).toBe(all.byDay.size);
    for (const [dayStart, { acus }] of all.byDay) {
      expect(consumption.byDate[new Date(dayStart).toISOString().slice(0, 10)]).toBeCloseTo(
        acus,
        3,
      );
    }
    for (const orgId of orgIds) {
      expect(consumption.byOrg[orgId]).toBeCloseTo(serverFigures([orgId]).total, 3);
    }
    if (version === 'v2') {
      for (const [userId, acus] of all.byUser) {
        expect(consumption.byUser?.[userId]).toBeCloseTo(acus, 3);
      }
    } else {
      expect(consumption.byUser).toBeNull();
    }
  });

  it('says in plain words when the key may not read billing', async () => {
    api.setFaults({ billingForbidden: true });
    try {
      const error = await make()
        .getDailyConsumption({ ...range, orgIds: api.orgIds })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DevinApiError);
      expect((error as DevinApiError).kind).toBe('forbidden');
      if (version === 'v3') expect((error as DevinApiError).message).toContain('ManageBilling');
    } finally {
      api.setFaults({ billingForbidden: false });
    }
  });
});
