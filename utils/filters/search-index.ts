/**
 * The search texts of every session, loaded into memory once (on the first search) and then kept
 * current by re-reading only the sessions that changed since. Each refresh that changes anything
 * yields a new Map, so a caller can tell an old index from a new one by identity.
 */
import { readSearchTexts, readSearchTextsOf } from '../db/reads';
import type { DevinDatabase } from '../db/schema';
import type { SearchText, SessionRow } from '../db/types';
import type { SearchIndex } from './match';

export interface SearchTextSource {
  /** session_id -> search text of every session. Taken as is: no copy of 200,000 entries. */
  all(): Promise<Map<string, string>>;
  some(ids: string[]): Promise<(SearchText | undefined)[]>;
}

export function searchTextSource(db: DevinDatabase): SearchTextSource {
  return {
    all: () => readSearchTexts(db),
    some: async (ids) => {
      const texts = await readSearchTextsOf(db, ids);
      return ids.map((id) => {
        const text = texts.get(id);
        return text === undefined ? undefined : { session_id: id, text };
      });
    },
  };
}

export class SearchIndexLoader {
  private texts: Map<string, string> | null = null;
  /** The `updated_at` of each row when its text was read. */
  private readonly stamps = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly source: SearchTextSource) {}

  /** The index as last loaded, or null before the first load. */
  get current(): SearchIndex | null {
    return this.texts;
  }

  /** Brings the index up to date with `rows` (the first call loads everything). */
  refresh(rows: readonly SessionRow[]): Promise<SearchIndex> {
    const next = this.queue.then(() => this.refreshNow(rows));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async refreshNow(rows: readonly SessionRow[]): Promise<SearchIndex> {
    if (this.texts === null) {
      const texts = await this.source.all();
      for (const row of rows) this.stamps.set(row.session_id, row.updated_at);
      this.texts = texts;
      return texts;
    }
    const stale: SessionRow[] = [];
    for (const row of rows) {
      if (this.stamps.get(row.session_id) !== row.updated_at) stale.push(row);
    }
    if (stale.length === 0) return this.texts;
    const fresh = await this.source.some(stale.map((row) => row.session_id));
    const texts = new Map(this.texts);
    stale.forEach((row, i) => {
      const entry = fresh[i];
      if (entry) texts.set(entry.session_id, entry.text);
      this.stamps.set(row.session_id, row.updated_at);
    });
    this.texts = texts;
    return texts;
  }
}
