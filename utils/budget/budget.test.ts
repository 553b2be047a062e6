/**
 * Budgets from what the sync stores: billed consumption read from the local Devin API server
 * over real HTTP (v2 and v3), set beside the cached sessions, and checked against figures
 * computed here again from the server's dataset by the billing rules it documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../mock-api/data';
import { otherProductShare, reviewShare } from '../../mock-api/dataset/consumption';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { createClient } from '../api';
import { DevinDatabase, readBilling } from '../db';
import { computeBudget, sumSessions } from './compute';
import { billingCycleAt, previousCycle } from './cycle';
import { refreshConsumption } from './refresh';

const NOW = '2025-06-20T12:00:00.000Z';
const now = Date.parse(NOW);
const dataset = generateDataset({ sessions: 400, orgs: 3, seed: 8, now: NOW });
const DAY = 86_400_000;
const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ dataset, clock: () => now });
});
afterAll(() => api.close());

const dayOf = (ms: number) => Math.floor((ms - 8 * 3_600_000) / DAY) * DAY + 8 * 3_600_000;

/**
 * What the server bills an organization (or, with null, the enterprise) in [from, to): each
 * session's ACUs spread over the billing days it ran, a review share on its last day and, for
 * the enterprise only, another product's share on its first day.
 */
function expectedBilled(orgId: string | null, from: number, to: number): number {
  let total = 0;
  const inRange = (day: number) => day >= from && day < to;
  for (const s of dataset.sessions) {
    if (orgId !== null && s.org_id !== orgId) continue;
    const first = dayOf(Date.parse(s.created_at));
    const last = Math.max(first, dayOf(Date.parse(s.updated_at)));
    const days = Math.round((last - first) / DAY) + 1;
    for (let d = 0; d < days; d++) if (inRange(first + d * DAY)) total += s.acus_consumed / days;
    if (inRange(last)) total += s.acus_consumed * reviewShare(s.session_id);
    if (orgId === null && inRange(first)) {
      total += s.acus_consumed * otherProductShare(s.session_id).share;
    }
  }
  return total;
}

const rows = dataset.sessions.map((s) => ({
  org_id: s.org_id,
  user_id: s.user_id,
  created_at: Date.parse(s.created_at),
  acus_consumed: s.acus_consumed,
}));

describe('billing cycles', () => {
  it('run from the start day at 08:00 UTC to the same day next month', () => {
    expect(billingCycleAt(now)).toEqual({
      start: Date.UTC(2025, 5, 1, 8),
      end: Date.UTC(2025, 6, 1, 8),
    });
    expect(billingCycleAt(Date.UTC(2025, 5, 1, 7, 59))).toEqual({
      start: Date.UTC(2025, 4, 1, 8),
      end: Date.UTC(2025, 5, 1, 8),
    });
    const fifteenth = billingCycleAt(Date.UTC(2025, 0, 3), 15);
    expect(fifteenth).toEqual({ start: Date.UTC(2024, 11, 15, 8), end: Date.UTC(2025, 0, 15, 8) });
    expect(previousCycle(fifteenth, 15).start).toBe(Date.UTC(2024, 10, 15, 8));
    // A day no month lacks; anything else falls back to the 1st.
    expect(billingCycleAt(now, 31).start).toBe(Date.UTC(2025, 5, 1, 8));
  });
});

describe.each([
  ['v2', () => api.apiKey],
  ['v3', () => api.v3Token],
])('budgets over the %s API', (_version, key) => {
  it("equal the server's billed figures, with limits, days left and forecast", async () => {
    const db = new DevinDatabase(`budget-${Math.random()}`);
    const client = createClient({ baseUrl: api.baseUrl, apiKey: key(), retry: FAST_RETRY });
    await refreshConsumption(db, client, { now, startDay: 1, orgIds: api.orgIds });
    const stored = await readBilling(db);
    expect(stored.status?.state).toBe('ok');
    const cycle = billingCycleAt(now);
    const budget = computeBudget({
      now,
      cycle,
      billed: stored.current,
      previous: stored.previous,
      organizations: dataset.orgs,
      sessions: sumSessions(rows, cycle),
    });
    expect(budget.source).toBe('billed');
    expect(budget.days).toBe(30);
    expect(budget.daysElapsed).toBe(20);
    // 20 June 12:00 to 1 July 08:00: ten days and a part.
    expect(budget.daysLeft).toBe(11);
    const prev = previousCycle(cycle);
    expect(budget.enterprise.billedAcus).toBeCloseTo(expectedBilled(null, cycle.start, now), 3);
    expect(budget.enterprise.previousAcus).toBeCloseTo(
      expectedBilled(null, prev.start, prev.end),
      3,
    );
    for (const org of dataset.orgs) {
      const row = budget.orgs.find((o) => o.orgId === org.org_id);
      const billed = expectedBilled(org.org_id, cycle.start, now);
      const sessions = rows
        .filter((r) => r.org_id === org.org_id && r.created_at >= cycle.start)
        .reduce((sum, r) => sum + r.acus_consumed, 0);
      expect(row?.billedAcus).toBeCloseTo(billed, 3);
      expect(row?.sessionAcus).toBeCloseTo(sessions, 6);
      expect(row?.billedAcus).not.toBeCloseTo(sessions, 1);
      expect(row?.limit).toBe(org.max_cycle_acu_limit);
      expect(row?.forecastAcus).toBeCloseTo((billed / 20) * 30, 3);
      if (org.max_cycle_acu_limit) {
        expect(row?.percentUsed).toBeCloseTo((billed / org.max_cycle_acu_limit) * 100, 3);
        expect(row?.forecastOverLimit).toBe((billed / 20) * 30 > org.max_cycle_acu_limit);
      } else {
        expect(row?.percentUsed).toBeNull();
      }
    }
    db.close();
  });

  it('fall back to the session sum, and say why, when the key cannot read billing', async () => {
    const db = new DevinDatabase(`budget-${Math.random()}`);
    const client = createClient({ baseUrl: api.baseUrl, apiKey: key(), retry: FAST_RETRY });
    await refreshConsumption(db, client, { now, startDay: 1, orgIds: api.orgIds });
    api.setFaults({ billingForbidden: true });
    try {
      await refreshConsumption(db, client, { now, startDay: 1, orgIds: api.orgIds });
    } finally {
      api.setFaults({ billingForbidden: false });
    }
    const stored = await readBilling(db);
    expect(stored.status?.state).toBe('forbidden');
    expect(stored.current).toBeNull();
    const cycle = billingCycleAt(now);
    const budget = computeBudget({
      now,
      cycle,
      billed: stored.current,
      previous: stored.previous,
      organizations: dataset.orgs,
      sessions: sumSessions(rows, cycle),
    });
    expect(budget.source).toBe('sessions');
    const org = dataset.orgs[0]?.org_id as string;
    expect(budget.orgs[0]?.usedAcus).toBeCloseTo(sumSessions(rows, cycle).byOrg.get(org) ?? 0, 6);
    db.close();
  });
});
