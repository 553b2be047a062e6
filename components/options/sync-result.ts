/** What "Sync now" and "Full re-sync" answered, in words. */
import { db } from '../../utils/db/database';
import { readCacheSummary } from '../../utils/db/reads';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { SyncNowResult } from '../../utils/sync/service';
import { readSyncStatus } from '../../utils/sync/status';
import type { Notice } from './feedback';

export async function describeSyncResult(result: SyncNowResult): Promise<Notice> {
  switch (result) {
    case 'done': {
      const { sessions } = await readCacheSummary(db);
      return {
        tone: 'success',
        text: t('options.sync.finished', sessions, [formatCount(sessions)]),
      };
    }
    case 'failed': {
      const { lastError } = await readSyncStatus(db);
      return {
        tone: 'error',
        text: lastError?.message
          ? t('options.sync.failed', [lastError.message])
          : t('options.sync.failedSeeAbove'),
      };
    }
    case 'busy':
      return { tone: 'info', text: t('options.sync.busy') };
    case 'cancelled':
      return {
        tone: 'info',
        text: t('options.sync.cancelled'),
      };
    case 'paused':
      return { tone: 'error', text: t('options.sync.paused') };
    case 'not-configured':
      return {
        tone: 'error',
        text: t('options.sync.notConfiguredYet'),
      };
  }
}
