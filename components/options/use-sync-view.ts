/** Sync progress and outcome, live from IndexedDB (the background writes it as it syncs). */
import { useEffect, useState } from 'preact/hooks';
import { db } from '../../utils/db/database';
import type { OrgSyncState } from '../../utils/db/schema';
import { isLeaseActive, type Lease, readLease } from '../../utils/sync/lease';
import { EMPTY_SYNC_STATUS, readSyncStatus, type SyncStatus } from '../../utils/sync/status';
import { useLiveQuery } from '../shared/use-live-query';

export interface SyncView {
  loaded: boolean;
  states: OrgSyncState[];
  status: SyncStatus;
  lease: Lease | null;
}

const INITIAL: SyncView = { loaded: false, states: [], status: EMPTY_SYNC_STATUS, lease: null };

export function useSyncView(): SyncView {
  return useLiveQuery(
    async () => {
      const [states, status, lease] = await Promise.all([
        db.syncState.toArray(),
        readSyncStatus(db),
        readLease(db),
      ]);
      return { loaded: true, states, status, lease };
    },
    [],
    INITIAL,
  );
}

/** The current time, refreshed every `intervalMs`: for "3 minutes ago" and lease expiry. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A sync is running when its holder keeps the lease current, or an org pass is under way. */
export function isSyncRunning(view: SyncView, now: number): boolean {
  return isLeaseActive(view.lease, now);
}
