/**
 * The Cost view's figures in one pass over the sessions' columns (utils/insights/columns.ts),
 * with no allocation per row beyond what is kept: repositories, users and organizations are
 * entries found by their store code, weeks are found among a handful of bounds.
 *
 * Choices (the view's footnotes say them too):
 * - A session's repositories come from its pull requests' URLs. A session with PRs in several
 *   repositories counts once in each, and its ACUs are split evenly between them, so the
 *   repositories' ACUs add up to the total. Sessions without a PR (or whose PR URLs name no
 *   repository) form "No repository". v3 lists sessions by repository name (`repo_names`) but
 *   does not return it per session, so PR URLs are the only source.
 * - "ACUs per merged PR" of a group is all the group's ACUs divided by its merged PRs: what a
 *   merged PR costs, failed attempts and abandoned PRs included.
 * - At most MAX_PRS_PER_SESSION pull requests of a session are read for repositories; their
 *   states are all counted (that costs no allocation).
 */
import type { SessionRow } from '../db/types';
import type { DateRange } from '../filters/model';
import { allPositions } from '../insights/aggregate';
import { buildColumns, NO_REPOSITORY, type SessionColumns } from '../insights/columns';
import { countFigures } from '../insights/group-counts';
import { mergedPrsOf } from '../insights/merged-prs';
import { CodeSums, IdCollector } from './code-sums';
import { periodWindows } from './periods';
import {
  type CostFigures,
  type CostReport,
  type CountedFigures,
  type GroupCost,
  OUTCOMES,
  type OutcomeCost,
  type PeriodCost,
  type RepositoryCost,
  type WeekCost,
} from './types';
import { weekIndex, weeksEndingAt } from './weeks';

/** Id lists longer than this make a URL too long to open; such figures get no link. */
export const MAX_LINK_IDS = 20_000;
const TREND_WEEKS = 8;
const OPEN = OUTCOMES.indexOf('open');
const CLOSED = OUTCOMES.indexOf('closed');
/** The page's date window and the one before it, in the periods' sums. */
const CURRENT = 0;
const PREVIOUS = 1;

function byAcus<T extends CostFigures & { key: string | null }>(a: T, b: T): number {
  return b.acus - a.acus || String(a.key ?? '').localeCompare(String(b.key ?? ''));
}

function plain(entry: GroupCost): GroupCost {
  const { key, sessions, acus, prs, mergedPrs } = entry;
  return { key, sessions, acus, prs, mergedPrs };
}

/**
 * `filtered`: the page's sessions (its filters, date window included). `unwindowed`: the same
 * filters without the date window, for the weeks and the period before. Derives their columns
 * for this call only (the Insights engine keeps a store and calls `costOfColumns`).
 */
export function computeCost(
  filtered: readonly SessionRow[],
  unwindowed: readonly SessionRow[],
  created: DateRange,
  now: number,
): CostReport {
  if (unwindowed === filtered) {
    const positions = allPositions(filtered.length);
    return costOfColumns(buildColumns(filtered), positions, positions, created, now);
  }
  const store = buildColumns([...filtered, ...unwindowed]);
  const all = allPositions(filtered.length + unwindowed.length);
  return costOfColumns(
    store,
    all.subarray(0, filtered.length),
    all.subarray(filtered.length),
    created,
    now,
  );
}

/**
 * The Cost view of the sessions at `filtered` and `unwindowed` (positions in `store`).
 * `counted`: what the Insights pass over `filtered` summed already (`aggregatePass`); its total,
 * users and organizations are taken as they are, when they are of these very positions.
 */
