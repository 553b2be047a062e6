/**
 * The figures of each organization, user or status of one pass: sessions, ACUs, errors, PRs and
 * merged PRs. They live in typed arrays indexed by the store's code (a few thousand users at
 * most, so they stay in cache) rather than in an object per group found through a lookup: the
 * pass adds to them once per session and grouping. Groups are also coded in the order the pass
 * meets them, the codes of the result's dictionaries.
 *
 * The Cost view shows the same sums per user and organization (utils/cost/compute.ts), so it
 * takes them from here instead of summing them again.
 */
import type { CountedFigures, GroupCost } from '../cost/types';
import { mergedOf, type SessionColumns } from './columns';
import { roundAcus } from './statistics';
import { compareText } from './tallies';
import { FLAG_ERROR, FLAG_HAS_PR, FLAG_MERGED_PR, type GroupStat } from './types';

/** The flags a group counts sessions by; they are the lowest three bits. */
const COUNTED_FLAGS = FLAG_HAS_PR | FLAG_MERGED_PR | FLAG_ERROR;
const FLAG_SLOTS = COUNTED_FLAGS + 1;

export class GroupCounts<K extends string | null> {
  /** Store code -> local code + 1 (0: not met yet). */
  readonly localOf: Int32Array;
  /** Local code -> store code. */
  private readonly met: number[] = [];
  /** Sessions by store code and COUNTED_FLAGS (`code * FLAG_SLOTS + flags`), while counting. */
  readonly byFlags: Int32Array;
  /** By store code; sessions, errors and sessions with (merged) PRs once `settle`d. */
  readonly sessions: Int32Array;
  readonly acus: Float64Array;
  readonly errors: Int32Array;
  readonly prsOpened: Int32Array;
  readonly prsMerged: Int32Array;
  readonly withPr: Int32Array;
  readonly withMerged: Int32Array;

  constructor(private readonly names: readonly K[]) {
    const n = names.length;
    this.localOf = new Int32Array(n);
    this.byFlags = new Int32Array(n * FLAG_SLOTS);
    this.sessions = new Int32Array(n);
    this.acus = new Float64Array(n);
    this.errors = new Int32Array(n);
    this.prsOpened = new Int32Array(n);
    this.prsMerged = new Int32Array(n);
    this.withPr = new Int32Array(n);
    this.withMerged = new Int32Array(n);
  }

  /** Gives a store code met for the first time the next local code; returns it + 1. */
  meet(storeCode: number): number {
    this.met.push(storeCode);
    this.localOf[storeCode] = this.met.length;
    return this.met.length;
  }

  /** Adds up the tallies by flags of each code met into its figures. */
  settle(): void {
    for (const code of this.met) {
      let sessions = 0;
      let errors = 0;
      let withPr = 0;
      let withMerged = 0;
      for (let flags = 0; flags < FLAG_SLOTS; flags++) {
        const tally = this.byFlags[code * FLAG_SLOTS + flags] as number;
        sessions += tally;
        if ((flags & FLAG_ERROR) !== 0) errors += tally;
        if ((flags & FLAG_HAS_PR) !== 0) withPr += tally;
        if ((flags & FLAG_MERGED_PR) !== 0) withMerged += tally;
      }
      this.sessions[code] = sessions;
      this.errors[code] = errors;
      this.withPr[code] = withPr;
      this.withMerged[code] = withMerged;
    }
  }

  /** The keys by local code (the result's dictionary). */
  get keys(): K[] {
    return this.met.map((code) => this.names[code] as K);
  }

  /** Sessions by local code. */
  get sizes(): number[] {
    return this.met.map((code) => this.sessions[code] as number);
  }

  /** Values by store code -> values by local code. */
  byLocalCode(byStore: Float64Array): Float64Array {
    return Float64Array.from(this.met, (code) => byStore[code] as number);
  }

