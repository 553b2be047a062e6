/**
 * One sync run over every configured organization: take the lease, make sure the cache
 * belongs to the current key and organizations, refresh names, then bring each organization
 * up to date. Errors are recorded per organization and overall, in words the UI shows as is.
 */
import { type DevinClient, SESSION_PAGE_SIZE } from '../api';
import {
  compactPages,
  type DevinDatabase,
  type OrgSyncState,
  PageWriter,
  readWriterStart,
  removeOtherOrganizations,
  removeSessionsCreatedBefore,
} from '../db';
import { missingAfterBackfill, recordStillMissing } from './backfill-check';
import { keepsFetched } from './cancel';
import { isDirectoryFresh, refreshDirectory } from './directory';
import { stopsSchedule, toSyncError } from './errors';
import { adoptCacheIdentity } from './identity';
import { LeaseLostError, releaseLease, renewLeaseOrAbort } from './lease';
import {
  emptyOrgState,
  type FinalBatch,
  nextPassKind,
  type OpenedPass,
  type OrgPassContext,
  openOrgPass,
  type PassRequestContext,
  type PassResult,
  storeFinalBatches,
  syncOrganization,
} from './org-pass';
import { beginRun, endRun } from './run-bounds';
import type { SyncStatus } from './status';

/** The key check reads a first page of this size too (api/first-page.ts). */
const PAGE_SIZE = SESSION_PAGE_SIZE;
/** Re-reads the last minutes of changes each time, against clock skew and late writes. */
const OVERLAP_MS = 5 * 60 * 1000;
export const LEASE_TTL_MS = 60 * 1000;
/** Organizations whose passes are read ahead of the one being stored (see runSync). */
const AHEAD_ORGS = 2;

export interface SyncRequest {
  db: DevinDatabase;
  client: DevinClient;
  /** Hash of base URL and key (see identity.ts). */
  identity: string;
  orgIds: readonly string[];
  historyDays: number | null;
  /** Who runs this sync, for the lease. */
  holder: string;
  now?: () => number;
  signal?: AbortSignal;
  pageSize?: number;
  overlapMs?: number;
  leaseTtlMs?: number;
  /** Called after each page arrives (the background uses it to stay awake during long syncs). */
  onPage?: () => Promise<void> | void;
}

export type SyncOutcome =
  | { result: 'done'; status: SyncStatus }
  | { result: 'failed'; status: SyncStatus }
  | { result: 'busy' }
  /** Stopped on purpose (new settings): progress is kept, nothing is reported as an error. */
  | { result: 'cancelled' };

