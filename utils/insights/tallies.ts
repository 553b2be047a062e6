/**
 * The counting structures the Insights pass fills: tallies of the sessions that share a value
 * (a label, an impact, a PR state, ...) and the counters of each organization, user and status.
 * Apart from the pass so that the loop in aggregate.ts reads as what it counts, not how.
 */
import { roundAcus } from './statistics';
import type { Bucket, GroupStat } from './types';

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
  private readonly tallies: (Tally | undefined)[] = [];

  constructor(
    private readonly keys: readonly string[],
    private readonly limit = 0,
    private readonly sizes?: Int32Array,
  ) {}

  get(code: number): Tally {
    let tally = this.tallies[code];
    if (tally === undefined) {
      const size = this.sizes?.[code];
      tally = newTally(this.keys[code] ?? '', size === undefined ? 64 : Math.min(size, this.limit));
      this.tallies[code] = tally;
    }
    return tally;
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

interface GroupCount<K> {
  code: number;
  key: K;
  sessions: number;
  acus: number;
  errors: number;
  prsOpened: number;
  prsMerged: number;
  withPr: number;
  withMerged: number;
}

/**
 * Counters of one grouping (organizations, users or statuses) in one pass: one entry per key met,
 * coded in the order met (the result's dictionaries), found by the store's code of the key.
 */
export class GroupCounter<K extends string | null> {
  /** Store code -> entry index + 1 (0: not met yet). */
  private readonly local: Int32Array;
  readonly entries: GroupCount<K>[] = [];

  constructor(private readonly names: readonly K[]) {
    this.local = new Int32Array(names.length);
  }

  /** The entry of a store code, created on first use with the next code. */
  entry(storeCode: number): GroupCount<K> {
    const at = this.local[storeCode] ?? 0;
    if (at > 0) return this.entries[at - 1] as GroupCount<K>;
    const entry: GroupCount<K> = {
      code: this.entries.length,
      key: this.names[storeCode] as K,
      sessions: 0,
      acus: 0,
      errors: 0,
      prsOpened: 0,
      prsMerged: 0,
      withPr: 0,
      withMerged: 0,
    };
    this.entries.push(entry);
    this.local[storeCode] = this.entries.length;
    return entry;
  }

  /** Sessions counted per store code (0 for codes not met), for `walkMedians`. */
  storeSizes(): Int32Array {
    const sizes = new Int32Array(this.local.length);
    for (let code = 0; code < sizes.length; code++) {
      const at = this.local[code] as number;
      if (at > 0) sizes[code] = (this.entries[at - 1] as GroupCount<K>).sessions;
    }
    return sizes;
  }

  /** Values by store code -> values by this counter's codes. */
  byLocalCode(byStore: Float64Array): Float64Array {
    const values = new Float64Array(this.entries.length);
    for (let code = 0; code < this.local.length; code++) {
      const at = this.local[code] as number;
      if (at > 0) values[at - 1] = byStore[code] as number;
    }
    return values;
  }

  get keys(): K[] {
    return this.entries.map((entry) => entry.key);
  }

  get sizes(): number[] {
    return this.entries.map((entry) => entry.sessions);
  }

  /** `medians` by code (see `groupMedians`). */
  stats(medians: Float64Array): GroupStat[] {
    return this.entries
      .map((entry) => ({
        code: entry.code,
        key: entry.key,
        sessions: entry.sessions,
        acus: roundAcus(entry.acus),
        errors: entry.errors,
        errorRate: entry.sessions > 0 ? entry.errors / entry.sessions : 0,
        prsOpened: entry.prsOpened,
        prsMerged: entry.prsMerged,
        sessionsWithPr: entry.withPr,
        sessionsWithMergedPr: entry.withMerged,
        medianAcus: medians[entry.code] ?? 0,
      }))
      .sort(
        (a, b) =>
          b.acus - a.acus || b.sessions - a.sessions || compareText(a.key ?? '', b.key ?? ''),
      );
  }
}

/** Counts one session (its ACUs, error, PRs and merged PRs) in a group's entry. */
export function countIn<K>(
  entry: GroupCount<K>,
  acus: number,
  error: boolean,
  prs: number,
  merged: number,
): void {
  entry.sessions++;
  entry.acus += acus;
  if (error) entry.errors++;
  if (prs > 0) {
    entry.prsOpened += prs;
    entry.withPr++;
  }
  if (merged > 0) {
    entry.prsMerged += merged;
    entry.withMerged++;
  }
}
