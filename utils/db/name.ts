/** The extension's database name, in a module of its own so pages can name it without Dexie. */
export const DATABASE_NAME = 'devin-sessions';
/** The meta record holding the sync status (see utils/sync/status.ts). */
export const SYNC_STATUS_KEY = 'syncStatus';
