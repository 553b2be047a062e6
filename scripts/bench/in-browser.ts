/// <reference types="chrome" />
/**
 * Functions Playwright runs inside the browser (the extension's worker or one of its pages).
 * Each is serialized on its own: it may use only its argument and browser globals.
 */

export interface Listing {
  /** API path, e.g. /v2/enterprise/organizations/{id}/sessions/insights */
  path: string;
  /** Query after the paging parameters, in the order the extension's client writes it. */
  extra: [string, string][];
}

export interface FloorArgs {
  baseUrl: string;
  apiKey: string;
  limit: number;
  /** v2 pages by `skip`/`limit`; v3 by cursor (`first`, then `after` = the last `end_cursor`). */
  api: 'v2' | 'v3';
  /** Fetched at the same time, as the sync's directory refresh does. */
  parallel: Listing[];
  /** Then these, one after the other, as the sync walks organizations. */
  sequential: Listing[];
}

export interface FloorResult {
  ms: number;
  urls: string[];
  items: number;
  bytes: number;
}

/**
 * The floor of a sync: every page the sync reads, fetched the way its client fetches (same
 * URLs, headers and fetch options, body parsed with response.json()), and nothing else.
 */
export async function fetchPages(args: FloorArgs): Promise<FloorResult> {
  const urls: string[] = [];
  let items = 0;
  let bytes = 0;
  const fetchPage = async (listing: Listing, paging: [string, string][]) => {
    const url = new URL(listing.path, `${args.baseUrl}/`);
    for (const [name, value] of [...paging, ...listing.extra]) url.searchParams.set(name, value);
    const response = await fetch(url.toString(), {
      method: 'GET',
      headers: { Authorization: `Bearer ${args.apiKey}`, Accept: 'application/json' },
      redirect: 'error',
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) throw new Error(`floor: ${response.status} for ${url.pathname}`);
    const body = (await response.json()) as {
      items: unknown[];
      skip?: number;
      has_more?: boolean;
      next_cursor?: number | null;
      has_next_page?: boolean;
      end_cursor?: string | null;
    };
    urls.push(url.pathname + url.search);
    items += body.items.length;
    bytes += Number(response.headers.get('content-length') ?? 0);
    return body;
  };
  const walk = async (listing: Listing) => {
    if (args.api === 'v3') {
      let after: string | null = null;
      do {
        const paging: [string, string][] = [['first', String(args.limit)]];
        if (after !== null) paging.push(['after', after]);
        const body = await fetchPage(listing, paging);
        after = body.has_next_page ? (body.end_cursor ?? null) : null;
      } while (after !== null);
      return;
    }
    let skip: number | null = 0;
    while (skip !== null) {
      const body = await fetchPage(listing, [
        ['skip', String(skip)],
        ['limit', String(args.limit)],
      ]);
      skip = body.has_more ? (body.next_cursor ?? (body.skip ?? skip) + body.items.length) : null;
    }
  };
  const started = performance.now();
  await Promise.all(args.parallel.map(walk));
  for (const listing of args.sequential) await walk(listing);
  return { ms: performance.now() - started, urls, items, bytes };
}

export interface OrgState {
  org_id: string;
  pass: unknown;
  watermark: number | null;
  lastSuccessAt: number | null;
  lastError: { message: string } | null;
}

/**
 * Reads one table of the extension's database without ever creating or upgrading it.
 * Installed as `globalThis.__benchReadTable` by `HELPERS` (evaluated functions cannot share
 * module code, and the extension's CSP forbids eval).
 */
async function readTable<T>(table: string): Promise<T[]> {
  const names = await indexedDB.databases();
  if (!names.some((d) => d.name === 'devin-sessions')) return [];
  return new Promise<T[]>((resolve, reject) => {
    const open = indexedDB.open('devin-sessions');
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve([]);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(table)) {
        db.close();
        resolve([]);
        return;
      }
      const request = db.transaction(table, 'readonly').objectStore(table).getAll();
      request.onsuccess = () => {
        db.close();
        resolve(request.result as T[]);
      };
      request.onerror = () => {
        db.close();
        reject(request.error);
      };
    };
  });
}

