/**
 * The Insights aggregation: one pass over the (already filtered) session rows fills per-session
 * columns and every counter at once; what follows the pass works on those small typed columns
 * and on the counters, never on the rows again. Pure and synchronous, so it runs the same in the
 * page's worker, in tests and in the benchmark.
 *
 * What the pass counts with is apart: the counting structures in tallies.ts, the rounding and
 * medians in statistics.ts, the git hosts of pull requests in pr-hosts.ts.
 */
import type { SessionRow } from '../db/types';
import { createDayNumberer, dayNumberLabel, dayNumberStart } from './days';
import { createHostResolver, createHostTallies } from './pr-hosts';
import { groupMedians, median, roundAcus } from './statistics';
import {
  bump,
  compareBuckets,
  countIn,
  createStateTallies,
  GroupCounter,
  type LabelTally,
  newTally,
  Tallies,
  type Tally,
  toBucket,
} from './tallies';
import {
  type AnalysisExtra,
  type CostlySession,
  type DaySeries,
  ERROR_STATUS,
  FLAG_ANALYSIS,
  FLAG_ERROR,
  FLAG_HAS_PR,
  FLAG_ISSUES,
  FLAG_MERGED_PR,
  FLAG_SUGGESTED_PROMPT,
  GROUP_BYS,
  type GroupBy,
  type GroupStat,
  type Insights,
  LABEL_IMPACT_SEPARATOR,
  MERGED_STATE,
  type Stack,
  type StackSeries,
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

/** Insertion into a short list of positions kept sorted by ACUs (most first), then id. */
function keepCostliest(
  top: number[],
  limit: number,
  index: number,
  acus: Float64Array,
  ids: string[],
): void {
  if (limit <= 0) return;
  const value = acus[index] ?? 0;
  const last = top[top.length - 1];
  // Most rows are cheaper than the cheapest kept one: one comparison.
  if (top.length >= limit && last !== undefined && value < (acus[last] ?? 0)) return;
  const id = ids[index] ?? '';
  const before = (other: number) => {
    const otherValue = acus[other] ?? 0;
    return value > otherValue || (value === otherValue && id < (ids[other] ?? ''));
  };
  if (top.length >= limit && last !== undefined && !before(last)) return;
  let at = top.length;
  while (at > 0 && before(top[at - 1] ?? 0)) at--;
  top.splice(at, 0, index);
  if (top.length > limit) top.pop();
}

export function computeInsights(rows: readonly SessionRow[], options: InsightsOptions): Insights {
  const count = rows.length;
  const topSeries = options.topSeries ?? 8;
  const costliestLimit = options.costliest ?? 20;
  const extras = options.extras;
  const dayNumberOf = createDayNumberer();
  const hostOf = createHostResolver();
  const states = createStateTallies();

  const ids: string[] = new Array(count);
  const dayCol = new Int32Array(count);
  const orgCol = new Int32Array(count);
  const userCol = new Int32Array(count);
  const statusCol = new Int32Array(count);
  const flagsCol = new Uint8Array(count);
  const acusCol = new Float64Array(count);

  const orgs = new GroupCounter<string>();
  const users = new GroupCounter<string | null>();
  const statuses = new GroupCounter<string>();
  const labels = new Tallies<LabelTally>((key) => ({ ...newTally(key), impacts: new Map() }));
  const impacts = new Tallies(newTally);
  const actionTypes = new Tallies(newTally);
  const labelImpacts: Tally[] = [];
  const suggested = newTally('suggested');
  const prHosts = createHostTallies();
  const pairOf = (label: LabelTally, impact: string) => {
    let pair = label.impacts.get(impact);
    if (pair === undefined) {
      pair = {
        pair: newTally(`${label.key}${LABEL_IMPACT_SEPARATOR}${impact}`),
        impact: impacts.get(impact),
      };
      label.impacts.set(impact, pair);
      labelImpacts.push(pair.pair);
    }
    return pair;
  };
  const costliest: number[] = [];

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
    const row = rows[i] as SessionRow;
    const id = row.session_id;
    ids[i] = id;
    const acus = row.acus_consumed;
    acusCol[i] = acus;
    acusTotal += acus;

    const day = dayNumberOf(row.created_at);
    dayCol[i] = day;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;

    let flags = 0;
    const error = row.status === ERROR_STATUS;
    if (error) {
      flags |= FLAG_ERROR;
      errors++;
    }

    const prs = row.pull_requests.length;
    let merged = 0;
    if (prs > 0) {
      flags |= FLAG_HAS_PR;
      sessionsWithPr++;
      prsOpened += prs;
      for (const pr of row.pull_requests) {
        const state = states.of(pr.state);
        if (state.key === MERGED_STATE) merged++;
        bump(state, i);
        const info = hostOf(pr.url);
        const host = info.tally ?? prHosts.of(info);
        bump(host.all, i);
        bump(host.states.get(state.key), i);
      }
      if (merged > 0) {
        flags |= FLAG_MERGED_PR;
        sessionsWithMergedPr++;
        prsMerged += merged;
      }
    }

    const analysis = row.analysis;
    if (analysis !== null) {
      flags |= FLAG_ANALYSIS;
      analysed++;
      if (analysis.issue_count > 0) {
        flags |= FLAG_ISSUES;
        withIssues++;
      }
      if (analysis.has_suggested_prompt) {
        flags |= FLAG_SUGGESTED_PROMPT;
        bump(suggested, i);
      }
      for (const label of analysis.labels) bump(labels.get(label), i, 0);
      if (analysis.issue_count > 0 || analysis.action_item_count > 0) {
        const extra = extras?.get(id);
        if (extra === undefined) analysisPending++;
        else {
          for (const issue of extra.issues) {
            const label = labels.get(issue.label);
            label.occurrences++;
            const { pair, impact } = pairOf(label, issue.impact);
            bump(pair, i);
            bump(impact, i);
          }
          for (const type of extra.actionTypes) bump(actionTypes.get(type), i);
        }
      }
    }
    flagsCol[i] = flags;

    const org = orgs.entry(row.org_id);
    orgCol[i] = org.code;
    countIn(org, acus, error, prs, merged);
    const user = users.entry(row.user_id);
    userCol[i] = user.code;
    countIn(user, acus, error, prs, merged);
    const status = statuses.entry(row.status);
    statusCol[i] = status.code;
    countIn(status, acus, error, prs, merged);

    keepCostliest(costliest, costliestLimit, i, acusCol, ids);
  }

  // The day axis, then every day number becomes a position on it.
  const days = dayAxis(options, minDay, maxDay, count);
  const firstDay = days.numbers[0] ?? 0;
  const dayCount = days.numbers.length;
  for (let i = 0; i < count; i++) {
    const day = (dayCol[i] ?? 0) - firstDay;
    dayCol[i] = day;
    days.sessions[day] = (days.sessions[day] ?? 0) + 1;
    days.acus[day] = (days.acus[day] ?? 0) + (acusCol[i] ?? 0);
  }
  days.acus = days.acus.map(roundAcus);

  const columns = {
    day: dayCol,
    org: orgCol,
    user: userCol,
    status: statusCol,
    flags: flagsCol,
    acus: acusCol,
  };
  const groups: Record<GroupBy, GroupStat[]> = {
    org: orgs.stats(groupMedians(orgCol, acusCol, orgs.sizes)),
    user: users.stats(groupMedians(userCol, acusCol, users.sizes)),
    status: statuses.stats(groupMedians(statusCol, acusCol, statuses.sizes)),
  };
  const codeColumns: Record<GroupBy, Int32Array> = {
    org: orgCol,
    user: userCol,
    status: statusCol,
  };
  const stacks = {} as Record<GroupBy, Stack>;
  for (const by of GROUP_BYS) {
    stacks[by] = buildStack(groups[by], codeColumns[by], columns, dayCount, topSeries);
  }

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
      medianAcus: median(acusCol.slice()),
      prsOpened,
      prsMerged,
      sessionsWithPr,
      sessionsWithMergedPr,
      analysed,
      withIssues,
      withSuggestedPrompt: suggested.members.length,
      analysisPending,
    },
    days,
    groups,
    stacks,
    costliest: costliest.map((index): CostlySession => {
      const row = rows[index] as SessionRow;
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
    labelImpacts: labelImpacts.map(toBucket).sort(compareBuckets),
    suggestedPrompt: toBucket(suggested),
    prHosts: prHosts.stats(),
    prStates: states.sorted(),
  };
}

