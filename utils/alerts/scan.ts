/**
 * What the alert rules need from the cache, gathered one stored page at a time: the alerts each
 * session's latest copy raises, the ACUs each organization used this billing cycle, and which
 * of the sessions named by stored alerts are still cached. Reading every row at once would hold
 * the whole cache in the background worker after each sync (hundreds of megabytes at 200,000
 * sessions); this holds one page, plus what is kept for the sessions that raise an alert or
 * count in the current cycle.
 */
import type { DevinDatabase } from '../db';
import type { SessionRow } from '../db/types';
import { billingCycleStart } from './billing-cycle';
import { sessionCandidates } from './candidates';
import type { RuleContext } from './rules/context';
import { ALERT_KINDS, type AlertCandidate } from './types';

export interface AlertScan {
  /** Whether any session is cached. */
  cached: boolean;
  /** The session rules' alerts, from each session's latest copy. */
  candidates: AlertCandidate[];
  /** ACUs per organization of the sessions created in the current billing cycle. */
  usage: Map<string, number>;
  /** Those of `watched` that are cached. */
  present: Set<string>;
}

/** Of one session, what its latest copy seen so far says. */
interface Latest<T> {
  updatedAt: number;
  value: T;
}

/**
 * Keeps, per session, the value of its latest copy (a copy updated later wins; of two updated
 * at once, the one in the later page, as the readers of the cache decide).
 */
function keepLatest<T>(map: Map<string, Latest<T>>, row: SessionRow, value: T): void {
  const kept = map.get(row.session_id);
  if (kept === undefined || row.updated_at >= kept.updatedAt) {
    map.set(row.session_id, { updatedAt: row.updated_at, value });
  }
}

export async function scanForAlerts(
  db: DevinDatabase,
  context: RuleContext,
  watched: ReadonlySet<string>,
): Promise<AlertScan> {
  const cycleStart = billingCycleStart(context.now, context.cycleStartDay);
  // Only sessions with an alert in some copy: a later copy without one replaces it.
  const alerts = new Map<string, Latest<AlertCandidate[]>>();
  const cycle = new Map<string, Latest<{ orgId: string; acus: number }>>();
  const present = new Set<string>();
  let cached = false;
  await db.pageRows.each((page) => {
    if (page.rows.length > 0) cached = true;
    const found = new Map<string, AlertCandidate[]>();
    for (const candidate of sessionCandidates(page.rows, context)) {
      if (candidate.target.type !== 'session') continue;
      const id = candidate.target.sessionId;
      found.set(id, [...(found.get(id) ?? []), candidate]);
    }
    for (const row of page.rows) {
      const id = row.session_id;
      const raised = found.get(id);
      if (raised !== undefined || alerts.has(id)) keepLatest(alerts, row, raised ?? []);
      if (row.created_at >= cycleStart) {
        keepLatest(cycle, row, { orgId: row.org_id, acus: row.acus_consumed });
      }
      if (watched.has(id)) present.add(id);
    }
  });
  const usage = new Map<string, number>();
  for (const { value } of cycle.values()) {
    usage.set(value.orgId, (usage.get(value.orgId) ?? 0) + value.acus);
  }
  // In the order the rules list them (by kind, then by session), as over every row at once.
  const candidates = [...alerts.values()]
    .flatMap((latest) => latest.value)
    .sort((a, b) => ALERT_KINDS.indexOf(a.kind) - ALERT_KINDS.indexOf(b.kind));
  return { cached, candidates, usage, present };
}
