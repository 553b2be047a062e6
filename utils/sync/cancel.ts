/**
 * Why a run was stopped on purpose, carried as the AbortSignal's reason. New settings stop a
 * run; what it already fetched is stored before it stops, unless the new settings name another
 * key or base URL: that cache is discarded by the next run anyway (see identity.ts).
 */
export class SyncCancelled extends Error {
  override readonly name = 'SyncCancelled';
  constructor(readonly cacheDiscarded: boolean) {
    super(cacheDiscarded ? 'Stopped: another key or base URL' : 'Stopped: new settings');
  }
}

/** Whether a stopped run should store the pages it fetched before it stops. */
export function keepsFetched(signal: AbortSignal | undefined): boolean {
  if (!signal?.aborted) return false;
  return !(signal.reason instanceof SyncCancelled && signal.reason.cacheDiscarded);
}
