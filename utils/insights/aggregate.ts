/**
 * The Insights aggregation: one pass over the (already filtered) session rows fills per-session
 * columns and every counter at once; what follows the pass works on those small typed columns
 * and on the counters, never on the rows again. Pure and synchronous, so it runs the same in the
 * page's worker, in tests and in the benchmark.
 */
import type { SessionRow } from '../db/types';
import { parsePullRequestUrl } from '../pr-urls';
import { createDayNumberer, dayNumberLabel, dayNumberStart } from './days';
import {
  type AnalysisExtra,
  type Bucket,
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
  type PrHostStat,
  type PrProvider,
  type Stack,
  type StackSeries,
  UNKNOWN_STATE,
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
interface Tally {
  key: string;
  members: IndexList;
  occurrences: number;
}

function newTally(key: string): Tally {
  return { key, members: new IndexList(), occurrences: 0 };
}

/** Counts session `index` (and `occurrences` more occurrences) in a tally. */
function bump(tally: Tally, index: number, occurrences = 1): void {
  tally.occurrences += occurrences;
  tally.members.add(index);
}

/** Tallies by key, created on first use. */
class Tallies<T extends Tally = Tally> {
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
      .sort((a, b) => b.sessions - a.sessions || compareText(a.key, b.key));
  }
}

function toBucket(tally: Tally): Bucket {
  return {
    key: tally.key,
    sessions: tally.members.length,
    occurrences: tally.occurrences,
    members: tally.members.toArray(),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
class GroupCounter<K extends string | null> {
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

function countIn<K>(
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

/** Sums of two-decimal ACUs drift; every ACU figure is rounded to 2 decimals. */
function roundAcus(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The median of some numbers (reorders them in place); 0 for none. */
export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return 0;
  const middle = n >> 1;
  const upper = select(values, middle);
  if (n % 2 === 1) return upper;
  // After selecting `middle`, everything before it is smaller or equal: the lower middle is
  // their maximum.
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < middle; i++) lower = Math.max(lower, values[i] ?? lower);
  return roundAcus((lower + upper) / 2);
}

/**
 * The k-th smallest value (Hoare's quickselect, median-of-three pivots): linear time on average,
 * where sorting every group's ACUs cost more than the rest of the pass.
 */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const mid = (left + right) >> 1;
    const a = values[left] ?? 0;
    const b = values[mid] ?? 0;
    const c = values[right] ?? 0;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while ((values[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k] ?? 0;
}

/**
 * The median ACUs of every group: the values are laid out group after group (a counting sort by
 * code) and each group's slice is sorted natively.
 */
function groupMedians(
  codes: Int32Array,
  acus: Float64Array,
  sizes: readonly number[],
): Float64Array {
  const offsets = new Int32Array(sizes.length + 1);
  for (let code = 0; code < sizes.length; code++) {
    offsets[code + 1] = (offsets[code] ?? 0) + (sizes[code] ?? 0);
  }
  const fill = offsets.slice(0, sizes.length);
  const values = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? 0;
    const at = fill[code] ?? 0;
    values[at] = acus[i] ?? 0;
    fill[code] = at + 1;
  }
  const medians = new Float64Array(sizes.length);
  for (let code = 0; code < sizes.length; code++) {
    medians[code] = median(values.subarray(offsets[code] ?? 0, offsets[code + 1] ?? 0));
  }
  return medians;
}

interface HostInfo {
  provider: PrProvider;
  host: string;
  /** `provider host` */
  key: string;
  /** The counters of this host in the pass that resolved it (saves a lookup per PR). */
  tally?: HostTally;
}

interface HostTally {
  info: HostInfo;
  all: Tally;
  states: Tallies;
}

function hostInfo(provider: PrProvider, host: string): HostInfo {
  return { provider, host, key: `${provider} ${host}` };
}

/**
 * The git host of a PR URL. Parsing a URL is the slowest thing in the pass, so the result is
 * remembered per origin (`https://github.com`): one host runs one kind of git server.
 */
export function createHostResolver(): (url: string) => HostInfo {
  // Few origins, checked by prefix (no string is built per URL); `origin/` so that
  // `https://github.com.evil` is not taken for `https://github.com`.
  const known: { prefix: string; info: HostInfo }[] = [];
  return (url) => {
    for (const entry of known) if (url.startsWith(entry.prefix)) return entry.info;
    const ref = parsePullRequestUrl(url);
    const start = url.indexOf('//');
    const end = start < 0 ? -1 : url.indexOf('/', start + 2);
    if (ref !== null && end > 0) {
      const info = hostInfo(ref.provider, ref.host);
      // Case variants of an origin are separate entries that resolve alike.
      known.push({ prefix: url.slice(0, end + 1), info });
      return info;
    }
    if (ref !== null) return hostInfo(ref.provider, ref.host);
    // Not a PR URL: counted under its host name, and not remembered, so that a PR URL of the
    // same origin later still names the provider.
    try {
      return hostInfo('other', new URL(url).host.toLowerCase() || '(no host)');
    } catch {
      return hostInfo('other', '(invalid URL)');
    }
  };
}

/** A PR state, lower-cased (`unknown` when missing), with its tally across hosts. */
function createStateTallies(): {
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

/** An issue label, with the tallies of its issues per impact. */
interface LabelTally extends Tally {
  impacts: Map<string, { pair: Tally; impact: Tally }>;
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
  const prHosts = new Map<string, HostTally>();
  const hostTally = (info: HostInfo): HostTally => {
    let tally = prHosts.get(info.key);
    if (tally === undefined) {
      tally = { info, all: newTally(info.key), states: new Tallies(newTally) };
      prHosts.set(info.key, tally);
    }
    info.tally = tally;
    return tally;
  };
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
        const host = info.tally ?? hostTally(info);
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
    labelImpacts: labelImpacts
      .map(toBucket)
      .sort((a, b) => b.sessions - a.sessions || compareText(a.key, b.key)),
    suggestedPrompt: toBucket(suggested),
    prHosts: [...prHosts]
      .map(
        ([key, host]): PrHostStat => ({
          key,
          provider: host.info.provider,
          host: host.info.host,
          all: toBucket(host.all),
          states: host.states.sorted(),
        }),
      )
      .sort((a, b) => b.all.occurrences - a.all.occurrences || compareText(a.key, b.key)),
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
