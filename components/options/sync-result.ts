/** What "Sync now" and "Full re-sync" answered, in words. */
import { db } from '../../utils/db/database';
import { readCacheSummary } from '../../utils/db/reads';
import type { SyncNowResult } from '../../utils/sync/service';
import { readSyncStatus } from '../../utils/sync/status';
import { plural } from '../shared/format';
import type { Notice } from './feedback';

export async function describeSyncResult(result: SyncNowResult): Promise<Notice> {
  switch (result) {
    case 'done':
      return {
        tone: 'success',
        text: `Sync finished. ${plural((await readCacheSummary(db)).sessions, 'session')} cached.`,
      };
    case 'failed': {
      const { lastError } = await readSyncStatus(db);
      return {
        tone: 'error',
        text: `Sync failed. ${lastError?.message ?? 'See the status above.'}`,
      };
    }
    case 'busy':
      return { tone: 'info', text: 'A sync is already running; its progress is shown above.' };
    case 'cancelled':
      return {
        tone: 'info',
        text: 'Sync stopped because the settings changed; it starts again with the new ones.',
      };
    case 'paused':
      return { tone: 'error', text: 'Sync is paused until the key is changed.' };
    case 'not-configured':
      return {
        tone: 'error',
        text: 'Nothing to sync yet: save an API key and at least one organization first.',
      };
  }
}
