/** Sync: where it stands, "Sync now", and how often and how far back it reads. */
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { isSyncRunning, type SyncView } from '../shared/sync-state';
import { useNow } from '../shared/use-now';
import { Card } from './card';
import { NO_BACKGROUND } from './connection-report';
import { Feedback, type Notice } from './feedback';
import type { StoredConfig } from './stored-config';
import { OrgProgressList, SyncProblem, SyncSummary } from './sync-progress';
import { describeSyncResult } from './sync-result';
import { SyncSchedule } from './sync-schedule';
import './sync-section.css';

export function SyncSection(props: {
  stored: StoredConfig;
  view: SyncView;
  names: ReadonlyMap<string, string | null>;
}) {
  const now = useNow(5_000);
  const [requested, setRequested] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const running = requested || isSyncRunning(props.view, now);
  const orgIds = props.stored.managed.orgIds ?? props.stored.settings.orgIds;
  const configured = props.stored.keyEnding !== null && orgIds.length > 0;

  async function onSyncNow() {
    setRequested(true);
    setNotice(null);
    try {
      setNotice(await describeSyncResult(await sendMessage('syncNow')));
    } catch {
      setNotice({ tone: 'error', text: NO_BACKGROUND });
    } finally {
      setRequested(false);
    }
  }

  return (
    <Card id="sync" title={t('options.sync.title')} intro={t('options.sync.intro')}>
      <div class="sync-status">
        <SyncSummary view={props.view} running={running} now={now} />
        <div role="alert">
          <SyncProblem view={props.view} running={running} />
        </div>
        <OrgProgressList
          orgIds={orgIds}
          names={props.names}
          view={props.view}
          running={running}
          now={now}
        />
        <div class="actions">
          <button
            type="button"
            class="primary"
            disabled={running || !configured}
            onClick={() => void onSyncNow()}
          >
            {t('options.sync.now')}
          </button>
          {!configured ? <span class="muted">{t('options.sync.notConfigured')}</span> : null}
        </div>
        <Feedback notice={notice} />
      </div>
      <SyncSchedule stored={props.stored} />
    </Card>
  );
}
