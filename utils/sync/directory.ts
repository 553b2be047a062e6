/**
 * Organization and member names, so the UI shows "Platform team" and "Ada Lovelace" rather
 * than ids. Refreshed once a day. A key that may not read the directory (403) still syncs
 * sessions: the UI then shows ids.
 */
import { type DevinClient, isDevinApiError } from '../api';
import type { DevinDatabase } from '../db';

export const DIRECTORY_KEY = 'directory';
const DIRECTORY_MAX_AGE_MS = 24 * 60 * 60 * 1000;

type DirectoryListStatus = 'ok' | 'forbidden' | 'failed';

export interface DirectoryStatus {
  fetchedAt: number;
  organizations: DirectoryListStatus;
  members: DirectoryListStatus;
}

async function readDirectoryStatus(db: DevinDatabase): Promise<DirectoryStatus | null> {
  return ((await db.meta.get(DIRECTORY_KEY))?.value as DirectoryStatus | undefined) ?? null;
}

async function fetchList<T>(
  load: () => Promise<T[]>,
): Promise<{ status: DirectoryListStatus; items: T[] }> {
  try {
    return { status: 'ok', items: await load() };
  } catch (error) {
    if (isDevinApiError(error) && error.kind === 'forbidden')
      return { status: 'forbidden', items: [] };
    return { status: 'failed', items: [] };
  }
}

/** Refreshes names when they are older than a day (or `force`); never throws. */
/** Fetched less than a day ago, and both lists came back (a failed list is tried again). */
export function isDirectoryFresh(status: DirectoryStatus | null, now: number): boolean {
  return (
    status !== null &&
    now - status.fetchedAt < DIRECTORY_MAX_AGE_MS &&
    status.organizations !== 'failed' &&
    status.members !== 'failed'
  );
}

export async function refreshDirectory(
  db: DevinDatabase,
  client: DevinClient,
  options: { now?: number; force?: boolean; signal?: AbortSignal } = {},
): Promise<DirectoryStatus> {
  const now = options.now ?? Date.now();
  const current = await readDirectoryStatus(db);
  if (current && isDirectoryFresh(current, now) && !options.force) return current;

  const [organizations, members] = await Promise.all([
    fetchList(() => client.listOrganizations(options.signal)),
    fetchList(() => client.listMembers(options.signal)),
  ]);
  const status: DirectoryStatus = {
    fetchedAt: now,
    organizations: organizations.status,
    members: members.status,
  };
  await db.transaction('rw', [db.organizations, db.members, db.meta], async () => {
    // A failed list keeps yesterday's names rather than none.
    if (organizations.status === 'ok') {
      await db.organizations.clear();
      await db.organizations.bulkPut(organizations.items);
    }
    if (members.status === 'ok') {
      await db.members.clear();
      await db.members.bulkPut(members.items);
    }
    await db.meta.put({ key: DIRECTORY_KEY, value: status });
  });
  return status;
}
