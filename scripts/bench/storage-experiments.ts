/**
 * Where a backfill's storage time goes, and what other layouts would cost: writes the same
 * sessions (fetched once from the local API) into scratch IndexedDB databases of the
 * extension's origin, one layout at a time, with raw IndexedDB so only the storage differs.
 *
 *   npx tsx scripts/bench/storage-experiments.ts --sessions 10000 [--rounds 2]
 *
 * Rows are built before the clock starts: the times are IndexedDB writes only (structured
 * clone on the page's thread plus the backend's commit), 200 sessions a transaction as the
 * sync writes them, unless the variant says otherwise.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDataset } from '../../mock-api/data';
import { startMockApi } from '../../mock-api/server';
import { controlPage, copyExtension, launchBenchBrowser } from './browser';

interface Variant {
  name: string;
  /** Read the existing rows first (upsertSessions compares updated_at). */
  readFirst: boolean;
  /** Keep the detail as a JSON string rather than an object. */
  detailAsJson: boolean;
  /** Index list of the sessions store. */
  indexes: 'current' | 'fewer';
  durability: 'default' | 'relaxed' | 'strict';
  /** Sessions per transaction. */
  batch: number;
  /** Keep a searchText table (one record per session). */
  searchTextTable: boolean;
  /** One details record and one search-text record per transaction's sessions (a page),
   * instead of one per session; rows stay one per session. */
  chunked?: boolean;
  /** Rows too: one record holding a page's rows (no per-session record at all). */
  rowsChunked?: boolean;
  /** Only the rows (no details, no search text): what the list alone costs. */
  rowsOnly?: boolean;
  /** Page layout: a `pages` store (rows, ids, pr_keys) with these indexes beside the chunks. */
  pageIndexes?: ('ids' | 'pr_keys' | 'org_id')[];
}

const BASE: Variant = {
  name: 'per-session layout (database version 2)',
  readFirst: true,
  detailAsJson: false,
  indexes: 'current',
  durability: 'default',
  batch: 200,
  searchTextTable: true,
};

const VARIANTS: Variant[] = [
  BASE,
  { ...BASE, name: 'no read before write', readFirst: false },
  { ...BASE, name: 'detail stored as JSON string', detailAsJson: true },
  { ...BASE, name: 'fewer indexes (org, status, created, updated, *pr_keys)', indexes: 'fewer' },
  { ...BASE, name: "durability 'relaxed'", durability: 'relaxed' },
  { ...BASE, name: "durability 'strict'", durability: 'strict' },
  { ...BASE, name: 'no searchText table (text derived from detail)', searchTextTable: false },
  {
    ...BASE,
    name: 'combined: no read, JSON detail, fewer indexes, relaxed',
    readFirst: false,
    detailAsJson: true,
    indexes: 'fewer',
    durability: 'relaxed',
  },
  {
    ...BASE,
    name: 'chunked: rows (fewer indexes) + 1 detail and 1 search record per page, relaxed',
    readFirst: false,
    indexes: 'fewer',
    durability: 'relaxed',
    chunked: true,
  },
  {
    ...BASE,
    name: 'rows only (fewer indexes), relaxed: no details, no search text',
    readFirst: false,
    indexes: 'fewer',
    durability: 'relaxed',
    rowsOnly: true,
  },
  {
    ...BASE,
    name: 'all chunked: 3 records per page (rows, details, search), no per-session record',
    readFirst: false,
    indexes: 'fewer',
    durability: 'relaxed',
    chunked: true,
    rowsChunked: true,
  },
  {
    ...BASE,
    name: 'page layout: pages store with org_id index',
    readFirst: false,
    durability: 'relaxed',
    chunked: true,
    rowsChunked: true,
    pageIndexes: ['org_id'],
  },
  {
    ...BASE,
    name: 'page layout: pages store with org_id, *pr_keys indexes',
    readFirst: false,
    durability: 'relaxed',
    chunked: true,
    rowsChunked: true,
    pageIndexes: ['org_id', 'pr_keys'],
  },
  {
    ...BASE,
    name: 'page layout: pages store with org_id, *pr_keys, *ids indexes',
    readFirst: false,
    durability: 'relaxed',
    chunked: true,
    rowsChunked: true,
    pageIndexes: ['org_id', 'pr_keys', 'ids'],
  },
  {
    ...BASE,
    name: 'combined, 1,000 sessions a transaction',
    readFirst: false,
    detailAsJson: true,
    indexes: 'fewer',
    durability: 'relaxed',
    batch: 1000,
  },
];