function dayAxis(
  options: InsightsOptions,
  minDay: number,
  maxDay: number,
  count: number,
): DaySeries {
  const dayNumberOf = createDayNumberer();
  const from = options.range?.from ?? null;
  const to = options.range?.to ?? null;
  const start = from !== null ? dayNumberOf(from) : count > 0 ? minDay : null;
  if (start === null) return { numbers: [], starts: [], labels: [], sessions: [], acus: [] };
  const end = to !== null ? dayNumberOf(to - 1) : Math.max(maxDay, dayNumberOf(options.now));
  // Rows outside the window (there should be none) still get a day.
  const first = count > 0 ? Math.min(start, minDay) : start;
  const last = count > 0 ? Math.max(end, maxDay) : end;
  const length = Math.max(0, last - first + 1);
  const numbers = Array.from({ length }, (_, i) => first + i);
  return {
    numbers,
    starts: numbers.map(dayNumberStart),
    labels: numbers.map(dayNumberLabel),
    sessions: new Array<number>(length).fill(0),
    acus: new Array<number>(length).fill(0),
  };
}

function buildStack(
  stats: readonly GroupStat[],
  codes: Int32Array,
  columns: { day: Int32Array; acus: Float64Array },
  dayCount: number,
  topSeries: number,
): Stack {
  // A lone leftover group is shown by name rather than as "other".
  const named = stats.length <= topSeries + 1 ? stats : stats.slice(0, topSeries);
  const rest = stats.slice(named.length);
  const seriesOfCode = new Int32Array(stats.length).fill(named.length);
  named.forEach((stat, index) => {
    seriesOfCode[stat.code] = index;
  });
  const series: StackSeries[] = named.map((stat) => ({
    code: stat.code,
    key: stat.key,
    other: false,
    acus: stat.acus,
  }));
  if (rest.length > 0) {
    series.push({
      code: -1,
      key: null,
      other: true,
      acus: roundAcus(rest.reduce((sum, stat) => sum + stat.acus, 0)),
    });
  }
  const acus = series.map(() => new Array<number>(dayCount).fill(0));
  const sessions = series.map(() => new Array<number>(dayCount).fill(0));
  for (let i = 0; i < codes.length; i++) {
    const s = seriesOfCode[codes[i] ?? 0] ?? 0;
    const day = columns.day[i] ?? 0;
    const acuRow = acus[s];
    const sessionRow = sessions[s];
    if (acuRow === undefined || sessionRow === undefined) continue;
    acuRow[day] = (acuRow[day] ?? 0) + (columns.acus[i] ?? 0);
    sessionRow[day] = (sessionRow[day] ?? 0) + 1;
  }
  return { series, seriesOfCode, acus: acus.map((row) => row.map(roundAcus)), sessions };
}
