/** Alerts in the database: evaluated against the cache, dismissed, snoozed, read back. */

import { billingCycleAt } from '../budget/cycle';
import type { DevinDatabase } from '../db';
import { readBilling } from '../db/consumption';
import { readCycleStartDay } from '../settings/billing-cycle';
import { liveSubjects } from './candidates';
import { diffAlerts } from './evaluate';
import { orgBudgetAlerts } from './rules/org-budget';
import { scanForAlerts } from './scan';
import type { AlertThresholds } from './settings';
import type { AlertRow } from './types';

/** When alerts were set up (epoch ms), in `meta`: events before it raise nothing. */
const ALERTS_SINCE_KEY = 'alertsSince';
export const SNOOZE_MS = 4 * 60 * 60 * 1000;

export interface EvaluationResult {
  /** Alerts that have just become active. */
  raised: AlertRow[];
  /** Ids of alerts whose cause ended: their notifications go too. */
  removed: string[];
  /** The first evaluation over a filled cache: what it finds is the backlog, not news. */
  firstRun: boolean;
}

export async function evaluateAlerts(
  db: DevinDatabase,
  thresholds: AlertThresholds,
  now: number,
): Promise<EvaluationResult> {
  // Evaluations run one at a time (the service queues them), so what is read here first is
  // still what the transaction below finds.
  const [sinceRow, organizations, storedBefore, billing, startDay] = await Promise.all([
    db.meta.get(ALERTS_SINCE_KEY),
    db.organizations.toArray(),
    db.alerts.toArray(),
    readBilling(db),
    readCycleStartDay().then((setting) => setting.day),
  ]);
  // Billed figures count only for the cycle under way (the start day may have moved since).
  const current = billing.current;
  const billedByOrg =
    current && current.cycleStart === billingCycleAt(now, startDay).start ? current.byOrg : null;
  const since = sinceRow === undefined ? now : Number(sinceRow.value);
  const context = { now, since, thresholds, cycleStartDay: startDay, billedByOrg };
  const watched = new Set(storedBefore.flatMap((row) => sessionSubject(row) ?? []));
  const scan = await scanForAlerts(db, context, watched);
  return db.transaction('rw', [db.alerts, db.meta], async () => {
    const stored = await db.alerts.toArray();
    // Nothing cached yet: set-up is not over, and the baseline waits for the first sessions.
    if (sinceRow === undefined && !scan.cached) {
      return { raised: [], removed: [], firstRun: false };
    }
    const firstRun = sinceRow === undefined;
    if (firstRun) await db.meta.put({ key: ALERTS_SINCE_KEY, value: now });
    const candidates = [...scan.candidates, ...orgBudgetAlerts(scan.usage, organizations, context)];
    const subjects = liveSubjects(scan.present, organizations, now, startDay);
    const changes = diffAlerts(candidates, stored, subjects, now);
    await db.alerts.bulkPut(changes.put);
    await db.alerts.bulkDelete(changes.remove);
    return { raised: changes.raised, removed: changes.remove, firstRun };
  });
}

/** The session an alert is about, if it is about one. */
function sessionSubject(row: AlertRow): string | null {
  return row.target.type === 'session' ? row.target.sessionId : null;
}

export type AlertAction = 'dismiss' | 'snooze';

/** Dismisses (for good) or snoozes an alert. Returns false when it no longer exists. */
export async function actOnAlert(
  db: DevinDatabase,
  id: string,
  action: AlertAction,
  now: number,
): Promise<boolean> {
  const changed = await db.alerts.update(
    id,
    action === 'dismiss'
      ? { state: 'dismissed', snoozedUntil: null }
      : { state: 'snoozed', snoozedUntil: now + SNOOZE_MS },
  );
  return changed > 0;
}

function newestFirst(a: AlertRow, b: AlertRow): number {
  return b.raisedAt - a.raisedAt || (a.id < b.id ? -1 : 1);
}

/** The alerts to show, newest first. */
export async function readActiveAlerts(db: DevinDatabase): Promise<AlertRow[]> {
  const rows = await db.alerts.where('state').equals('active').toArray();
  return rows.sort(newestFirst);
}

export interface NewestAlerts {
  /** The newest `limit` active alerts, newest first. */
  alerts: AlertRow[];
  /** Active alerts in all. */
  count: number;
}

/**
 * The newest few active alerts and how many there are. A first sync over a large cache can
 * raise tens of thousands, and a page lists only a few until asked for all: only those are
 * kept in memory (the popup keeps every session row already).
 */
export async function readNewestActiveAlerts(
  db: DevinDatabase,
  limit: number,
): Promise<NewestAlerts> {
  if (!Number.isFinite(limit)) {
    const all = await readActiveAlerts(db);
    return { alerts: all, count: all.length };
  }
  const alerts: AlertRow[] = [];
  let count = 0;
  await db.alerts
    .where('state')
    .equals('active')
    .each((alert) => {
      count++;
      if (alerts.length === limit && newestFirst(alert, alerts[limit - 1] as AlertRow) >= 0) return;
      alerts.push(alert);
      alerts.sort(newestFirst);
      if (alerts.length > limit) alerts.pop();
    });
  return { alerts, count };
}

export function countActiveAlerts(db: DevinDatabase): Promise<number> {
  return db.alerts.where('state').equals('active').count();
}

export function readAlert(db: DevinDatabase, id: string): Promise<AlertRow | undefined> {
  return db.alerts.get(id);
}
