/**
 * The first page of an organization's sessions, read while a key is checked (the options
 * page's Save), kept for the sync that starts right after it. At a real API's latency the
 * popup's first rows then wait for the check's requests only, not for one more after them.
 *
 * Kept in the background's memory only (never stored), for a short while, and served once, to
 * a client of the same address and key asking for exactly that page: the first page of the
 * whole history, of the size the sync asks for. A sync with a history window, a resumed pass
 * or another key asks the server as usual.
 */
import type { DevinClient, SessionPage, SessionQuery } from './client';

/** Sessions per page the sync asks for; the key check's first probe asks for as many. */
export const SESSION_PAGE_SIZE = 200;
/** The sync starts within a second of the check; an older page is not served. */
const KEEP_MS = 30_000;

interface KeptPage {
  baseUrl: string;
  apiKey: string;
  orgId: string;
  page: SessionPage;
  at: number;
}

let kept: KeptPage | null = null;

/** The address as its origin, as the settings check writes it ("https://x/" is "https://x"). */
function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl.trim()).origin;
  } catch {
    return baseUrl;
  }
}

/** The request of a first page of the whole history, of the sync's page size. */
function isFirstPage(
  page: { skip: number; cursor?: string | null; limit: number },
  query: SessionQuery | undefined,
): boolean {
  const filtered = query && Object.values(query).some((value) => value !== undefined);
  return page.skip === 0 && !page.cursor && page.limit === SESSION_PAGE_SIZE && !filtered;
}

/** A client that keeps the first page it reads (see above): the key check's. */
export function keepingFirstPage(
  client: DevinClient,
  target: { baseUrl: string; apiKey: string },
): DevinClient {
  return {
    ...client,
    async listSessionsPage(orgId, page, query, signal) {
      const answer = await client.listSessionsPage(orgId, page, query, signal);
      if (isFirstPage(page, query)) {
        const baseUrl = originOf(target.baseUrl);
        const entry = { baseUrl, apiKey: target.apiKey, orgId, page: answer, at: Date.now() };
        kept = entry;
        // Not served (a Test connection without Save): the page and its key are let go.
        setTimeout(() => {
          if (kept === entry) kept = null;
        }, KEEP_MS);
      }
      return answer;
    },
  };
}

/** A client that is served the kept first page once, when it asks for that very page. */
export function servingKeptFirstPage(
  client: DevinClient,
  target: { baseUrl: string; apiKey: string },
  now: () => number = Date.now,
): DevinClient {
  return {
    ...client,
    listSessionsPage(orgId, page, query, signal) {
      const entry = kept;
      if (
        entry !== null &&
        entry.baseUrl === originOf(target.baseUrl) &&
        entry.apiKey === target.apiKey &&
        entry.orgId === orgId &&
        now() - entry.at < KEEP_MS &&
        isFirstPage(page, query) &&
        !signal?.aborted
      ) {
        kept = null;
        return Promise.resolve(entry.page);
      }
      return client.listSessionsPage(orgId, page, query, signal);
    },
  };
}
