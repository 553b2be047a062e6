/** The extension's one database, shared by the background and the pages. */
import { openOrRebuild } from './open';
import { DevinDatabase } from './schema';

export const db = new DevinDatabase();

/**
 * Opened at once, so that an upgrade that fails starts a fresh cache (see open.ts) before
 * anything else reads it; whoever must not run into the failed first open awaits this.
 */
export const databaseOpened: Promise<unknown> = openOrRebuild(db).catch((error: unknown) => {
  // Reads report it as they fail; nothing more to do here.
  console.error('The cache could not be opened.', error);
});

/** The database once open (or rebuilt). */
export function openDatabase(): Promise<DevinDatabase> {
  return databaseOpened.then(() => db);
}
