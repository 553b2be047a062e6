/**
 * Brings one organization's sessions up to date, page by page.
 *
 * Each page is fetched outside any transaction, then written together with the checkpoint
 * that says where to continue, in one transaction. A worker stopped at any moment therefore
 * leaves either the page and its checkpoint, or neither; the next run continues from the
 * checkpoint. While one page commits, the next is already written behind it (IndexedDB runs
 * the two transactions in order); the second first checks that the checkpoint it follows was
 * committed, so a page that failed can never be skipped.
 *
 * The first pass (backfill) reads every session in the history window. Later passes
 * (incremental) ask only for sessions updated since the watermark: the server time at which
 * the previous pass began, minus a safety overlap. Sessions created or updated while a pass
 * runs are thus picked up by the next pass, whatever order the server pages in.
 */
import type { DevinClient, SessionPage, SkippedRecord } from '../api';
import { MAX_IN_FLIGHT } from '../api/limiter';
import {
  type DevinDatabase,
  mergeContents,
  type OrgSyncState,
  PAGE_TABLES,
  type PageContent,
  type PageWriter,
  pageContent,
  type SyncPass,
} from '../db';
import { t } from '../i18n';
import { keepsFetched } from './cancel';
import { renewLeaseOrAbort } from './lease';
import { readAhead, walkFrom } from './page-walk';
import { type SlicePage, walkSlices } from './slice-walk';
import { openSlices } from './slices';

/** Keeps the first few invalid records for display; the count covers them all. */
const SKIPPED_SHOWN = 20;
/** An incremental pass stores its pages together, this many at most in one transaction. */
export const INCREMENTAL_BATCH_PAGES = 10;

export interface OrgPassContext {
  db: DevinDatabase;
  client: DevinClient;
  now: () => number;
  pageSize: number;
  overlapMs: number;
  historyDays: number | null;
  signal?: AbortSignal;
  /** Each page is written only while this holder keeps the sync lease. */
  lease: { holder: string; ttlMs: number };
  /** Shared by the organizations of a run (it numbers the pages). */
  writer: PageWriter;
  /** Called after each page, stored or held for its batch (the background stays awake so). */
  onPage?: () => Promise<void> | void;
}

export function emptyOrgState(orgId: string): OrgSyncState {
  return {
    org_id: orgId,
    pass: null,
    watermark: null,
    lastSuccessAt: null,
    lastError: null,
    skipped: [],
    skippedCount: 0,
  };
}

/** The kind of an organization's next pass: incremental once it has been synced in full. */
export function nextPassKind(state: OrgSyncState | undefined): SyncPass['kind'] {
  if (state?.pass) return state.pass.kind;
  return state?.watermark === null || state?.watermark === undefined ? 'backfill' : 'incremental';
}

/** A new pass for an organization with none in progress (`state.pass` is null). */
function startPass(state: OrgSyncState, ctx: PassRequestContext): SyncPass {
  const createdFrom =
    ctx.historyDays === null
      ? null
      : new Date(ctx.now() - ctx.historyDays * 24 * 60 * 60 * 1000).toISOString();
  return {
    kind: nextPassKind(state),
    startedAt: 0,
    nextSkip: 0,
    updatedFrom: state.watermark === null ? null : new Date(state.watermark).toISOString(),
    createdFrom,
    pagesDone: 0,
    sessionsDone: 0,
    total: 0,
  };
}

function mergeSkipped(kept: SkippedRecord[], added: SkippedRecord[]): SkippedRecord[] {
  return [...kept, ...added].slice(0, SKIPPED_SHOWN);
}

interface PreparedPage {
  page: SessionPage;
  content: ReturnType<typeof pageContent>;
  /** The walk started over (its stored cursor expired): pages may repeat stored sessions. */
  restarted: boolean;
  /** A backfill's page, read with others at once (slice-walk.ts): how to store it. */
  sliced?: Omit<SlicePage<unknown>, 'page' | 'prepared'>;
}

/**
 * Told when the pass ignored its incremental filter (v3 ignores unknown parameters). Stored in
 * the sync state as text, so it is written in the browser's language when the pass records it.
 */
function filterIgnoredNotice(): string {
  return t('background.sync.filterIgnored');
}

/** What opening a pass needs: how to ask for pages, not yet where to store them. */
export type PassRequestContext = Pick<
  OrgPassContext,
  'client' | 'now' | 'pageSize' | 'historyDays' | 'signal'
>;

/** A pass whose first page is already being fetched (see `openOrgPass`). */
export interface OpenedPass {
  orgId: string;
  state: OrgSyncState;
  pass: SyncPass;
  pages: AsyncGenerator<PreparedPage>;
  first: Promise<IteratorResult<PreparedPage>>;
  /** Every page is checked against the cache (a walk again over sessions stored before). */
  recheck: boolean;
}

/** How a pass ended: its final state, and for a backfill the count its first page reported. */
export interface PassResult {
  state: OrgSyncState;
  kind: SyncPass['kind'];
  /** The server's `total` on the pass's first page; null when it sent none (v3 may not). */
  firstTotal: number | null;
}

