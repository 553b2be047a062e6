import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { cachedCount } from '../../tests/fixtures/db';
import { createV2Client } from '../api';
import { DevinDatabase, type SyncErrorInfo } from '../db';
import { DEFAULT_SETTINGS } from '../settings/items';
import { SyncCancelled } from './cancel';
import { LEASE_TTL_MS } from './engine';
import { isTransient } from './errors';
import { LEASE_KEY } from './lease';
import { createSyncService, type SyncConfig } from './service';
import { readSyncStatus } from './status';

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ sessions: 1200, orgs: 1, seed: 47 });
});
afterAll(() => api.close());

function service(
  config: () => SyncConfig,
  failures: SyncErrorInfo[] = [],
  db = new DevinDatabase(`service-${Math.random()}`),
) {
  return createSyncService({
    db,
    readConfig: async () => config(),
    createClient: ({ apiBaseUrl, apiKey }) =>
      createV2Client({ baseUrl: apiBaseUrl, apiKey, retry: { maxAttempts: 2, baseDelayMs: 5 } }),
    onFailure: (error) => failures.push(error),
  });
}

const configured = (apiKey = api.apiKey): SyncConfig => ({
  apiKey,
  settings: { ...DEFAULT_SETTINGS, apiBaseUrl: api.baseUrl, orgIds: api.orgIds },
});

