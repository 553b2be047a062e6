// The local Devin API: node:http only, answering the v2 enterprise endpoints exactly as the
// FastAPI service would (status codes, error bodies, validation order), plus opt-in faults.
// Order of checks per request mirrors the real stack: rate limiter / proxy faults first, then
// routing (404/405), then auth (401/403), then parameter validation (422), then the handler (404).

import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dataset } from './data';
import { deriveApiKey, generateDataset } from './data';
import type { Faults, InvalidRecordKind } from './faults';
import {
  corruptSession,
  DEFAULT_FAULTS,
  FaultSchedule,
  invalidRecordPlan,
  mergeFaults,
  normalizeSessionId,
  truncateBody,
  variantSession,
} from './faults';
import type { StoredSession } from './store';
import { SessionStore } from './store';
import type { PaginatedResponse, ValidationErrorItem } from './types';
import { readDateTime, readInt, readList, readString } from './validation';

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

interface RequestLogEntry {
  method: string;
  /** Path and query as received. */
  url: string;
  path: string;
  authorization: boolean;
  status: number;
}

/** What the server saw: counts per path and the last N requests (for tests and the demo). */
class RequestLog {
  total = 0;
  readonly byPath = new Map<string, number>();
  readonly recent: RequestLogEntry[] = [];

  constructor(private readonly capacity: number) {}

  record(entry: RequestLogEntry): void {
    this.total++;
    this.byPath.set(entry.path, (this.byPath.get(entry.path) ?? 0) + 1);
    this.recent.push(entry);
    if (this.recent.length > this.capacity)
      this.recent.splice(0, this.recent.length - this.capacity);
  }

  count(path: string): number {
    return this.byPath.get(path) ?? 0;
  }

