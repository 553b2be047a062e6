/**
 * The Insights aggregation: one pass over the positions of the (already filtered) sessions in
 * the column store (columns.ts) fills the result's per-session columns and every counter at
 * once; what follows the pass works on those small typed columns and on the counters. Pure and
 * synchronous, so it runs the same in the page's worker, in tests and in the benchmark.
 *
 * What the pass counts with is apart: the counting structures in tallies.ts, the rounding and
 * medians in statistics.ts, the git hosts of pull requests in host-pass.ts.
 */
import type { SessionRow } from '../db/types';
import {
  buildColumns,
  FLAG_NEEDS_EXTRA,
  MERGED_CODE,
  PENDING,
  PUBLIC_FLAGS,
  type SessionColumns,
} from './columns';
import { type DayColumns, dayAxis, dayPass } from './day-pass';
import { attachExtras } from './extra-columns';
import { HostPass, HostTallies } from './host-pass';
import { MedianScratch, walkMedians } from './medians';
import { groupMedians, median, roundAcus } from './statistics';
import { bump, countIn, GroupCounter, newTally, Tallies, toBucket } from './tallies';
import {
  type AnalysisExtra,
  type CostlySession,
  FLAG_ANALYSIS,
  FLAG_ERROR,
  FLAG_ISSUES,
  FLAG_SUGGESTED_PROMPT,
  type GroupBy,
  type GroupStat,
  type Insights,
} from './types';

export interface InsightsOptions {
  /** The time relative date filters were resolved at; the day axis runs to its day at most. */
  now: number;
  /**
   * The created-at window the rows were filtered by (epoch ms, `to` excluded). The day axis
   * covers it; an open end follows the data (and an open end after it, today).
   */
  range?: { from: number | null; to: number | null };
  /** Impacts and action item types per session id, read from `details`. */
  extras?: ReadonlyMap<string, AnalysisExtra>;
  /** Groups shown by name in the stacked chart; the rest are "other". Default 8. */
  topSeries?: number;
  /** How many of the costliest sessions to list. Default 20. */
  costliest?: number;
}

/**
 * Insertion into a short list of positions kept sorted by ACUs (most first), then id. Returns
 * the ACUs below which no session can enter the list any more (the pass skips the call then).
 */
function keepCostliest(
  top: number[],
  limit: number,
  index: number,
  acus: Float64Array,
  ids: string[],
): number {
  if (limit <= 0) return Number.POSITIVE_INFINITY;
  const floor = () =>
    top.length >= limit ? (acus[top[top.length - 1] ?? 0] ?? 0) : Number.NEGATIVE_INFINITY;
  const value = acus[index] ?? 0;
  const last = top[top.length - 1];
  // Most rows are cheaper than the cheapest kept one: one comparison.
  if (top.length >= limit && last !== undefined && value < (acus[last] ?? 0)) return floor();
  const id = ids[index] ?? '';
  const before = (other: number) => {
    const otherValue = acus[other] ?? 0;
    return value > otherValue || (value === otherValue && id < (ids[other] ?? ''));
  };
  if (top.length >= limit && last !== undefined && !before(last)) return floor();
  let at = top.length;
  while (at > 0 && before(top[at - 1] ?? 0)) at--;
  top.splice(at, 0, index);
  if (top.length > limit) top.pop();
  return floor();
}

/** Aggregates `rows` (already filtered), deriving their columns for this call only. */
export function computeInsights(rows: readonly SessionRow[], options: InsightsOptions): Insights {
  const columns = buildColumns(rows);
  attachExtras(columns, options.extras);
  return aggregateColumns(columns, allPositions(rows.length), options);
}

/** 0..count-1: every row of a store, in order. */
export function allPositions(count: number): Int32Array {
  const positions = new Int32Array(count);
  for (let i = 0; i < count; i++) positions[i] = i;
  return positions;
}

/**
 * Aggregates the sessions at `picked` (positions in the store, in the order the result lists
 * them). The store's extras (`attachExtras`) give impacts and action item types.
 */
