/**
 * What the Insights page shows, as computed from a set of session rows. Plain data and typed
 * arrays only, so a result crosses from the worker to the page by structured clone with its
 * arrays transferred, not copied.
 *
 * Every session of the set has a position `i` (0..count-1) in `ids` and in the columns; buckets
 * name their sessions by position (`members`), so the page can turn any number it shows into the
 * exact sessions behind it without the rows.
 */

import type { AnalysisFacts } from '../db/analysis-facts';

export type GroupBy = 'org' | 'user' | 'status';
export const GROUP_BYS: readonly GroupBy[] = ['org', 'user', 'status'];

/** Per-session flags (`columns.flags`), combined with `|`. */
export const FLAG_HAS_PR = 1;
export const FLAG_MERGED_PR = 2;
export const FLAG_ERROR = 4;
export const FLAG_ANALYSIS = 8;
export const FLAG_SUGGESTED_PROMPT = 16;
export const FLAG_ISSUES = 32;

/** The status the error rate counts. */
export const ERROR_STATUS = 'error';
/** The PR state of a PR without one (same spelling as the filters' `prStates`). */
export const UNKNOWN_STATE = 'unknown';
/** The PR state the merged counts count (lower case, as the filters' `prStates`). */
export const MERGED_STATE = 'merged';

/**
 * What the analysis of one session says beyond the row digest: unpacked from the row's facts,
 * or read from `details` for rows stored without them (extras.ts).
 */
export type AnalysisExtra = AnalysisFacts;

interface InsightsColumns {
  /** Index into `days` (local calendar day of `created_at`). */
  day: Int32Array;
  /** Codes into `dictionaries.org` / `.user` / `.status`. */
  org: Int32Array;
  user: Int32Array;
  status: Int32Array;
  flags: Uint8Array;
  acus: Float64Array;
}

interface Dictionaries {
  org: string[];
  /** `null` is the code of sessions without a user. */
  user: (string | null)[];
  status: string[];
}

/** One organization, user or status. */
export interface GroupStat {
  code: number;
  key: string | null;
  sessions: number;
  acus: number;
  /** Sessions with status `error`, and their share of `sessions` (0..1). */
  errors: number;
  errorRate: number;
  /** Pull requests (not sessions): every PR a session lists counts as opened. */
  prsOpened: number;
  prsMerged: number;
  /** Sessions with at least one PR, and with at least one merged PR. */
  sessionsWithPr: number;
  sessionsWithMergedPr: number;
  medianAcus: number;
}

export interface DaySeries {
  /** Local day numbers (see days.ts), consecutive. */
  numbers: number[];
  /** Local midnight of each day (epoch ms). */
  starts: number[];
  /** `YYYY-MM-DD` of each day. */
  labels: string[];
  sessions: number[];
  acus: number[];
}

export interface StackSeries {
  /** A group code, or -1 for "other". */
  code: number;
  /** The group's key; null for "other" (and for sessions without a user). */
  key: string | null;
  /** Gathers every group outside the top ones. */
  other: boolean;
  acus: number;
}

/** ACUs per day split into the top groups and "other". */
export interface Stack {
  series: StackSeries[];
  /** Group code -> index into `series`. */
  seriesOfCode: Int32Array;
  /** [series][day] */
  acus: number[][];
  sessions: number[][];
}

/** Sessions that share one value (an issue label, an impact, an action item type, ...). */
export interface Bucket {
  key: string;
  sessions: number;
  /** How many times the value occurs (issues, action items, PRs) across those sessions. */
  occurrences: number;
  /** Positions of the sessions, ascending. */
  members: Int32Array;
}

export type PrProvider =
  | 'github'
  | 'gitlab'
  | 'bitbucket-cloud'
  | 'bitbucket-server'
  | 'azure-devops'
  | 'other';

/** Pull requests of one git host. */
export interface PrHostStat {
  /** `provider host`, unique. */
  key: string;
  provider: PrProvider;
  host: string;
  /** Every PR on the host and the sessions that have one. */
  all: Bucket;
  /** Per lower-cased state (`open`, `merged`, `closed`, ..., `unknown`). */
  states: Bucket[];
}

export interface CostlySession {
  index: number;
  session_id: string;
  title: string;
  status: string;
  org_id: string;
  user_id: string | null;
  created_at: number;
  acus: number;
}

interface InsightsTotals {
  sessions: number;
  acus: number;
  errors: number;
  medianAcus: number;
  prsOpened: number;
  prsMerged: number;
  sessionsWithPr: number;
  sessionsWithMergedPr: number;
  /** Sessions with an analysis, with at least one issue, with a suggested prompt. */
  analysed: number;
  withIssues: number;
  withSuggestedPrompt: number;
  /** Sessions whose analysis has issues or action items not (yet) read from `details`. */
  analysisPending: number;
}

export interface Insights {
  /** The time presets were resolved at. */
  now: number;
  count: number;
  /** Session ids by position. */
  ids: string[];
  columns: InsightsColumns;
  dictionaries: Dictionaries;
  totals: InsightsTotals;
  days: DaySeries;
  /** Sorted by ACUs, most first. */
  groups: Record<GroupBy, GroupStat[]>;
  stacks: Record<GroupBy, Stack>;
  costliest: CostlySession[];
  /** Sorted by sessions, most first. */
  labels: Bucket[];
  impacts: Bucket[];
  actionTypes: Bucket[];
  /** Key `label + LABEL_IMPACT_SEPARATOR + impact`: sessions with an issue of that label and impact. */
  labelImpacts: Bucket[];
  suggestedPrompt: Bucket;
  /** Sorted by PRs, most first. */
  prHosts: PrHostStat[];
  /** PRs of every host per state. */
  prStates: Bucket[];
}

/** Between a label and an impact in `labelImpacts` keys (U+241F, never in either). */
export const LABEL_IMPACT_SEPARATOR = '\u241f';
