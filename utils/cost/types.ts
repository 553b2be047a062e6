/**
 * What the Cost view shows: where the ACUs of the Insights page's sessions went (repositories,
 * outcomes), what a merged pull request costs per user, organization and repository, the last
 * weeks, and the period against the one before it. Plain data (structured-clone safe), computed
 * in the Insights worker and read by components/cost.
 */

/** A session's outcome: its best pull request state (see outcome.ts). */
export type Outcome = 'merged' | 'open' | 'closed' | 'none';
export const OUTCOMES: readonly Outcome[] = ['merged', 'open', 'closed', 'none'];

export interface CostFigures {
  sessions: number;
  acus: number;
  /** Pull requests (not sessions). */
  prs: number;
  mergedPrs: number;
}

/** One user (key null: sessions without a user), organization or repository. */
export interface GroupCost extends CostFigures {
  key: string | null;
}

export interface RepositoryCost extends GroupCost {
  /** Sessions of this repository whose ACUs were shared with other repositories. */
  shared: number;
}

export interface OutcomeCost extends CostFigures {
  outcome: Outcome;
}

export interface WeekCost extends CostFigures {
  /** Local Monday 00:00 (epoch ms). */
  start: number;
  /** First and last local day (`YYYY-MM-DD`), the list filter's custom range. */
  from: string;
  to: string;
  /** ACUs against the week before (fraction), null when that week had none. */
  change: number | null;
}

export interface PeriodCost extends CostFigures {
  /** Epoch ms, `from` included, `to` excluded. */
  from: number;
  to: number;
  /** The same window in local days when it is whole days (the list can filter on them). */
  days: { from: string; to: string } | null;
}

/** Ids behind a figure the list's filters cannot express; null when there are too many. */
export type IdList = string[] | null;

export interface CostReport {
  total: CostFigures;
  /** Most ACUs first; the key null row holds the sessions without a repository. */
  repositories: RepositoryCost[];
  /** Sessions with pull requests in more than one repository (their ACUs are split evenly). */
  splitSessions: number;
  outcomes: OutcomeCost[];
  /** Most ACUs first. */
  users: GroupCost[];
  orgs: GroupCost[];
  /** Oldest first, the last weeks up to the end of the page's date window. */
  weeks: WeekCost[];
  /** The page's date window against the equally long one before it; null without a window start. */
  periods: { current: PeriodCost; previous: PeriodCost } | null;
  /** Sessions of figures that no list filter selects exactly. */
  ids: {
    noRepository: IdList;
    open: IdList;
    closed: IdList;
    noUser: IdList;
    previous: IdList;
  };
}

/**
 * What the Insights pass already summed over the same sessions (utils/insights/aggregate.ts):
 * the Cost view takes its total, users and organizations from it instead of summing them again.
 */
export interface CountedFigures {
  /** The store positions counted: the figures apply to exactly this selection. */
  positions: Int32Array;
  total: CostFigures;
  /** In the order the pass met them; ACUs not rounded. */
  users: GroupCost[];
  orgs: GroupCost[];
}
