/** The overall sync outcome the popup, options page and badge show (per-org detail is in syncState). */
import type { DevinDatabase, SyncErrorInfo } from '../db';
import { SYNC_STATUS_KEY } from '../db/name';

export const STATUS_KEY = SYNC_STATUS_KEY;

export interface SyncStatus {
  lastStartedAt: number | null;
  lastFinishedAt: number | null;
  lastSuccessAt: number | null;
  lastError: SyncErrorInfo | null;
  /** Set when the key was refused: scheduled syncs wait until the settings change. */
  pausedReason: string | null;
  /**
   * Something the person should know that is not an error: the cache was deleted and is being
   * filled again (see utils/db/open.ts). Cleared once a sync has succeeded since.
   */
  notice: string | null;
}

export const EMPTY_SYNC_STATUS: SyncStatus = {
  lastStartedAt: null,
  lastFinishedAt: null,
  lastSuccessAt: null,
  lastError: null,
  pausedReason: null,
  notice: null,
};

export async function readSyncStatus(db: DevinDatabase): Promise<SyncStatus> {
  const row = await db.meta.get(STATUS_KEY);
  return { ...EMPTY_SYNC_STATUS, ...(row?.value as Partial<SyncStatus> | undefined) };
}

export async function updateSyncStatus(
  db: DevinDatabase,
  change: Partial<SyncStatus>,
): Promise<SyncStatus> {
  return db.transaction('rw', db.meta, async () => {
    const next = { ...(await readSyncStatus(db)), ...change };
    await db.meta.put({ key: STATUS_KEY, value: next });
    return next;
  });
}
