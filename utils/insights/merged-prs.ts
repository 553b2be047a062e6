/**
 * Merged pull requests per session of a store, derived once per store (its PR states never
 * change) and read by every query: the Insights groups and the Cost view both sum them, and
 * counting them per query meant walking every PR of every session each time.
 */
import { MERGED_CODE, type SessionColumns } from './columns';
import { FLAG_MERGED_PR } from './types';

const derived = new WeakMap<SessionColumns, Int32Array>();

/** Merged PRs by store position. */
export function mergedPrsOf(store: SessionColumns): Int32Array {
  let merged = derived.get(store);
  if (merged === undefined) {
    merged = countMerged(store);
    derived.set(store, merged);
  }
  return merged;
}

function countMerged(store: SessionColumns): Int32Array {
  const { start, state } = store.prs;
  const flags = store.flags;
  const merged = new Int32Array(flags.length);
  for (let g = 0; g < merged.length; g++) {
    // Most sessions have no merged PR: their flag says so without reading their PRs.
    if (((flags[g] as number) & FLAG_MERGED_PR) === 0) continue;
    let count = 0;
    for (let p = start[g] as number; p < (start[g + 1] as number); p++) {
      if (state[p] === MERGED_CODE) count++;
    }
    merged[g] = count;
  }
  return merged;
}
