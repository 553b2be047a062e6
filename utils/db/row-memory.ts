/**
 * Rows read from IndexedDB keep their own copy of every value: 200,000 rows of three
 * organizations hold 200,000 copies of each organization id, status and user id, and as many
 * copies of the same tag lists and analysis digests; sessions started by the same automation
 * or playbook repeat their titles. A page keeps every row in memory to filter
 * it, so the rows are rebuilt compact as they are read (see list-row.ts): one copy of each
 * repeated value, shared by every row that has it.
 */
import type { PullRequest } from '../api';
import { ListRow, RowNumbers, type V3Fields } from './list-row';
import type { AnalysisDigest, SessionRow } from './types';

/** Joins the parts of a key of shared values; no text the API sends holds this character. */
const SEPARATOR = '\u0000';

/** The one empty list rows without tags, PRs or PR keys share; frozen, so none can grow it. */
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

/** Values read once and shared by every row with an equal one; all frozen, as rows share them. */
class ValuePool {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();
  private readonly digests = new Map<string, AnalysisDigest>();
  private readonly v3s = new Map<string, V3Fields>();

  string<T extends string | null | undefined>(value: T): T {
    if (typeof value !== 'string') return value;
    const kept = this.strings.get(value);
    if (kept !== undefined) return kept as T;
    this.strings.set(value, value);
    return value;
  }

  /** A list of repeated strings (tags, labels, languages): few distinct lists exist. */
  list(values: readonly string[]): string[] {
    if (values.length === 0) return EMPTY;
    return this.shared(
      this.lists,
      values.join(SEPARATOR),
      () => Object.freeze(values.map((value) => this.string(value))) as string[],
    );
  }

  digest(analysis: AnalysisDigest | null): AnalysisDigest | null {
    if (analysis === null) return null;
    // Without the analysis facts: only Insights counts them, from rows it reads itself, and
    // without them few distinct digests exist.
    const { issue_count, action_item_count, has_suggested_prompt, labels } = analysis;
    const key = `${issue_count} ${action_item_count} ${has_suggested_prompt}${SEPARATOR}${labels.join(SEPARATOR)}`;
    return this.shared(this.digests, key, () =>
      Object.freeze({
        issue_count,
        action_item_count,
        has_suggested_prompt,
        labels: this.list(labels),
      }),
    );
  }

  v3(row: SessionRow): V3Fields | null {
    const { status_detail, category, languages, archived } = row;
    if (status_detail === undefined && category === undefined && !languages && !archived) {
      return null;
    }
    const key = [status_detail, category, archived, ...(languages ?? [])].join(SEPARATOR);
    return this.shared(this.v3s, key, () => {
      const fields: V3Fields = {};
      if (status_detail !== undefined) fields.status_detail = this.string(status_detail);
      if (category !== undefined) fields.category = this.string(category);
      if (languages !== undefined) fields.languages = this.list(languages);
      if (archived) fields.archived = true;
      return Object.freeze(fields);
    });
  }

  private shared<T>(map: Map<string, T>, key: string, make: () => T): T {
    let kept = map.get(key);
    if (kept === undefined) {
      kept = make();
      map.set(key, kept);
    }
    return kept;
  }
}

/** The row's PRs, their states shared; a row without any shares one empty list. */
function pullRequestsOf(row: SessionRow, pool: ValuePool): PullRequest[] {
  if (row.pull_requests.length === 0) return EMPTY;
  return row.pull_requests.map((pr) => ({ url: pr.url, state: pool.string(pr.state) }));
}

/** Compact copies of `rows` (just read, owned by the caller), sharing what repeats. */
export function compactRows(rows: readonly SessionRow[]): SessionRow[] {
  const pool = new ValuePool();
  const numbers = new RowNumbers(rows.length);
  return rows.map((row, at) => {
    numbers.created[at] = row.created_at;
    numbers.updated[at] = row.updated_at;
    numbers.acus[at] = row.acus_consumed;
    return new ListRow(
      {
        session_id: row.session_id,
        org_id: pool.string(row.org_id),
        user_id: pool.string(row.user_id),
        status: pool.string(row.status),
        title: pool.string(row.title),
        first_line: row.first_line,
        url: row.url,
        tags: pool.list(row.tags),
        pull_requests: pullRequestsOf(row, pool),
        pr_keys: row.pr_keys.length === 0 ? EMPTY : row.pr_keys,
        analysis: pool.digest(row.analysis),
        v3: pool.v3(row),
      },
      numbers,
      at,
    );
  });
}
