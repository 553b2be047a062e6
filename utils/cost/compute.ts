/**
 * The Cost view's figures in one pass over the rows, with no allocation per row beyond what
 * is kept: repositories, users and organizations are entries found once by key and marked per
 * session, weeks are found among a handful of bounds.
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
import { normalizePullRequestUrl } from '../pr-urls';
import { isMerged, sessionOutcome } from './outcome';
import { periodWindows } from './periods';
import { repositoryOf } from './repository';
import {
  type CostFigures,
  type CostReport,
  type GroupCost,
  type IdList,
  OUTCOMES,
  type Outcome,
  type OutcomeCost,
  type PeriodCost,
  type RepositoryCost,
  type WeekCost,
} from './types';
import { weekIndex, weeksEndingAt } from './weeks';

const MAX_PRS_PER_SESSION = 500;
/** Id lists longer than this make a URL too long to open; such figures get no link. */
export const MAX_LINK_IDS = 20_000;
const TREND_WEEKS = 8;

interface Entry<K> extends CostFigures {
  key: K;
  /** The last session (position) counted, so a session counts once per entry. */
  last: number;
  shared: number;
}

function newEntry<K>(key: K): Entry<K> {
  return { key, sessions: 0, acus: 0, prs: 0, mergedPrs: 0, last: -1, shared: 0 };
}

function figures(): CostFigures {
  return { sessions: 0, acus: 0, prs: 0, mergedPrs: 0 };
}

function count(target: CostFigures, acus: number, prs: number, merged: number): void {
  target.sessions++;
  target.acus += acus;
  target.prs += prs;
  target.mergedPrs += merged;
}

function entryOf<K>(map: Map<K, Entry<K>>, key: K): Entry<K> {
  let entry = map.get(key);
  if (entry === undefined) {
    entry = newEntry(key);
    map.set(key, entry);
  }
  return entry;
}

class IdCollector {
  ids: string[] = [];
  over = false;
  add(id: string): void {
    if (this.over) return;
    if (this.ids.length >= MAX_LINK_IDS) {
      this.over = true;
      this.ids = [];
    } else this.ids.push(id);
  }
  result(): IdList {
    return this.over ? null : this.ids;
  }
}

function byAcus<T extends CostFigures & { key: string | null }>(a: T, b: T): number {
  return b.acus - a.acus || String(a.key ?? '').localeCompare(String(b.key ?? ''));
}

function plain<K extends string | null>(entry: Entry<K>): GroupCost {
  const { key, sessions, acus, prs, mergedPrs } = entry;
  return { key, sessions, acus, prs, mergedPrs };
}

/** The PRs of a row, counted and merged, and the row's repositories into `repos` (deduplicated). */
function readPullRequests(
  row: SessionRow,
  index: number,
  repoOf: (prKey: string) => Entry<string | null>,
  repos: Entry<string | null>[],
): number {
  repos.length = 0;
  const prs = row.pull_requests;
  let merged = 0;
  // Keys are the PRs' normalized URLs in order, duplicates and non-PR URLs dropped: when none
  // was dropped they line up with the PRs, and no URL needs parsing here.
  const aligned = row.pr_keys.length === prs.length;
  for (let j = 0; j < prs.length; j++) {
    const pr = prs[j] as (typeof prs)[number];
    const isMergedPr = isMerged(pr.state);
    if (isMergedPr) merged++;
    if (j >= MAX_PRS_PER_SESSION) continue;
    const key = aligned ? (row.pr_keys[j] as string) : normalizePullRequestUrl(pr.url);
    if (key === null) continue;
    const repo = repoOf(key);
    if (repo.last !== index) {
      repo.last = index;
      repos.push(repo);
    }
    repo.prs++;
    if (isMergedPr) repo.mergedPrs++;
  }
  return merged;
}

/**
 * `filtered`: the page's sessions (its filters, date window included). `unwindowed`: the same
 * filters without the date window, for the weeks and the period before.
 */
