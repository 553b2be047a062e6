/**
 * The session browser: sync state, search and filters, the virtualized list with its totals,
 * and a session's detail. The popup stacks the detail over the list (the list stays mounted,
 * so its scroll position survives); the full tab shows them side by side.
 *
 * The caller owns the filters and the open session (the popup keeps them in storage, the tab
 * in its URL) and passes the database and browser actions through SessionsEnvContext. This
 * file only lays the parts out: which rows show is use-visible-sessions.ts, the keys are
 * use-list-keyboard.ts, what shows instead of the list is list-or-empty-state.tsx.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { clearFilters, type SessionFilters } from '../../utils/filters/model';
import { nextSort } from '../../utils/filters/sort';
import { t } from '../../utils/i18n';
import { useDirectory } from '../shared/directory';
import { SkipLink } from '../shared/skip-link';
import { useSyncView } from '../shared/sync-state';
import { useNow } from '../shared/use-now';
import { useFirstScreen } from './data';
import { useDatabase, useSessionsEnv } from './env';
import { exportView } from './export-view';
import { FilterBar } from './filter-bar';
import { TableViewControls } from './layout-switch';
import { LazySessionDetail, useDetailPreload } from './lazy-detail';
import { ListOrEmptyState } from './list-or-empty-state';
import { SessionList } from './session-list';
import { SessionTable } from './session-table';
import { SyncBar } from './sync-bar';
import { TotalsBar } from './totals-bar';
import { useListKeyboard } from './use-list-keyboard';
import { useTableView } from './use-table-view';
import { useVisibleSessions } from './use-visible-sessions';
import './session-browser.css';

export type Layout = 'popup' | 'tab';

export interface SessionBrowserProps {
  layout: Layout;
  filters: SessionFilters;
  onFiltersChange: (filters: SessionFilters) => void;
  openId: string | null;
  onOpenChange: (id: string | null) => void;
  /** Extra header controls ("Open in tab"). */
  actions?: ComponentChildren;
  /** Shown between the header and the list, whatever is open (the alerts). */
  banner?: ComponentChildren;
}

