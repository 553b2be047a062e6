// One request from arrival to answer. Order of checks mirrors the real stack: rate limiter /
// proxy faults first, then routing (404/405), then auth (401/403), then parameter validation
// (422), then the handler (404). Every request is logged once answered. Errors take the shape
// of the API version the path belongs to (its dialect).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LiveFaults } from '../live-faults';
import type { SessionStore } from '../store';
import { preflightHeaders } from './cors';
import type { Dialect } from './dialect';
import { writeReply } from './reply';
import type { RequestLog } from './request-log';
import type { Route } from './routing';
import { matchRoute } from './routing';

export interface PipelineOptions {
  /** Every route served, in match order. */
  routes: readonly Route[];
  store: SessionStore;
  faults: LiveFaults;
  /** The API version (error shapes, auth) a path belongs to. */
  dialectOf: (path: string) => Dialect;
  requestLog: RequestLog;
}

/** The `node:http` request listener of the mock server. */
export function createRequestListener(
  options: PipelineOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { routes, store, faults, dialectOf, requestLog } = options;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const dialect = dialectOf(path);
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
      const headers = preflightHeaders(req, dialect.allowMethods);
      writeReply(req, res, { status: 204, body: undefined, headers });
      return;
    }

    const delay = faults.nextDelayMs();
    if (delay > 0) await sleep(delay);

    const verdict = faults.onRequest();
    if (verdict.kind === 'rate_limited') {
      const retryAfter = { 'retry-after': String(verdict.retryAfterSeconds) };
      writeReply(req, res, dialect.error(429, 'Rate limit exceeded', path, retryAfter));
      return;
    }
    if (verdict.kind === 'server_error') {
      writeReply(req, res, dialect.serverError(verdict.status, path));
      return;
    }

    const matched = matchRoute(routes, path);
    if (!matched) {
      // Starlette's redirect_slashes: "/x/" redirects to "/x" when that route exists.
      if (path.length > 1 && path.endsWith('/') && matchRoute(routes, path.slice(0, -1))) {
        const location = `${path.slice(0, -1)}${url.search}`;
        writeReply(req, res, { status: 307, body: undefined, headers: { location } });
        return;
      }
      writeReply(req, res, dialect.error(404, 'Not Found', path));
      return;
    }
    const { route } = matched;
    if (method !== route.method) {
      const allow = { allow: route.method };
      writeReply(req, res, dialect.error(405, 'Method Not Allowed', path, allow));
      return;
    }

    const authFailure = dialect.authorize(req, route, path);
    if (authFailure) {
      writeReply(req, res, authFailure);
      return;
    }
    if (faults.faults.directoryForbidden && route.directory) {
      writeReply(req, res, dialect.directoryForbidden(route, path));
      return;
    }

    const reply = route.handle(
      {
        store,
        faults: faults.faults,
        invalidPlan: faults.invalidPlan,
        path,
        authorization: req.headers.authorization ?? null,
      },
      matched.params,
      url.searchParams,
    );
    writeReply(req, res, reply, reply.status === 200 && faults.shouldMalform());
  };

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[mock-api] handler failed:', error);
      if (!res.headersSent) writeReply(req, res, { status: 500, body: 'Internal Server Error' });
      else res.destroy();
    });
  };
}
