/**
 * Sync progress and outcome, live from IndexedDB (the background writes them as it syncs): the
 * per-organization states, the overall status and the lease of the sync under way.
 */
import type { DevinDatabase } from '../../utils/db/schema';
import type { OrgSyncState } from '../../utils/db/types';
import { isLeaseActive, type Lease, readLease } from '../../utils/sync/lease';
import { EMPTY_SYNC_STATUS, readSyncStatus, type SyncStatus } from '../../utils/sync/status';
import { useLiveQuery } from './use-live-query';

export interface SyncView {
  loaded: boolean;
  states: OrgSyncState[];
  status: SyncStatus;
  lease: Lease | null;
}

const INITIAL: SyncView = { loaded: false, states: [], status: EMPTY_SYNC_STATUS, lease: null };

/** `db` is null until the page has loaded the database. */
export function useSyncView(db: DevinDatabase | null): SyncView {
  return useLiveQuery(
    db &&
      (async () => {
        const [states, status, lease] = await Promise.all([
          db.syncState.toArray(),
          readSyncStatus(db),
          readLease(db),
        ]);
        return { loaded: true, states, status, lease };
      }),
    [db],
    INITIAL,
  );
}

/** A sync is running while its holder keeps the lease current. */
export function isSyncRunning(view: SyncView, now: number): boolean {
  return isLeaseActive(view.lease, now);
}

/** Sessions fetched so far in the passes under way, and how many the passes expect. */
export function syncProgress(states: readonly OrgSyncState[]): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const state of states) {
    if (!state.pass) continue;
    done += state.pass.sessionsDone;
    // Sessions created while a walk runs (and pages that shift under it) can take the count
    // past the total the first page reported: never show "2,520 of 2,120".
    total += Math.max(state.pass.total, state.pass.sessionsDone);
  }
  return { done, total };
}
