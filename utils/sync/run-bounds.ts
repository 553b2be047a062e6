/**
 * The bookends of a sync run, one transaction each. A run begins by taking the lease, noting
 * its start and reading everything that decides its other work (whose cache this is, which
 * organizations have pages, whether any page is older than the history window, when the
 * directory was fetched); it ends by recording the outcome and giving the lease back. An
 * incremental sync is otherwise a few small writes, so each round trip saved here shows.
 */
import {
  type DevinDatabase,
  hasPagesOutside,
  type MetaRow,
  type OrgSyncState,
  readWriterStart,
  type WriterStart,
} from '../db';
import { DIRECTORY_KEY, type DirectoryStatus } from './directory';
import { IDENTITY_KEY } from './identity';
import { canTakeLease, LEASE_KEY, type Lease } from './lease';
import { EMPTY_SYNC_STATUS, STATUS_KEY, type SyncStatus } from './status';

export interface RunStart {
  /** The identity the cache was filled for (undefined for a new cache). */
  identity: string | undefined;
  directory: DirectoryStatus | null;
  /** Organizations with cached pages or sync state that are not to be kept. */
  orgsToRemove: boolean;
  /** Some cached page holds a session created before the history window. */
  pagesBeforeWindow: boolean;
  /** Every organization's sync state, by id. */
  states: Map<string, OrgSyncState>;
  /** Where a page writer starts (the last page number, the summary and the preview). */
  writer: WriterStart;
}

export async function beginRun(
  db: DevinDatabase,
  options: {
    holder: string;
    ttlMs: number;
    now: number;
    keepOrgIds: readonly string[];
    historyCutoff: number | null;
  },
): Promise<RunStart | null> {
  const keep = new Set(options.keepOrgIds);
  return db.transaction('rw', [db.meta, db.pages, db.syncState], async () => {
    const [rows, otherPages, states, oldPages, writer] = await Promise.all([
      db.meta.bulkGet([LEASE_KEY, STATUS_KEY, IDENTITY_KEY, DIRECTORY_KEY]),
      hasPagesOutside(db, options.keepOrgIds),
      db.syncState.toArray(),
      options.historyCutoff === null
        ? 0
        : db.pages.where('oldest').below(options.historyCutoff).count(),
      readWriterStart(db),
    ]);
    const [lease, status, identity, directory] = rows.map((row) => row?.value);
    if (!canTakeLease((lease as Lease | undefined) ?? null, options.holder, options.now)) {
      return null;
    }
    await db.meta.bulkPut([
      { key: LEASE_KEY, value: { holder: options.holder, expiresAt: options.now + options.ttlMs } },
      { key: STATUS_KEY, value: { ...readStatus(status), lastStartedAt: options.now } },
    ]);
    return {
      identity: identity as string | undefined,
      directory: (directory as DirectoryStatus | undefined) ?? null,
      orgsToRemove: otherPages || states.some((state) => !keep.has(state.org_id)),
      pagesBeforeWindow: oldPages > 0,
      states: new Map(states.map((state) => [state.org_id, state])),
      writer,
    };
  });
}

function readStatus(value: unknown): SyncStatus {
  return { ...EMPTY_SYNC_STATUS, ...(value as Partial<SyncStatus> | undefined) };
}

/** Records the outcome and gives the lease back (when it is still ours). */
export async function endRun(
  db: DevinDatabase,
  holder: string,
  change: Partial<SyncStatus>,
): Promise<SyncStatus> {
  return db.transaction('rw', db.meta, async () => {
    const [lease, status] = await db.meta.bulkGet([LEASE_KEY, STATUS_KEY]);
    const next = { ...readStatus(status?.value), ...change };
    const writes: Promise<unknown>[] = [db.meta.put({ key: STATUS_KEY, value: next } as MetaRow)];
    if ((lease?.value as Lease | undefined)?.holder === holder)
      writes.push(db.meta.delete(LEASE_KEY));
    await Promise.all(writes);
    return next;
  });
}
