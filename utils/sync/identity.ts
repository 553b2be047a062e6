/**
 * The cache belongs to one API origin and one key. A different key or base URL may see other
 * sessions, so it starts a fresh cache rather than mixing the two. Only a hash of the key is
 * kept, never the key.
 */
import type { DevinDatabase } from '../db';
import { clearCache } from '../db';

export const IDENTITY_KEY = 'cacheIdentity';

export async function cacheIdentity(apiBaseUrl: string, apiKey: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${new URL(apiBaseUrl).origin}\n${apiKey}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Clears the cache when it was filled for another identity. Returns true when it did. */
export async function adoptCacheIdentity(db: DevinDatabase, identity: string): Promise<boolean> {
  // The usual case, checked without locking every table for writing.
  if ((await db.meta.get(IDENTITY_KEY))?.value === identity) return false;
  // One transaction over every table: the identity and the data it describes change together.
  return db.transaction('rw', db.tables, async () => {
    const current = (await db.meta.get(IDENTITY_KEY))?.value;
    if (current === identity) return false;
    if (current !== undefined) {
      await clearCache(db);
      // Alerts are about the old key's sessions and organizations: they go with them.
      await db.alerts.clear();
    }
    await db.meta.put({ key: IDENTITY_KEY, value: identity });
    return current !== undefined;
  });
}
