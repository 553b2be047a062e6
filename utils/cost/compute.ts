/**
 * The Cost view's figures from the sessions' columns (utils/insights/columns.ts), with no
 * allocation per row beyond what is kept: two loops (sums-pass.ts) add into typed arrays by
 * repository, outcome, week and period code; the total, users and organizations come from the
 * Insights pass over the same sessions when it ran (group-counts.ts), else are counted here.
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
import { buildColumns, type SessionColumns } from '../insights/columns';
import { countFigures } from '../insights/group-counts';
import { periodWindows } from './periods';
import { CURRENT, PREVIOUS, sumSessions, sumWeeks } from './sums-pass';
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
import { weeksEndingAt } from './weeks';

/** Id lists longer than this make a URL too long to open; such figures get no link. */
export { MAX_LINK_IDS } from './sums-pass';

const TREND_WEEKS = 8;

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
  const dict = store.dict;
  const figuresOfGroups =
    counted !== undefined && counted.positions === filtered
      ? counted
      : countFigures(store, filtered);
  const { repoSums, outcomeSums, splitSessions, ids } = sumSessions(store, filtered);
  const windows = periodWindows(created, now);
  const anchor = windows ? windows.current.to : now;
  const bounds = weeksEndingAt(anchor - 1, TREND_WEEKS + 1);
  const { weekSums, periodSums, previousIds } = sumWeeks(store, unwindowed, bounds, windows);

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
      previous: windows?.previous.days === null ? previousIds.result() : null,
    },
  };
}
