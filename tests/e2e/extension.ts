/// <reference types="chrome" />
/**
 * Reads and sets the extension's state from a test, through the extension's own pages:
 * storage for set-up, IndexedDB for what sync wrote. The extension code itself is untouched.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

/**
 * What the storage and database helpers need of a page: one `evaluate` in a document of the
 * extension's origin. Playwright's pages (Chromium) and puppeteer's (Firefox) both fit.
 */
export interface PageLike {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface ExtensionConfig {
  apiKey: string;
  apiBaseUrl: string;
  orgIds: string[];
  syncIntervalMinutes?: number;
  historyDays?: number | null;
}

/** An extension page to run test code in (a blank one of the extension's origin). */
export async function extensionPage(
  browser: ExtensionBrowser,
  path = 'options.html',
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Stores settings as the options page would (keys match utils/settings/items.ts). */
export async function configure(page: PageLike, config: ExtensionConfig): Promise<void> {
  await page.evaluate(async (c) => {
    await chrome.storage.local.set({
      apiKey: c.apiKey,
      // Only the last 4 characters: what the options page shows in place of the key.
      apiKeyEnding: c.apiKey.slice(-4),
      // Saving confirms the key for this address; it is sent nowhere else.
      apiKeyOrigin: new URL(c.apiBaseUrl).origin,
      settings: {
        apiBaseUrl: c.apiBaseUrl,
        orgIds: c.orgIds,
        syncIntervalMinutes: c.syncIntervalMinutes ?? 15,
        historyDays: c.historyDays ?? null,
        gitHosts: [],
      },
    });
  }, config);
}

/** Every row of one IndexedDB table of the extension's database. */
export async function readTable<T = unknown>(page: PageLike, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('devin-sessions');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

export async function countRows(page: PageLike, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('devin-sessions');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve(0);
            return;
          }
          const request = db.transaction(name, 'readonly').objectStore(name).count();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Distinct sessions cached (a session may be stored in more than one page until compaction). */
export async function countSessions(page: PageLike): Promise<number> {
  const pages = await readTable<{ rows: { session_id: string }[] }>(page, 'pageRows');
  return new Set(pages.flatMap((stored) => stored.rows.map((row) => row.session_id))).size;
}

/** Every cached session as stored, its latest copy (newest `updated_at`, then later page). */
export async function readCachedSessions<T extends { session_id: string; updated_at: string }>(
  page: PageLike,
): Promise<T[]> {
  const byId = new Map<string, T>();
  for (const stored of await readTable<{ sessions: T[] }>(page, 'pageSessions')) {
    for (const session of stored.sessions) {
      const kept = byId.get(session.session_id);
      if (!kept || Date.parse(session.updated_at) >= Date.parse(kept.updated_at)) {
        byId.set(session.session_id, session);
      }
    }
  }
  return [...byId.values()];
}

/** Polls until `check` holds, with a readable failure after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
  intervalMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
