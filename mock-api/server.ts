// The local Devin API: node:http only, answering the v2 enterprise endpoints exactly as the
// FastAPI service would (status codes, error bodies, validation order) and the v3 endpoints an
// admin tool uses (service-user tokens, cursor paging, problem details), from the same data,
// plus opt-in faults. This module puts the parts together: the dataset and its store, the keys
// and tokens, the faults in effect, the request pipeline (http/) and the route tables and
// dialects of each API version (v2/, v3/).

import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dataset } from './data';
import { deriveApiKey, generateDataset } from './data';
import type { Faults } from './faults';
import { createRequestListener } from './http/pipeline';
import { RequestLog } from './http/request-log';
import { faultPatchOf, LiveFaults } from './live-faults';
import { SessionStore } from './store';
import { createV2Dialect } from './v2/dialect';
import { V2_ROUTES } from './v2/routes';
import { deriveServiceToken, serviceUsers } from './v3/auth';
import { V3Context } from './v3/context';
import { createV3Dialect } from './v3/dialect';
import { createV3Routes } from './v3/routes';

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
  /** v3 service-user token with every permission; defaults to a `cog_…` derived from the seed. */
  v3Token?: string;
  /** v3 token without the session permissions; defaults to one derived from the seed; null disables. */
  v3LimitedToken?: string | null;
  /** How long a v3 analysis takes after POST .../insights/generate (default 1500 ms). */
  analysisDelayMs?: number;
  /** Clock for store mutations and v3 cursor dates; defaults to Date.now. */
  clock?: () => number;
  /** How many recent requests the request log keeps. */
  requestLogSize?: number;
}

export interface MockApi {
  baseUrl: string;
  apiKey: string;
  nonAdminKey: string | null;
  /** v3 service-user token with every permission. */
  v3Token: string;
  /** v3 token that lacks the session permissions (403 there), or null when disabled. */
  v3LimitedToken: string | null;
  orgIds: string[];
  store: SessionStore;
  requestLog: RequestLog;
  /** The faults in effect now. */
  readonly faults: Faults;
  /** Changes faults while running; also restarts the fault counters (and the churn timer). */
  setFaults(patch: Partial<Faults>): void;
  close(): Promise<void>;
}

function isV3Path(path: string): boolean {
  return path === '/v3' || path.startsWith('/v3/');
}

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
  const v3Token = options.v3Token ?? deriveServiceToken(dataset.seed, 'full');
  const v3LimitedToken =
    options.v3LimitedToken === undefined
      ? deriveServiceToken(dataset.seed, 'limited')
      : options.v3LimitedToken;
  for (const token of [v3Token, v3LimitedToken]) {
    if (token !== null && !token.startsWith('cog_')) throw new Error('v3 tokens start with cog_');
    if (token === apiKey || token === nonAdminKey)
      throw new Error('v3 tokens must differ from v2 keys');
  }
  if (v3LimitedToken === v3Token) throw new Error('v3LimitedToken must differ from v3Token');
  const requestLog = new RequestLog(options.requestLogSize ?? 100);
  const liveFaults = new LiveFaults(faultPatchOf(options), store);
  const users = serviceUsers(dataset.seed, v3Token, v3LimitedToken);
  const v3 = new V3Context(store, liveFaults, {
    users,
    clock: options.clock ?? Date.now,
    analysisDelayMs: options.analysisDelayMs ?? 1500,
  });
  const v2Dialect = createV2Dialect(apiKey, nonAdminKey);
  const v3Dialect = createV3Dialect(users);

  const server: Server = createServer(
    createRequestListener({
      // Every route the server answers, all versions, in match order.
      routes: [...V2_ROUTES, ...createV3Routes(v3)],
      store,
      faults: liveFaults,
      dialectOf: (path) => (isV3Path(path) ? v3Dialect : v2Dialect),
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
    v3Token,
    v3LimitedToken,
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
      v3.stop();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (fetch pools them) would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}