describe('sync service', () => {
  it('does nothing until a key and an organization are set', async () => {
    const sync = service(() => ({ apiKey: null, settings: DEFAULT_SETTINGS }));
    expect(await sync.syncNow('manual')).toBe('not-configured');
  });

  it('never sends the key to a base URL that the options page would refuse', async () => {
    const db = new DevinDatabase(`service-${Math.random()}`);
    const failures: SyncErrorInfo[] = [];
    const sync = service(
      () => ({
        apiKey: api.apiKey,
        settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'http://api.example.com', orgIds: api.orgIds },
      }),
      failures,
      db,
    );
    expect(await sync.syncNow('manual')).toBe('failed');
    // Refused before any request: no network error, the reason in plain words.
    expect((await readSyncStatus(db)).lastError?.message).toMatch(/unencrypted/);
  });

  it('sends nothing while the key is held back from the address, and says why', async () => {
    const db = new DevinDatabase(`service-${Math.random()}`);
    const failures: SyncErrorInfo[] = [];
    const heldBack = `The API address changed to ${api.baseUrl}. Confirm your key for this address in Settings.`;
    const sync = service(
      () => ({
        apiKey: null,
        keyHeldBack: heldBack,
        settings: { ...DEFAULT_SETTINGS, apiBaseUrl: api.baseUrl, orgIds: api.orgIds },
      }),
      failures,
      db,
    );
    api.requestLog.reset();
    expect(await sync.syncNow('manual')).toBe('failed');
    expect(api.requestLog.total).toBe(0);
    const status = await readSyncStatus(db);
    expect(status.lastError).toMatchObject({ kind: 'unconfirmed_origin', message: heldBack });
    // Not a refused key: nothing to retry on a schedule, nothing paused.
    expect(status.pausedReason).toBeNull();
    expect(failures).toEqual([]);
  });

  it('joins a sync already running instead of starting a second one', async () => {
    const sync = service(() => configured());
    const [a, b] = [sync.syncNow('manual'), sync.syncNow('alarm')];
    expect(a).toBe(b);
    expect(await a).toBe('done');
  });

  it('after a refused key, waits for new settings on schedule but lets a person retry', async () => {
    const failures: SyncErrorInfo[] = [];
    let key = 'apk_user_revoked';
    const sync = service(() => configured(key), failures);
    expect(await sync.syncNow('manual')).toBe('failed');
    expect(failures.map((f) => f.kind)).toEqual(['unauthorized']);
    expect(isTransient(failures[0] as SyncErrorInfo)).toBe(false);
    expect(await sync.syncNow('alarm')).toBe('paused');
    expect(await sync.syncNow('manual')).toBe('failed');
    key = api.apiKey;
    await sync.settingsChanged();
    expect(await sync.syncNow('alarm')).toBe('done');
  });

  it('reports a passing failure so a sooner retry can be scheduled', async () => {
    const failures: SyncErrorInfo[] = [];
    const sync = service(() => configured(), failures);
    api.setFaults({ serverErrorBurst: { every: 1, length: 1000, status: 503 } });
    try {
      expect(await sync.syncNow('alarm')).toBe('failed');
    } finally {
      api.setFaults({ serverErrorBurst: null });
    }
    expect(failures).toHaveLength(1);
    expect(isTransient(failures[0] as SyncErrorInfo)).toBe(true);
  });

  it('resumes a run whose worker was stopped before any organization was mid-pass', async () => {
    const db = new DevinDatabase(`service-${Math.random()}`);
    // What a stopped worker leaves when it is stopped between two organizations' passes.
    await db.meta.put({
      key: LEASE_KEY,
      value: { holder: 'worker-stopped', expiresAt: Date.now() + LEASE_TTL_MS },
    });
    await service(() => configured(), [], db).resumeInterrupted();
    expect((await readSyncStatus(db)).lastSuccessAt).not.toBeNull();
    expect(await cachedCount(db)).toBe(api.store.size);
  });

  it('does not sync on wake-up when no run was cut short', async () => {
    const db = new DevinDatabase(`service-${Math.random()}`);
    await service(() => configured(), [], db).resumeInterrupted();
    expect((await readSyncStatus(db)).lastStartedAt).toBeNull();
  });

  it('tells the run whether new settings discard the cache (another key) or keep it', async () => {
    for (const [newKey, discarded] of [
      [api.apiKey, false],
      ['apk_user_other', true],
    ] as const) {
      let config = configured();
      const signals: (AbortSignal | undefined)[] = [];
      const sync = createSyncService({
        db: new DevinDatabase(`service-${Math.random()}`),
        readConfig: async () => config,
        createClient: ({ apiBaseUrl, apiKey }) => {
          const real = createV2Client({ baseUrl: apiBaseUrl, apiKey });
          return {
            ...real,
            listSessionsPage(orgId, page, query, signal) {
              signals.push(signal);
              return real.listSessionsPage(orgId, page, query, signal);
            },
          };
        },
      });
      api.setFaults({ latencyMs: 50 });
      try {
        const running = sync.syncNow('manual');
        await expect.poll(() => signals.length).toBeGreaterThan(0);
        config = configured(newKey);
        await sync.settingsChanged();
        expect(await running).toBe('cancelled');
        const reason = signals[0]?.reason;
        expect(reason).toBeInstanceOf(SyncCancelled);
        expect((reason as SyncCancelled).cacheDiscarded).toBe(discarded);
      } finally {
        api.setFaults({ latencyMs: 0 });
      }
    }
  });

  it('stops a running sync when the settings change', async () => {
    // Waits for the first stored page rather than a fixed time: on a busy machine the run may
    // take longer than any fixed wait to get going.
    let firstPage: () => void = () => undefined;
    const paged = new Promise<void>((resolve) => {
      firstPage = resolve;
    });
    const sync = createSyncService({
      db: new DevinDatabase(`service-${Math.random()}`),
      readConfig: async () => configured(),
      createClient: ({ apiBaseUrl, apiKey }) =>
        createV2Client({ baseUrl: apiBaseUrl, apiKey, retry: { maxAttempts: 2, baseDelayMs: 5 } }),
      onPage: () => firstPage(),
    });
    api.setFaults({ latencyMs: 50 });
    try {
      const running = sync.syncNow('manual');
      await paged;
      await sync.settingsChanged();
      expect(await running).toBe('cancelled');
    } finally {
      api.setFaults({ latencyMs: 0 });
    }
  });
});
