/**
 * The billed-consumption endpoints of the local server (v2 and v3): what they bill, computed here
 * again from the sessions by the rules the server documents, and their errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from './data';
import { otherProductShare, reviewShare } from './dataset/consumption';
import type { MockApi } from './server';
import { startMockApi } from './server';

const NOW = '2025-06-20T12:00:00.000Z';
const nowMs = Date.parse(NOW);
const dataset = generateDataset({ sessions: 400, orgs: 3, seed: 5, now: NOW });
const DAY = 86_400_000;
/** 1 June 08:00 UTC: the month's first billing day, the mock's default cycle start. */
const CYCLE_START = Date.parse('2025-06-01T08:00:00Z');

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ dataset, clock: () => nowMs });
});
afterAll(() => api.close());

async function getJson(path: string, key = api.apiKey): Promise<Record<string, unknown>> {
  const res = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const sumValues = (record: unknown) =>
  Object.values(record as Record<string, number>).reduce((a, b) => a + b, 0);

/**
 * What a session bills on or after `from` (billing-day starts), by the documented rules: its
 * ACUs spread evenly over the billing days it ran, a review share on its last day, another
 * product's share (no organization) on its first day.
 */
function billedSince(from: number, withOrgless: boolean, orgId?: string): number {
  let total = 0;
  for (const s of dataset.sessions) {
    if (orgId !== undefined && s.org_id !== orgId) continue;
    const day = (ms: number) => Math.floor((ms - 8 * 3_600_000) / DAY) * DAY + 8 * 3_600_000;
    const first = day(Date.parse(s.created_at));
    const last = Math.max(first, day(Date.parse(s.updated_at)));
    const days = Math.round((last - first) / DAY) + 1;
    for (let d = 0; d < days; d++) if (first + d * DAY >= from) total += s.acus_consumed / days;
    if (last >= from) total += s.acus_consumed * reviewShare(s.session_id);
    if (withOrgless && first >= from) {
      total += s.acus_consumed * otherProductShare(s.session_id).share;
    }
  }
  return total;
}

describe('v2 daily consumption', () => {
  it('bills the current cycle by default, and more than the sessions created in it', async () => {
    const body = await getJson('/v2/enterprise/consumption/daily');
    expect(body.total_acus).toBeCloseTo(billedSince(CYCLE_START, true), 3);
    expect(sumValues(body.consumption_by_date)).toBeCloseTo(body.total_acus as number, 3);
    expect(Object.keys(body.consumption_by_date as object)[0]).toBe('2025-06-01');
    const sessionSum = dataset.sessions
      .filter((s) => Date.parse(s.created_at) >= CYCLE_START)
      .reduce((sum, s) => sum + s.acus_consumed, 0);
    expect(body.total_acus).not.toBeCloseTo(sessionSum, 0);
    // Products tied to no organization are in the total but in no organization.
    expect(sumValues(body.consumption_by_org_id)).toBeLessThan(body.total_acus as number);
  });

  it('filters by organization (repeated keys) and by dates', async () => {
    const [a, b] = api.orgIds as [string, string];
    const from = '2025-06-10T08:00:00Z';
    const body = await getJson(
      `/v2/enterprise/consumption/daily?start_date=${from}&end_date=2025-07-01T08:00:00Z&org_ids=${a}&org_ids=${b}`,
    );
    const expected =
      billedSince(Date.parse(from), false, a) + billedSince(Date.parse(from), false, b);
    expect(body.total_acus).toBeCloseTo(expected, 3);
    expect(Object.keys(body.consumption_by_org_id as object).sort()).toEqual([a, b].sort());
  });

  it('answers 422 for a date it cannot read, 403 without billing access', async () => {
    const bad = await fetch(`${api.baseUrl}/v2/enterprise/consumption/daily?start_date=soon`, {
      headers: { authorization: `Bearer ${api.apiKey}` },
    });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { detail: { loc: string[] }[] };
    expect(body.detail[0]?.loc).toEqual(['query', 'start_date']);
    api.setFaults({ billingForbidden: true });
    try {
      const res = await fetch(`${api.baseUrl}/v2/enterprise/consumption/daily`, {
        headers: { authorization: `Bearer ${api.apiKey}` },
      });
      expect(res.status).toBe(403);
    } finally {
      api.setFaults({ billingForbidden: false });
    }
  });
});

describe('v3 daily consumption', () => {
  const after = Math.floor(CYCLE_START / 1000);

  it('bills the enterprise per day, with products, on 08:00 UTC days', async () => {
    const body = await getJson(
      `/v3/enterprise/consumption/daily?time_after=${after}&time_before=${after + 40 * 86_400}`,
      api.v3Token,
    );
    expect(body.total_acus).toBeCloseTo(billedSince(CYCLE_START, true), 3);
    const days = body.consumption_by_date as {
      date: number;
      acus: number;
      acus_by_product: Record<string, number>;
    }[];
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) {
      expect((day.date - after) % 86_400).toBe(0);
      expect(sumValues(day.acus_by_product)).toBeCloseTo(day.acus, 4);
    }
  });

  it('bills one organization, leaving out what is tied to none', async () => {
    const org = api.orgIds[1] as string;
    const body = await getJson(
      `/v3/enterprise/consumption/daily/organizations/${org}?time_after=${after}`,
      api.v3Token,
    );
    expect(body.total_acus).toBeCloseTo(billedSince(CYCLE_START, false, org), 3);
  });

  it('answers problems: 404 unknown organization, 422 bad time, 403 without ManageBilling', async () => {
    const headers = { authorization: `Bearer ${api.v3Token}` };
    const base = `${api.baseUrl}/v3/enterprise/consumption/daily`;
    expect((await fetch(`${base}/organizations/nope`, { headers })).status).toBe(404);
    const bad = await fetch(`${base}?time_after=yesterday`, { headers });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    api.setFaults({ billingForbidden: true });
    try {
      const res = await fetch(base, { headers });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toContain('ManageBilling');
    } finally {
      api.setFaults({ billingForbidden: false });
    }
  });
});