/**
 * Starts (or resumes) an organization's pass and asks for its first page at once, so a run can
 * fetch the next organization's first page while the previous one's last page is stored.
 * `stored` is the organization's state as read from the database (undefined for a new one).
 */
export function openOrgPass(
  ctx: PassRequestContext,
  orgId: string,
  stored: OrgSyncState | undefined,
  recheck = false,
): OpenedPass {
  let state = stored ?? emptyOrgState(orgId);
  let pass = state.pass;
  if (pass === null) {
    pass = startPass(state, ctx);
    state = { ...state, skipped: [], skippedCount: 0, notice: null };
  }
  const pages =
    pass.kind === 'backfill' ? backfillPages(ctx, orgId, pass) : changedPages(ctx, orgId, pass);
  const first = pages.next();
  first.catch(() => undefined);
  return { orgId, state, pass, pages, first, recheck };
}

/** A backfill's pages: its slices of the window, several read at once (see slices.ts). */
async function* backfillPages(ctx: PassRequestContext, orgId: string, pass: SyncPass) {
  const walk = walkSlices(
    { ...ctx, createdFrom: pass.createdFrom, prepare: (page) => pageContent(page.sessions) },
    orgId,
    openSlices(pass),
  );
  for await (const { page, prepared, ...sliced } of walk) {
    yield { page, restarted: false, sliced, content: prepared };
  }
}

/** An incremental pass's pages: the changes, one page after another, two asked for ahead. */
function changedPages(
  ctx: PassRequestContext,
  orgId: string,
  pass: SyncPass,
): AsyncGenerator<PreparedPage> {
  const query = {
    updatedFrom: pass.updatedFrom ?? undefined,
    createdFrom: pass.createdFrom ?? undefined,
  };
  const source = walkFrom(ctx, orgId, query, {
    skip: pass.nextSkip,
    cursor: pass.nextCursor ?? null,
  });
  return readAhead(source, ({ page, restarted }) => ({
    page,
    restarted,
    content: pageContent(page.sessions),
  }));
}

/** An incremental pass's last batch, handed to the run to store with other organizations'. */
export interface FinalBatch {
  orgId: string;
  /** The state stored before the batch, and the one it leads to. */
  expected: OrgSyncState;
  next: OrgSyncState;
  content: Required<PageContent>;
  known: ReadonlyMap<string, string>;
}

/**
 * Runs an opened pass to its end; `onLastPage` is called as soon as its last page has arrived
 * (a backfill's: as soon as fewer slices are left than requests may be in flight).
 * An incremental pass's last batch goes to `deferFinal` when given (the run stores it later),
 * otherwise it is stored here. Throws on API and storage errors; progress is kept.
 */
