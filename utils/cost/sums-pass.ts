/**
 * The Cost view's two loops over sessions: the page's sessions (repositories, outcomes, the ids
 * behind them) and the same filters without the date window (weeks, the two periods). Each in
 * a function of its own, so each loop is optimized on its own, early, and what follows a loop
 * does not throw that away for want of type feedback.
 */
import { mergedOf, NO_REPOSITORY, type SessionColumns } from '../insights/columns';
import { CodeSums, IdCollector } from './code-sums';
import type { periodWindows } from './periods';
import { OUTCOMES } from './types';
import { weekIndex, type weeksEndingAt } from './weeks';

/** Id lists longer than this make a URL too long to open; such figures get no link. */
export const MAX_LINK_IDS = 20_000;
const OPEN = OUTCOMES.indexOf('open');
const CLOSED = OUTCOMES.indexOf('closed');
/** The page's date window and the one before it, in the periods' sums. */
export const CURRENT = 0;
export const PREVIOUS = 1;

/** Repositories, outcomes and the ids behind them, of the sessions at `filtered`. */
export function sumSessions(store: SessionColumns, filtered: Int32Array) {
  const { dict, ids: storeIds } = store;
  const repoSums = new CodeSums(dict.repo.size);
  const outcomeSums = new CodeSums(OUTCOMES.length);
  const ids = {
    noRepository: new IdCollector(MAX_LINK_IDS),
    open: new IdCollector(MAX_LINK_IDS),
    closed: new IdCollector(MAX_LINK_IDS),
    noUser: new IdCollector(MAX_LINK_IDS),
  };
  const noUserCode = dict.user.code(null);
  const repos = store.repos;
  const prStart = store.prs.start;
  let splitSessions = 0;

  for (let i = 0; i < filtered.length; i++) {
    const g = filtered[i] as number;
    const acus = store.acus[g] as number;
    const prs = (prStart[g + 1] as number) - (prStart[g] as number);
    const merged = mergedOf(store, g);

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
  return { repoSums, outcomeSums, splitSessions, ids };
}

/**
 * The weeks (`bounds`) and the two periods (`windows`, CURRENT and PREVIOUS) of the sessions at
 * `unwindowed`, and the ids of the previous period.
 */
export function sumWeeks(
  store: SessionColumns,
  unwindowed: Int32Array,
  bounds: ReturnType<typeof weeksEndingAt>,
  windows: ReturnType<typeof periodWindows>,
) {
  const weekSums = new CodeSums(bounds.from.length);
  const periodSums = new CodeSums(2);
  const previousIds = new IdCollector(MAX_LINK_IDS);
  const prStart = store.prs.start;
  for (let i = 0; i < unwindowed.length; i++) {
    const g = unwindowed[i] as number;
    const at = store.created[g] as number;
    const week = weekIndex(bounds.starts, at);
    const inCurrent = windows !== null && at >= windows.current.from && at < windows.current.to;
    const inPrevious = windows !== null && at >= windows.previous.from && at < windows.previous.to;
    if (week < 0 && !inCurrent && !inPrevious) continue;
    const merged = mergedOf(store, g);
    const acus = store.acus[g] as number;
    const prs = (prStart[g + 1] as number) - (prStart[g] as number);
    if (week >= 0) weekSums.count(week, acus, prs, merged);
    if (inCurrent) periodSums.count(CURRENT, acus, prs, merged);
    if (inPrevious) periodSums.count(PREVIOUS, acus, prs, merged);
    if (inPrevious && windows?.previous.days === null) previousIds.add(store.ids[g] as string);
  }
  return { weekSums, periodSums, previousIds };
}
