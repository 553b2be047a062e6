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
import type { SessionColumns } from './columns';
import { mergedPrsOf } from './merged-prs';
import { roundAcus } from './statistics';
import { compareText } from './tallies';
import { FLAG_ERROR, FLAG_HAS_PR, FLAG_MERGED_PR, type GroupStat } from './types';

export class GroupCounts<K extends string | null> {
  /** Store code -> local code + 1 (0: not met yet). */
  readonly localOf: Int32Array;
  /** Local code -> store code. */
  private readonly met: number[] = [];
  /** By store code. */
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
 * Counts the sessions at `picked` into `counts` by their code in `codes` (a store column), and
 * writes each session's local code to `local` (by position in `picked`) when given. One tight
 * loop per grouping: the flags say error / has a PR / has a merged PR without a branch.
 */
export function countGroups<K extends string | null>(
  counts: GroupCounts<K>,
  store: SessionColumns,
  codes: Int32Array,
  merged: Int32Array,
  picked: Int32Array,
  local: Int32Array | null,
): void {
  const { localOf, sessions, acus, errors, prsOpened, prsMerged, withPr, withMerged } = counts;
  const { acus: storeAcus, flags: storeFlags } = store;
  const prStart = store.prs.start;
  for (let i = 0; i < picked.length; i++) {
    const g = picked[i] as number;
    const code = codes[g] as number;
    let at = localOf[code] as number;
    if (at === 0) at = counts.meet(code);
    if (local !== null) local[i] = at - 1;
    const flags = storeFlags[g] as number;
    sessions[code] = (sessions[code] as number) + 1;
    acus[code] = (acus[code] as number) + (storeAcus[g] as number);
    errors[code] = (errors[code] as number) + ((flags & FLAG_ERROR) === 0 ? 0 : 1);
    prsOpened[code] =
      (prsOpened[code] as number) + (prStart[g + 1] as number) - (prStart[g] as number);
    withPr[code] = (withPr[code] as number) + ((flags & FLAG_HAS_PR) === 0 ? 0 : 1);
    prsMerged[code] = (prsMerged[code] as number) + (merged[g] as number);
    withMerged[code] = (withMerged[code] as number) + ((flags & FLAG_MERGED_PR) === 0 ? 0 : 1);
  }
}

/**
 * The Cost view's total, users and organizations of the sessions at `positions`, when no
 * Insights pass counted them (`aggregatePass` gives them along with the Insights).
 */
export function countFigures(store: SessionColumns, positions: Int32Array): CountedFigures {
  const merged = mergedPrsOf(store);
  const users = new GroupCounts(store.dict.user.keys);
  const orgs = new GroupCounts(store.dict.org.keys);
  countGroups(users, store, store.user, merged, positions, null);
  countGroups(orgs, store, store.org, merged, positions, null);
  const total = { sessions: positions.length, acus: 0, prs: 0, mergedPrs: 0 };
  const prStart = store.prs.start;
  for (let i = 0; i < positions.length; i++) {
    const g = positions[i] as number;
    total.acus += store.acus[g] as number;
    total.prs += (prStart[g + 1] as number) - (prStart[g] as number);
    total.mergedPrs += merged[g] as number;
  }
  return { positions, total, users: users.costs(), orgs: orgs.costs() };
}
