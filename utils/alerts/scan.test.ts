// The alerts' page-by-page scan against the plain way: every latest row read at once, then
// the rules over them. Both must find the same alerts, budgets and cached subjects.
import { describe, expect, it } from 'vitest';
import { putSessions } from '../../tests/fixtures/db';
import { DAY, HOUR, makeSession, TEST_NOW } from '../../tests/fixtures/rows';
import { DevinDatabase } from '../db';
import { readSessionRows } from '../db/reads';
import { findCandidates } from './candidates';
import { orgBudgetAlerts } from './rules/org-budget';
import { scanForAlerts } from './scan';
import { DEFAULT_ALERT_SETTINGS } from './settings';

const at = (ms: number) => new Date(ms).toISOString();
const ORGS = [
  { org_id: 'org-a', org_name: 'A', max_cycle_acu_limit: 1000 },
  { org_id: 'org-b', org_name: 'B', max_cycle_acu_limit: 400 },
];
const context = {
  now: TEST_NOW,
  since: TEST_NOW - DAY,
  thresholds: { ...DEFAULT_ALERT_SETTINGS, runningHours: 4, sessionAcus: 5, waitingHours: 2 },
};

async function cacheWithSupersededCopies(): Promise<DevinDatabase> {
  const db = new DevinDatabase(`alerts-scan-${Math.random()}`);
  const old = { created_at: at(TEST_NOW - 9 * HOUR), updated_at: at(TEST_NOW - 8 * HOUR) };
  // First copies, several pages of them: running long, costly, waiting, in error.
  await putSessions(db, [
    ...Array.from({ length: 450 }, (_, i) =>
      makeSession({ session_id: `bulk-${i}`, org_id: i % 2 ? 'org-a' : 'org-b', ...old }),
    ),
    makeSession({ session_id: 'long', status: 'running', ...old }),
    makeSession({ session_id: 'ends', status: 'running', acus_consumed: 9, ...old }),
    makeSession({ session_id: 'waits', status: 'suspended', ...old }),
    makeSession({ session_id: 'erred', status: 'error', updated_at: at(TEST_NOW - HOUR) }),
    makeSession({ session_id: 'costs', org_id: 'org-b', acus_consumed: 2, ...old }),
  ]);
  // Later copies: one finished (its old copy must raise nothing), one grew its ACUs (counted
  // once, at its latest), one stopped waiting.
  await putSessions(db, [
    makeSession({ session_id: 'ends', status: 'exit', acus_consumed: 9.5 }),
    makeSession({ session_id: 'costs', org_id: 'org-b', acus_consumed: 95, ...old }),
    makeSession({ session_id: 'waits', status: 'running', updated_at: at(TEST_NOW - 10_000) }),
  ]);
  return db;
}

describe('scanForAlerts', () => {
  it('finds what the rules find over every latest row, from each session’s latest copy', async () => {
    const db = await cacheWithSupersededCopies();
    const rows = await readSessionRows(db);
    const watched = new Set(['long', 'gone', 'bulk-3']);
    const scan = await scanForAlerts(db, context, watched);

    const expected = findCandidates(rows, ORGS, context);
    const found = [...scan.candidates, ...orgBudgetAlerts(scan.usage, ORGS, context)];
    expect(found).toEqual(expected);
    // The superseded copies raise nothing; the budget counts the latest ACUs only.
    const ids = found.map((alert) => alert.id);
    expect(ids).toContain('long_running:long');
    expect(ids).not.toContain('over_acus:ends');
    expect(ids).not.toContain('waiting:waits');
    // org-b: 225 + 95 ACUs reach 80% of 400 (its earlier 2 would not); the words give the sum.
    expect(ids.filter((id) => id.startsWith('org_budget:'))).toEqual([
      'org_budget:org-b:2025-05-01',
    ]);
    expect(scan.cached).toBe(true);
    // Which sessions of stored alerts are still cached ('gone' is not).
    expect(scan.present).toEqual(new Set(['long', 'bulk-3']));
  });

  it('says when nothing is cached', async () => {
    const db = new DevinDatabase(`alerts-scan-${Math.random()}`);
    const scan = await scanForAlerts(db, context, new Set(['a']));
    expect(scan).toEqual({ cached: false, candidates: [], usage: new Map(), present: new Set() });
  });
});
