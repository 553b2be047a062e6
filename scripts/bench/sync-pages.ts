/**
 * The pages a sync fetches and the pages its floor fetches: the listing of an organization's
 * sessions, and the comparison of what the sync asked the server with what the floor fetched.
 */
import type { MockApi } from '../../mock-api/server';
import type { Listing } from './in-browser';

export function sessionsListing(orgId: string, extra: [string, string][] = []): Listing {
  return {
    path: `/v2/enterprise/organizations/${encodeURIComponent(orgId)}/sessions/insights`,
    extra,
  };
}

/** Whether two lists hold the same URLs, in any order. */
export function sameUrls(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((u, i) => u === y[i]);
}

/** The URLs the server was asked for since its request log was last reset. */
export function syncUrls(api: MockApi): string[] {
  return api.requestLog.recent.filter((e) => e.method === 'GET').map((e) => e.url);
}
