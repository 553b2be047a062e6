// One request from arrival to answer. Order of checks mirrors the real stack: rate limiter /
// proxy faults first, then routing (404/405), then auth (401/403), then parameter validation
// (422), then the handler (404). Every request is logged once answered.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LiveFaults } from '../live-faults';
import type { SessionStore } from '../store';
import { checkAuth } from './auth';
import { preflightHeaders } from './cors';
import { detail, writeReply } from './reply';
import type { RequestLog } from './request-log';
import type { Route } from './routing';
import { matchRoute } from './routing';

export interface PipelineOptions {
  /** Every route served, in match order. */
  routes: readonly Route[];
  store: SessionStore;
  faults: LiveFaults;
  apiKey: string;
  nonAdminKey: string | null;
  requestLog: RequestLog;
}

/** The `node:http` request listener of the mock server. */
export function createRequestListener(
  options: PipelineOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { routes, store, faults, apiKey, nonAdminKey, requestLog } = options;

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
      writeReply(req, res, { status: 204, body: undefined, headers: preflightHeaders(req) });
      return;
    }

    if (faults.faults.latencyMs > 0) await sleep(faults.faults.latencyMs);

    const verdict = faults.onRequest();
    if (verdict.kind === 'rate_limited') {
      writeReply(
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
      writeReply(req, res, { status: verdict.status, body });
      return;
    }

    const matched = matchRoute(routes, url.pathname);
    if (!matched) {
      // Starlette's redirect_slashes: "/x/" redirects to "/x" when that route exists.
      if (
        url.pathname.length > 1 &&
        url.pathname.endsWith('/') &&
        matchRoute(routes, url.pathname.slice(0, -1))
      ) {
        const location = `${url.pathname.slice(0, -1)}${url.search}`;
        writeReply(req, res, { status: 307, body: undefined, headers: { location } });
        return;
      }
      writeReply(req, res, detail(404, 'Not Found'));
      return;
    }
    if (method !== 'GET') {
      writeReply(req, res, detail(405, 'Method Not Allowed', { allow: 'GET' }));
      return;
    }

    const authFailure = checkAuth(req, apiKey, nonAdminKey);
    if (authFailure) {
      writeReply(req, res, authFailure);
      return;
    }
    if (faults.faults.directoryForbidden && matched.route.directory) {
      writeReply(req, res, detail(403, 'Not authorized to read the enterprise directory'));
      return;
    }

    const reply = matched.route.handle(
      { store, faults: faults.faults, invalidPlan: faults.invalidPlan },
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