export async function runSync(request: SyncRequest): Promise<SyncOutcome> {
  const { db, holder } = request;
  const now = request.now ?? Date.now;
  const ttl = request.leaseTtlMs ?? LEASE_TTL_MS;
  const historyCutoff =
    request.historyDays === null ? null : now() - request.historyDays * 24 * 60 * 60 * 1000;
  const requests: PassRequestContext = {
    client: request.client,
    now,
    pageSize: request.pageSize ?? PAGE_SIZE,
    historyDays: request.historyDays,
    signal: request.signal,
  };
  const early = openFirstPassEarly(db, requests, request.orgIds[0]);
  const start = await beginRun(db, {
    holder,
    ttlMs: ttl,
    now: now(),
    keepOrgIds: request.orgIds,
    historyCutoff,
  }).catch((error: unknown) => {
    early?.drop();
    throw error;
  });
  if (start === null) {
    early?.drop();
    return { result: 'busy' };
  }

  let ended = false;
  // Its names are written on their own; a run that stops early still waits for them.
  let directory: Promise<void> = Promise.resolve();
  // Aborts the pages asked for ahead that are still on their way when the run stops.
  const stopAhead = new AbortController();
  const end = async (change: Partial<SyncStatus>) => {
    ended = true;
    return endRun(db, holder, { lastFinishedAt: now(), ...change });
  };
  try {
    // The usual run needs none of these; each is looked up in beginRun first.
    let { states, writer } = start;
    const rewrites =
      start.identity !== request.identity ||
      start.orgsToRemove ||
      (historyCutoff !== null && start.pagesBeforeWindow);
    if (start.identity !== request.identity) await adoptCacheIdentity(db, request.identity);
    if (start.orgsToRemove) await removeOtherOrganizations(db, request.orgIds);
    if (historyCutoff !== null && start.pagesBeforeWindow) {
      await removeSessionsCreatedBefore(db, historyCutoff);
    }
    if (rewrites) {
      writer = await readWriterStart(db);
      states = new Map((await db.syncState.toArray()).map((state) => [state.org_id, state]));
    }
    // Names are fetched beside the sessions, not before them: at a real API's latency the
    // member list alone takes seconds, and the first sessions should not wait for names.
    directory = isDirectoryFresh(start.directory, now())
      ? Promise.resolve()
      : refreshDirectory(db, request.client, { now: now(), signal: request.signal }).then(
          () => undefined,
        );
    directory.catch(() => undefined);

    const context: OrgPassContext = {
      ...requests,
      db,
      overlapMs: request.overlapMs ?? OVERLAP_MS,
      lease: { holder, ttlMs: ttl },
      writer: new PageWriter(db, writer),
      onPage: request.onPage,
    };
    // Organizations are stored one after another, but their pages are asked for side by side:
    // the next AHEAD_ORGS organizations' passes open with the run, whatever their kind, so their
    // first pages (and the ranges those size) fill the request places the first one leaves
    // idle, and each organization finds pages waiting when its turn comes. The client's limiter
    // keeps the requests at four in flight; each walk holds only a few pages ahead
    // (slice-walk.ts). Beyond them, incremental passes (a few pages each) open too, up to the
    // next backfill, which opens when an organization before it is reached.
    const aheadOf = new Map<number, OpenedPass>();
    const aheadSignal = request.signal
      ? AbortSignal.any([request.signal, stopAhead.signal])
      : stopAhead.signal;
    const openAhead = (current: number) => {
      for (let index = current + 1; index < request.orgIds.length; index++) {
        const orgId = request.orgIds[index] as string;
        const state = states.get(orgId);
        if (index > current + AHEAD_ORGS && nextPassKind(state) !== 'incremental') break;
        if (aheadOf.has(index)) continue;
        aheadOf.set(index, openOrgPass({ ...context, signal: aheadSignal }, orgId, state));
      }
    };
    const open = (index: number) => {
      const orgId = request.orgIds[index];
      if (orgId === undefined) return null;
      openAhead(index);
      return aheadOf.get(index) ?? openOrgPass(context, orgId, states.get(orgId));
    };
    let firstError = null;
    const finalBatches: FinalBatch[] = [];
    // The early first page serves when the run's start saw the state it was asked from.
    const firstOrgId = request.orgIds[0];
    const earlyPass =
      early && firstOrgId !== undefined ? await early.passFor(states.get(firstOrgId)) : null;
    if (!earlyPass) early?.drop();
    // The first organization's pass opened with the run (see openFirstPassEarly), before these.
    let next = earlyPass ?? open(0);
    openAhead(0);
    for (let index = 0; next !== null; index++) {
      const opened = next;
      const orgId = opened.orgId;
      next = null;
      let nextOpened = false;
      const openNext = () => {
        if (nextOpened) return;
        nextOpened = true;
        next = open(index + 1);
      };
      try {
        const result = await syncOrganization(context, opened, openNext, (batch) =>
          finalBatches.push(batch),
        );
        openNext();
        await recheckBackfill(context, result);
      } catch (error) {
        if (request.signal?.aborted) {
          // Stopped by new settings: what the run fetched is stored before it stops, as it
          // would have been at its end (one transaction), unless the cache is to be discarded.
          if (finalBatches.length > 0 && keepsFetched(request.signal)) {
            await storeFinalBatches(context, finalBatches).catch(() => undefined);
          }
          return { result: 'cancelled' };
        }
        // Another worker holds the sync now: it reports the outcome, not this one.
        if (error instanceof LeaseLostError) return { result: 'busy' };
        const info = toSyncError(error, now());
        firstError ??= info;
        const state = (await db.syncState.get(orgId)) ?? emptyOrgState(orgId);
        await db.syncState.put({ ...state, lastError: info });
        // A refused key is refused for every organization: stop here.
        if (stopsSchedule(info)) break;
        // A failed page may have moved the writer's counts past what was stored.
        context.writer = await PageWriter.open(db);
        openNext();
      }
    }

    if (finalBatches.length > 0) {
      try {
        await storeFinalBatches(context, finalBatches);
      } catch (error) {
        if (request.signal?.aborted) return { result: 'cancelled' };
        if (error instanceof LeaseLostError) return { result: 'busy' };
        // None of these passes was stored: each organization says so, and syncs it again.
        const info = toSyncError(error, now());
        firstError ??= info;
        await db.syncState.bulkPut(
          finalBatches.map((batch) => ({ ...batch.expected, lastError: info })),
        );
        context.writer = await PageWriter.open(db);
      }
    }

    await directory;
    // Superseded copies and small pages pile up sync after sync; now and then they are merged.
    if (context.writer.needsCompaction()) {
      await compactPages(db, () => renewLeaseOrAbort(db, holder, ttl, now()));
    }

    const status = await end({
      lastError: firstError,
      pausedReason: firstError && stopsSchedule(firstError) ? firstError.message : null,
      ...(firstError ? {} : { lastSuccessAt: now(), notice: null }),
    });
    return { result: firstError ? 'failed' : 'done', status };
  } catch (error) {
    if (request.signal?.aborted) return { result: 'cancelled' };
    const status = await end({ lastError: toSyncError(error, now()), pausedReason: null });
    return { result: 'failed', status };
  } finally {
    // Unused (the run stopped before its passes) or done with: its request is not needed.
    early?.drop();
    stopAhead.abort();
    await directory.catch(() => undefined);
    if (!ended) await releaseLease(db, holder);
  }
}