export interface BackfillArgs {
  apiKey: string;
  settings: Record<string, unknown>;
  orgIds: string[];
  pollMs: number;
  timeoutMs: number;
}

type ReadTable = <T>(table: string) => Promise<T[]>;

/**
 * Every cached session's list row, its latest copy (pages may hold older copies until the
 * extension compacts them). Installed as `globalThis.__benchReadRows`.
 */
async function readRows(): Promise<{ session_id: string; updated_at: number }[]> {
  const read = (globalThis as unknown as { __benchReadTable: ReadTable }).__benchReadTable;
  type Row = { session_id: string; updated_at: number };
  const byId = new Map<string, Row>();
  for (const page of await read<{ rows: Row[] }>('pageRows')) {
    for (const row of page.rows) {
      const kept = byId.get(row.session_id);
      if (!kept || row.updated_at >= kept.updated_at) byId.set(row.session_id, row);
    }
  }
  return [...byId.values()];
}

/** Every cached session's search text (latest copy). Installed as `__benchReadTexts`. */
async function readTexts(): Promise<{ session_id: string; text: string }[]> {
  const read = (globalThis as unknown as { __benchReadTable: ReadTable }).__benchReadTable;
  const byId = new Map<string, { updated: number; text: string }>();
  for (const page of await read<{ ids: string[]; updated: number[]; texts: string[] }>(
    'pageSearch',
  )) {
    page.ids.forEach((id, i) => {
      const updated = page.updated[i] ?? 0;
      const kept = byId.get(id);
      if (!kept || updated >= kept.updated) byId.set(id, { updated, text: page.texts[i] ?? '' });
    });
  }
  return [...byId].map(([session_id, entry]) => ({ session_id, text: entry.text }));
}

/** Source that installs the helpers above in a worker or page (run once per context). */
export const HELPERS = [
  'globalThis.__name ??= (f) => f;',
  `globalThis.__benchReadTable = ${readTable.toString()};`,
  `globalThis.__benchReadRows = ${readRows.toString()};`,
  `globalThis.__benchReadTexts = ${readTexts.toString()};`,
  'undefined',
].join(' ');

/**
 * In the worker: stores the settings as the options page does (which starts the sync) and
 * waits until every organization's pass is over. Timed in the worker, so no round trip counts.
 */
