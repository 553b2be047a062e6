// The local Devin API: node:http only, answering the v2 enterprise endpoints exactly as the
// FastAPI service would (status codes, error bodies, validation order), plus opt-in faults.
// This module puts the parts together: the dataset and its store, the keys, the faults in
// effect, the request pipeline (http/) and the route tables of each API version (v2/).

import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dataset } from './data';
import { deriveApiKey, generateDataset } from './data';
import type { Faults } from './faults';
import { createRequestListener } from './http/pipeline';
import { RequestLog } from './http/request-log';
import type { Route } from './http/routing';
import { faultPatchOf, LiveFaults } from './live-faults';
import { SessionStore } from './store';
import { V2_ROUTES } from './v2/routes';

export interface MockApiOptions extends Partial<Faults> {
  /** 0 (default) picks any free port. */
  port?: number;
  host?: string;
  /** Dataset size and identity (ignored when `dataset` is given). */
  sessions?: number;
  orgs?: number;
  users?: number;
  seed?: number | string;
  /** Reference time for generated data; defaults to the current time. */
  now?: Date | number | string;
  /** A prebuilt dataset (e.g. shared between tests). The store reads it but never edits it. */
  dataset?: Dataset;
  /** Enterprise admin key; defaults to a deterministic `apk_user_…` derived from the seed. */
  apiKey?: string;
  /** An ordinary user's key (403 everywhere); defaults to one derived from the seed; null disables. */
  nonAdminKey?: string | null;
  /** Clock for store mutations; defaults to Date.now. */
  clock?: () => number;
  /** How many recent requests the request log keeps. */
  requestLogSize?: number;
}

export interface MockApi {
  baseUrl: string;
  apiKey: string;
  nonAdminKey: string | null;
  orgIds: string[];
  store: SessionStore;
  requestLog: RequestLog;
  /** The faults in effect now. */
  readonly faults: Faults;
  /** Changes faults while running; also restarts the fault counters (and the churn timer). */
  setFaults(patch: Partial<Faults>): void;
  close(): Promise<void>;
}

/** Every route the server answers, all versions, in match order. */
const ROUTES: readonly Route[] = [...V2_ROUTES];

export async function startMockApi(options: MockApiOptions = {}): Promise<MockApi> {
  const seed = options.seed ?? 42;
  const dataset =
    options.dataset ??
    generateDataset({
      sessions: options.sessions ?? 500,
      orgs: options.orgs ?? 3,
      users: options.users,
      seed,
      now: options.now ?? Date.now(),
    });
  const store = new SessionStore(dataset, { clock: options.clock });
  const apiKey = options.apiKey ?? deriveApiKey(dataset.seed, 'admin');
  const nonAdminKey =
    options.nonAdminKey === undefined ? deriveApiKey(dataset.seed, 'user') : options.nonAdminKey;
  if (nonAdminKey === apiKey) throw new Error('nonAdminKey must differ from apiKey');
  const requestLog = new RequestLog(options.requestLogSize ?? 100);
  const liveFaults = new LiveFaults(faultPatchOf(options), store);

  const server: Server = createServer(
    createRequestListener({
      routes: ROUTES,
      store,
      faults: liveFaults,
      apiKey,
      nonAdminKey,
      requestLog,
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  liveFaults.startChurn();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    baseUrl: `http://${host}:${address.port}`,
    apiKey,
    nonAdminKey,
    orgIds: store.orgIds,
    store,
    requestLog,
    get faults() {
      return { ...liveFaults.faults };
    },
    setFaults(patch: Partial<Faults>) {
      liveFaults.update(patch);
    },
    close() {
      liveFaults.stopChurn();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (fetch pools them) would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}
