/**
 * The last complete Insights result, kept so that the page shows it at once when it is opened
 * again. At 200,000 sessions, reading and preparing every row takes seconds before the first
 * fresh result; the saved one stands in meanwhile, marked with when it was computed, and the
 * fresh one replaces it.
 *
 * One result is kept: that of the last view computed. It lives in the cache's database and
 * holds what the cache holds (session ids, the titles of the costliest sessions), so clearing
 * the cache clears it too (utils/db/writes.ts).
 */
import type { DevinDatabase } from '../db/schema';
import type { SessionFilters } from '../filters/model';
import { filtersKey } from '../filters/url';
import { logFailure, runDetached } from '../log';
import type { InsightsResult } from './messages';

export interface SavedInsights {
  /** When the result was shown, just computed (epoch ms). */
  savedAt: number;
  result: InsightsResult;
}

export interface SavedInsightsStore {
  /** The result saved for these filters, if the last one saved is theirs. */
  read(key: string): Promise<SavedInsights | undefined>;
  write(saved: SavedInsights): Promise<void>;
}

/** The one record's key. */
const LAST = 'last';

/**
 * The shape of `InsightsResult` the saved one has: raised whenever that shape changes, so that a
 * result saved by an older version of the extension is never shown.
 */
const SHAPE = 1;

export function databaseSavedInsights(db: DevinDatabase): SavedInsightsStore {
  return {
    read: async (key) => {
      const row = await db.savedInsights.get(LAST);
      if (row === undefined || row.key !== key || row.shape !== SHAPE) return undefined;
      return { savedAt: row.savedAt, result: row.result as InsightsResult };
    },
    write: async ({ savedAt, result }) => {
      const row = { key: filtersKey(result.filters), shape: SHAPE, savedAt, result };
      await db.savedInsights.put(row, LAST);
    },
  };
}

/**
 * A complete result is saved once it has stayed the latest this long: a sync or a person
 * changing filters replaces results quickly, and at 200,000 sessions each save writes megabytes.
 */
export const SAVE_AFTER_MS = 2000;

/** Recalls the saved result of a view, and saves the latest complete one when it settles. */
export class ResultKeeper {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: SavedInsightsStore | undefined,
    private readonly afterMs: number,
    private readonly now: () => number,
  ) {}

  /** The result saved for these filters; none when there is none or it cannot be read. */
  async recall(filters: SessionFilters): Promise<SavedInsights | undefined> {
    if (this.store === undefined) return undefined;
    try {
      return await this.store.read(filtersKey(filters));
    } catch (error) {
      // Only a head start is lost: the fresh result follows as it always did.
      logFailure('reading the saved Insights result', error);
      return undefined;
    }
  }

  /** The result now shown: saved after a while if it is complete and nothing replaces it. */
  latest(result: InsightsResult): void {
    this.cancel();
    const store = this.store;
    if (store === undefined || result.partial) return;
    const savedAt = this.now();
    this.timer = setTimeout(() => {
      this.timer = null;
      runDetached('saving the Insights result', store.write({ savedAt, result }));
    }, this.afterMs);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
