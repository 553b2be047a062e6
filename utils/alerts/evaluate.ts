/**
 * Compares what the rules find now with the alerts stored, and says what to write and what
 * to notify. Pure: the store (store.ts) reads and writes, the service decides on notifications.
 */
import type { AlertCandidate, AlertRow } from './types';

export interface AlertChanges {
  /** New or changed rows to store. */
  put: AlertRow[];
  /** Ids whose cause has ended (or, for a dismissed one, whose subject is gone). */
  remove: string[];
  /** Alerts that have just become active: new, or back from a snooze. */
  raised: AlertRow[];
}

/** The session or organization-cycle an alert is about (see liveSubjects in candidates.ts). */
function subjectOf(row: AlertRow): string {
  return row.target.type === 'session' ? row.target.sessionId : row.id;
}

export function diffAlerts(
  candidates: readonly AlertCandidate[],
  stored: readonly AlertRow[],
  subjects: ReadonlySet<string>,
  now: number,
): AlertChanges {
  const changes: AlertChanges = { put: [], remove: [], raised: [] };
  const byId = new Map(stored.map((row) => [row.id, row]));
  const found = new Set<string>();
  for (const candidate of candidates) {
    if (found.has(candidate.id)) continue;
    found.add(candidate.id);
    const kept = byId.get(candidate.id);
    if (!kept) {
      const row: AlertRow = { ...candidate, state: 'active', raisedAt: now, snoozedUntil: null };
      changes.put.push(row);
      changes.raised.push(row);
    } else if (kept.state === 'dismissed') {
      // Dismissed: never raised again for the same cause.
    } else if (kept.state === 'snoozed' && (kept.snoozedUntil ?? 0) <= now) {
      const row: AlertRow = { ...kept, ...candidate, state: 'active', snoozedUntil: null };
      changes.put.push(row);
      changes.raised.push(row);
    } else if (kept.title !== candidate.title || kept.detail !== candidate.detail) {
      changes.put.push({ ...kept, title: candidate.title, detail: candidate.detail });
    }
  }
  for (const row of stored) {
    if (found.has(row.id)) continue;
    // A dismissal outlives its cause (a session that errs again is the same cause); it goes
    // with the session, or with the billing cycle.
    if (row.state === 'dismissed' && subjects.has(subjectOf(row))) continue;
    changes.remove.push(row.id);
  }
  return changes;
}
