import { describe, expect, it } from 'vitest';
import { DAY, HOUR, makeRow, TEST_NOW } from '../../tests/fixtures/rows';
import { billingCycleStart } from './billing-cycle';
import { findCandidates } from './candidates';
import type { RuleContext } from './rules/context';
import { DEFAULT_ALERT_SETTINGS } from './settings';

const context: RuleContext = {
  now: TEST_NOW,
  since: TEST_NOW - 3 * HOUR,
  thresholds: DEFAULT_ALERT_SETTINGS,
};

const ids = (rows: Parameters<typeof findCandidates>[0], ctx = context, orgs = []) =>
  findCandidates(rows, orgs, ctx).map((alert) => alert.id);

describe('the session rules', () => {
  it('raise an error only for a session that errored since alerts were set up', () => {
    const recent = makeRow({ status: 'error', updated_at: TEST_NOW - HOUR });
    const old = makeRow({ status: 'error', updated_at: TEST_NOW - 4 * HOUR });
    expect(ids([recent, old])).toEqual([`error:${recent.session_id}`]);
  });

  it('tell waiting for the user by the v3 status detail, and by suspended over v2', () => {
    const waitedLong = TEST_NOW - 5 * HOUR;
    const v3 = makeRow({
      status: 'running',
      status_detail: 'waiting_for_user',
      updated_at: waitedLong,
    });
    const v3Working = makeRow({
      status: 'running',
      status_detail: 'working',
      updated_at: waitedLong,
    });
    // v3 suspends for other reasons (inactivity...): the detail decides, not the status.
    const v3Suspended = makeRow({
      status: 'suspended',
      status_detail: 'inactivity',
      updated_at: waitedLong,
    });
    const v2 = makeRow({ status: 'suspended', updated_at: waitedLong });
    const v2Recent = makeRow({ status: 'suspended', updated_at: TEST_NOW - HOUR });
    expect(ids([v3, v3Working, v3Suspended, v2, v2Recent])).toEqual([
      `waiting:${v3.session_id}`,
      `waiting:${v2.session_id}`,
    ]);
  });

  it('raise a running session over its hours or its ACUs, each as its own cause', () => {
    const long = makeRow({ status: 'running', created_at: TEST_NOW - 9 * HOUR, acus_consumed: 2 });
    const costly = makeRow({ status: 'running', created_at: TEST_NOW - HOUR, acus_consumed: 60 });
    const finished = makeRow({
      status: 'exit',
      created_at: TEST_NOW - 9 * HOUR,
      acus_consumed: 60,
    });
    expect(ids([long, costly, finished])).toEqual([
      `long_running:${long.session_id}`,
      `over_acus:${costly.session_id}`,
    ]);
    const [alert] = findCandidates([costly], [], context);
    expect(alert?.title).toBe(`Over 50 ACUs: ${costly.title}`);
    expect(alert?.target).toEqual({
      type: 'session',
      sessionId: costly.session_id,
      orgId: 'org-a',
    });
  });

  it('raise nothing for a rule whose threshold is empty (off)', () => {
    const off: RuleContext = {
      ...context,
      thresholds: {
        waitingHours: null,
        runningHours: null,
        sessionAcus: null,
        orgBudgetPercent: null,
      },
    };
    const rows = [
      makeRow({ status: 'suspended', updated_at: TEST_NOW - 9 * HOUR }),
      makeRow({ status: 'running', created_at: TEST_NOW - 9 * HOUR, acus_consumed: 600 }),
    ];
    expect(ids(rows, off)).toEqual([]);
  });
});

describe('the organization budget rule', () => {
  const cycleStart = billingCycleStart(TEST_NOW);
  const orgs = [
    { org_id: 'org-a', org_name: 'Platform', max_cycle_acu_limit: 100 },
    { org_id: 'org-b', org_name: 'Mobile', max_cycle_acu_limit: 100 },
    { org_id: 'org-c', org_name: 'No limit', max_cycle_acu_limit: null },
  ];

  it('counts the ACUs of sessions created this cycle against the limit', () => {
    const rows = [
      makeRow({ org_id: 'org-a', created_at: cycleStart + HOUR, acus_consumed: 50 }),
      makeRow({ org_id: 'org-a', created_at: cycleStart + DAY, acus_consumed: 35 }),
      // Created before the cycle: last cycle's spending.
      makeRow({ org_id: 'org-b', created_at: cycleStart - HOUR, acus_consumed: 90 }),
      makeRow({ org_id: 'org-b', created_at: cycleStart + HOUR, acus_consumed: 10 }),
      makeRow({ org_id: 'org-c', created_at: cycleStart + HOUR, acus_consumed: 900 }),
    ];
    const alerts = findCandidates(rows, orgs, context);
    expect(alerts.map((a) => a.id)).toEqual(['org_budget:org-a:2025-05-01']);
    expect(alerts[0]?.title).toBe('Platform used 85% of its ACU limit');
    expect(alerts[0]?.target).toEqual({ type: 'organization', orgId: 'org-a' });
  });
});

describe('the organization budget rule with billed figures', () => {
  const orgs = [
    { org_id: 'org-a', org_name: 'Platform', max_cycle_acu_limit: 100 },
    { org_id: 'org-b', org_name: 'Mobile', max_cycle_acu_limit: 100 },
  ];

  it('counts what Devin billed, not the sessions, and says so', () => {
    const cycleStart = billingCycleStart(TEST_NOW);
    // The sessions alone stay under 80 %; what other products billed puts org-b over it.
    const rows = [
      makeRow({ org_id: 'org-a', created_at: cycleStart + HOUR, acus_consumed: 90 }),
      makeRow({ org_id: 'org-b', created_at: cycleStart + HOUR, acus_consumed: 50 }),
    ];
    const alerts = findCandidates(rows, orgs, {
      ...context,
      billedByOrg: { 'org-a': 40, 'org-b': 81 },
    });
    expect(alerts.map((a) => a.id)).toEqual(['org_budget:org-b:2025-05-01']);
    expect(alerts[0]?.detail).toContain('billed this billing cycle');
  });

  it('follows the cycle start day set in the options', () => {
    const rows = [makeRow({ org_id: 'org-a', created_at: TEST_NOW - HOUR, acus_consumed: 95 })];
    const alerts = findCandidates(rows, orgs, { ...context, cycleStartDay: 15 });
    const start = new Date(billingCycleStart(TEST_NOW, 15)).toISOString().slice(0, 10);
    expect(alerts.map((a) => a.id)).toEqual([`org_budget:org-a:${start}`]);
    expect(alerts[0]?.detail).toContain('an estimate');
  });
});

describe('billingCycleStart', () => {
  it('starts on the 1st at 08:00 UTC, and before that hour the previous month is current', () => {
    expect(billingCycleStart(Date.UTC(2025, 4, 20))).toBe(Date.UTC(2025, 4, 1, 8));
    expect(billingCycleStart(Date.UTC(2025, 4, 1, 7, 59))).toBe(Date.UTC(2025, 3, 1, 8));
    expect(billingCycleStart(Date.UTC(2025, 0, 1, 3))).toBe(Date.UTC(2024, 11, 1, 8));
  });
});