/**
 * The first organization's first page is asked for while the run begins (taking the lease and
 * reading what decides the run costs a few milliseconds of IndexedDB): its state is read in a
 * transaction of its own, just before the run's. The page serves only when the run's start
 * reads the same state, after any rewrite of the cache (a new key starts from nothing);
 * otherwise the request is aborted and the pass opened again.
 */
function openFirstPassEarly(
  db: DevinDatabase,
  requests: PassRequestContext,
  orgId: string | undefined,
): {
  passFor: (state: OrgSyncState | undefined) => Promise<OpenedPass | null>;
  drop: () => void;
} | null {
  if (orgId === undefined) return null;
  const abort = new AbortController();
  const signal = requests.signal ? AbortSignal.any([requests.signal, abort.signal]) : abort.signal;
  const opening = db.syncState.get(orgId).then((state) => ({
    state,
    opened: openOrgPass({ ...requests, signal }, orgId, state),
  }));
  opening.catch(() => undefined);
  return {
    passFor: async (state) => {
      const early = await opening.catch(() => null);
      if (!early || JSON.stringify(early.state) !== JSON.stringify(state)) return null;
      return early.opened;
    },
    drop: () => abort.abort(),
  };
}

/**
 * A backfill that cached fewer sessions than the server counted walks the organization once
 * more, every page checked against the cache (as for a walk that started over), and says so
 * in the organization's state when the second walk still finds fewer.
 */
async function recheckBackfill(context: OrgPassContext, result: PassResult): Promise<void> {
  if ((await missingAfterBackfill(context.db, result)) === 0) return;
  const orgId = result.state.org_id;
  // From no watermark: a backfill of the whole window again, not the changes since.
  const again = openOrgPass(context, orgId, { ...result.state, watermark: null }, true);
  const second = await syncOrganization(context, again);
  const missing = await missingAfterBackfill(context.db, second);
  if (missing > 0) await recordStillMissing(context.db, second, missing);
}
