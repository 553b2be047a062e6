/**
 * The line over the list: how many sessions are shown (of how many cached), their ACUs and
 * how many of each status, each a filter in one click ("Error 296"). Screen readers hear it as
 * the list's description and as a status when it changes.
 */
import type { SessionTotals } from '../../utils/filters/totals';
import { formatAcus, formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { statusWord } from '../../utils/status-words';
import './totals-bar.css';

export interface TotalsBarProps {
  /** Nothing to total (before set-up, nothing cached): the line is left out. */
  hidden?: boolean;
  totals: SessionTotals | null;
  /** Every cached row has been read: until then the totals would count only the first screen. */
  complete: boolean;
  /** Rows in the cache, known before they are read. */
  count: number | null;
  /** The statuses filtered on: each status count is a button that adds or removes its own. */
  selectedStatuses: readonly string[];
  onToggleStatus: (status: string) => void;
  /** Saves the sessions shown, in the list's order, with readable columns. */
  onExport: (format: 'csv' | 'json') => void;
}

export function TotalsBar(props: TotalsBarProps) {
  const { totals } = props;
  if (props.hidden) return null;
  if (!totals || !props.complete) {
    return (
      <div class="totals muted" id="sessions-totals">
        {props.count !== null && props.count > 0
          ? t('sessions.totals.reading', [formatCount(props.count)])
          : ' '}
      </div>
    );
  }
  const statuses = Object.entries(totals.byStatus).sort((a, b) => b[1] - a[1]);
  return (
    <div class="totals" id="sessions-totals">
      <span role="status" class="totals-main">
        <strong data-testid="sessions-count" data-count={totals.sessions}>
          {t('common.sessionCount', totals.sessions, [formatCount(totals.sessions)])}
        </strong>
        {props.count !== null && props.count !== totals.sessions ? (
          <span class="muted">{t('sessions.totals.ofCached', [formatCount(props.count)])}</span>
        ) : null}
        {' · '}
        <strong>{t('sessions.totals.acus', [formatAcus(totals.acus)])}</strong>
      </span>
      {totals.sessions > 0 ? (
        <span class="totals-export">
          <button
            type="button"
            class="link-button"
            aria-label={t('sessions.totals.exportCsv', totals.sessions, [
              formatCount(totals.sessions),
            ])}
            onClick={() => props.onExport('csv')}
          >
            CSV
          </button>
          <button
            type="button"
            class="link-button"
            aria-label={t('sessions.totals.exportJson', totals.sessions, [
              formatCount(totals.sessions),
            ])}
            onClick={() => props.onExport('json')}
          >
            JSON
          </button>
        </span>
      ) : null}
      <span class="totals-status">
        {statuses.map(([status, n]) => {
          const selected = props.selectedStatuses.includes(status);
          return (
            <button
              type="button"
              key={status}
              class={`totals-chip status-${status}`}
              aria-pressed={selected}
              title={
                selected
                  ? t('sessions.totals.showEveryStatus')
                  : t('sessions.totals.showOnly', [statusWord(status)])
              }
              onClick={() => props.onToggleStatus(status)}
            >
              {statusWord(status)} {formatCount(n)}
            </button>
          );
        })}
      </span>
    </div>
  );
}
