/**
 * The session browser: sync state, search and filters, the virtualized list with its totals,
 * and a session's detail. The popup stacks the detail over the list (the list stays mounted,
 * so its scroll position survives); the full tab shows them side by side.
 *
 * The caller owns the filters and the open session (the popup keeps them in storage, the tab
 * in its URL) and passes the database and browser actions through SessionsEnvContext.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SessionRow } from '../../utils/db/types';
import { createIncrementalFilter, filterRows, sortRows } from '../../utils/filters/match';
import { clearFilters, countActiveFilters, type SessionFilters } from '../../utils/filters/model';
import {
  collectFacets,
  computeTotals,
  type SessionTotals,
  TotalsColumns,
} from '../../utils/filters/totals';
import { filtersKey } from '../../utils/filters/url';
import { useDirectory } from '../shared/directory';
import { isSyncRunning, type SyncView, syncProgress, useSyncView } from '../shared/sync-state';
import { useNow } from '../shared/use-now';
import { useFirstScreen, useSearchIndex, useSessionRows } from './data';
import { useDatabase, useSessionsEnv } from './env';
import { FilterBar } from './filter-bar';
import {
  formatAcus,
  formatCount,
  formatExact,
  formatRelative,
  plural,
  statusLabel,
} from './format';
import { LazySessionDetail } from './lazy-detail';
import { type Reveal, SessionList } from './session-list';
import { SyncBar } from './sync-bar';

export type Layout = 'popup' | 'tab';

export interface SessionBrowserProps {
  layout: Layout;
  filters: SessionFilters;
  onFiltersChange: (filters: SessionFilters) => void;
  openId: string | null;
  onOpenChange: (id: string | null) => void;
  /** Extra header controls ("Open in tab"). */
  actions?: ComponentChildren;
}

const ROW_HEIGHT: Record<Layout, number> = { popup: 50, tab: 54 };
/** Rows a search's first pass finds beyond the last one in view: a screen's worth of scrolling. */
const FIRST_PASS_EXTRA_ROWS = 30;
const MINUTE = 60_000;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

function useConfigured(): boolean | null {
  const env = useSessionsEnv();
  const [configured, setConfigured] = useState<boolean | null>(null);
  useEffect(() => env.watchConfigured(setConfigured), [env]);
  return configured;
}