export async function configureAndWait(
  args: BackfillArgs,
): Promise<{ ms: number; states: OrgState[] }> {
  const read = (globalThis as unknown as { __benchReadTable: ReadTable }).__benchReadTable;
  const started = performance.now();
  const wallStart = Date.now();
  await chrome.storage.local.set({ apiKey: args.apiKey, settings: args.settings });
  for (;;) {
    const states = await read<OrgState>('syncState');
    const done = args.orgIds.every((id) => {
      const state = states.find((s) => s.org_id === id);
      return state !== undefined && state.pass === null && (state.lastSuccessAt ?? 0) >= wallStart;
    });
    const failed = states.find((s) => s.lastError !== null);
    if (failed) throw new Error(`sync failed for ${failed.org_id}: ${failed.lastError?.message}`);
    if (done) return { ms: performance.now() - started, states };
    if (performance.now() - started > args.timeoutMs) {
      throw new Error(`backfill did not finish in ${args.timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, args.pollMs));
  }
}

/** In an extension page: "Sync now" as the popup sends it (@webext-core/messaging's format). */
export async function syncNowMessage(): Promise<{ ms: number; response: unknown }> {
  const started = performance.now();
  const response: unknown = await chrome.runtime.sendMessage({
    id: Math.floor(Math.random() * 1e6),
    type: 'syncNow',
    data: undefined,
    timestamp: Date.now(),
  });
  return { ms: performance.now() - started, response };
}

export async function storageUsage(): Promise<{ usage: number; indexedDB: number | null }> {
  const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
    usageDetails?: { indexedDB?: number };
  };
  return { usage: estimate.usage ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? null };
}

/** Distinct sessions cached (needs HELPERS installed). */
export async function countSessions(): Promise<number> {
  const rows = (globalThis as unknown as { __benchReadRows: () => Promise<unknown[]> })
    .__benchReadRows;
  return (await rows()).length;
}

/**
 * In the worker: Chromium's first `storage.managed` read of a browser session waits ~2 s for
 * the policy service. The background does that read at start-up, long before a person could
 * type a key; the bench configures within a second of launch, so it waits for that read first.
 */
export async function warmManagedStorage(): Promise<number> {
  const started = performance.now();
  await chrome.storage.managed.get(null).catch(() => ({}));
  return performance.now() - started;
}

/**
 * In the worker: the loopback backfill's floor beyond fetching, a bare write of the same
 * records: every page's items put as they came, one transaction a page, into a scratch
 * database (deleted after). Pages are fetched first, untimed; only the writes are timed.
 */
export async function bareWrite(args: FloorArgs): Promise<{ ms: number; items: number }> {
  const pages: unknown[][] = [];
  for (const listing of args.sequential) {
    let skip = 0;
    let after: string | null = null;
    for (;;) {
      const url = new URL(listing.path, `${args.baseUrl}/`);
      const paging: [string, string][] =
        args.api === 'v3'
          ? [
              ['first', String(args.limit)],
              ...(after === null ? [] : [['after', after] as [string, string]]),
            ]
          : [
              ['skip', String(skip)],
              ['limit', String(args.limit)],
            ];
      for (const [name, value] of [...paging, ...listing.extra]) url.searchParams.set(name, value);
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${args.apiKey}`, Accept: 'application/json' },
      });
      const body = (await response.json()) as {
        items: unknown[];
        has_more?: boolean;
        has_next_page?: boolean;
        end_cursor?: string | null;
      };
      pages.push(body.items);
      skip += body.items.length;
      after = body.end_cursor ?? null;
      if (!(body.has_more || (body.has_next_page && after !== null))) break;
    }
  }
  const name = 'bench-bare-write';
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('sessions');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  let items = 0;
  await Promise.all(
    pages.map(
      (page) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction('sessions', 'readwrite');
          const store = tx.objectStore('sessions');
          for (const item of page) store.put(item, items++);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        }),
    ),
  );
  const ms = performance.now() - started;
  db.close();
  await new Promise((resolve) => {
    const drop = indexedDB.deleteDatabase(name);
    drop.onsuccess = drop.onerror = drop.onblocked = resolve;
  });
  return { ms, items };
}

/** In the worker: stores the settings an admin saved before the key (the key comes later). */
export async function storeSettings(settings: Record<string, unknown>): Promise<void> {
  await chrome.storage.local.set({ settings });
}

/** In the worker: when every organization's first sync since `since` (epoch ms) ended. */
export async function waitSynced(args: {
  orgIds: string[];
  since: number;
  timeoutMs: number;
}): Promise<number> {
  const read = (globalThis as unknown as { __benchReadTable: ReadTable }).__benchReadTable;
  const started = performance.now();
  for (;;) {
    const states = await read<OrgState>('syncState');
    const failed = states.find((s) => s.lastError !== null);
    if (failed) throw new Error(`sync failed for ${failed.org_id}: ${failed.lastError?.message}`);
    const done = args.orgIds.every((id) => {
      const state = states.find((s) => s.org_id === id);
      return state !== undefined && state.pass === null && (state.lastSuccessAt ?? 0) >= args.since;
    });
    if (done) return Date.now();
    if (performance.now() - started > args.timeoutMs) throw new Error('the sync did not finish');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** In the worker: how long one GET of `url` takes, body read (the latency floor's unit). */
export async function timeFetch(args: { url: string; apiKey: string }): Promise<number> {
  const started = performance.now();
  const response = await fetch(args.url, {
    headers: { Authorization: `Bearer ${args.apiKey}`, Accept: 'application/json' },
    cache: 'no-store',
  });
  await response.json();
  return performance.now() - started;
}

/** In the worker: when the first page of sessions is stored (epoch ms). */
export async function waitFirstStored(timeoutMs: number): Promise<number> {
  const read = (globalThis as unknown as { __benchReadTable: ReadTable }).__benchReadTable;
  const started = performance.now();
  while ((await read('pageRows')).length === 0) {
    if (performance.now() - started > timeoutMs) throw new Error('no page was stored');
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now();
}
