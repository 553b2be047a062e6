/** The records the database stores, and the cache's bookkeeping records. Times are epoch ms. */
import type {
  ApiErrorKind,
  Member,
  Organization,
  PullRequest,
  Session,
  SkippedRecord,
} from '../api';
import type { CutLengths } from './long-texts';

/** What the list, the filters and the badge need of a session. Times are epoch ms. */
export interface SessionRow {
  session_id: string;
  org_id: string;
  user_id: string | null;
  status: string;
  title: string | null;
  /** The first line of the first message, shown when there is no title. */
  first_line: string;
  created_at: number;
  updated_at: number;
  acus_consumed: number;
  tags: string[];
  url: string;
  pull_requests: PullRequest[];
  /** Normalized keys of `pull_requests` (see utils/pr-urls), indexed for the PR lookup. */
  pr_keys: string[];
  /** A digest of the analysis for filters; null when the session has none. */
  analysis: AnalysisDigest | null;
  // What only v3 reports, kept only when present so that rows synced over v2 stay small.
  /** Finer than `status` (`waiting_for_user`, ...). */
  status_detail?: string;
  /** The analysis's classification. */
  category?: string;
  languages?: string[];
  archived?: true;
}

export interface AnalysisDigest {
  issue_count: number;
  action_item_count: number;
  has_suggested_prompt: boolean;
  labels: string[];
  /**
   * Each issue's label and impact and each action item's type, packed (analysis-facts.ts) so
   * Insights reads no details. Absent when the analysis lists nothing, in rows stored before
   * facts were kept, and for analyses too long to keep them.
   */
  facts?: string;
}

/** The session as the API sent it (after validation), for the detail view and export. */
export interface SessionDetail {
  session_id: string;
  session: Session;
}

/** Lower-cased text a search matches against, kept apart so the list rows stay small. */
export interface SearchText {
  session_id: string;
  text: string;
}

/** What indexes one stored page; its content is in the tables below, under the same `seq`. */
export interface PageRecord {
  /** Order of writing: of two copies of a session with the same `updated_at`, the later wins. */
  seq: number;
  org_id: string;
  /** `stampOf(row)` of each row, indexed: which copies of a session are cached, and where. */
  stamps: string[];
  /** Every PR key of the page's rows, indexed for the PR lookup. */
  pr_keys: string[];
  /** The earliest `created_at` of the rows, indexed for the history window. */
  oldest: number;
}

/** The list rows of a page (key: its `seq`). */
export interface PageRows {
  seq: number;
  rows: SessionRow[];
}

/** The search texts of a page's sessions, in the order of its rows (key: the page's `seq`). */
export interface PageTexts {
  seq: number;
  ids: string[];
  updated: number[];
  texts: string[];
}

/**
 * A part of a page's full sessions, in the order of its rows (key: `[seq, part]`, parts
 * numbered from 0, each `SESSIONS_PER_PART` sessions (page-layout.ts) but the last).
 */
export interface PageSessions {
  seq: number;
  /** Each with its long texts cut to their previews (long-texts.ts). */
  sessions: Session[];
  /**
   * What was cut, by the session's index in the part; absent when nothing was. The whole texts
   * are in `longTexts` under `[seq, part, index]`.
   */
  cut?: Record<number, CutLengths>;
}

/**
 * Facts about the cache that would otherwise need every page read: kept current with each
 * page written, and counted again from the pages after anything is removed or compacted.
 */
export interface CacheSummary {
  /** Distinct sessions cached. */
  sessions: number;
  /** Session copies stored; `copies - sessions` are superseded copies awaiting compaction. */
  copies: number;
  /** Ids of the sessions whose latest copy is running (the badge count). */
  running: string[];
  /** Grows with every change to the cached sessions: readers re-read when it moves. */
  version: number;
  /**
   * Pages stored, kept here because counting them makes IndexedDB read every page. Absent from
   * summaries written before it was kept (then counted once).
   */
  pages?: number;
}

/** The newest rows by `updated_at`, so the list's first screen needs no full read. */
export interface CachePreview {
  rows: SessionRow[];
}

export type OrganizationRow = Organization;
export type MemberRow = Member;

