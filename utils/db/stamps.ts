/**
 * A stamp names one copy of a session: its id, its `updated_at`, and a hash of its whole list
 * row, so copies that differ in anything shown (a PR merged, a title or an analysis filled in
 * without `updated_at` moving) are told apart. Pages index their rows' stamps, so one range read
 * per id answers "which copies of this session are cached, and in which pages" without reading
 * any page.
 */
import type { SessionRow } from './types';

/** Sorts before every character an id or a version holds. */
const SEPARATOR = '\u0001';
const AFTER_SEPARATOR = '\u0002';

export function stampOf(row: SessionRow): string {
  return [row.session_id, row.updated_at, hashText(JSON.stringify(row))].join(SEPARATOR);
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell two copies of one session apart. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The index range holding every stamp of `sessionId` (lower bound included, upper excluded). */
export function stampRange(sessionId: string): [string, string] {
  return [sessionId + SEPARATOR, sessionId + AFTER_SEPARATOR];
}

export function sessionIdOfStamp(stamp: string): string {
  return stamp.split(SEPARATOR, 1)[0] as string;
}

export function updatedAtOfStamp(stamp: string): number {
  return Number(stamp.split(SEPARATOR, 2)[1]);
}
