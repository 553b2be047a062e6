/**
 * A session's outcome is its best pull request state: merged > open > closed, and "none"
 * without pull requests. A PR whose state the API leaves out, or any other state (a draft),
 * counts as open: it has not been resolved. So a session that merged one PR and closed two
 * others bought a merged PR.
 */
import type { Outcome } from './types';

const MERGED = 3;
const OPEN = 2;
const CLOSED = 1;

function rank(state: string | null | undefined): number {
  if (!state) return OPEN;
  // The usual spellings without a call; others (`MERGED`) lowered below.
  if (state === 'merged') return MERGED;
  if (state === 'open') return OPEN;
  if (state === 'closed') return CLOSED;
  // The API's spelling varies in case (`MERGED`, `merged`); compared without allocating.
  if (state.length === 6 && state.toLowerCase() === 'merged') return MERGED;
  if (state.length === 6 && state.toLowerCase() === 'closed') return CLOSED;
  return OPEN;
}

export function sessionOutcome(prs: readonly { state?: string | null }[]): Outcome {
  if (prs.length === 0) return 'none';
  let best = 0;
  for (const pr of prs) {
    const r = rank(pr.state);
    if (r > best) best = r;
    if (best === MERGED) break;
  }
  return best === MERGED ? 'merged' : best === OPEN ? 'open' : 'closed';
}
