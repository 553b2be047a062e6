/**
 * The counting structures the Insights pass fills: tallies of the sessions that share a value
 * (a label, an impact, a PR state, ...). The figures of each organization, user and status are
 * in group-counts.ts.
 * Apart from the pass so that the loop in aggregate.ts reads as what it counts, not how.
 */
import type { Bucket } from './types';

/**
 * The sessions (positions, ascending) and occurrences of one value, while counting. Positions
 * go in a typed array growing by doubling: off the JS heap, so hundreds of thousands of pushes
 * leave the garbage collector little to copy. Given a capacity (how many sessions of the whole
 * cache have the value, at most the sessions counted), it never grows. Plain fields rather than
 * a list object: a pass bumps tallies a few times per session.
 */
export interface Tally {
  key: string;
  data: Int32Array;
  length: number;
  /** The last position added (positions arrive in ascending order). */
  last: number;
  occurrences: number;
}

export function newTally(key: string, capacity = 64): Tally {
  return { key, data: new Int32Array(Math.max(16, capacity)), length: 0, last: -1, occurrences: 0 };
}

/** Counts session `index` (once) and `occurrences` more occurrences in a tally. */
export function bump(tally: Tally, index: number, occurrences = 1): void {
  tally.occurrences += occurrences;
  if (index === tally.last) return;
  tally.last = index;
  if (tally.length === tally.data.length) {
    const grown = new Int32Array(tally.data.length * 2);
    grown.set(tally.data);
    tally.data = grown;
  }
  tally.data[tally.length++] = index;
}

/**
 * Tallies by dictionary code, created on first use, named by the dictionary's keys. `sizes`
 * (sessions of the whole cache per code) and `limit` (sessions counted) size their lists.
 */
export class Tallies {
  /**
   * Filled with undefined up front: setting codes out of order would make the array holey,
   * and the pass's optimized code would be thrown away for the array's new kind.
   */
  private readonly tallies: (Tally | undefined)[];

  constructor(
    private readonly keys: readonly string[],
    private readonly limit = 0,
    private readonly sizes?: Int32Array,
  ) {
    this.tallies = new Array<Tally | undefined>(keys.length).fill(undefined);
  }

  get(code: number): Tally {
    let tally = this.tallies[code];
    if (tally === undefined) {
      const size = this.sizes?.[code];
      tally = newTally(this.keys[code] ?? '', size === undefined ? 64 : Math.min(size, this.limit));
      this.tallies[code] = tally;
    }
    return tally;
  }

  /** Each tally created, with its code. */
  forEach(visit: (tally: Tally, code: number) => void): void {
    this.tallies.forEach((tally, code) => {
      if (tally !== undefined) visit(tally, code);
    });
  }

  /** Most sessions first, then by key; values no session counted are left out. */
  sorted(): Bucket[] {
    const buckets: Bucket[] = [];
    for (const tally of this.tallies) {
      if (tally !== undefined && tally.length > 0) buckets.push(toBucket(tally));
    }
    return buckets.sort(compareBuckets);
  }
}

export function toBucket(tally: Tally): Bucket {
  return {
    key: tally.key,
    sessions: tally.length,
    occurrences: tally.occurrences,
    // A view, not a copy: the result transfers the buffer.
    members: tally.data.subarray(0, tally.length),
  };
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Most sessions first, then by key. */
function compareBuckets(a: Bucket, b: Bucket): number {
  return b.sessions - a.sessions || compareText(a.key, b.key);
}
