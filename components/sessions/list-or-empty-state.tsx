/**
 * What the list region shows: the list, or why there is none to show yet (no API key, the
 * first sync under way, nothing matches the filters, ...). The cases are tried in one order,
 * in one place, so the page never says two of them at once or the wrong one while loading.
 */
import type { ComponentChildren } from 'preact';
import type { SessionRow } from '../../utils/db/types';
import { clearFilters, countActiveFilters, type SessionFilters } from '../../utils/filters/model';
import { formatCount, formatExact, formatRelative } from '../../utils/format';
import { t } from '../../utils/i18n';
import { isSyncRunning, type SyncView, syncProgress } from '../shared/sync-state';
import { useSessionsEnv } from './env';
import './list-or-empty-state.css';

export interface ListOrEmptyStateProps {
  /** The rows that pass the filters; null until known. */
  rows: SessionRow[] | null;
  /** Every cached row has been read (not only the first screen). */
  complete: boolean;
  /** Rows in the cache, known before they are read. */
  count: number | null;
  /** An API key is set; null until known. */
  configured: boolean | null;
  syncView: SyncView;
  now: number;
  filters: SessionFilters;
  onFiltersChange: (filters: SessionFilters) => void;
  /** Draws the list, given rows to show. */
  list: (rows: SessionRow[]) => ComponentChildren;
}

export function ListOrEmptyState(props: ListOrEmptyStateProps) {
  const { rows, count, configured, syncView, now, filters } = props;
  const env = useSessionsEnv();
  const sync = () => void env.syncNow();
  const clear = () => props.onFiltersChange(clearFilters(filters));

  if (configured === false && count === 0) return <NoKey onSetUp={env.openWelcome} />;
  if (count === 0 && (configured === null || !syncView.loaded)) {
    // Not known yet whether a key is set or a sync ran: say nothing rather than the wrong thing.
    return <p class="empty muted">{t('sessions.empty.loading')}</p>;
  }
  if (count === 0) {
    return <NeverSynced info={syncView} syncing={isSyncRunning(syncView, now)} onSync={sync} />;
  }
  if (rows === null || (rows.length === 0 && !props.complete)) {
    return <p class="empty muted">{t('sessions.empty.loadingSessions')}</p>;
  }
  if (rows.length === 0 && filters.prKey) {
    return (
      <NoLinkedSessions
        lastSuccessAt={syncView.status.lastSuccessAt}
        now={now}
        onSync={sync}
        onClear={clear}
      />
    );
  }
  if (rows.length === 0) return <NoMatch active={countActiveFilters(filters)} onClear={clear} />;
  return props.list(rows);
}

/** Before set-up: what to do, in one sentence, and the one button that starts it. */
function NoKey(props: { onSetUp: () => void }) {
  return (
    <div class="empty">
      <h3>{t('welcome.popup.title')}</h3>
      <p class="muted">{t('welcome.popup.text')}</p>
      <button type="button" class="primary" onClick={props.onSetUp}>
        {t('welcome.popup.button')}
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
        <h3>{t('sessions.empty.firstSyncTitle')}</h3>
        <p class="muted">
          {total > 0
            ? t('sessions.empty.downloaded', [formatCount(done), formatCount(total)])
            : t('sessions.empty.fetchingFirst')}{' '}
          {t('sessions.empty.appearAsArrive')}
        </p>
        {total > 0 ? (
          <progress
            class="big-progress"
            max={total}
            value={Math.min(done, total)}
            aria-label={t('sessions.empty.firstSyncProgress')}
          />
        ) : null}
      </div>
    );
  }
  if (info.status.lastSuccessAt !== null) {
    return (
      <div class="empty">
        <h3>{t('sessions.empty.noSessionsTitle')}</h3>
        <p class="muted">{t('sessions.empty.noSessionsText')}</p>
        <button type="button" onClick={props.onSync}>
          {t('sessions.sync.syncNow')}
        </button>
      </div>
    );
  }
  return (
    <div class="empty">
      <h3>{t('sessions.empty.notSyncedTitle')}</h3>
      {info.status.lastError ? (
        <p class="error-text">{info.status.lastError.message}</p>
      ) : (
        <p class="muted">{t('sessions.empty.afterFirstSync')}</p>
      )}
      <button type="button" class="primary" onClick={props.onSync}>
        {t('sessions.sync.syncNow')}
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
      <h3>{t('sessions.empty.noLinkedTitle')}</h3>
      <p class="muted">
        {props.lastSuccessAt === null
          ? t('sessions.empty.neverSynced')
          : t('sessions.empty.lastSynced', [
              formatRelative(props.lastSuccessAt, props.now),
              formatExact(props.lastSuccessAt),
            ])}{' '}
        {t('sessions.empty.mayAppear')}
      </p>
      <button type="button" class="primary" onClick={props.onSync}>
        {t('sessions.sync.syncNow')}
      </button>{' '}
      <button type="button" onClick={props.onClear}>
        {t('sessions.empty.showAll')}
      </button>
    </div>
  );
}

function NoMatch(props: { active: number; onClear: () => void }) {
  return (
    <div class="empty">
      <h3>{t('sessions.empty.noMatchTitle')}</h3>
      <p class="muted">
        {props.active > 0 ? t('sessions.empty.noMatchFiltered') : t('sessions.empty.noMatchEmpty')}
      </p>
      {props.active > 0 ? (
        <button type="button" class="primary" onClick={props.onClear}>
          {t('sessions.empty.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