export async function syncOrganization(
  ctx: OrgPassContext,
  opened: OpenedPass,
  onLastPage?: () => void,
  deferFinal?: (batch: FinalBatch) => void,
): Promise<PassResult> {
  const { orgId } = opened;
  let { state, pass } = opened;

  // A backfill starts from an empty organization, so its pages are stored without looking up
  // cached copies; only the previous page can repeat sessions (when new ones shift the pages).
  // A resumed backfill's first page is checked, as it may repeat the last page stored before.
  let previousIds: Set<string> | null = pass.nextSkip === 0 ? new Set() : null;
  // Once a walk started over, every page may hold sessions stored before: all are checked.
  let repeats = opened.recheck;
  // What the last pass stored of the overlap this one reads again, and what this one stores of
  // the overlap the next one will read.
  const known = new Map(Object.entries(pass.kind === 'incremental' ? (state.recent ?? {}) : {}));
  const recent = new Map<string, string>();
  const { writer } = ctx;
  let committing: Promise<unknown> = Promise.resolve();
  // An incremental pass reads a few pages, mostly of sessions cached already. Its pages are
  // stored together when the pass ends (or every INCREMENTAL_BATCH_PAGES pages), so reading
  // the next page never waits for a commit; the state they follow is the last one stored.
  let batch: Required<PageContent>[] = [];
  let stored = state;
  try {
    for (let step = await opened.first; !step.done; step = await opened.pages.next()) {
      const { page, content, sliced } = step.value;
      if (step.value.restarted) repeats = true;
      const following = page.next;
      const last = sliced ? sliced.slices.length === 0 : following === null;
      // A backfill with fewer slices left than requests allowed at once leaves room: the next
      // organization's pass starts beside its last pages.
      if (last || (sliced && sliced.slices.length < MAX_IN_FLIGHT)) onLastPage?.();
      const current: SyncPass = pass;
      const startedAt = current.startedAt || (page.serverTime ?? ctx.now());
      content.rows.forEach((row, i) => {
        if (row.updated_at >= startedAt - ctx.overlapMs) {
          recent.set(row.session_id, content.stamps[i] as string);
        }
      });
      const progressed: SyncPass = {
        ...current,
        startedAt,
        // A backfill continues from its slices (the sessions read so far, for progress).
        nextSkip: sliced
          ? current.sessionsDone + page.itemCount
          : (following?.skip ?? current.nextSkip),
        nextCursor: sliced ? null : (following?.cursor ?? null),
        ...(sliced ? { slices: sliced.slices } : {}),
        pagesDone: current.pagesDone + 1,
        sessionsDone: current.sessionsDone + page.itemCount,
        // v3 may not say how many match: the count so far is then the best estimate. A slice's
        // page counts its slice only: the pass's total is its first page's.
        total:
          (sliced && current.pagesDone > 0 ? null : page.total) ??
          Math.max(current.total, current.sessionsDone + page.itemCount),
        // What the first page said, to check the cache against once the pass ends.
        firstTotal: current.pagesDone === 0 ? page.total : (current.firstTotal ?? null),
      };
      const next: OrgSyncState = {
        ...state,
        pass: last ? null : progressed,
        skipped: mergeSkipped(state.skipped, page.skipped),
        skippedCount: state.skippedCount + page.skipped.length,
        ...(page.filterIgnored ? { notice: filterIgnoredNotice() } : {}),
        ...(last
          ? {
              watermark: startedAt - ctx.overlapMs,
              lastSuccessAt: ctx.now(),
              lastError: null,
              recent: Object.fromEntries(recent),
            }
          : {}),
      };
      state = next;
      pass = progressed;

      if (current.kind === 'incremental') {
        batch.push(content);
        if (following === null || batch.length === INCREMENTAL_BATCH_PAGES) {
          // As one: the writer looks up the cached copies of the whole batch in one go.
          const merged = mergeContents(batch);
          batch = [];
          if (following === null && deferFinal) {
            deferFinal({ orgId, expected: stored, next, content: merged, known });
          } else {
            await storePages(ctx, [{ orgId, expected: stored, next }], () =>
              writer.store(orgId, merged, { checkCached: true, known }),
            );
          }
          stored = next;
        }
        await ctx.onPage?.();
        continue;
      }

      const checkCached = sliced ? sliced.recheck || repeats : previousIds === null || repeats;
      const seenBefore = (sliced ? sliced.seenBefore : previousIds) ?? undefined;
      const writing = storePages(ctx, [{ orgId, expected: stored, next }], () =>
        writer.store(orgId, content, { checkCached, seenBefore }),
      );
      writing.catch(() => undefined);
      await committing;
      // A page that looks up cached copies is written alone: its counts depend on them.
      if (checkCached) await writing;
      committing = writing;
      stored = next;
      previousIds = new Set(page.sessions.map((session) => session.session_id));
      await ctx.onPage?.();
    }
  } catch (error) {
    // Stopped by new settings: the batch read so far is kept, with its checkpoint.
    if (batch.length > 0 && keepsFetched(ctx.signal)) {
      const kept = { orgId, expected: stored, next: state, content: mergeContents(batch), known };
      if (deferFinal) deferFinal(kept);
      else await storeFinalBatches(ctx, [kept]);
    }
    throw error;
  }
  await committing;
  return { state, kind: pass.kind, firstTotal: pass.firstTotal ?? null };
}

/** An organization whose pages are stored, and the state they lead to from `expected`. */
interface StateChange {
  orgId: string;
  expected: OrgSyncState;
  next: OrgSyncState;
}

/**
 * Stores pages (`store`) of one or more organizations, and the states they lead to, in one
 * transaction. Every request is issued at once; a lost lease, or a previous page that did not
 * commit (the stored state is not `expected`), throws and rolls them all back.
 */
function storePages(
  ctx: OrgPassContext,
  changes: readonly StateChange[],
  store: () => Promise<unknown>,
): Promise<unknown> {
  const { db } = ctx;
  return db.transaction('rw', [...PAGE_TABLES, 'syncState'], () =>
    Promise.all([
      renewLeaseOrAbort(db, ctx.lease.holder, ctx.lease.ttlMs, ctx.now()),
      store(),
      // Organizations hold different sessions, so their writes do not interfere.
      ...changes.flatMap((change) => [
        expectCheckpoint(db, change.orgId, change.expected),
        db.syncState.put(change.next),
      ]),
    ]),
  );
}

/** Thrown inside a page's transaction when the checkpoint it follows was not committed. */
class CheckpointMissingError extends Error {
  override readonly name = 'CheckpointMissingError';
}

async function expectCheckpoint(
  db: DevinDatabase,
  orgId: string,
  expected: OrgSyncState,
): Promise<void> {
  const stored = await db.syncState.get(orgId);
  if ((stored?.pass?.pagesDone ?? 0) !== (expected.pass?.pagesDone ?? 0)) {
    throw new CheckpointMissingError('The previous page was not stored.');
  }
}

/**
 * Stores the last batches of several organizations' incremental passes in one transaction: a
 * run's writes then wait until its last page has arrived, instead of slowing the requests of
 * the organizations after them. Each batch follows its organization's stored state.
 */
export function storeFinalBatches(ctx: OrgPassContext, batches: readonly FinalBatch[]) {
  return storePages(ctx, batches, () =>
    ctx.writer.storeAll(
      batches.map((batch) => ({
        orgId: batch.orgId,
        content: batch.content,
        options: { checkCached: true, known: batch.known },
      })),
    ),
  );
}
