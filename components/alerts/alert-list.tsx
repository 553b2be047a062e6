/**
 * The alerts that need the admin, above the session list in the popup and the full tab: each
 * opens its session or organization, and can be snoozed or dismissed. Reads the `alerts` table
 * through a live query; the background writes it (after each sync, and on Dismiss/Snooze).
 */
import { useState } from 'preact/hooks';
import type { AlertAction } from '../../utils/alerts/store';
import { type NewestAlerts, readNewestActiveAlerts } from '../../utils/alerts/store';
import type { AlertRow, AlertTarget } from '../../utils/alerts/types';
import type { Session } from '../../utils/api/schemas';
import { readSessionsById } from '../../utils/db/reads';
import type { DevinDatabase } from '../../utils/db/schema';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { useDatabase } from '../sessions/env';
import { StopSession } from '../sessions/stop-session';
import { useLiveQuery } from '../shared/use-live-query';
import './alert-list.css';

const NO_ALERTS: NewestAlerts = { alerts: [], count: 0 };
const NO_SESSIONS = new Map<string, Session>();

/** The cached sessions of session alerts, as they are now (a stop shows at once). */
async function readAlertSessions(
  db: DevinDatabase,
  alerts: readonly AlertRow[],
): Promise<Map<string, Session>> {
  const ids = alerts.flatMap((a) => (a.target.type === 'session' ? [a.target.sessionId] : []));
  const found = await readSessionsById(db, ids);
  return new Map(found.flatMap((detail) => (detail ? [[detail.session_id, detail.session]] : [])));
}

export interface AlertListProps {
  /** Opens the alert's session or organization in the page's own view. */
  onOpen: (target: AlertTarget) => void;
  /**
   * `banner`: a band above the list, open (the tab has room). `popover`: one button in the
   * popup's header whose list opens over the sessions, so the list keeps its height.
   */
  variant: 'banner' | 'popover';
  /** Dismisses or snoozes; the background by default. */
  act?: (id: string, action: AlertAction) => Promise<unknown>;
}

const askBackground = (id: string, action: AlertAction) =>
  sendMessage('alertAction', { id, action });

/**
 * Alerts listed until "Show all" is pressed: a first sync over a large cache can raise hundreds,
 * and the band sits above the list on every render of the page.
 */
const SHOWN_AT_FIRST: Record<AlertListProps['variant'], number> = { banner: 3, popover: 10 };

export function AlertList(props: AlertListProps) {
  const db = useDatabase();
  const [showAll, setShowAll] = useState(false);
  const limit = SHOWN_AT_FIRST[props.variant];
  // Until "Show all", only the alerts listed are read into memory (and counted).
  const { alerts: shown, count } = useLiveQuery(
    db ? () => readNewestActiveAlerts(db, showAll ? Number.POSITIVE_INFINITY : limit) : null,
    [db, showAll, limit],
    NO_ALERTS,
  );
  // Only the sessions of the alerts shown are read (for their Stop buttons).
  const sessions = useLiveQuery(
    db && shown.length > 0 ? () => readAlertSessions(db, shown) : null,
    [db, shown],
    NO_SESSIONS,
  );
  const [failure, setFailure] = useState<string | null>(null);
  if (count === 0) return null;
  const act = props.act ?? askBackground;

  const onAct = (id: string, action: AlertAction) => {
    setFailure(null);
    act(id, action).catch(() => setFailure(t('alerts.changeFailed')));
  };

  return (
    <details
      class={`alert-list alert-${props.variant}`}
      open={props.variant === 'banner'}
      onKeyDown={(event) => {
        // A popover closes on Escape, as menus do; focus goes back to its button.
        if (props.variant !== 'popover' || event.key !== 'Escape') return;
        const details = event.currentTarget;
        if (!details.open) return;
        event.stopPropagation();
        details.open = false;
        details.querySelector('summary')?.focus();
      }}
    >
      <summary>{t('alerts.needYou', count, [formatCount(count)])}</summary>
      <div class="alert-panel">
        <ul aria-label={t('alerts.heading')}>
          {shown.map((alert) => (
            <li key={alert.id} class={`alert-item alert-${alert.kind}`}>
              <div class="alert-text">
                <button
                  type="button"
                  class="alert-open"
                  title={
                    alert.target.type === 'session'
                      ? t('alerts.openSession')
                      : t('alerts.showOrgSessions')
                  }
                  onClick={() => props.onOpen(alert.target)}
                >
                  {alert.title}
                </button>
                <span class="alert-detail muted">{alert.detail}</span>
                {alert.target.type === 'session' && sessions.get(alert.target.sessionId) ? (
                  <AlertStop session={sessions.get(alert.target.sessionId) as Session} />
                ) : null}
              </div>
              <div class="alert-actions">
                <button
                  type="button"
                  aria-label={t('alerts.snoozeLabel', [alert.title])}
                  title={t('alerts.snoozeTitle')}
                  onClick={() => onAct(alert.id, 'snooze')}
                >
                  {t('alerts.snooze')}
                </button>
                <button
                  type="button"
                  aria-label={t('alerts.dismissLabel', [alert.title])}
                  title={t('alerts.dismissTitle')}
                  onClick={() => onAct(alert.id, 'dismiss')}
                >
                  {t('alerts.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
        {count > limit ? (
          <button
            type="button"
            class="link-button show-all"
            aria-expanded={showAll}
            onClick={() => setShowAll(!showAll)}
          >
            {showAll
              ? t('alerts.showFirst', [formatCount(limit)])
              : t('alerts.showAll', [formatCount(count)])}
          </button>
        ) : null}
        <div role="alert">{failure ? <p class="alert-failure">{failure}</p> : null}</div>
      </div>
    </details>
  );
}

function AlertStop(props: { session: Session }) {
  const { session } = props;
  const name = session.title || session.initial_user_message?.split('\n')[0] || session.session_id;
  return (
    <StopSession
      sessionId={session.session_id}
      name={name}
      acus={session.acus_consumed}
      status={session.status}
    />
  );
}