export function computeCost(
  filtered: readonly SessionRow[],
  unwindowed: readonly SessionRow[],
  created: DateRange,
  now: number,
): CostReport {
  const total = figures();
  const repoEntries = new Map<string | null, Entry<string | null>>();
  const repoOf = (prKey: string) => entryOf(repoEntries, repositoryOf(prKey));
  const sessionRepos: Entry<string | null>[] = [];
  const users = new Map<string | null, Entry<string | null>>();
  const orgs = new Map<string, Entry<string>>();
  const outcomes = new Map<Outcome, CostFigures>(OUTCOMES.map((o) => [o, figures()]));
  const ids = {
    noRepository: new IdCollector(),
    open: new IdCollector(),
    closed: new IdCollector(),
    noUser: new IdCollector(),
    previous: new IdCollector(),
  };
  let splitSessions = 0;

  for (let i = 0; i < filtered.length; i++) {
    const row = filtered[i] as SessionRow;
    const acus = row.acus_consumed;
    const prs = row.pull_requests.length;
    const merged = readPullRequests(row, i, repoOf, sessionRepos);
    total.sessions++;
    total.acus += acus;
    total.prs += prs;
    total.mergedPrs += merged;

    if (sessionRepos.length === 0) {
      count(entryOf(repoEntries, null), acus, prs, merged);
      ids.noRepository.add(row.session_id);
    } else {
      const share = acus / sessionRepos.length;
      if (sessionRepos.length > 1) splitSessions++;
      for (const repo of sessionRepos) {
        repo.sessions++;
        repo.acus += share;
        if (sessionRepos.length > 1) repo.shared++;
      }
    }

    const outcome = sessionOutcome(row.pull_requests);
    count(outcomes.get(outcome) as CostFigures, acus, prs, merged);
    if (outcome === 'open') ids.open.add(row.session_id);
    else if (outcome === 'closed') ids.closed.add(row.session_id);

    count(entryOf(users, row.user_id), acus, prs, merged);
    count(entryOf(orgs, row.org_id), acus, prs, merged);
    if (row.user_id === null) ids.noUser.add(row.session_id);
  }

  const windows = periodWindows(created, now);
  const anchor = windows ? windows.current.to : now;
  const bounds = weeksEndingAt(anchor - 1, TREND_WEEKS + 1);
  const weekFigures = bounds.from.map(() => figures());
  const current = figures();
  const previous = figures();
  for (const row of unwindowed) {
    const at = row.created_at;
    const week = weekIndex(bounds.starts, at);
    const inCurrent = windows !== null && at >= windows.current.from && at < windows.current.to;
    const inPrevious = windows !== null && at >= windows.previous.from && at < windows.previous.to;
    if (week < 0 && !inCurrent && !inPrevious) continue;
    let merged = 0;
    for (const pr of row.pull_requests) if (isMerged(pr.state)) merged++;
    const acus = row.acus_consumed;
    const prs = row.pull_requests.length;
    if (week >= 0) count(weekFigures[week] as CostFigures, acus, prs, merged);
    if (inCurrent) count(current, acus, prs, merged);
    if (inPrevious) count(previous, acus, prs, merged);
    if (inPrevious && windows?.previous.days === null) ids.previous.add(row.session_id);
  }

  const weeks: WeekCost[] = [];
  for (let k = 1; k <= TREND_WEEKS; k++) {
    const before = weekFigures[k - 1] as CostFigures;
    const week = weekFigures[k] as CostFigures;
    weeks.push({
      ...week,
      start: bounds.starts[k] as number,
      from: bounds.from[k] as string,
      to: bounds.to[k] as string,
      change: before.acus > 0 ? (week.acus - before.acus) / before.acus : null,
    });
  }

  const repositories: RepositoryCost[] = [...repoEntries.values()]
    .filter((entry) => entry.sessions > 0)
    .map((entry) => ({ ...plain(entry), shared: entry.shared }))
    .sort(byAcus);
  const period = (window: { from: number; to: number; days: PeriodCost['days'] }, f: CostFigures) =>
    ({ ...f, from: window.from, to: window.to, days: window.days }) satisfies PeriodCost;

  return {
    total,
    repositories,
    splitSessions,
    outcomes: OUTCOMES.map(
      (outcome): OutcomeCost => ({ outcome, ...(outcomes.get(outcome) as CostFigures) }),
    ),
    users: [...users.values()].map(plain).sort(byAcus),
    orgs: [...orgs.values()].map(plain).sort(byAcus),
    weeks,
    periods: windows
      ? { current: period(windows.current, current), previous: period(windows.previous, previous) }
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
