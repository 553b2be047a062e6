/** The extension's database name, in a module of its own so pages can name it without Dexie. */
export const DATABASE_NAME = 'devin-sessions';
