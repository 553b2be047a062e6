/**
 * Opens the database, and starts it afresh when a version upgrade fails. An upgrade that fails
 * (a full disk, an old record the upgrade cannot read) leaves the database at its old version,
 * and every start would try again and fail the same way. The cache is a copy of what Devin
 * holds, so deleting it loses nothing that a sync does not bring back; the sync status then
 * says so in plain words, as the person otherwise only sees an emptied list.
 */
import Dexie from 'dexie';
import { SYNC_STATUS_KEY } from './name';
import { DevinDatabase } from './schema';

export const CACHE_REBUILT_NOTICE =
  "The cache could not be upgraded, so it was deleted and is being filled again from Devin. Nothing on Devin's side was affected.";

/** Opens `db`; returns whether it had to be deleted and created again. */
export async function openOrRebuild(db: DevinDatabase): Promise<'opened' | 'rebuilt'> {
  let rebuilt = false;
  if (await needsUpgrade(db)) {
    // The upgrade runs on an instance of its own: a Dexie instance whose upgrade failed keeps
    // the half-applied schema in memory, and `db` must open cleanly afterwards.
    const upgrading = new DevinDatabase(db.name);
    try {
      await upgrading.open();
    } catch (error) {
      console.warn('The cache could not be upgraded; starting it afresh.', error);
      rebuilt = true;
    } finally {
      upgrading.close();
    }
    if (rebuilt) await Dexie.delete(db.name);
  }
  await db.open();
  if (!rebuilt) return 'opened';
  await db.meta.put({ key: SYNC_STATUS_KEY, value: { notice: CACHE_REBUILT_NOTICE } });
  return 'rebuilt';
}

/**
 * Whether the database exists at an older version than this code's. Asked of IndexedDB's list
 * of databases, which costs next to nothing; where the browser cannot list them, the upgrade
 * runs on `db` itself, as it did before (without the rebuild).
 */
async function needsUpgrade(db: DevinDatabase): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  const found = (await indexedDB.databases()).find((info) => info.name === db.name);
  // Dexie stores version n as IndexedDB version 10n.
  return found?.version !== undefined && found.version < Math.round(db.verno * 10);
}