export function SessionBrowser(props: SessionBrowserProps) {
  const { layout, filters, onFiltersChange, openId, onOpenChange } = props;
  const env = useSessionsEnv();
  const first = useFirstScreen(env.databaseName);
  const db = useDatabase(first.settled);
  const now = useNow(15_000);
  // Relative date filters move once a minute, not on every render.
  const filterNow = Math.floor(now / MINUTE) * MINUTE;
  const configured = useConfigured();
  const syncView = useSyncView(db);
  const directory = useDirectory(db);
  const rows = useSessionRows(db, first.screen, filters.sort);

  const [searchWanted, setSearchWanted] = useState(false);
  const searchIndex = useSearchIndex(db, rows.all, searchWanted || filters.text.trim() !== '');

  const sorted = useMemo(
    () => (rows.all ? sortRows(rows.all, filters.sort) : null),
    [rows.all, filters.sort.field, filters.sort.dir],
  );
  const incremental = useMemo(() => createIncrementalFilter(), []);
  const key = filtersKey(filters);
  // A search first finds the rows the list can show (those in view and a screen more), so a
  // keystroke repaints the list at once; the rest of the result follows after that frame.
  const lastRowInView = useRef(0);
  const firstPass = useMemo<SessionRow[] | null>(() => {
    const firstRows = lastRowInView.current + 1 + FIRST_PASS_EXTRA_ROWS;
    if (sorted) return incremental(sorted, filters, searchIndex, filterNow, { firstRows });
    if (rows.preview) return filterRows(rows.preview, filters, null, filterNow);
    return null;
  }, [sorted, rows.preview, key, searchIndex, filterNow]);
  const [finished, setFinished] = useState<{ of: SessionRow[]; rows: SessionRow[] } | null>(null);
  const partial = firstPass !== null && incremental.isPartial(firstPass);
  useEffect(() => {
    // Preact runs effects after the frame is painted.
    if (firstPass && incremental.isPartial(firstPass)) {
      setFinished({ of: firstPass, rows: incremental.finish(firstPass) });
    }
  }, [firstPass]);
  const visible = finished?.of === firstPass ? finished.rows : firstPass;
  const columns = useMemo(() => (sorted ? new TotalsColumns(sorted) : null), [sorted]);
  // While a search is unfinished the totals of the last whole result stay up (for a frame).
  const lastTotals = useRef<SessionTotals | null>(null);
  const totals = useMemo(() => {
    if (!visible || !sorted) return null;
    if (partial) return lastTotals.current;
    const positions = incremental.positionsOf(visible);
    lastTotals.current =
      columns && positions ? columns.totalsAt(positions) : computeTotals(visible);
    return lastTotals.current;
  }, [visible, partial]);
  const facets = useMemo(() => collectFacets(rows.all ?? []), [rows.all]);
  const searchBusy = filters.text.trim() !== '' && rows.all !== null && searchIndex === null;

  // The active row (keyboard selection) is tracked by id so it survives re-filtering.
  const [activeId, setActiveId] = useState<string | null>(openId);
  const activeIndex = useMemo(
    () => (visible && activeId ? visible.findIndex((row) => row.session_id === activeId) : -1),
    [visible, activeId],
  );
  const [reveal, setReveal] = useState<Reveal>({ index: -1, focus: false, center: false, seq: 0 });
  const revealIndex = (index: number, focus: boolean, center = false) =>
    setReveal((previous) => ({ index, focus, center, seq: previous.seq + 1 }));

  // A session opened from outside (a link with ?session=) is brought into view once listed.
  const revealedOpen = useRef<string | null>(null);
  useEffect(() => {
    if (!openId || !visible || revealedOpen.current === openId) return;
    const index = visible.findIndex((row) => row.session_id === openId);
    if (index < 0) return;
    revealedOpen.current = openId;
    setActiveId(openId);
    revealIndex(index, false, true);
  }, [openId, visible]);

  const openRow = useMemo(() => {
    if (!openId) return null;
    return (
      visible?.find((row) => row.session_id === openId) ??
      rows.all?.find((row) => row.session_id === openId) ??
      null
    );
  }, [openId, visible, rows.all]);

  // The tab's title names the open session, so a bookmark of it does too.
  const openTitle = openRow ? openRow.title || openRow.first_line || openRow.session_id : null;
  useEffect(() => {
    if (layout !== 'tab') return;
    document.title = openTitle ? `${openTitle} · Devin sessions` : 'Devin sessions';
  }, [layout, openTitle]);

  const searchRef = useRef<HTMLInputElement>(null);
  const listRegionRef = useRef<HTMLDivElement>(null);

  const open = (index: number) => {
    const row = visible?.[index];
    if (!row) return;
    setActiveId(row.session_id);
    revealedOpen.current = row.session_id;
    onOpenChange(row.session_id);
  };
  const back = () => {
    onOpenChange(null);
    if (activeIndex >= 0) revealIndex(activeIndex, true);
  };
  const move = (delta: number, focusRow: boolean) => {
    if (!visible || visible.length === 0) return;
    const from = activeIndex < 0 ? (delta > 0 ? -1 : visible.length) : activeIndex;
    const index = Math.max(0, Math.min(visible.length - 1, from + delta));
    const row = visible[index];
    if (!row) return;
    setActiveId(row.session_id);
    revealIndex(index, focusRow);
  };

  const handlers = useRef({ open, back, move });
  handlers.current = { open, back, move };
  const state = useRef({ openId, activeIndex, layout });
  state.current = { openId, activeIndex, layout };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const { openId: current, activeIndex: active, layout: where } = state.current;
      const target = event.target as HTMLElement | null;
      const inSearch = target === searchRef.current;
      const inList = Boolean(target && listRegionRef.current?.contains(target));
      const onPage = !target || target === document.body;
      const detailCovers = where === 'popup' && current !== null;

      if (event.key === '/' && !isEditable(target)) {
        event.preventDefault();
        if (detailCovers) handlers.current.back();
        requestAnimationFrame(() => searchRef.current?.focus());
        return;
      }
      if (event.key === 'Escape') {
        if (current !== null) {
          event.preventDefault();
          handlers.current.back();
        }
        return;
      }
      if (detailCovers || !(inSearch || inList || onPage)) return;
      const step: Record<string, number> = {
        ArrowDown: 1,
        ArrowUp: -1,
        PageDown: 10,
        PageUp: -10,
      };
      const delta = step[event.key];
      if (delta !== undefined && !(inSearch && event.key.startsWith('Page'))) {
        event.preventDefault();
        handlers.current.move(delta, inList);
        return;
      }
      // Enter in the search box opens the selected row, or the first one when none is.
      const chosen = active >= 0 ? active : inSearch ? 0 : -1;
      if (event.key === 'Enter' && (inSearch || onPage) && chosen >= 0) {
        event.preventDefault();
        handlers.current.open(chosen);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const count = rows.count;
  const syncing = isSyncRunning(syncView, now);
  const changeFilters = (next: SessionFilters) => onFiltersChange(next);
  const clear = () => onFiltersChange(clearFilters(filters));

  let listBody: ComponentChildren;
  if (configured === false && count === 0) {
    listBody = <NoKey onOpenOptions={env.openOptions} />;
  } else if (count === 0 && (configured === null || !syncView.loaded)) {
    // Not known yet whether a key is set or a sync ran: say nothing rather than the wrong thing.
    listBody = <p class="empty muted">Loading…</p>;
  } else if (count === 0) {
    listBody = <NeverSynced info={syncView} syncing={syncing} onSync={() => void env.syncNow()} />;
  } else if (visible === null || (visible.length === 0 && sorted === null)) {
    listBody = <p class="empty muted">Loading sessions…</p>;
  } else if (visible.length === 0 && filters.prKey) {
    listBody = (
      <NoLinkedSessions
        lastSuccessAt={syncView.status.lastSuccessAt}
        now={now}
        onSync={() => void env.syncNow()}
        onClear={clear}
      />
    );
  } else if (visible.length === 0) {
    listBody = <NoMatch active={countActiveFilters(filters)} onClear={clear} />;
  } else {
    listBody = (
      <SessionList
        rows={visible}
        layout={layout}
        activeIndex={activeIndex}
        openId={openId}
        directory={directory}
        now={now}
        rowHeight={ROW_HEIGHT[layout]}
        lastRowInView={lastRowInView}
        reveal={reveal}
        onActivate={(index) => {
          const row = visible[index];
          if (row) setActiveId(row.session_id);
        }}
        onOpen={open}
        labelledBy="sessions-heading"
        describedBy="sessions-totals"
      />
    );
  }

  const detail = openId ? (
    <LazySessionDetail
      key={openId}
      sessionId={openId}
      row={openRow}
      directory={directory}
      now={now}
      onBack={back}
      autoFocus={layout === 'popup'}
    />
  ) : null;

  const filterBar = (
    <FilterBar
      filters={filters}
      onChange={changeFilters}
      onClear={clear}
      facets={facets}
      directory={directory}
      layout={layout}
      searchRef={searchRef}
      onSearchIntent={() => setSearchWanted(true)}
      searchBusy={searchBusy}
      now={filterNow}
    />
  );

  return (
    <div class={`browser layout-${layout}${openId ? ' has-detail' : ''}`}>
      <header class="top">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true">
            D
          </span>
          Devin sessions
        </h1>
        <SyncBar info={syncView} now={now} configured={configured} />
        {props.actions ? <div class="top-actions">{props.actions}</div> : null}
      </header>
      {/* The tab has room for every filter across the page; the popup keeps them over the list. */}
      {layout === 'tab' ? filterBar : null}
      <div class="panes">
        <div class="list-pane" inert={layout === 'popup' && openId !== null}>
          {layout === 'popup' ? filterBar : null}
          <Totals
            totals={totals}
            shown={visible?.length ?? null}
            complete={sorted !== null}
            count={count}
          />
          <h2 id="sessions-heading" class="visually-hidden">
            Sessions
          </h2>
          <div class="list-region" ref={listRegionRef}>
            {listBody}
          </div>
        </div>
        {layout === 'tab' ? (
          <div class="detail-pane">
            {detail ?? (
              <div class="detail-placeholder muted">
                <p>Select a session to read its details and analysis.</p>
                <p class="keys">
                  <kbd>/</kbd> search · <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open ·{' '}
                  <kbd>Esc</kbd> close
                </p>
              </div>
            )}
          </div>
        ) : detail ? (
          <div class="detail-overlay">{detail}</div>
        ) : null}
      </div>
    </div>
  );
}

function Totals(props: {
  totals: SessionTotals | null;
  shown: number | null;
  complete: boolean;
  count: number | null;
}) {
  const { totals } = props;
  if (!totals || !props.complete) {
    return (
      <div class="totals muted" id="sessions-totals">
        {props.count !== null && props.count > 0
          ? `Reading ${formatCount(props.count)} cached sessions…`
          : ' '}
      </div>
    );
  }
  const statuses = Object.entries(totals.byStatus).sort((a, b) => b[1] - a[1]);
  return (
    <div class="totals" id="sessions-totals">
      <span role="status" class="totals-main">
        <strong data-testid="sessions-count" data-count={totals.sessions}>
          {plural(totals.sessions, 'session')}
        </strong>
        {props.count !== null && props.count !== totals.sessions ? (
          <span class="muted"> of {formatCount(props.count)}</span>
        ) : null}
        {' · '}
        <strong>{formatAcus(totals.acus)}</strong> ACUs
      </span>
      <span class="totals-status">
        {statuses.map(([status, n]) => (
          <span key={status} class={`totals-chip status-${status}`}>
            {statusLabel(status)} {formatCount(n)}
          </span>
        ))}
      </span>
    </div>
  );
}

function NoKey(props: { onOpenOptions: () => void }) {
  return (
    <div class="empty">
      <h3>Connect to Devin</h3>
      <p class="muted">
        Add an enterprise admin API key and choose the organizations to sync. Sessions appear here
        as soon as the first page arrives.
      </p>
      <button type="button" class="primary" onClick={props.onOpenOptions}>
        Open options
      </button>
    </div>
  );
}

function NeverSynced(props: { info: SyncView; syncing: boolean; onSync: () => void }) {
  const { info, syncing } = props;
  const { done, total } = syncProgress(info.states);
  if (syncing) {
    return (
      <div class="empty">
        <h3>First sync in progress</h3>
        <p class="muted">
          {total > 0
            ? `${formatCount(done)} of ${formatCount(total)} sessions downloaded.`
            : 'Fetching the first sessions…'}{' '}
          They appear here as they arrive.
        </p>
        {total > 0 ? (
          <progress
            class="big-progress"
            max={total}
            value={Math.min(done, total)}
            aria-label="First sync progress"
          />
        ) : null}
      </div>
    );
  }
  if (info.status.lastSuccessAt !== null) {
    return (
      <div class="empty">
        <h3>No sessions yet</h3>
        <p class="muted">The synced organizations have no sessions in the history window.</p>
        <button type="button" onClick={props.onSync}>
          Sync now
        </button>
      </div>
    );
  }
  return (
    <div class="empty">
      <h3>Not synced yet</h3>
      {info.status.lastError ? (
        <p class="error-text">{info.status.lastError.message}</p>
      ) : (
        <p class="muted">Sessions appear here after the first sync.</p>
      )}
      <button type="button" class="primary" onClick={props.onSync}>
        Sync now
      </button>
    </div>
  );
}

/** The answer of the PR lookup when no cached session links to the pull request. */
function NoLinkedSessions(props: {
  lastSuccessAt: number | null;
  now: number;
  onSync: () => void;
  onClear: () => void;
}) {
  return (
    <div class="empty">
      <h3>No Devin session is linked to this pull request</h3>
      <p class="muted">
        {props.lastSuccessAt === null
          ? 'Sessions have not been synced yet.'
          : `Last synced ${formatRelative(props.lastSuccessAt, props.now)} (${formatExact(props.lastSuccessAt)}).`}{' '}
        A session that opened it recently may appear after the next sync.
      </p>
      <button type="button" class="primary" onClick={props.onSync}>
        Sync now
      </button>{' '}
      <button type="button" onClick={props.onClear}>
        Show all sessions
      </button>
    </div>
  );
}

function NoMatch(props: { active: number; onClear: () => void }) {
  return (
    <div class="empty">
      <h3>No sessions match</h3>
      <p class="muted">
        {props.active > 0
          ? 'Nothing in the cache passes these filters.'
          : 'Nothing in the cache to show.'}
      </p>
      {props.active > 0 ? (
        <button type="button" class="primary" onClick={props.onClear}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