const ROW_HEIGHT: Record<Layout, number> = { popup: 50, tab: 54 };
const MINUTE = 60_000;

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
  useDetailPreload(db !== null);
  const { rows, sorted, visible, totals, facets, searchBusy, lastRowInView, wantSearch } =
    useVisibleSessions(db, first.screen, filters, filterNow, directory);
  // The full tab can show the sessions as a table (components/sessions/session-table.tsx).
  const tableView = useTableView();
  const asTable = layout === 'tab' && tableView.layout === 'table';
  const keyboard = useListKeyboard({
    rows: visible,
    openId,
    onOpenChange,
    detailCoversList: layout === 'popup' && openId !== null,
  });

  const openRow = useMemo(() => {
    if (!openId) return null;
    return (
      visible?.find((row) => row.session_id === openId) ??
      rows.all?.find((row) => row.session_id === openId) ??
      null
    );
  }, [openId, visible, rows.all]);

  // The popup opens ready to type: most visits start with a search. That focus is not a wish
  // to search: the full texts (at 200,000 sessions, most of the popup's memory) load once the
  // person types or moves to the box themselves.
  const autoFocusing = useRef(false);
  useEffect(() => {
    if (layout !== 'popup' || openId !== null) return;
    autoFocusing.current = true;
    keyboard.searchRef.current?.focus();
    autoFocusing.current = false;
  }, []);

  // The tab's title names the open session, so a bookmark of it does too.
  const openTitle = openRow ? openRow.title || openRow.first_line || openRow.session_id : null;
  useEffect(() => {
    if (layout !== 'tab') return;
    document.title = openTitle ? t('sessions.tabTitle', [openTitle]) : t('sessions.pageTitle');
  }, [layout, openTitle]);

  const detail = openId ? (
    <LazySessionDetail
      key={openId}
      sessionId={openId}
      row={openRow}
      directory={directory}
      now={now}
      onBack={keyboard.back}
      onOpenSession={onOpenChange}
      autoFocus={layout === 'popup'}
    />
  ) : null;

  // Before set-up with nothing cached there is nothing to sync or filter: the empty list's
  // "Set up" is the page's one action.
  const setUpOnly = configured === false && rows.count === 0;

  const filterBar = setUpOnly ? null : (
    <FilterBar
      filters={filters}
      onChange={onFiltersChange}
      onClear={() => onFiltersChange(clearFilters(filters))}
      facets={facets}
      directory={directory}
      layout={layout}
      searchRef={keyboard.searchRef}
      onSearchIntent={() => {
        if (!autoFocusing.current) wantSearch();
      }}
      searchBusy={searchBusy}
      now={filterNow}
    />
  );

  return (
    <div
      class={`browser layout-${layout}${openId ? ' has-detail' : ''}${asTable ? ' view-table' : ''}`}
    >
      {layout === 'tab' ? <SkipLink target="sessions-list" /> : null}
      <header class="top">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true">
            D
          </span>
          {t('sessions.brand')}
        </h1>
        <SyncBar
          info={syncView}
          now={now}
          configured={configured}
          setUpShownElsewhere={setUpOnly}
        />
        {layout === 'tab' && !setUpOnly ? <TableViewControls view={tableView} /> : null}
        {/* Insights and "Open in tab" over an empty cache only compete with Set up. */}
        {props.actions && !setUpOnly ? <div class="top-actions">{props.actions}</div> : null}
      </header>
      {props.banner}
      {/* The tab has room for every filter across the page; the popup keeps them over the list. */}
      {layout === 'tab' ? filterBar : null}
      <div class="panes">
        <div class="list-pane" inert={layout === 'popup' && openId !== null}>
          {layout === 'popup' ? filterBar : null}
          <TotalsBar
            hidden={setUpOnly}
            totals={totals}
            complete={sorted !== null}
            count={rows.count}
            selectedStatuses={filters.statuses}
            onExport={(format) => exportView(format, visible ?? [], directory)}
            onToggleStatus={(status) =>
              onFiltersChange({
                ...filters,
                statuses: filters.statuses.includes(status)
                  ? filters.statuses.filter((s) => s !== status)
                  : [...filters.statuses, status],
              })
            }
          />
          <h2 id="sessions-heading" class="visually-hidden">
            {t('sessions.listHeading')}
          </h2>
          <div class="list-region" id="sessions-list" tabIndex={-1} ref={keyboard.listRegionRef}>
            <ListOrEmptyState
              rows={visible}
              complete={sorted !== null}
              count={rows.count}
              configured={configured}
              syncView={syncView}
              now={now}
              filters={filters}
              onFiltersChange={onFiltersChange}
              list={(shown) => {
                const common = {
                  rows: shown,
                  activeIndex: keyboard.activeIndex,
                  openId,
                  directory,
                  now,
                  lastRowInView,
                  reveal: keyboard.reveal,
                  onActivate: keyboard.activate,
                  onOpen: keyboard.open,
                  labelledBy: 'sessions-heading',
                  describedBy: 'sessions-totals',
                };
                return asTable ? (
                  <SessionTable
                    {...common}
                    columns={tableView.columns}
                    onColumnsChange={tableView.setColumns}
                    sort={filters.sort}
                    onSort={(field) =>
                      onFiltersChange({ ...filters, sort: nextSort(filters.sort, field) })
                    }
                  />
                ) : (
                  <SessionList {...common} layout={layout} rowHeight={ROW_HEIGHT[layout]} />
                );
              }}
            />
          </div>
        </div>
        {/* The table takes the whole width until a session is opened beside it. */}
        {layout === 'tab' && (detail || !asTable) ? (
          <div class="detail-pane">
            {detail ?? (
              <div class="detail-placeholder muted">
                <p>{t('sessions.selectHint')}</p>
                <p class="keys">
                  <kbd>/</kbd> {t('sessions.keys.search')} · <kbd>↑</kbd> <kbd>↓</kbd>{' '}
                  {t('sessions.keys.move')} · <kbd>Enter</kbd> {t('sessions.keys.open')} ·{' '}
                  <kbd>Esc</kbd> {t('sessions.keys.close')}
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
