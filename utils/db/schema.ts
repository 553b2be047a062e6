/**
 * The IndexedDB layout. A list reads only `sessions` rows, which are kept small; the heavy
 * parts of a session (the full first message, the analysis) live in `details` and are read one
 * at a time, so listing 50,000 sessions never deserializes 50,000 analyses.
 */
import Dexie, { type Table } from 'dexie';
import type {
  ApiErrorKind,
  Member,
  Organization,
  PullRequest,
  Session,
  SkippedRecord,
} from '../api';
import { toSearchText, toSessionRow } from './rows';

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
}

export interface AnalysisDigest {
  issue_count: number;
  action_item_count: number;
  has_suggested_prompt: boolean;
  labels: string[];
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

export type OrganizationRow = Organization;
export type MemberRow = Member;

/** A sync pass in progress: enough to resume it after the worker was stopped. */
export interface SyncPass {
  kind: 'backfill' | 'incremental';
  /** Server time when the pass began: every change after it is picked up by the next pass. */
  startedAt: number;
  nextSkip: number;
  updatedFrom: string | null;
  createdFrom: string | null;
  pagesDone: number;
  sessionsDone: number;
  total: number;
}

export interface SyncErrorInfo {
  kind: ApiErrorKind | 'quota' | 'unknown';
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
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class DevinDatabase extends Dexie {
  sessions!: Table<SessionRow, string>;
  details!: Table<SessionDetail, string>;
  searchText!: Table<SearchText, string>;
  syncState!: Table<OrgSyncState, string>;
  organizations!: Table<OrganizationRow, string>;
  members!: Table<MemberRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'devin-sessions') {
    // Relaxed durability skips a disk flush per transaction. A transaction stays atomic, so a
    // page and its checkpoint are still kept or lost together; only the last moments before an
    // operating-system crash may need to be synced again.
    super(name, { chromeTransactionDurability: 'relaxed' });
    // Version 1: the initial layout. Kept so that databases created by it upgrade in place.
    this.version(1).stores({
      sessions: 'session_id, org_id, status, user_id, created_at, updated_at, acus_consumed, *tags',
      details: 'session_id',
      syncState: 'org_id',
      organizations: 'org_id',
      members: 'user_id',
      meta: 'key',
    });
    // Version 2: PR lookup by normalized URL, and search text moved out of the list rows.
    this.version(2)
      .stores({
        sessions:
          'session_id, org_id, status, user_id, created_at, updated_at, acus_consumed, *tags, *pr_keys',
        searchText: 'session_id',
      })
      .upgrade(async (tx) => {
        const details = tx.table<SessionDetail, string>('details');
        await details.each(async ({ session }) => {
          await tx.table('sessions').put(toSessionRow(session));
          await tx.table('searchText').put(toSearchText(session));
        });
      });
  }
}
