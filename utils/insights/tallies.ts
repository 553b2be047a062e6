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
 * Tallies by dictionary code, named by the dictionary's keys: a tally per code, its fields laid
 * out as arrays by code (lengths, last positions, occurrences) rather than an object per code,
 * so counting a session is a few typed array reads and writes. A code's list is allocated when
 * it counts its first session, sized by `sizes` (sessions of the whole cache per code) and
 * `limit` (sessions counted), and grows by doubling only without them.
 */
export class Tallies {
  private readonly lengths: Int32Array;
  /** The last position counted per code (positions arrive in ascending order). */
  private readonly last: Int32Array;
  private readonly occurrences: Float64Array;
  /** EMPTY until the code's first session: an array of typed arrays only, never holey. */
  private readonly lists: Int32Array[];

  constructor(
    private readonly keys: readonly string[],
    private readonly limit = 0,
    private readonly sizes?: Int32Array,
  ) {
    const n = keys.length;
    this.lengths = new Int32Array(n);
    this.last = new Int32Array(n).fill(-1);
    this.occurrences = new Float64Array(n);
    this.lists = new Array<Int32Array>(n).fill(EMPTY);
  }

  /** Counts session `index` (once) and `occurrences` more occurrences of `code`. */
  add(code: number, index: number, occurrences = 1): void {
    this.occurrences[code] = (this.occurrences[code] as number) + occurrences;
    if (this.last[code] === index) return;
    this.last[code] = index;
    const length = this.lengths[code] as number;
    let list = this.lists[code] as Int32Array;
    if (length === list.length) list = this.grow(code, list);
    list[length] = index;
    this.lengths[code] = length + 1;
  }

  /** Occurrences of `code` that count no session (added up elsewhere). */
  addOccurrences(code: number, occurrences: number): void {
    this.occurrences[code] = (this.occurrences[code] as number) + occurrences;
  }

  occurrencesOf(code: number): number {
    return this.occurrences[code] as number;
  }

  private grow(code: number, list: Int32Array): Int32Array {
    let grown: Int32Array;
    if (list === EMPTY) {
      const size = this.sizes?.[code];
      grown = new Int32Array(Math.max(16, size === undefined ? 64 : Math.min(size, this.limit)));
    } else {
      grown = new Int32Array(list.length * 2);
      grown.set(list);
    }
    this.lists[code] = grown;
    return grown;
  }

  /** Most sessions first, then by key; values no session counted are left out. */
  sorted(): Bucket[] {
    const buckets: Bucket[] = [];
    for (let code = 0; code < this.keys.length; code++) {
      const length = this.lengths[code] as number;
      if (length === 0) continue;
      buckets.push({
        key: this.keys[code] ?? '',
        sessions: length,
        occurrences: this.occurrences[code] as number,
        // A view, not a copy: the result transfers the buffer.
        members: (this.lists[code] as Int32Array).subarray(0, length),
      });
    }
    return buckets.sort(compareBuckets);
  }
}

const EMPTY = new Int32Array(0);

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