  /** Most ACUs first, then most sessions, then by key; `medians` by local code. */
  stats(medians: Float64Array): GroupStat[] {
    return this.met
      .map((code, local): GroupStat => {
        const sessions = this.sessions[code] as number;
        const errors = this.errors[code] as number;
        return {
          code: local,
          key: this.names[code] as K,
          sessions,
          acus: roundAcus(this.acus[code] as number),
          errors,
          errorRate: sessions > 0 ? errors / sessions : 0,
          prsOpened: this.prsOpened[code] as number,
          prsMerged: this.prsMerged[code] as number,
          sessionsWithPr: this.withPr[code] as number,
          sessionsWithMergedPr: this.withMerged[code] as number,
          medianAcus: medians[local] ?? 0,
        };
      })
      .sort(
        (a, b) =>
          b.acus - a.acus || b.sessions - a.sessions || compareText(a.key ?? '', b.key ?? ''),
      );
  }

  /** The Cost view's figures of each group, in the order met (unrounded ACUs, unsorted). */
  costs(): GroupCost[] {
    return this.met.map((code) => ({
      key: this.names[code] as K,
      sessions: this.sessions[code] as number,
      acus: this.acus[code] as number,
      prs: this.prsOpened[code] as number,
      mergedPrs: this.prsMerged[code] as number,
    }));
  }
}

/**
 * Counts the sessions at `picked` into each of `counts` by its store column in `codes`, and
 * writes each session's local code to `locals[n]` (by position in `picked`) when given. One
 * loop for every grouping: a session's values are read once. Sessions, errors and sessions with
 * a (merged) PR are counted as one tally per code and error/PR/merged flags, added up after.
 */
export function countGroups(
  counts: readonly GroupCounts<string | null>[],
  codes: readonly Int32Array[],
  locals: readonly (Int32Array | null)[],
  store: SessionColumns,
  picked: Int32Array,
): void {
  const { acus: storeAcus, flags: storeFlags } = store;
  const prStart = store.prs.start;
  const groupings = counts.length;
  for (let i = 0; i < picked.length; i++) {
    const g = picked[i] as number;
    const flagged = (storeFlags[g] as number) & COUNTED_FLAGS;
    const acus = storeAcus[g] as number;
    const prs = (prStart[g + 1] as number) - (prStart[g] as number);
    const mergedPrs = mergedOf(store, g);
    for (let n = 0; n < groupings; n++) {
      const group = counts[n] as GroupCounts<string | null>;
      const code = (codes[n] as Int32Array)[g] as number;
      let at = group.localOf[code] as number;
      if (at === 0) at = group.meet(code);
      const local = locals[n];
      if (local) local[i] = at - 1;
      const slot = code * FLAG_SLOTS + flagged;
      group.byFlags[slot] = (group.byFlags[slot] as number) + 1;
      group.acus[code] = (group.acus[code] as number) + acus;
      group.prsOpened[code] = (group.prsOpened[code] as number) + prs;
      group.prsMerged[code] = (group.prsMerged[code] as number) + mergedPrs;
    }
  }
  for (const group of counts) group.settle();
}

/**
 * The Cost view's total, users and organizations of the sessions at `positions`, when no
 * Insights pass counted them (`aggregatePass` gives them along with the Insights).
 */
export function countFigures(store: SessionColumns, positions: Int32Array): CountedFigures {
  const users = new GroupCounts(store.dict.user.keys);
  const orgs = new GroupCounts(store.dict.org.keys);
  countGroups([users, orgs], [store.user, store.org], [null, null], store, positions);
  const total = { sessions: positions.length, acus: 0, prs: 0, mergedPrs: 0 };
  const prStart = store.prs.start;
  for (let i = 0; i < positions.length; i++) {
    const g = positions[i] as number;
    total.acus += store.acus[g] as number;
    total.prs += (prStart[g + 1] as number) - (prStart[g] as number);
    total.mergedPrs += mergedOf(store, g);
  }
  return { positions, total, users: users.costs(), orgs: orgs.costs() };
}
