/**
 * One line on the state of the cache: last sync, progress while syncing, and "Sync now". The
 * last error shows in full on a line of its own, with what to do next (Retry, Settings), since
 * a cut-off error cannot be acted on. Before set-up there is nothing to sync: the line says so
 * and offers "Set up" (or nothing, when the page shows that action already).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatCount, formatExact, formatRelative } from '../shared/format';
import { isSyncRunning, type SyncView, syncProgress } from '../shared/sync-state';
import { useSessionsEnv } from './env';
import './sync-bar.css';

const ANSWERS: Record<string, string> = {
  'not-configured': 'Add an API key and an organization in the options page first.',
  paused: 'Sync is paused until the settings change.',
  busy: 'A sync is already running.',
};

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
        if (typeof result === 'string' && ANSWERS[result]) setAnswer(ANSWERS[result]);
      },
      () => {
        setAsking(false);
        setAnswer('The extension’s background did not answer. Try again in a moment.');
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
            Syncing… {formatCount(Math.min(done, total))} of {formatCount(total)}
            <progress
              class="sync-progress"
              max={total}
              value={Math.min(done, total)}
              aria-label="Sync progress"
            />
          </>
        ) : done > 0 ? (
          `Syncing… ${formatCount(done)} sessions`
        ) : (
          'Syncing…'
        )}
      </span>
    );
  } else if (status.lastSuccessAt !== null) {
    state = (
      <span class="sync-state">
        Synced{' '}
        <time
          dateTime={new Date(status.lastSuccessAt).toISOString()}
          title={formatExact(status.lastSuccessAt)}
        >
          {formatRelative(status.lastSuccessAt, now)}
        </time>
      </span>
    );
  } else {
    state = <span class="sync-state muted">{info.loaded ? 'Not synced yet' : ' '}</span>;
  }

  const notSetUp = props.configured === false;
  const problem = notSetUp
    ? null
    : status.pausedReason && !syncing
      ? { title: 'Sync is paused.', text: status.pausedReason }
      : showError && error && !syncing
        ? { title: 'Sync failed.', text: error.message }
        : null;

  return (
    <>
      <div class="sync-bar">
        {state}
        {notSetUp ? (
          <span class="sync-note">
            Not set up yet.{' '}
            {props.setUpShownElsewhere ? null : (
              <button type="button" class="link-button" onClick={env.openWelcome}>
                Set up
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
            {syncing || asking ? 'Syncing…' : 'Sync now'}
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
              {asking ? 'Retrying…' : 'Retry'}
            </button>
            <button type="button" onClick={env.openOptions}>
              Settings
            </button>
          </span>
        </div>
      ) : null}
    </>
  );
}