export function costOfColumns(
  store: SessionColumns,
  filtered: Int32Array,
  unwindowed: Int32Array,
  created: DateRange,
  now: number,
  counted?: CountedFigures,
): CostReport {
  const { dict, ids: storeIds } = store;
  const figuresOfGroups =
    counted !== undefined && counted.positions === filtered
      ? counted
      : countFigures(store, filtered);
  const repoSums = new CodeSums(dict.repo.size);
  const outcomeSums = new CodeSums(OUTCOMES.length);
  const ids = {
    noRepository: new IdCollector(MAX_LINK_IDS),
    open: new IdCollector(MAX_LINK_IDS),
    closed: new IdCollector(MAX_LINK_IDS),
    noUser: new IdCollector(MAX_LINK_IDS),
    previous: new IdCollector(MAX_LINK_IDS),
  };
  const noUserCode = dict.user.code(null);
  const repos = store.repos;
  const prStart = store.prs.start;
  const mergedPrs = mergedPrsOf(store);
  let splitSessions = 0;

  for (let i = 0; i < filtered.length; i++) {
    const g = filtered[i] as number;
    const acus = store.acus[g] as number;
    const prs = (prStart[g + 1] as number) - (prStart[g] as number);
    const merged = mergedPrs[g] as number;

    const first = repos.start[g] as number;
    const end = repos.start[g + 1] as number;
    const shared = end - first;
    if (shared === 0) {
      repoSums.meet(NO_REPOSITORY);
      repoSums.count(NO_REPOSITORY, acus, prs, merged);
      ids.noRepository.add(storeIds[g] as string);
    } else {
      const share = acus / shared;
      if (shared > 1) splitSessions++;
      for (let k = first; k < end; k++) {
        const code = repos.code[k] as number;
        repoSums.meet(code);
        // A repository counts its own PRs of the session, and its share of the ACUs.
        repoSums.count(code, share, repos.prs[k] as number, repos.merged[k] as number);
        if (shared > 1) repoSums.shared[code] = (repoSums.shared[code] as number) + 1;
      }
    }

    const outcome = store.outcome[g] as number;
    outcomeSums.count(outcome, acus, prs, merged);
    if (outcome === OPEN) ids.open.add(storeIds[g] as string);
    else if (outcome === CLOSED) ids.closed.add(storeIds[g] as string);
    if (store.user[g] === noUserCode) ids.noUser.add(storeIds[g] as string);
  }

  const windows = periodWindows(created, now);
  const anchor = windows ? windows.current.to : now;
  const bounds = weeksEndingAt(anchor - 1, TREND_WEEKS + 1);
  const weekSums = new CodeSums(bounds.from.length);
  const periodSums = new CodeSums(2);
  for (let i = 0; i < unwindowed.length; i++) {
    const g = unwindowed[i] as number;
    const at = store.created[g] as number;
    const week = weekIndex(bounds.starts, at);
    const inCurrent = windows !== null && at >= windows.current.from && at < windows.current.to;
    const inPrevious = windows !== null && at >= windows.previous.from && at < windows.previous.to;
    if (week < 0 && !inCurrent && !inPrevious) continue;
    const merged = mergedPrs[g] as number;
    const acus = store.acus[g] as number;
    const prs = (prStart[g + 1] as number) - (prStart[g] as number);
    if (week >= 0) weekSums.count(week, acus, prs, merged);
    if (inCurrent) periodSums.count(CURRENT, acus, prs, merged);
    if (inPrevious) periodSums.count(PREVIOUS, acus, prs, merged);
    if (inPrevious && windows?.previous.days === null) ids.previous.add(storeIds[g] as string);
  }

  const weeks: WeekCost[] = [];
  for (let k = 1; k <= TREND_WEEKS; k++) {
    const before = weekSums.figures(k - 1);
    const week = weekSums.figures(k);
    weeks.push({
      ...week,
      start: bounds.starts[k] as number,
      from: bounds.from[k] as string,
      to: bounds.to[k] as string,
      change: before.acus > 0 ? (week.acus - before.acus) / before.acus : null,
    });
  }

  const repositories: RepositoryCost[] = repoSums
    .groups(dict.repo.keys)
    .filter((entry) => entry.sessions > 0)
    .sort(byAcus);
  const period = (window: { from: number; to: number; days: PeriodCost['days'] }, f: CostFigures) =>
    ({ ...f, from: window.from, to: window.to, days: window.days }) satisfies PeriodCost;

  return {
    total: { ...figuresOfGroups.total },
    repositories,
    splitSessions,
    outcomes: OUTCOMES.map(
      (outcome, code): OutcomeCost => ({ outcome, ...outcomeSums.figures(code) }),
    ),
    users: figuresOfGroups.users.map(plain).sort(byAcus),
    orgs: figuresOfGroups.orgs.map(plain).sort(byAcus),
    weeks,
    periods: windows
      ? {
          current: period(windows.current, periodSums.figures(CURRENT)),
          previous: period(windows.previous, periodSums.figures(PREVIOUS)),
        }
      : null,
    ids: {
      noRepository: ids.noRepository.result(),
      open: ids.open.result(),
      closed: ids.closed.result(),
      noUser: ids.noUser.result(),
      previous: windows?.previous.days === null ? ids.previous.result() : null,
    },
  };
}
