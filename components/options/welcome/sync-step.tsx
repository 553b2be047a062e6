/**
 * Step 3: the first sync, watched as it happens: sessions stored against the total the API
 * reported, and the first rows as they arrive, read from the database like every page.
 * Progress is announced politely; a failure is said at once with what to do.
 */

import { db } from '../../../utils/db/database';
import { readSummaryAndPreview } from '../../../utils/db/summary';
import type { SessionRow } from '../../../utils/db/types';
import { formatCount } from '../../../utils/format';
import { t } from '../../../utils/i18n';
import { sendMessage } from '../../../utils/messaging';
import { isSyncRunning, useSyncView } from '../../shared/sync-state';
import { useLiveQuery } from '../../shared/use-live-query';
import { useNow } from '../../shared/use-now';
import { type FirstSync, firstSync } from './welcome-flow';

/** Enough to see that real sessions arrive; the list itself is one click away. */
const FIRST_ROWS = 5;

const NOTHING = { stored: 0, rows: [] as SessionRow[] };

function progressText(sync: FirstSync, stored: number): string {
  switch (sync.state) {
    case 'waiting':
      return t('welcome.sync.starting');
    case 'running':
      return sync.total > 0
        ? t('welcome.sync.running', sync.total, [
            formatCount(Math.min(sync.done, sync.total)),
            formatCount(sync.total),
            formatCount(stored),
          ])
        : t('welcome.sync.runningNoTotal', stored, [formatCount(stored)]);
    case 'finished':
      return t('welcome.sync.finished', sync.stored, [formatCount(sync.stored)]);
    case 'failed':
      return t('welcome.sync.failedState');
  }
}

export function SyncStep(props: { startedAt: number; onNext: () => void; onBack: () => void }) {
  const view = useSyncView(db);
  const now = useNow(1_000);
  const cache = useLiveQuery(
    async () => {
      const { summary, preview } = await readSummaryAndPreview(db);
      return { stored: summary.sessions, rows: preview.slice(0, FIRST_ROWS) };
    },
    [],
    NOTHING,
  );
  const sync = firstSync(view, isSyncRunning(view, now), props.startedAt, cache.stored);

  return (
    <div>
      <p class="welcome-intro">{t('welcome.sync.intro')}</p>
      <div class="welcome-progress">
        {sync.state === 'running' && sync.total > 0 ? (
          <progress
            max={sync.total}
            value={Math.min(sync.done, sync.total)}
            aria-label={t('welcome.sync.progressLabel')}
          />
        ) : sync.state === 'running' || sync.state === 'waiting' ? (
          <progress aria-label={t('welcome.sync.progressLabel')} />
        ) : null}
        <p role="status" aria-live="polite" class="welcome-progress-text">
          {progressText(sync, cache.stored)}
        </p>
      </div>
      <div role="alert">
        {sync.state === 'failed' ? (
          <p class="notice notice-error">{t('welcome.sync.failed', [sync.message])}</p>
        ) : null}
      </div>
      {cache.rows.length > 0 ? (
        <section aria-labelledby="welcome-first-rows" class="welcome-rows">
          <h4 id="welcome-first-rows">{t('welcome.sync.firstRows')}</h4>
          <ul>
            {cache.rows.map((row) => (
              <li key={row.session_id}>{row.title || row.first_line || row.session_id}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div class="actions">
        <button type="button" onClick={props.onBack}>
          {t('welcome.back')}
        </button>
        {sync.state === 'failed' ? (
          <button type="button" onClick={() => void sendMessage('syncNow').catch(() => undefined)}>
            {t('welcome.sync.retry')}
          </button>
        ) : null}
        <button type="button" class="primary" onClick={props.onNext}>
          {t('welcome.sync.continue')}
        </button>
      </div>
    </div>
  );
}
