/**
 * The counting structures the Insights pass fills: tallies of the sessions that share a value
 * (a label, an impact, a PR state, ...) and the counters of each organization, user and status.
 * Apart from the pass so that the loop in aggregate.ts reads as what it counts, not how.
 */
import { roundAcus } from './statistics';
import { type Bucket, type GroupStat, UNKNOWN_STATE } from './types';

/**
 * Positions of sessions, growing by doubling in a typed array: off the JS heap, so hundreds of
 * thousands of pushes leave the garbage collector little to copy.
 */
class IndexList {
  data = new Int32Array(64);
  length = 0;
  last = -1;

  /** Adds `index` unless it was the last one added (positions arrive in ascending order). */
  add(index: number): void {
    if (index === this.last) return;
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = index;
    this.last = index;
  }

  /** An exact-size copy. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** The sessions (positions, ascending) and occurrences of one value, while counting. */
export interface Tally {
  key: string;
  members: IndexList;
  occurrences: number;
}

export function newTally(key: string): Tally {
  return { key, members: new IndexList(), occurrences: 0 };
}

/** Counts session `index` (and `occurrences` more occurrences) in a tally. */
export function bump(tally: Tally, index: number, occurrences = 1): void {
  tally.occurrences += occurrences;
  tally.members.add(index);
}

/** Tallies by key, created on first use. */
export class Tallies<T extends Tally = Tally> {
  private readonly map = new Map<string, T>();

  constructor(private readonly create: (key: string) => T) {}

  get(key: string): T {
    let tally = this.map.get(key);
    if (tally === undefined) {
      tally = this.create(key);
      this.map.set(key, tally);
    }
    return tally;
  }

  /** Most sessions first, then by key; values no session counted are left out. */
  sorted(): Bucket[] {
    return [...this.map.values()]
      .filter((tally) => tally.members.length > 0)
      .map(toBucket)
      .sort(compareBuckets);
  }
}

export function toBucket(tally: Tally): Bucket {
  return {
    key: tally.key,
    sessions: tally.members.length,
    occurrences: tally.occurrences,
    members: tally.members.toArray(),
  };
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Most sessions first, then by key. */
export function compareBuckets(a: Bucket, b: Bucket): number {
  return b.sessions - a.sessions || compareText(a.key, b.key);
}

/** An issue label, with the tallies of its issues per impact. */
export interface LabelTally extends Tally {
  impacts: Map<string, { pair: Tally; impact: Tally }>;
}

/** A PR state, lower-cased (`unknown` when missing), with its tally across hosts. */
export function createStateTallies(): {
  of: (state: string | null) => Tally;
  sorted: () => Bucket[];
} {
  const tallies = new Tallies(newTally);
  // Each spelling the API sends is lowered (and looked up) once.
  const bySpelling = new Map<string, Tally>();
  const unknown = tallies.get(UNKNOWN_STATE);
  return {
    of: (state) => {
      if (!state) return unknown;
      let tally = bySpelling.get(state);
      if (tally === undefined) {
        tally = tallies.get(state.toLowerCase());
        bySpelling.set(state, tally);
      }
      return tally;
    },
    sorted: () => tallies.sorted(),
  };
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

/** Counters of one grouping (organizations, users or statuses), one entry per key. */
export class GroupCounter<K extends string | null> {
  private readonly map = new Map<K, GroupCount<K>>();
  readonly entries: GroupCount<K>[] = [];

  /** The entry of a key, created on first use with the next code. */
  entry(key: K): GroupCount<K> {
    let entry = this.map.get(key);
    if (entry === undefined) {
      entry = {
        code: this.entries.length,
        key,
        sessions: 0,
        acus: 0,
        errors: 0,
        prsOpened: 0,
        prsMerged: 0,
        withPr: 0,
        withMerged: 0,
      };
      this.map.set(key, entry);
      this.entries.push(entry);
    }
    return entry;
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
