/**
 * The in-memory form of a `SessionRow` a page keeps for every cached session (200,000 of them
 * at the largest enterprises): what is the same in many rows is shared, what can be derived is
 * not kept, and the three numbers live in typed columns. In Chromium a number in an object
 * that is not a small integer is a separate 12-byte heap object; in a column it is 8 bytes.
 * Consumers read it like any `SessionRow`: the dropped and columnar fields are getters.
 */
import type { PullRequest } from '../api';
import type { AnalysisDigest, SessionRow } from './types';

/** What the API calls a session's page when it sends no other (see `toSession`). */
const APP_SESSION_URL = 'https://app.devin.ai/sessions/';

/** A PR URL's key is, almost always, the URL without this (see utils/pr-urls). */
const PR_SCHEME = 'https://';

/** The PR keys of every row without PRs; frozen, as they all share it. */
const NO_KEYS: string[] = Object.freeze([]) as unknown as string[];

/** The PR keys `toSessionRow` made of these PRs, if they are their URLs without the scheme. */
function derivedKeys(prs: readonly PullRequest[]): string[] {
  if (prs.length === 0) return NO_KEYS;
  return prs.map((pr) => pr.url.slice(PR_SCHEME.length));
}

/** Whether `keys` are exactly what `derivedKeys` makes of `prs` (then they need not be kept). */
function keysDerive(prs: readonly PullRequest[], keys: readonly string[]): boolean {
  if (prs.length !== keys.length) return false;
  return prs.every(
    (pr, i) =>
      pr.url.startsWith(PR_SCHEME) &&
      pr.url.endsWith(keys[i] as string) &&
      pr.url.length === PR_SCHEME.length + (keys[i] as string).length,
  );
}

/** `created_at`, `updated_at` and `acus_consumed` of the rows of one read, by row position. */
export class RowNumbers {
  readonly created: Float64Array;
  readonly updated: Float64Array;
  readonly acus: Float64Array;

  constructor(size: number) {
    this.created = new Float64Array(size);
    this.updated = new Float64Array(size);
    this.acus = new Float64Array(size);
  }
}

/** The v3-only fields of a row; few combinations exist, so rows share them. */
export interface V3Fields {
  status_detail?: string;
  category?: string;
  languages?: string[];
  archived?: true;
}

/**
 * A row's own values, already shared where they repeat (see row-memory.ts): every field of a
 * `SessionRow` but the numbers (kept in `RowNumbers`) and the v3 facts (shared as one object).
 */
export type ListRowParts = Omit<SessionRow, keyof RowNumberFields | keyof V3Fields> & {
  v3: V3Fields | null;
};

/** The fields of a row that live in `RowNumbers`. */
type RowNumberFields = Pick<SessionRow, 'created_at' | 'updated_at' | 'acus_consumed'>;

/** Whether a row shows its first line anywhere: only when it has no title to show instead. */
function needsFirstLine(title: string | null): boolean {
  return !title?.trim();
}

export class ListRow implements SessionRow {
  readonly session_id: string;
  readonly org_id: string;
  readonly user_id: string | null;
  readonly status: string;
  readonly title: string | null;
  readonly tags: string[];
  readonly pull_requests: PullRequest[];
  readonly analysis: AnalysisDigest | null;
  /** Kept only when they are not `derivedKeys` of the PRs (they usually are). */
  private readonly keys: string[] | null;
  private readonly numbers: RowNumbers;
  private readonly at: number;
  /**
   * Kept only for a row without a title: every reader shows `title || first_line`, and a search
   * before the full search texts are loaded (they hold the whole first message) is a preview.
   */
  private readonly line: string | null;
  /** Kept only when it is not the standard page of the session. */
  private readonly link: string | null;
  private readonly v3: V3Fields | null;

  constructor(parts: ListRowParts, numbers: RowNumbers, at: number) {
    this.session_id = parts.session_id;
    this.org_id = parts.org_id;
    this.user_id = parts.user_id;
    this.status = parts.status;
    this.title = parts.title;
    this.tags = parts.tags;
    this.pull_requests = parts.pull_requests;
    this.keys = keysDerive(parts.pull_requests, parts.pr_keys) ? null : parts.pr_keys;
    this.analysis = parts.analysis;
    this.numbers = numbers;
    this.at = at;
    this.line = needsFirstLine(parts.title) && parts.first_line !== '' ? parts.first_line : null;
    this.link = parts.url === APP_SESSION_URL + parts.session_id ? null : parts.url;
    this.v3 = parts.v3;
  }

  get created_at(): number {
    return this.numbers.created[this.at] as number;
  }

  get updated_at(): number {
    return this.numbers.updated[this.at] as number;
  }

  get acus_consumed(): number {
    return this.numbers.acus[this.at] as number;
  }

  /** Empty for a row with a title (see `line`). */
  get first_line(): string {
    return this.line ?? '';
  }

  get pr_keys(): string[] {
    return this.keys ?? derivedKeys(this.pull_requests);
  }

  get url(): string {
    return this.link ?? APP_SESSION_URL + this.session_id;
  }

  get status_detail(): string | undefined {
    return this.v3?.status_detail;
  }

  get category(): string | undefined {
    return this.v3?.category;
  }

  get languages(): string[] | undefined {
    return this.v3?.languages;
  }

  get archived(): true | undefined {
    return this.v3?.archived;
  }
}
