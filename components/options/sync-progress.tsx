/** Where sync stands: overall, then per organization, with progress of a pass under way. */
import type { OrgSyncState, SyncPass } from '../../utils/db/types';
import { formatCount, formatDateTime, formatRelative } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { SyncView } from '../shared/sync-state';
import './feedback.css';
import './organization-label.css';
import './sync-progress.css';

function passText(pass: SyncPass): string {
  if (pass.kind === 'backfill') {
    // As in syncProgress: the count can pass the total the first page reported.
    const total = Math.max(pass.total, pass.sessionsDone);
    return pass.total > 0
      ? t('options.progress.backfillOf', total, [
          formatCount(total),
          formatCount(pass.sessionsDone),
        ])
      : t('options.progress.backfill', pass.sessionsDone, [formatCount(pass.sessionsDone)]);
  }
  return t('options.progress.changes', pass.sessionsDone, [formatCount(pass.sessionsDone)]);
}

/** What the section's alert line says (see SyncProblem), so an organization need not say it too. */
function messagesShownAbove(view: SyncView, running: boolean): string[] {
  if (running) return [];
  const { status } = view;
  return [status.pausedReason, status.lastError?.message].filter((message): message is string =>
    Boolean(message),
  );
}

function OrgProgress(props: {
  orgId: string;
  name: string | null;
  state: OrgSyncState | undefined;
  now: number;
  /** Errors already said above the list: an organization that met one points to it. */
  shownAbove: readonly string[];
}) {
  const { state } = props;
  const pass = state?.pass;
  return (
    <li class="org-progress">
      <div class="org-progress-head">
        <span class="org-name">{props.name ?? props.orgId}</span>
        {props.name ? (
          <span class="org-id mono" title={props.orgId}>
            {props.orgId}
          </span>
        ) : null}
      </div>
      {pass ? (
        <div class="progress-line">
          <progress
            max={pass.total > 0 ? pass.total : undefined}
            value={pass.total > 0 ? Math.min(pass.sessionsDone, pass.total) : undefined}
            aria-label={t('options.progress.orgLabel', [props.name ?? props.orgId])}
          />
          <span>
            {passText(pass)} ·{' '}
            {t('options.progress.pages', pass.pagesDone, [formatCount(pass.pagesDone)])}
          </span>
        </div>
      ) : state?.lastError ? (
        <p class="error-text">
          {props.shownAbove.some((said) => said.includes(state.lastError?.message ?? ''))
            ? t('options.progress.errorAbove')
            : state.lastError.message}
        </p>
      ) : state?.lastSuccessAt ? (
        <p class="muted">
          {t('options.progress.upToDateSynced', [formatRelative(state.lastSuccessAt, props.now)])}
        </p>
      ) : (
        <p class="muted">{t('options.progress.notSyncedYet')}</p>
      )}
      {state?.notice ? <p class="notice notice-warning">{state.notice}</p> : null}
      {state && state.skippedCount > 0 ? (
        <details class="skipped">
          <summary>
            {t('options.progress.skipped', state.skippedCount, [formatCount(state.skippedCount)])}
          </summary>
          <ul>
            {state.skipped.map((record, index) => (
              <li key={`${record.sessionId}-${index}`}>
                <span class="mono">{record.sessionId ?? t('options.progress.noId')}</span>:{' '}
                {record.reason}
              </li>
            ))}
            {state.skippedCount > state.skipped.length ? (
              <li class="muted">
                {t('options.progress.more', state.skippedCount - state.skipped.length, [
                  formatCount(state.skippedCount - state.skipped.length),
                ])}
              </li>
            ) : null}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

/**
 * The overall line. Only the state word is a live region, so a screen reader hears "Syncing…"
 * and its outcome, not every tick of "3 minutes ago".
 */
export function SyncSummary(props: { view: SyncView; running: boolean; now: number }) {
  const { status, loaded } = props.view;
  const state = !loaded
    ? t('options.progress.reading')
    : props.running
      ? t('options.progress.syncing')
      : status.pausedReason
        ? t('options.progress.paused')
        : status.lastError
          ? t('options.progress.failed')
          : status.lastSuccessAt
            ? t('options.progress.upToDate')
            : t('options.progress.notSyncedYet');
  return (
    <p class="sync-summary">
      {props.running ? <span class="spinner" aria-hidden="true" /> : null}
      <span role="status" aria-live="polite">
        {state}
      </span>
      {loaded && status.lastSuccessAt ? (
        <span class="sync-last">
          {t('options.progress.lastSuccess', [
            formatRelative(status.lastSuccessAt, props.now),
            formatDateTime(status.lastSuccessAt),
          ])}
        </span>
      ) : null}
    </p>
  );
}

export function SyncProblem(props: { view: SyncView; running: boolean }) {
  const { status } = props.view;
  // Said while the cache is filled again too: that is when the emptied list needs explaining.
  if (status.notice && !status.lastError && !status.pausedReason) {
    return <p class="notice">{status.notice}</p>;
  }
  if (props.running) return null;
  if (status.pausedReason) {
    return (
      <p class="notice notice-error">{t('options.progress.pausedReason', [status.pausedReason])}</p>
    );
  }
  if (status.lastError) {
    return (
      <p class="notice notice-error">
        {t('options.progress.lastFailed', [status.lastError.message])}
      </p>
    );
  }
  return null;
}

export function OrgProgressList(props: {
  orgIds: readonly string[];
  names: ReadonlyMap<string, string | null>;
  view: SyncView;
  running: boolean;
  now: number;
}) {
  const byOrg = new Map(props.view.states.map((state) => [state.org_id, state]));
  const orgIds = [...new Set([...props.orgIds, ...byOrg.keys()])];
  if (orgIds.length === 0) return null;
  const shownAbove = messagesShownAbove(props.view, props.running);
  return (
    <ul class="progress-list" aria-label={t('options.progress.byOrg')}>
      {orgIds.map((orgId) => (
        <OrgProgress
          key={orgId}
          orgId={orgId}
          name={props.names.get(orgId) ?? null}
          state={byOrg.get(orgId)}
          now={props.now}
          shownAbove={shownAbove}
        />
      ))}
    </ul>
  );
}
