/**
 * A stamp names one copy of a session: its id, then what tells copies apart (`updated_at`, and
 * the fields the API may change without moving `updated_at`, such as a PR's state). Pages index
 * their rows' stamps, so one range read per id answers "which copies of this session are
 * cached, and in which pages" without reading any page.
 */
import { toEpochMs } from '../api/time';
import type { SessionRow } from './schema';

/** Sorts before every character an id or a version holds. */
const SEPARATOR = '\u0001';
const AFTER_SEPARATOR = '\u0002';

export function stampOf(row: SessionRow): string {
  const prStates = row.pull_requests.map((pr) => pr.state ?? '').join(',');
  return [row.session_id, row.updated_at, row.status, row.acus_consumed, prStates].join(SEPARATOR);
}

/** The index range holding every stamp of `sessionId` (lower bound included, upper excluded). */
export function stampRange(sessionId: string): [string, string] {
  return [sessionId + SEPARATOR, sessionId + AFTER_SEPARATOR];
}

export function updatedAtOfStamp(stamp: string): number {
  return Number(stamp.split(SEPARATOR, 2)[1]);
}

/**
 * The stamp of a session as the API sent it, before validation; null when the record is not
 * plainly shaped (it is then validated as usual). Equal to `stampOf` of the row the record
 * becomes, so a sync can leave out records it already holds without validating them.
 */
export function rawStampOf(item: unknown): { id: string; stamp: string } | null {
  if (typeof item !== 'object' || item === null) return null;
  const record = item as Record<string, unknown>;
  const { session_id: id, updated_at: updatedAt, status } = record;
  if (typeof id !== 'string' || id === '' || typeof status !== 'string') return null;
  if (typeof updatedAt !== 'string') return null;
  const updated = toEpochMs(updatedAt);
  if (!Number.isFinite(updated)) return null;
  const acus = record.acus_consumed ?? 0;
  if (typeof acus !== 'number') return null;
  const prs = record.pull_requests ?? [];
  if (!Array.isArray(prs)) return null;
  const states: string[] = [];
  for (const pr of prs) {
    if (typeof pr !== 'object' || pr === null) return null;
    const { state, pr_state: prState } = pr as Record<string, unknown>;
    const value = state ?? prState ?? '';
    if (typeof value !== 'string') return null;
    states.push(value);
  }
  return { id, stamp: [id, updated, status, acus, states.join(',')].join(SEPARATOR) };
}