  reset(): void {
    this.total = 0;
    this.byPath.clear();
    this.recent.length = 0;
  }
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

interface Reply {
  status: number;
  body: unknown;
  headers?: OutgoingHttpHeaders;
}

type Params = Record<string, string>;

interface Route {
  segments: string[];
  /** Organizations/members endpoints, which `directoryForbidden` turns into 403s. */
  directory: boolean;
  handle: (ctx: HandlerContext, params: Params, query: URLSearchParams) => Reply;
}

interface HandlerContext {
  store: SessionStore;
  faults: Faults;
  invalidPlan: Map<number, InvalidRecordKind>;
}

const JSON_TYPE = 'application/json';

function detail(status: number, message: string, headers?: OutgoingHttpHeaders): Reply {
  return { status, body: { detail: message }, headers };
}

function validationError(errors: ValidationErrorItem[]): Reply {
  return { status: 422, body: { detail: errors } };
}

function page<T>(items: T[], total: number, skip: number, limit: number): PaginatedResponse<T> {
  const hasMore = skip + items.length < total;
  return {
    items,
    total,
    skip,
    limit,
    has_more: hasMore,
    next_cursor: hasMore ? skip + limit : null,
  };
}

function readPaging(query: URLSearchParams, errors: ValidationErrorItem[]) {
  const skip = readInt(query, 'skip', { default: 0, ge: 0 }, errors);
  const limit = readInt(query, 'limit', { default: 100, ge: 1, le: 200 }, errors);
  return { skip, limit };
}

/** The served form of a session: as stored, or with the configured invalidity / variants applied. */
function present(ctx: HandlerContext, entry: StoredSession): unknown {
  const kind = ctx.invalidPlan.get(entry.ordinal);
  if (kind) return corruptSession(entry.session, kind);
  if (ctx.faults.variants) return variantSession(entry.session, entry.ordinal);
  return entry.session;
}

function sessionInsights(ctx: HandlerContext, params: Params, query: URLSearchParams): Reply {
  const errors: ValidationErrorItem[] = [];
  const { skip, limit } = readPaging(query, errors);
  const createdFrom = readDateTime(query, 'created_date_from', errors);
  const createdTo = readDateTime(query, 'created_date_to', errors);
  const updatedFrom = readDateTime(query, 'updated_date_from', errors);
  const updatedTo = readDateTime(query, 'updated_date_to', errors);
  if (errors.length > 0) return validationError(errors);

  const orgId = params.org_id ?? null;
  if (orgId !== null && !ctx.store.getOrg(orgId)) return detail(404, 'Organization not found');
  let sessionIds = readList(query, 'session_ids');
  if (sessionIds && ctx.faults.variants) sessionIds = sessionIds.map(normalizeSessionId);

  const result = ctx.store.querySessions(
    {
      orgId,
      orgIds: readList(query, 'org_ids'),
      userIds: readList(query, 'user_ids'),
      sessionIds,
      createdFrom,
      createdTo,
      updatedFrom,
      updatedTo,
    },
    skip,
    limit,
  );
  const items = result.items.map((entry) => present(ctx, entry));
  return { status: 200, body: page(items, result.total, skip, limit) };
}

function sessionDetail(ctx: HandlerContext, params: Params): Reply {
  const raw = params.session_id ?? '';
  const entry = ctx.store.getSession(ctx.faults.variants ? normalizeSessionId(raw) : raw);
  if (!entry) return detail(404, 'Session not found');
  return { status: 200, body: present(ctx, entry) };
}

function organizations(ctx: HandlerContext, _params: Params, query: URLSearchParams): Reply {
  const errors: ValidationErrorItem[] = [];
  const { skip, limit } = readPaging(query, errors);
  if (errors.length > 0) return validationError(errors);
  const all = ctx.store.orgs;
  return { status: 200, body: page(all.slice(skip, skip + limit), all.length, skip, limit) };
}

function members(ctx: HandlerContext, _params: Params, query: URLSearchParams): Reply {
  const errors: ValidationErrorItem[] = [];
  const { skip, limit } = readPaging(query, errors);
  if (errors.length > 0) return validationError(errors);
  const all = ctx.store.listMembers({ email: readString(query, 'email') });
  return { status: 200, body: page(all.slice(skip, skip + limit), all.length, skip, limit) };
}

function member(ctx: HandlerContext, params: Params): Reply {
  const found = ctx.store.getMember(params.user_id ?? '');
  return found ? { status: 200, body: found } : detail(404, 'User not found');
}

function orgMembers(ctx: HandlerContext, params: Params, query: URLSearchParams): Reply {
  const errors: ValidationErrorItem[] = [];
  const { skip, limit } = readPaging(query, errors);
  if (errors.length > 0) return validationError(errors);
  const orgId = params.org_id ?? '';
  if (!ctx.store.getOrg(orgId)) return detail(404, 'Organization not found');
  const all = ctx.store.listOrgMembers(orgId);
  return { status: 200, body: page(all.slice(skip, skip + limit), all.length, skip, limit) };
}

function route(path: string, directory: boolean, handle: Route['handle']): Route {
  return { segments: path.split('/').filter(Boolean), directory, handle };
}

// Static paths before parameterised ones, as FastAPI matches in declaration order.
const ROUTES: readonly Route[] = [
  route('/v2/enterprise/organizations/{org_id}/sessions/insights', false, sessionInsights),
  route('/v2/enterprise/sessions/insights', false, sessionInsights),
  route('/v2/enterprise/sessions/{session_id}', false, sessionDetail),
  route('/v2/enterprise/organizations', true, organizations),
  route('/v2/enterprise/organizations/{org_id}/members', true, orgMembers),
  route('/v2/enterprise/members', true, members),
  route('/v2/enterprise/members/{user_id}', true, member),
];

function matchRoute(path: string): { route: Route; params: Params } | null {
  const parts = path.split('/');
  // A path is "/a/b": parts[0] is "", and an empty segment elsewhere never matches (like Starlette).
  if (parts[0] !== '') return null;
  parts.shift();
  for (const candidate of ROUTES) {
    if (candidate.segments.length !== parts.length) continue;
    const params: Params = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const pattern = candidate.segments[i] ?? '';
      const part = parts[i] ?? '';
      if (pattern.startsWith('{')) {
        if (part === '') ok = false;
        else {
          try {
            params[pattern.slice(1, -1)] = decodeURIComponent(part);
          } catch {
            ok = false;
          }
        }
      } else if (pattern !== part) ok = false;
    }
    if (ok) return { route: candidate, params };
  }
  return null;
}

