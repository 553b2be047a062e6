/**
 * Impacts and action item types: rows synced now carry them packed in their digest
 * (db/analysis-facts.ts); for rows stored before, they are read from `details`. Either way they
 * are taken once per session (and again only when the session changes) and kept in memory as a
 * few short strings, so filtering again or a sync page re-reads only what changed.
 */
import type { Session } from '../api';
import { unpackFacts } from '../db/analysis-facts';
import type { SessionDetail, SessionRow } from '../db/types';
import type { AnalysisExtra } from './types';

export function analysisExtra(session: Session): AnalysisExtra | null {
  const analysis = session.session_analysis;
  if (!analysis) return null;
  return {
    issues: analysis.issues.map((issue) => ({ label: issue.label, impact: issue.impact })),
    actionTypes: analysis.action_items.map((item) => item.type),
  };
}

/** Does the aggregation need this row's details? Only when its analysis lists something. */
function needsExtra(row: SessionRow): boolean {
  const analysis = row.analysis;
  return analysis !== null && (analysis.issue_count > 0 || analysis.action_item_count > 0);
}

export type DetailsReader = (ids: string[]) => Promise<(SessionDetail | undefined)[]>;

const EMPTY: AnalysisExtra = Object.freeze({ issues: [], actionTypes: [] }) as AnalysisExtra;

export class ExtrasCache {
  private readonly entries = new Map<string, { updatedAt: number; extra: AnalysisExtra }>();
  /** The extras of every cached session, for `computeInsights`. */
  readonly map = new Map<string, AnalysisExtra>();
  /** Grows with every change to `map`, so the column store knows to take them again. */
  version = 0;

  constructor(
    private readonly read: DetailsReader,
    private readonly chunkSize = 500,
  ) {}

  /**
   * Takes the extras that rows carry in their digest, where missing or older than the row;
   * returns whether some rows still miss theirs (their details must be read).
   */
  takeFacts(rows: readonly SessionRow[]): boolean {
    let changed = false;
    let stillMissing = false;
    for (const row of rows) {
      const analysis = row.analysis;
      if (analysis === null || !needsExtra(row) || !this.isStale(row)) continue;
      const { facts, labels } = analysis;
      const extra = facts === undefined ? null : unpackFacts(facts, labels);
      if (extra === null) {
        stillMissing = true;
        continue;
      }
      this.entries.set(row.session_id, { updatedAt: row.updated_at, extra });
      this.map.set(row.session_id, extra);
      changed = true;
    }
    if (changed) this.version++;
    return stillMissing;
  }

  /** Whether any of `rows` misses its extras (see `missing`). */
  anyMissing(rows: readonly SessionRow[]): boolean {
    return rows.some((row) => needsExtra(row) && this.isStale(row));
  }

  private isStale(row: SessionRow): boolean {
    return this.entries.get(row.session_id)?.updatedAt !== row.updated_at;
  }

  /** Rows whose extras are missing or older than the row: their details must be read. */
  missing(rows: readonly SessionRow[]): SessionRow[] {
    const result: SessionRow[] = [];
    for (const row of rows) {
      if (needsExtra(row) && this.isStale(row)) result.push(row);
    }
    return result;
  }

  /**
   * Reads the details of `rows` in chunks; `onChunk` after each (return false to stop early,
   * e.g. when a newer request superseded this one).
   */
  async load(rows: readonly SessionRow[], onChunk?: (done: number) => boolean): Promise<void> {
    for (let start = 0; start < rows.length; start += this.chunkSize) {
      const chunk = rows.slice(start, start + this.chunkSize);
      const details = await this.read(chunk.map((row) => row.session_id));
      chunk.forEach((row, i) => {
        const session = details[i]?.session;
        // A row without details (not written yet) counts as "nothing more to say".
        const extra = session ? (analysisExtra(session) ?? EMPTY) : EMPTY;
        this.entries.set(row.session_id, { updatedAt: row.updated_at, extra });
        this.map.set(row.session_id, extra);
      });
      this.version++;
      if (onChunk && !onChunk(Math.min(rows.length, start + chunk.length))) return;
    }
  }

  /** Forgets sessions no longer cached (after a clear or a history window change). */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) {
      if (!ids.has(id)) {
        this.entries.delete(id);
        this.map.delete(id);
        this.version++;
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
