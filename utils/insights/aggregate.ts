/**
 * The Insights aggregation: a few passes over the positions of the (already filtered) sessions
 * in the column store (columns.ts) fill the result's per-session columns and every counter;
 * what follows works on those small typed columns and on the counters. Pure and synchronous,
 * so it runs the same in the page's worker, in tests and in the benchmark.
 *
 * What the passes count with is apart: the loops over the sessions in session-pass.ts, the
 * group figures in group-counts.ts, the tallies in tallies.ts, the rounding and medians in
 * statistics.ts, the git hosts of pull requests in host-pass.ts.
 */
import type { CountedFigures } from '../cost/types';
import type { SessionRow } from '../db/types';
import { buildColumns, type SessionColumns } from './columns';
import { type DayColumns, dayAxis, dayPass } from './day-pass';
import { attachExtras } from './extra-columns';
import { countGroups, GroupCounts } from './group-counts';
import { MedianScratch, walkMedians } from './medians';
import { countAnalysis, countPrs, gatherColumns } from './session-pass';
import { groupMedians, median, roundAcus } from './statistics';
import { toBucket } from './tallies';
import type { AnalysisExtra, CostlySession, GroupBy, GroupStat, Insights } from './types';

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
  return aggregatePass(store, picked, options).insights;
}

/** The Insights of the sessions at `picked`, and the sums the Cost view can take from them. */
export function aggregatePass(
  store: SessionColumns,
  picked: Int32Array,
  options: InsightsOptions,
): { insights: Insights; figures: CountedFigures } {
  const count = picked.length;
  const { dict, rows } = store;
  // A few tight loops, each over what it counts, rather than one loop doing everything: each
  // is optimized early (the page's worker runs a query only a few times) and stays in cache.
  const basic = gatherColumns(store, picked, options.costliest ?? 20);
  const prs = countPrs(store, picked);
  const analysis = countAnalysis(store, picked);
  const orgs = new GroupCounts(dict.org.keys);
  const users = new GroupCounts(dict.user.keys);
  const statuses = new GroupCounts(dict.status.keys);
  const orgCol = new Int32Array(count);
  const userCol = new Int32Array(count);
  const statusCol = new Int32Array(count);
  countGroups(
    [orgs, users, statuses],
    [store.org, store.user, store.status],
    [orgCol, userCol, statusCol],
    store,
    picked,
  );

  // The day axis, then every day number becomes a position on it.
  const days = dayAxis(options, basic.minDay, basic.maxDay, count);
  const firstDay = days.numbers[0] ?? 0;
  const columns = {
    day: basic.day,
    org: orgCol,
    user: userCol,
    status: statusCol,
    flags: basic.flags,
    acus: basic.acus,
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
  const stacks = dayPass(columns, firstDay, days, groups, options.topSeries ?? 8);
  const insights: Insights = {
    now: options.now,
    count,
    ids: basic.ids,
    columns,
    dictionaries: { org: orgs.keys, user: users.keys, status: statuses.keys },
    totals: {
      sessions: count,
      acus: roundAcus(basic.acusTotal),
      errors: basic.errors,
      medianAcus: medians.overall,
      prsOpened: prs.opened,
      prsMerged: prs.merged,
      sessionsWithPr: prs.sessionsWithPr,
      sessionsWithMergedPr: prs.sessionsWithMerged,
      analysed: analysis.analysed,
      withIssues: analysis.withIssues,
      withSuggestedPrompt: analysis.suggested.length,
      analysisPending: analysis.pending,
    },
    days,
    groups,
    stacks,
    costliest: basic.costliest.map((index): CostlySession => {
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
    labels: analysis.labels.sorted(),
    impacts: analysis.impacts.sorted(),
    actionTypes: analysis.actionTypes.sorted(),
    labelImpacts: analysis.labelImpacts.sorted(),
    suggestedPrompt: toBucket(analysis.suggested),
    prHosts: prs.hosts.stats(),
    prStates: prs.states.sorted(),
  };
  const figures: CountedFigures = {
    positions: picked,
    total: { sessions: count, acus: basic.acusTotal, prs: prs.opened, mergedPrs: prs.merged },
    users: users.costs(),
    orgs: orgs.costs(),
  };
  return { insights, figures };
}

/**
 * The overall and per-group medians. A selection of a fair share of the store walks the store's
 * ACU order (no sort, nothing the store's size allocated); a small one selects in its own values.
 */
function groupingMedians(
  store: SessionColumns,
  picked: Int32Array,
  columns: DayColumns,
  counters: Record<GroupBy, GroupCounts<string | null>>,
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
    [counters.org.sessions, counters.user.sessions, counters.status.sessions],
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
