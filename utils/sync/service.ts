/**
 * The background's sync service: reads the settings in force, builds the API client and runs
 * one sync at a time. Pages and the options page reach it through messages (utils/messaging).
 */
import { createClient, type DevinClient, servingKeptFirstPage } from '../api';
import { refreshConsumption } from '../budget/refresh';
import { clearCache, type DevinDatabase, type SyncErrorInfo } from '../db';
import { logFailure } from '../log';
import { checkApiBaseUrl, type Settings, UNCONFIRMED_ORIGIN } from '../settings';
import { readCycleStartDay } from '../settings/billing-cycle';
import { SyncCancelled } from './cancel';
import { runSync, type SyncOutcome } from './engine';
import { cacheIdentity } from './identity';
import { dropLeaseOfStoppedWorker } from './lease';
import { readSyncStatus, updateSyncStatus } from './status';

export type SyncTrigger = 'alarm' | 'manual' | 'install' | 'startup' | 'settings';

export interface SyncConfig {
  /** Null when none is saved, or when it is held back from the address (key-binding.ts). */
  apiKey: string | null;
  settings: Settings;
  /** Why a saved key is held back from the address, in plain words. */
  keyHeldBack?: string | null;
}

export type SyncNowResult = SyncOutcome['result'] | 'not-configured' | 'paused';

export interface SyncServiceOptions {
  db: DevinDatabase;
  readConfig: () => Promise<SyncConfig>;
  createClient?: (config: { apiBaseUrl: string; apiKey: string }) => DevinClient;
  onPage?: () => Promise<void> | void;
  /** Told when a sync ends in an error (the background schedules a sooner retry for some). */
  onFailure?: (error: SyncErrorInfo) => void;
  /** Told when a sync ends with every organization up to date (alerts are evaluated then). */
  onSynced?: () => void;
  /** Settles once the database is open or rebuilt (utils/db/database.ts): runs wait for it. */
  opened?: Promise<unknown>;
}

export function createSyncService(options: SyncServiceOptions) {
  const { db } = options;
  const holder = `worker-${crypto.randomUUID()}`;
  // The first page a key check just read, when it is the one the sync asks for first, is not
  // asked for again (api/first-page.ts): the popup's first rows come one request sooner.
  const makeClient =
    options.createClient ??
    ((config: { apiBaseUrl: string; apiKey: string }) => {
      const target = { baseUrl: config.apiBaseUrl, apiKey: config.apiKey };
      return servingKeptFirstPage(createClient(target), target);
    });
  let running: Promise<SyncNowResult> | null = null;
  let controller: AbortController | null = null;
  /** The identity (key and base URL) the running sync fills the cache for. */
  let runIdentity: string | null = null;
  // A browser runs one background worker at a time: a lease found at start-up belongs to a
  // predecessor that was stopped, so it is dropped before this worker syncs.
  // It waits for the database to open, as a failed upgrade deletes and recreates it first.
  const ready = Promise.resolve(options.opened).then(() => dropLeaseOfStoppedWorker(db));

  async function run(trigger: SyncTrigger): Promise<SyncNowResult> {
    await ready;
    const { apiKey, settings, keyHeldBack } = await options.readConfig();
    if ((!apiKey && !keyHeldBack) || settings.orgIds.length === 0) return 'not-configured';
    // A base URL set by policy or an older version is checked like one typed in the options.
    const baseUrl = checkApiBaseUrl(settings.apiBaseUrl);
    if (!baseUrl.ok) {
      await updateSyncStatus(db, {
        lastError: { kind: 'invalid_request', message: baseUrl.reason, at: Date.now() },
      });
      return 'failed';
    }
    if (!apiKey) {
      // Nothing is sent until the admin confirms the key for this address; the status says so.
      await updateSyncStatus(db, {
        lastError: { kind: UNCONFIRMED_ORIGIN, message: keyHeldBack ?? '', at: Date.now() },
        pausedReason: null,
      });
      return 'failed';
    }
    // A refused key waits for new settings; a person asking again is let through.
    if (trigger === 'alarm' && (await readSyncStatus(db)).pausedReason) return 'paused';
    runIdentity = await cacheIdentity(settings.apiBaseUrl, apiKey);
    controller = new AbortController();
    const client = makeClient({ apiBaseUrl: settings.apiBaseUrl, apiKey });
    const sessions = runSync({
      signal: controller.signal,
      db,
      client,
      identity: runIdentity,
      orgIds: settings.orgIds,
      historyDays: settings.historyDays,
      holder,
      onPage: options.onPage,
    });
    // Billing is read beside the sessions (it needs none of them), so "Sync now" waits for
    // the slower of the two rather than both in turn; it never fails their sync (refresh.ts).
    const signal = controller.signal;
    const billing = readCycleStartDay()
      .then(({ day }) =>
        refreshConsumption(db, client, {
          now: Date.now(),
          startDay: day,
          orgIds: settings.orgIds,
          signal,
        }),
      )
      .catch((error: unknown) => {
        if (!signal.aborted) logFailure('storing billed consumption', error);
      });
    const outcome = await sessions;
    // The alerts read the billed figures: they are evaluated once these are stored.
    await billing;
    if (outcome.result === 'failed' && outcome.status.lastError) {
      options.onFailure?.(outcome.status.lastError);
    }
    if (outcome.result === 'done') options.onSynced?.();
    return outcome.result;
  }

  /** Whether the settings now name another key or base URL than the running sync's. */
  async function identityChanged(): Promise<boolean> {
    const { apiKey, settings } = await options.readConfig();
    if (!apiKey) return true;
    // An address that cannot be read starts no sync: the cache is kept as it is.
    const identity = await cacheIdentity(settings.apiBaseUrl, apiKey).catch(() => runIdentity);
    return identity !== runIdentity;
  }

  /** Starts a sync, or joins the one this worker is already running. */
  function syncNow(trigger: SyncTrigger): Promise<SyncNowResult> {
    running ??= run(trigger).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    syncNow,

    /** Forgets every session and checkpoint, then syncs from scratch. */
    async fullResync(): Promise<SyncNowResult> {
      await running?.catch(() => undefined);
      await clearCache(db, false);
      return syncNow('manual');
    },

    async clearCache(): Promise<void> {
      await running?.catch(() => undefined);
      await clearCache(db);
    },

    /**
     * New settings: a sync still running with the old key or organizations is stopped (its
     * progress is kept), and a refused key no longer holds back scheduled syncs.
     */
    async settingsChanged(): Promise<void> {
      if (running) {
        // The controller is read after the check: a run that was still starting has one now.
        const cancelled = new SyncCancelled(await identityChanged());
        controller?.abort(cancelled);
      }
      await running?.catch(() => undefined);
      await updateSyncStatus(db, { pausedReason: null });
    },

    /**
     * A sync cut short by a stopped worker continues as soon as the worker is back. The lease it
     * left behind says so even when no organization was mid-pass (stopped between two of them).
     */
    async resumeInterrupted(): Promise<void> {
      const runWasCut = await ready;
      const passesCut = await db.syncState.filter((state) => state.pass !== null).count();
      if (runWasCut || passesCut > 0) await syncNow('startup');
    },
  };
}
