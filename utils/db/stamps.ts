/**
 * A stamp names one copy of a session: its id, then what tells copies apart (`updated_at`, and
 * the fields the API may change without moving `updated_at`, such as a PR's state). Pages index
 * their rows' stamps, so one range read per id answers "which copies of this session are
 * cached, and in which pages" without reading any page.
 */
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
