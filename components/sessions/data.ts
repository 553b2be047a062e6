/**
 * The session browser's reads from IndexedDB. Everything is a live query: whoever writes (the
 * background's sync, usually) the views follow. While a sync writes page after page the full
 * list is re-read at most once a second (less often when a read is slow), and a first screenful
 * (the newest rows, kept by the sync) shows before 50,000 rows are deserialized.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type FirstScreen, readFirstScreen } from '../../utils/db/first-screen';
import { readCacheSummary, readSessionRows } from '../../utils/db/reads';
import type { DevinDatabase } from '../../utils/db/schema';
import type { SessionRow } from '../../utils/db/types';
import type { SearchIndex } from '../../utils/filters/match';
import type { SortOrder } from '../../utils/filters/model';
import { SearchIndexLoader, searchTextSource } from '../../utils/filters/search-index';
import { logFailure } from '../../utils/log';
import { useLiveQuery } from '../shared/use-live-query';

/** The least time between two full reads; a slow read (50,000 rows) spaces them further. */
const RELOAD_INTERVAL_MS = 1000;

interface TableVersion {
  count: number;
  key: string;
}

/** The cache summary's version moves with every change to the cached sessions. */
function useSessionsVersion(db: DevinDatabase | null): TableVersion | null {
  return useLiveQuery<TableVersion | null>(
    db &&
      (async () => {
        const summary = await readCacheSummary(db);
        return { count: summary.sessions, key: String(summary.version) };
      }),
    [db],
    null,
  );
}

export interface SessionRows {
  /** Every cached row, or null until the first full read. */
  all: SessionRow[] | null;
  /** The newest rows, when the list is sorted by update; shown until `all` arrives. */
  preview: SessionRow[] | null;
  /** Rows in the cache (known before they are read). */
  count: number | null;
}

export interface FirstScreenState {
  screen: FirstScreen | null;
  /** The read is over (there may be no first screen: nothing synced yet). */
  settled: boolean;
}

let markFirstScreenRead: () => void = () => {};
const firstScreenRead = new Promise<void>((resolve) => {
  markFirstScreenRead = resolve;
});

/**
 * Resolves once the page's session browser has read its first screen (or found none): what
 * is not needed for the first rows (the popup's alerts) waits for it rather than competing.
 */
export function afterFirstScreen(): Promise<void> {
  return firstScreenRead;
}

/** The first screen, read with plain IndexedDB before the database is loaded. */
export function useFirstScreen(databaseName: string): FirstScreenState {
  const [state, setState] = useState<FirstScreenState>({ screen: null, settled: false });
  // A layout effect: it subscribes before the first frame is painted, so rows that arrive
  // meanwhile are rendered at once. An ordinary effect would subscribe only after that frame,
  // and the first rows would wait for it and for the next one.
  useLayoutEffect(() => {
    let active = true;
    void readFirstScreen(databaseName).then((screen) => {
      if (active) setState({ screen, settled: true });
      markFirstScreenRead();
    });
    return () => {
      active = false;
    };
  }, [databaseName]);
  return state;
}

/** `db` is null until the page has loaded the database; `first` is shown until then. */
export function useSessionRows(
  db: DevinDatabase | null,
  first: FirstScreen | null,
  sort: SortOrder,
): SessionRows {
  const version = useSessionsVersion(db);
  const [all, setAll] = useState<SessionRow[] | null>(null);

  // Outlives effect runs: a read in flight when the table changes again is followed by another.
  const reader = useRef({
    busy: false,
    mounted: true,
    wanted: null as string | null,
    loaded: null as string | null,
    lastAt: 0,
    lastTook: 0,
    /** The last read found no rows: the next change is read at once (the first rows). */
    empty: false,
    timer: 0 as ReturnType<typeof setTimeout> | 0,
  });

  // The first screenful: the sync keeps the newest rows apart, the list's default order.
  const previewUsable = sort.field === 'updated' && sort.dir === 'desc';

  useEffect(() => {
    const state = reader.current;
    state.mounted = true;
    return () => {
      state.mounted = false;
      if (state.timer) clearTimeout(state.timer);
    };
  }, []);

  // Every row, re-read when the table changes, at most once per interval.
  useEffect(() => {
    if (version === null || db === null) return;
    const state = reader.current;
    state.wanted = version.key;
    const pump = () => {
      if (state.busy || !state.mounted || state.loaded === state.wanted) return;
      // Re-reads are spaced out while a sync writes page after page; the first rows of a new
      // cache are shown as soon as they are stored, not a second later.
      const interval = state.empty ? 0 : Math.max(RELOAD_INTERVAL_MS, 2 * state.lastTook);
      const wait = state.lastAt + interval - Date.now();
      if (wait > 0) {
        if (state.timer) clearTimeout(state.timer);
        state.timer = setTimeout(pump, wait);
        return;
      }
      const key = state.wanted;
      const startedAt = Date.now();
      state.busy = true;
      readSessionRows(db)
        .then((rows) => {
          if (state.mounted) setAll(rows);
          state.loaded = key;
          state.empty = rows.length === 0;
        })
        .catch((error: unknown) => logFailure('reading the sessions', error))
        .finally(() => {
          state.busy = false;
          state.lastAt = Date.now();
          state.lastTook = state.lastAt - startedAt;
          pump();
        });
    };
    pump();
  }, [db, version?.key]);

  return {
    all,
    preview: all === null && previewUsable ? (first?.rows ?? null) : null,
    count: version?.count ?? first?.sessions ?? null,
  };
}

/**
 * The full search texts, loaded on the first search (`wanted`) and then kept current with the
 * rows. Until it arrives a search looks at what the rows hold (title, first line, tags, ids).
 */
export function useSearchIndex(
  db: DevinDatabase | null,
  rows: readonly SessionRow[] | null,
  wanted: boolean,
): SearchIndex | null {
  const loader = useMemo(() => (db ? new SearchIndexLoader(searchTextSource(db)) : null), [db]);
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const started = wanted || (loader !== null && loader.current !== null);
  useEffect(() => {
    if (loader === null || !started || rows === null) return;
    let active = true;
    void loader.refresh(rows).then((next) => {
      if (active) setIndex(next);
    });
    return () => {
      active = false;
    };
  }, [loader, rows, started]);
  return index;
}