/** In the extension page: fetch every session once, then write them with each variant. */
async function experiment(args: {
  baseUrl: string;
  apiKey: string;
  orgIds: string[];
  variants: Variant[];
  rounds: number;
}): Promise<{ sessions: number; fetchMs: number; results: { name: string; ms: number[] }[] }> {
  type Item = Record<string, unknown> & { session_id: string };
  const items: Item[] = [];
  const fetchStarted = performance.now();
  for (const org of args.orgIds) {
    let skip: number | null = 0;
    while (skip !== null) {
      const url = `${args.baseUrl}/v2/enterprise/organizations/${org}/sessions/insights?skip=${skip}&limit=200`;
      const response = await fetch(url, { headers: { Authorization: `Bearer ${args.apiKey}` } });
      const body = JSON.parse(await response.text()) as {
        items: Item[];
        has_more: boolean;
        next_cursor: number | null;
      };
      items.push(...body.items);
      skip = body.has_more ? body.next_cursor : null;
    }
  }
  const fetchMs = performance.now() - fetchStarted;

  const firstLine = (m: unknown) =>
    typeof m === 'string' ? (m.trim().split('\n', 1)[0] ?? '').slice(0, 200) : '';
  const rows = items.map((s) => {
    const prs = (s.pull_requests as { url: string }[] | undefined) ?? [];
    const analysis = s.session_analysis as { issues?: { label: string }[] } | null;
    return {
      session_id: s.session_id,
      org_id: s.org_id,
      user_id: s.user_id,
      status: s.status,
      title: s.title,
      first_line: firstLine(s.initial_user_message),
      created_at: Date.parse(String(s.created_at)),
      updated_at: Date.parse(String(s.updated_at)),
      acus_consumed: s.acus_consumed,
      tags: s.tags,
      url: s.url,
      pull_requests: prs,
      pr_keys: prs.map((pr) => pr.url.toLowerCase()),
      analysis: analysis
        ? {
            issue_count: analysis.issues?.length ?? 0,
            labels: analysis.issues?.map((i) => i.label),
          }
        : null,
    };
  });
  const texts = items.map((s) => ({
    session_id: s.session_id,
    text: [
      s.session_id,
      s.title ?? '',
      s.initial_user_message ?? '',
      ((s.tags as string[]) ?? []).join(' '),
      ...((s.session_analysis as { issues?: { issue: string }[] } | null)?.issues ?? []).map(
        (issue) => issue.issue,
      ),
      ...((s.pull_requests as { url: string }[] | undefined) ?? []).map((pr) => pr.url),
    ]
      .join('\n')
      .toLowerCase(),
  }));
  const jsonDetails = items.map((s) => ({ session_id: s.session_id, json: JSON.stringify(s) }));
  const objectDetails = items.map((s) => ({ session_id: s.session_id, session: s }));
  const chunkCache = new Map<string, { details: unknown; search: unknown }>();
  const chunk = (start: number, end: number) => {
    const key = `${start}-${end}`;
    let found = chunkCache.get(key);
    if (!found) {
      const slice = texts.slice(start, end);
      found = {
        details: { session_id: `chunk-${key}`, json: JSON.stringify(items.slice(start, end)) },
        search: {
          session_id: `chunk-${key}`,
          ids: slice.map((t) => t.session_id),
          texts: slice.map((t) => t.text),
        },
      };
      chunkCache.set(key, found);
    }
    return found;
  };
  // Built before any clock runs.
  for (let i = 0; i < items.length; i += 200) chunk(i, Math.min(items.length, i + 200));

  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });

  // Round-robin over the variants, so a slow moment of the machine spreads over all of them.
  const results = args.variants.map((variant) => ({ name: variant.name, ms: [] as number[] }));
  for (let round = 0; round < args.rounds; round++) {
    for (const [v, variant] of args.variants.entries()) {
      const name = `bench-experiment-${Math.random()}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => {
          const d = open.result;
          const sessions = d.createObjectStore('sessions', { keyPath: 'session_id' });
          const single =
            variant.indexes === 'current'
              ? ['org_id', 'status', 'user_id', 'created_at', 'updated_at', 'acus_consumed']
              : ['org_id', 'status', 'created_at', 'updated_at'];
          for (const index of single) sessions.createIndex(index, index);
          if (variant.indexes === 'current')
            sessions.createIndex('tags', 'tags', { multiEntry: true });
          sessions.createIndex('pr_keys', 'pr_keys', { multiEntry: true });
          d.createObjectStore('details', { keyPath: 'session_id' });
          if (variant.searchTextTable) d.createObjectStore('searchText', { keyPath: 'session_id' });
          if (variant.pageIndexes) {
            const pages = d.createObjectStore('pages', { keyPath: 'seq' });
            for (const index of variant.pageIndexes) {
              pages.createIndex(index, index, { multiEntry: index !== 'org_id' });
            }
          }
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores = [
        'sessions',
        'details',
        ...(variant.searchTextTable ? ['searchText'] : []),
        ...(variant.pageIndexes ? ['pages'] : []),
      ];
      const started = performance.now();
      for (let i = 0; i < rows.length; i += variant.batch) {
        const end = Math.min(rows.length, i + variant.batch);
        const tx = db.transaction(stores, 'readwrite', { durability: variant.durability });
        const finished = done(tx);
        const sessions = tx.objectStore('sessions');
        if (variant.readFirst) {
          await Promise.all(rows.slice(i, end).map((row) => req(sessions.get(row.session_id))));
        }
        const details = tx.objectStore('details');
        const search = variant.searchTextTable ? tx.objectStore('searchText') : null;
        if (variant.rowsOnly) {
          for (let k = i; k < end; k++) sessions.put(rows[k]);
        } else if (variant.chunked) {
          if (variant.pageIndexes) {
            const slice = rows.slice(i, end);
            tx.objectStore('pages').put({
              seq: i,
              org_id: slice[0]?.org_id,
              ids: slice.map((row) => row.session_id),
              pr_keys: [...new Set(slice.flatMap((row) => row.pr_keys))],
              rows: slice,
            });
          } else if (variant.rowsChunked) {
            details.put({ session_id: `rows-${i}`, rows: rows.slice(i, end) });
          } else {
            for (let k = i; k < end; k++) sessions.put(rows[k]);
          }
          const c = chunk(i, end);
          details.put(c.details);
          search?.put(c.search);
        } else {
          for (let k = i; k < end; k++) {
            sessions.put(rows[k]);
            details.put(variant.detailAsJson ? jsonDetails[k] : objectDetails[k]);
            search?.put(texts[k]);
          }
        }
        await finished;
      }
      results[v]?.ms.push(performance.now() - started);
      db.close();
      await new Promise((resolve) => {
        const del = indexedDB.deleteDatabase(name);
        del.onsuccess = del.onerror = del.onblocked = () => resolve(undefined);
      });
    }
  }
  return { sessions: rows.length, fetchMs, results };
}

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '2' },
    extension: { type: 'string', default: '.output/loopback/chrome-mv3' },
  },
});

const dataset = generateDataset({
  sessions: Number(values.sessions),
  orgs: 3,
  seed: 42,
  now: Date.now(),
});
const api = await startMockApi({ dataset });
const extensionDir = copyExtension(values.extension);
const browser = await launchBenchBrowser(extensionDir, { keepProfile: false });
const stop = async () => {
  await browser.close();
  await api.close();
  rmSync(extensionDir, { recursive: true, force: true });
};
process.on('SIGINT', () => void stop().finally(() => process.exit(130)));
try {
  const page = await controlPage(browser);
  const out = await page.evaluate(experiment, {
    baseUrl: api.baseUrl,
    apiKey: api.apiKey,
    orgIds: api.orgIds,
    variants: VARIANTS,
    rounds: Number(values.rounds),
  });
  console.log(`${out.sessions} sessions; fetching every page: ${Math.round(out.fetchMs)} ms`);
  const base = Math.min(...(out.results[0]?.ms ?? [1]));
  for (const r of out.results) {
    const best = Math.min(...r.ms);
    console.log(
      `${String(Math.round(best)).padStart(7)} ms  ${(best / base).toFixed(2).padStart(5)}x  ${r.name}  (rounds: ${r.ms.map(Math.round).join(', ')})`,
    );
  }
} finally {
  await stop();
}