export function aggregateColumns(
  store: SessionColumns,
  picked: Int32Array,
  options: InsightsOptions,
): Insights {
  const count = picked.length;
  const topSeries = options.topSeries ?? 8;
  const costliestLimit = options.costliest ?? 20;
  const { dict, rows, ids: storeIds } = store;
  const prStart = store.prs.start;
  const prState = store.prs.state;
  const labelStart = store.labels.start;
  const labelCode = store.labels.code;
  const extraStart = store.extras?.start ?? null;
  const extraEntries = store.extras?.entries ?? new Int32Array(0);
  const hostPass = new HostPass(store);

  const ids: string[] = new Array(count);
  const dayCol = new Int32Array(count);
  const orgCol = new Int32Array(count);
  const userCol = new Int32Array(count);
  const statusCol = new Int32Array(count);
  const flagsCol = new Uint8Array(count);
  const acusCol = new Float64Array(count);

  const orgs = new GroupCounter(dict.org.keys);
  const users = new GroupCounter(dict.user.keys);
  const statuses = new GroupCounter(dict.status.keys);
  const states = new Tallies(dict.state.keys, count, store.sizes.state);
  const labels = new Tallies(dict.label.keys, count, store.sizes.label);
  const impacts = new Tallies(dict.impact.keys);
  const actionTypes = new Tallies(dict.action.keys);
  const labelImpacts = new Tallies(dict.pair.keys);
  const suggested = newTally('suggested', Math.min(count, store.sizes.suggested));
  const prHosts = new HostTallies(store);
  const costliest: number[] = [];
  let costliestFloor = Number.NEGATIVE_INFINITY;

  let acusTotal = 0;
  let prsOpened = 0;
  let prsMerged = 0;
  let sessionsWithPr = 0;
  let sessionsWithMergedPr = 0;
  let errors = 0;
  let analysed = 0;
  let withIssues = 0;
  let analysisPending = 0;
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;

  for (let i = 0; i < count; i++) {
    const g = picked[i] as number;
    ids[i] = storeIds[g] as string;
    const acus = store.acus[g] as number;
    acusCol[i] = acus;
    acusTotal += acus;

    const day = store.day[g] as number;
    dayCol[i] = day;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;

    const stored = store.flags[g] as number;
    const flags = stored & PUBLIC_FLAGS;
    flagsCol[i] = flags;
    const error = (flags & FLAG_ERROR) !== 0;
    if (error) errors++;

    const first = prStart[g] as number;
    const prs = (prStart[g + 1] as number) - first;
    let merged = 0;
    if (prs > 0) {
      sessionsWithPr++;
      prsOpened += prs;
      for (let p = first; p < first + prs; p++) {
        const state = prState[p] as number;
        if (state === MERGED_CODE) merged++;
        bump(states.get(state), i);
        prHosts.count(hostPass.hostOf(p, g), state, i);
      }
      if (merged > 0) {
        sessionsWithMergedPr++;
        prsMerged += merged;
      }
    }

    if ((flags & FLAG_ANALYSIS) !== 0) {
      analysed++;
      if ((flags & FLAG_ISSUES) !== 0) withIssues++;
      if ((flags & FLAG_SUGGESTED_PROMPT) !== 0) bump(suggested, i);
      const labelEnd = labelStart[g + 1] as number;
      for (let l = labelStart[g] as number; l < labelEnd; l++) {
        bump(labels.get(labelCode[l] as number), i, 0);
      }
      if ((stored & FLAG_NEEDS_EXTRA) !== 0) {
        const end = extraStart === null ? 0 : (extraStart[g + 1] as number);
        let e = extraStart === null ? 0 : (extraStart[g] as number);
        if (e === end || extraEntries[e] === PENDING) analysisPending++;
        else {
          for (; e < end; e++) {
            const entry = extraEntries[e] as number;
            if (entry >= 0) {
              labels.get(dict.pairLabel[entry] as number).occurrences++;
              bump(labelImpacts.get(entry), i);
              bump(impacts.get(dict.pairImpact[entry] as number), i);
            } else bump(actionTypes.get(-1 - entry), i);
          }
        }
      }
    }

    const org = orgs.entry(store.org[g] as number);
    orgCol[i] = org.code;
    countIn(org, acus, error, prs, merged);
    const user = users.entry(store.user[g] as number);
    userCol[i] = user.code;
    countIn(user, acus, error, prs, merged);
    const status = statuses.entry(store.status[g] as number);
    statusCol[i] = status.code;
    countIn(status, acus, error, prs, merged);

    // Most sessions are cheaper than the cheapest kept one: one comparison, no call.
    if (!(acus < costliestFloor)) {
      costliestFloor = keepCostliest(costliest, costliestLimit, i, acusCol, ids);
    }
  }

  // The day axis, then every day number becomes a position on it.
  const days = dayAxis(options, minDay, maxDay, count);
  const firstDay = days.numbers[0] ?? 0;
  const columns = {
    day: dayCol,
    org: orgCol,
    user: userCol,
    status: statusCol,
    flags: flagsCol,
    acus: acusCol,
  };
  const medians = groupingMedians(store, picked, columns, {
    org: orgs,
    user: users,
    status: statuses,
  });
  const groups: Record<GroupBy, GroupStat[]> = {
    org: orgs.stats(medians.org),
    user: users.stats(medians.user),
    status: statuses.stats(medians.status),
  };
  const stacks = dayPass(columns, firstDay, days, groups, topSeries);
  return {
    now: options.now,
    count,
    ids,
    columns,
    dictionaries: { org: orgs.keys, user: users.keys, status: statuses.keys },
    totals: {
      sessions: count,
      acus: roundAcus(acusTotal),
      errors,
      medianAcus: medians.overall,
      prsOpened,
      prsMerged,
      sessionsWithPr,
      sessionsWithMergedPr,
      analysed,
      withIssues,
      withSuggestedPrompt: suggested.length,
      analysisPending,
    },
    days,
    groups,
    stacks,
    costliest: costliest.map((index): CostlySession => {
      const row = rows[picked[index] as number] as SessionRow;
      return {
        index,
        session_id: row.session_id,
        title: row.title || row.first_line || row.session_id,
        status: row.status,
        org_id: row.org_id,
        user_id: row.user_id,
        created_at: row.created_at,
        acus: row.acus_consumed,
      };
    }),
    labels: labels.sorted(),
    impacts: impacts.sorted(),
    actionTypes: actionTypes.sorted(),
    labelImpacts: labelImpacts.sorted(),
    suggestedPrompt: toBucket(suggested),
    prHosts: prHosts.stats(),
    prStates: states.sorted(),
  };
}

