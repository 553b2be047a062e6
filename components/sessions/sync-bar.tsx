/**
 * One line on the state of the cache: last sync, progress while syncing, and "Sync now". The
 * last error shows in full on a line of its own, with what to do next (Retry, Settings), since
 * a cut-off error cannot be acted on. Before set-up there is nothing to sync: the line says so
 * and offers "Set up" (or nothing, when the page shows that action already).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatCount, formatExact, formatRelative } from '../../utils/format';
import { t } from '../../utils/i18n';
import { isSyncRunning, type SyncView, syncProgress } from '../shared/sync-state';
import { useSessionsEnv } from './env';
import './sync-bar.css';

/** What the background's refusal to sync means for the admin, in their language. */
function answerFor(result: unknown): string | null {
  if (result === 'not-configured') return t('sessions.sync.notConfigured');
  if (result === 'paused') return t('sessions.sync.pausedAnswer');
  if (result === 'busy') return t('sessions.sync.busy');
  return null;
}

export function SyncBar(props: {
  info: SyncView;
  now: number;
  configured: boolean | null;
  /** The page offers "Set up" itself (the empty list does): the bar does not repeat it. */
  setUpShownElsewhere?: boolean;
}) {
  const { info, now } = props;
  const env = useSessionsEnv();
  const [asking, setAsking] = useState(false);
  const [answer, setAnswer] = useState<string | null>(null);
  const syncing = isSyncRunning(info, now);
  const { done, total } = syncProgress(info.states);
  const { status } = info;
  const error = status.lastError;
  // An error older than the last success is history, not news.
  const showError = error !== null && (status.lastSuccessAt ?? 0) <= error.at;

  const syncNow = () => {
    setAsking(true);
    setAnswer(null);
    env.syncNow().then(
      (result) => {
        setAsking(false);
        const answer = answerFor(result);
        if (answer) setAnswer(answer);
      },
      () => {
        setAsking(false);
        setAnswer(t('sessions.sync.noAnswer'));
      },
    );
  };

  let state: ComponentChildren;
  if (syncing) {
    state = (
      <span class="sync-state syncing">
        <span class="spinner" aria-hidden="true" />
        {total > 0 ? (
          <>
            {t('sessions.sync.syncingOf', [formatCount(Math.min(done, total)), formatCount(total)])}
            <progress
              class="sync-progress"
              max={total}
              value={Math.min(done, total)}
              aria-label={t('sessions.sync.progress')}
            />
          </>
        ) : done > 0 ? (
          t('sessions.sync.syncingCount', done, [formatCount(done)])
        ) : (
          t('sessions.sync.syncing')
        )}
      </span>
    );
  } else if (status.lastSuccessAt !== null) {
    state = (
      <span class="sync-state">
        {t('sessions.sync.synced')}{' '}
        <time
          dateTime={new Date(status.lastSuccessAt).toISOString()}
          title={formatExact(status.lastSuccessAt)}
        >
          {formatRelative(status.lastSuccessAt, now)}
        </time>
      </span>
    );
  } else {
    state = (
      <span class="sync-state muted">{info.loaded ? t('sessions.sync.notSynced') : ' '}</span>
    );
  }

  const notSetUp = props.configured === false;
  const problem = notSetUp
    ? null
    : status.pausedReason && !syncing
      ? { title: t('sessions.sync.paused'), text: status.pausedReason }
      : showError && error && !syncing
        ? { title: t('sessions.sync.failed'), text: error.message }
        : null;

  return (
    <>
      <div class="sync-bar">
        {state}
        {notSetUp ? (
          <span class="sync-note">
            {t('sessions.sync.notSetUp')}{' '}
            {props.setUpShownElsewhere ? null : (
              <button type="button" class="link-button" onClick={env.openWelcome}>
                {t('sessions.sync.setUp')}
              </button>
            )}
          </span>
        ) : null}
        {!problem && status.notice ? (
          <span class="sync-note" role="status" title={status.notice}>
            {status.notice}
          </span>
        ) : null}
        {answer ? (
          <span class="sync-note" role="status">
            {answer}
          </span>
        ) : null}
        {notSetUp || problem ? null : (
          <button type="button" class="sync-now" onClick={syncNow} disabled={syncing || asking}>
            {syncing || asking ? t('sessions.sync.syncing') : t('sessions.sync.syncNow')}
          </button>
        )}
      </div>
      {/* A row of its own under the header (the header wraps), the width of the page. */}
      {problem ? (
        <div class="sync-problem" role="alert">
          <p class="sync-problem-text">
            <strong>{problem.title}</strong> <span>{problem.text}</span>
          </p>
          <span class="sync-problem-actions">
            <button type="button" onClick={syncNow} disabled={asking}>
              {asking ? t('sessions.sync.retrying') : t('sessions.sync.retry')}
            </button>
            <button type="button" onClick={env.openOptions}>
              {t('sessions.sync.settings')}
            </button>
          </span>
        </div>
      ) : null}
    </>
  );
}