/** A sync pass in progress: enough to resume it after the worker was stopped. */
export interface SyncPass {
  kind: 'backfill' | 'incremental';
  /** Server time when the pass began: every change after it is picked up by the next pass. */
  startedAt: number;
  nextSkip: number;
  /** Where the next page starts on v3 (an opaque cursor); absent or null on v2. */
  nextCursor?: string | null;
  updatedFrom: string | null;
  createdFrom: string | null;
  pagesDone: number;
  sessionsDone: number;
  total: number;
  /**
   * The `total` the pass's first page reported (null: the server sent none; absent: a pass
   * begun before this was kept). A backfill's cache is checked against it at the end.
   */
  firstTotal?: number | null;
  /**
   * A backfill reads its window in slices of creation time, several at once; these are the
   * slices not read to their end yet, each with where it continues. Absent: one slice, the
   * whole window, from `nextSkip`/`nextCursor` (a pass begun before slices existed).
   */
  slices?: SliceCheckpoint[];
}

/** A slice of a backfill: the sessions created in [from, to], and where its next page starts. */
export interface SliceCheckpoint {
  /** Epoch ms, inclusive; null: from the start of the pass's window. */
  from: number | null;
  /** Epoch ms, inclusive; null: up to now. */
  to: number | null;
  skip: number;
  cursor: string | null;
  /** Its next page may hold sessions stored before (it starts where another page ended). */
  recheck: boolean;
  /**
   * A range of whole pages of the slice (v2 offsets): the walk ends before this offset, where
   * the next range begins. Absent: the slice is walked to its end.
   */
  until?: number;
}

export interface SyncErrorInfo {
  /** `unconfirmed_origin`: the key was held back from an address it is not confirmed for. */
  kind: ApiErrorKind | 'quota' | 'unknown' | 'unconfirmed_origin';
  message: string;
  at: number;
}

/** Sync progress and outcome of one organization; written with each page in one transaction. */
export interface OrgSyncState {
  org_id: string;
  pass: SyncPass | null;
  /** Every change the server made before this time (epoch ms) is in the cache. */
  watermark: number | null;
  lastSuccessAt: number | null;
  lastError: SyncErrorInfo | null;
  /** Records of the latest pass that failed validation (the first few, and how many). */
  skipped: SkippedRecord[];
  skippedCount: number;
  /**
   * Something the latest pass did differently that the admin should know, in plain words
   * (e.g. the API ignored the incremental filter, so every session was read).
   */
  notice?: string | null;
  /**
   * Stamps (see stamps.ts) of the sessions the last pass stored that were updated at or after
   * its watermark: the next pass reads them again (the overlap) and skips the unchanged ones
   * without looking them up. Missing in states written before it existed.
   */
  recent?: Record<string, string>;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The last complete Insights result (utils/insights/saved.ts), for the view whose filters have
 * `key` (filtersKey); the result's shape is the Insights page's business, not the database's.
 */
export interface SavedInsightsRow {
  key: string;
  /** The result's shape (saved.ts): one of another shape is not shown. */
  shape: number;
  savedAt: number;
  result: unknown;
}

/** A session's first message as fetched from the API (see first-prompts.ts). */
export interface FirstPromptRow {
  session_id: string;
  /** The user's first message; null when the session has none. */
  text: string | null;
  /** The message was longer than one entry may be, and was cut. */
  truncated: boolean;
  /** Its size in UTF-8 bytes, counted against the store's bound. */
  bytes: number;
  storedAt: number;
}

/**
 * A session's conversation as fetched from the API (see conversations.ts): what it was fetched
 * for and how big it is. The messages are kept apart, in `conversationMessages` under the same
 * key, so marking an entry as used rewrites this small record, not megabytes of messages.
 */
export interface ConversationEntry {
  session_id: string;
  /** The `updated_at` (epoch ms) of the cached session when fetched: newer means moved on. */
  updatedAt: number;
  /** Messages kept, and whether the session had more than were kept (the fetch's bounds). */
  count: number;
  cut: boolean;
  /** The messages' size in UTF-8 bytes, counted against the store's bound. */
  bytes: number;
  /** When it was last stored or read: the least recently used go first. */
  usedAt: number;
}