function corsHeaders(): OutgoingHttpHeaders {
  return { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Retry-After' };
}

function checkAuth(req: IncomingMessage, apiKey: string, nonAdminKey: string | null): Reply | null {
  const header = req.headers.authorization;
  const challenge = { 'www-authenticate': 'Bearer' };
  if (!header) return detail(401, 'Not authenticated', challenge);
  const space = header.indexOf(' ');
  const scheme = space > 0 ? header.slice(0, space) : header;
  const token = space > 0 ? header.slice(space + 1).trim() : '';
  // FastAPI's HTTPBearer rejects other schemes and empty credentials before our key check.
  if (scheme.toLowerCase() !== 'bearer' || token === '') {
    return detail(401, 'Invalid authentication credentials', challenge);
  }
  if (nonAdminKey !== null && token === nonAdminKey) {
    return detail(403, 'This endpoint requires an enterprise admin API key');
  }
  if (token !== apiKey) return detail(401, 'Invalid API key', challenge);
  return null;
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
  const requestLog = new RequestLog(options.requestLogSize ?? 100);

  const { port: _port, host: _host, dataset: _ds, ...rest } = options;
  const faultPatch: Partial<Faults> = {};
  for (const key of Object.keys(DEFAULT_FAULTS) as (keyof Faults)[]) {
    if (rest[key] !== undefined) Object.assign(faultPatch, { [key]: rest[key] });
  }
  let faults = mergeFaults(DEFAULT_FAULTS, faultPatch);
  const schedule = new FaultSchedule(faults);
  let invalidPlan = invalidRecordPlan(faults.invalidRecords, store.initialSize);
  let churnTimer: NodeJS.Timeout | null = null;

  const startChurn = () => {
    if (churnTimer) clearInterval(churnTimer);
    churnTimer = null;
    const churn = faults.churn;
    if (!churn) return;
    churnTimer = setInterval(() => {
      store.createSessions(churn.create);
      store.updateSessions(churn.update);
    }, churn.intervalMs);
    // The timer alone must not keep a test process alive.
    churnTimer.unref();
  };

  const send = (req: IncomingMessage, res: ServerResponse, reply: Reply, malform = false) => {
    const headers: OutgoingHttpHeaders = { ...corsHeaders(), ...reply.headers };
    let payload: string;
    if (typeof reply.body === 'string') {
      payload = reply.body;
      headers['content-type'] ??= 'text/plain; charset=utf-8';
    } else if (reply.body === undefined) {
      payload = '';
    } else {
      payload = JSON.stringify(reply.body);
      headers['content-type'] = JSON_TYPE;
      if (malform) payload = truncateBody(payload);
    }
    headers['content-length'] = Buffer.byteLength(payload);
    res.writeHead(reply.status, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    res.on('finish', () => {
      requestLog.record({
        method,
        url: rawUrl,
        path: url.pathname,
        authorization: req.headers.authorization !== undefined,
        status: res.statusCode,
      });
    });

    if (method === 'OPTIONS') {
      // CORS preflight: harmless for an extension (host permissions bypass CORS) but lets a page
      // or devtools call the mock too. Never rate-limited or delayed.
      const headers: OutgoingHttpHeaders = {
        ...corsHeaders(),
        'access-control-allow-methods': 'GET, OPTIONS',
        'access-control-allow-headers':
          req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
        'access-control-max-age': '600',
      };
      if (req.headers['access-control-request-private-network'] === 'true') {
        headers['access-control-allow-private-network'] = 'true';
      }
      send(req, res, { status: 204, body: undefined, headers });
      return;
    }

    if (faults.latencyMs > 0) await sleep(faults.latencyMs);

    const verdict = schedule.onRequest();
    if (verdict.kind === 'rate_limited') {
      send(
        req,
        res,
        detail(429, 'Rate limit exceeded', { 'retry-after': String(verdict.retryAfterSeconds) }),
      );
      return;
    }
    if (verdict.kind === 'server_error') {
      // Starlette's unhandled-exception answer is plain text; gateways in front use JSON-ish bodies.
      const body =
        verdict.status === 500
          ? 'Internal Server Error'
          : { detail: 'Service temporarily unavailable' };
      send(req, res, { status: verdict.status, body });
      return;
    }

    const matched = matchRoute(url.pathname);
    if (!matched) {
      // Starlette's redirect_slashes: "/x/" redirects to "/x" when that route exists.
      if (
        url.pathname.length > 1 &&
        url.pathname.endsWith('/') &&
        matchRoute(url.pathname.slice(0, -1))
      ) {
        const location = `${url.pathname.slice(0, -1)}${url.search}`;
        send(req, res, { status: 307, body: undefined, headers: { location } });
        return;
      }
      send(req, res, detail(404, 'Not Found'));
      return;
    }
    if (method !== 'GET') {
      send(req, res, detail(405, 'Method Not Allowed', { allow: 'GET' }));
      return;
    }

    const authFailure = checkAuth(req, apiKey, nonAdminKey);
    if (authFailure) {
      send(req, res, authFailure);
      return;
    }
    if (faults.directoryForbidden && matched.route.directory) {
      send(req, res, detail(403, 'Not authorized to read the enterprise directory'));
      return;
    }

    const reply = matched.route.handle(
      { store, faults, invalidPlan },
      matched.params,
      url.searchParams,
    );
    send(req, res, reply, reply.status === 200 && schedule.shouldMalform());
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[mock-api] handler failed:', error);
      if (!res.headersSent) send(req, res, { status: 500, body: 'Internal Server Error' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  startChurn();
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
      return { ...faults };
    },
    setFaults(patch: Partial<Faults>) {
      const previousChurn = faults.churn;
      faults = mergeFaults(faults, patch);
      schedule.update(faults);
      invalidPlan = invalidRecordPlan(faults.invalidRecords, store.initialSize);
      if (patch.churn !== undefined || previousChurn !== faults.churn) startChurn();
    },
    close() {
      if (churnTimer) clearInterval(churnTimer);
      churnTimer = null;
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (fetch pools them) would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}
