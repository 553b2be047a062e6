/**
 * The pages a sync fetches and the pages its floor fetches, in the API the bench runs over
 * (`--api`): the directory and the listing of an organization's sessions, the incremental
 * filter, and the comparison of what the sync asked the server with what the floor fetched.
 */
import type { MockApi } from '../../mock-api/server';
import type { Listing } from './in-browser';

export type BenchApi = 'v2' | 'v3';

/** The key the extension is configured with: the v2 admin key or the v3 service-user token. */
export function keyFor(api: MockApi, version: BenchApi): string {
  return version === 'v3' ? api.v3Token : api.apiKey;
}

/** The directory lists the sync refreshes before its first pass (fetched side by side). */
export function directoryListings(version: BenchApi): Listing[] {
  return version === 'v3'
    ? [
        { path: '/v3/enterprise/organizations', extra: [] },
        { path: '/v3/enterprise/members/users', extra: [] },
      ]
    : [
        { path: '/v2/enterprise/organizations', extra: [] },
        { path: '/v2/enterprise/members', extra: [] },
      ];
}

/**
 * One organization's sessions; `updatedSince` (epoch ms, the watermark) asks only for the
 * sessions changed since, in the form the extension's client of that API writes it.
 */
export function sessionsListing(version: BenchApi, orgId: string, updatedSince?: number): Listing {
  if (version === 'v3') {
    const extra: [string, string][] = [['org_ids', orgId]];
    if (updatedSince !== undefined) {
      extra.push(['updated_after', String(Math.floor(updatedSince / 1000))]);
    }
    return { path: '/v3/enterprise/sessions/insights', extra };
  }
  return {
    path: `/v2/enterprise/organizations/${encodeURIComponent(orgId)}/sessions/insights`,
    extra:
      updatedSince === undefined
        ? []
        : [['updated_date_from', new Date(updatedSince).toISOString()]],
  };
}

/**
 * A URL with its v3 cursor blanked: a cursor holds the moment it was issued, so the sync's and
 * the floor's differ for the same page.
 */
function withoutCursor(url: string): string {
  return url.replace(/([?&]after=)[^&]*/, '$1…');
}

/** Whether two lists hold the same URLs (cursors aside), in any order. */
export function sameUrls(a: readonly string[], b: readonly string[]): boolean {
  const x = a.map(withoutCursor).sort();
  const y = b.map(withoutCursor).sort();
  return x.length === y.length && x.every((u, i) => u === y[i]);
}

/** The URLs the server was asked for since its request log was last reset. */
export function syncUrls(api: MockApi): string[] {
  return api.requestLog.recent.filter((e) => e.method === 'GET').map((e) => e.url);
}

/** Billing reads: a sync reads the cycle's consumption too, which no session floor fetches. */
export function isBillingUrl(url: string): boolean {
  return url.includes('/consumption/');
}