/**
 * The overall and per-group medians. A selection of a fair share of the store walks the store's
 * ACU order (no sort, nothing the store's size allocated); a small one selects in its own values.
 */
function groupingMedians(
  store: SessionColumns,
  picked: Int32Array,
  columns: DayColumns,
  counters: Record<GroupBy, GroupCounter<string | null>>,
): Record<GroupBy, Float64Array> & { overall: number } {
  const count = picked.length;
  if (count * SMALL_SELECTION < store.acus.length) {
    // One buffer for every median: the overall one first, then the groups'.
    const scratch = columns.acus.slice();
    const overall = median(scratch);
    const of = (by: GroupBy) =>
      groupMedians(columns[by], columns.acus, counters[by].sizes, scratch);
    return { overall, org: of('org'), user: of('user'), status: of('status') };
  }
  const walked = walkMedians(
    store.acuOrder,
    store.acus,
    picked,
    [counters.org.storeSizes(), counters.user.storeSizes(), counters.status.storeSizes()],
    scratchOf(store),
  );
  const [org, user, status] = walked.groups;
  return {
    overall: walked.overall,
    org: counters.org.byLocalCode(org),
    user: counters.user.byLocalCode(user),
    status: counters.status.byLocalCode(status),
  };
}

/** Below 1 / SMALL_SELECTION of the store, selecting among the picked values is cheaper. */
const SMALL_SELECTION = 8;

const scratches = new WeakMap<SessionColumns, MedianScratch>();

function scratchOf(store: SessionColumns): MedianScratch {
  let scratch = scratches.get(store);
  if (scratch === undefined) {
    scratch = new MedianScratch(store.acus.length);
    scratches.set(store, scratch);
  }
  return scratch;
}
