/**
 * One authenticated GET against the Devin API, with time-out, retries and error mapping.
 * The key is sent only to `baseUrl`'s origin: URLs are built here from fixed paths, and
 * redirects are refused so the Authorization header can never follow one elsewhere.
 */
import * as v from 'valibot';
import { DevinApiError, type ValidationDetail } from './errors';
import type { AdaptiveLimiter, Release } from './limiter';
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  type RetryPolicy,
  retryDelayMs,
  sleep,
} from './retry';
import { ValidationErrorBodySchema } from './schemas';

type QueryValue = string | number | readonly string[] | null | undefined;
export type Query = Record<string, QueryValue>;

export interface HttpOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  /** Told about each retry, for progress and status lines. */
  onRetry?: (error: DevinApiError, delayMs: number) => void;
  /** Bounds and adapts the requests in flight at once (each client makes its own). */
  limiter?: AdaptiveLimiter;
}

export interface JsonResponse {
  body: unknown;
  /** The server's clock (the `Date` header) in epoch ms, when it sent one. */
  serverTime: number | undefined;
}

/** Builds `base + path?query` with arrays as repeated keys (`user_ids=a&user_ids=b`). */
function buildUrl(baseUrl: string, path: string, query: Query = {}): string {
  const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [name, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) url.searchParams.append(name, item);
    } else {
      url.searchParams.set(name, String(value));
    }
  }
  return url.toString();
}

function validationDetails(body: unknown): ValidationDetail[] {
  const parsed = v.safeParse(ValidationErrorBodySchema, body);
  return parsed.success ? parsed.output.detail.map(({ loc, msg }) => ({ loc, msg })) : [];
}

/**
 * The body, parsed by the browser from its bytes: a page's text (hundreds of KB) never becomes
 * one more large string on the worker's heap, awaiting collection.
 */
async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (cause) {
    // A body that is not JSON; a connection lost while reading is reported as such.
    if (cause instanceof SyntaxError) {
      throw new DevinApiError('malformed', { status: response.status, cause });
    }
    throw cause;
  }
}

/** The `detail` sentence of an RFC 9457 problem-details body (v3 errors), if it is one. */
async function problemDetail(response: Response): Promise<string | undefined> {
  if (!response.headers.get('content-type')?.includes('application/problem+json')) return undefined;
  const body = await readJson(response).catch(() => null);
  if (typeof body !== 'object' || body === null) return undefined;
  const detail = (body as { detail?: unknown }).detail;
  return typeof detail === 'string' && detail.trim() ? detail.trim().slice(0, 500) : undefined;
}

/**
 * The Devin API answers in JSON, errors included; a web page (a sign-in page, a 404 page of
 * another site) means the base URL is some other server. Its "not found" must not read as a
 * missing organization.
 */
function isWebPage(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return /\b(html|xml)\b/i.test(type) && !/json/i.test(type);
}

async function errorFromResponse(response: Response): Promise<DevinApiError> {
  const status = response.status;
  if (status < 500 && status !== 429 && isWebPage(response)) {
    return new DevinApiError('not_devin_api', { status });
  }
  if (status === 401 || status === 403) {
    const problem = await problemDetail(response);
    return new DevinApiError(status === 401 ? 'unauthorized' : 'forbidden', { status, problem });
  }
  if (status === 404) return new DevinApiError('not_found', { status });
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return new DevinApiError('rate_limited', { status, retryAfterMs });
  }
  if (status >= 500) return new DevinApiError('server', { status });
  const problem = await problemDetail(response);
  if (problem !== undefined) return new DevinApiError('invalid_request', { status, problem });
  const body = await readJson(response).catch(() => null);
  return new DevinApiError('invalid_request', { status, details: validationDetails(body) });
}

async function attempt(
  method: Method,
  url: string,
  options: HttpOptions,
  signal?: AbortSignal,
): Promise<JsonResponse> {
  const release = (await options.limiter?.acquire(signal)) ?? (() => undefined);
  try {
    return await send(method, url, options, release, signal);
  } finally {
    release({ kind: 'other' });
  }
}

/** Whether the server said it is overloaded: the limiter then lets fewer requests out. */
function overloadOf(error: DevinApiError): Parameters<Release>[0] {
  if (error.kind === 'rate_limited' || error.kind === 'server') {
    return { kind: 'overloaded', retryAfterMs: error.retryAfterMs };
  }
  return { kind: 'other' };
}

async function send(
  method: Method,
  url: string,
  options: HttpOptions,
  release: Release,
  signal?: AbortSignal,
): Promise<JsonResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method,
      headers: { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' },
      redirect: 'error',
      credentials: 'omit',
      cache: 'no-store',
      signal: combined,
    });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) throw new DevinApiError('timeout', { cause });
    throw new DevinApiError('network', { cause });
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    release(overloadOf(error));
    throw error;
  }
  release({ kind: 'ok' });
  if (isWebPage(response)) throw new DevinApiError('not_devin_api', { status: response.status });
  const dateHeader = response.headers.get('date');
  const serverTime = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  return {
    body: await readJson(response),
    serverTime: Number.isFinite(serverTime) ? serverTime : undefined,
  };
}

export type Method = 'GET' | 'POST' | 'DELETE';

/** GET with bounded retries: 429, 5xx, network, time-out and unreadable bodies only. */
export function getJson(
  options: HttpOptions,
  path: string,
  query?: Query,
  signal?: AbortSignal,
): Promise<JsonResponse> {
  return requestJson(options, 'GET', path, query, signal);
}

/**
 * A request with bounded retries, as `getJson`. Only for requests that are safe to repeat: the
 * POST and DELETE the extension sends (start an analysis, stop a session) are idempotent.
 */
export async function requestJson(
  options: HttpOptions,
  method: Method,
  path: string,
  query?: Query,
  signal?: AbortSignal,
): Promise<JsonResponse> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const url = buildUrl(options.baseUrl, path, query);
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(method, url, options, signal);
    } catch (error) {
      if (!(error instanceof DevinApiError)) throw error;
      const delay = retryDelayMs(error, tries, policy);
      if (delay === null) throw error;
      options.onRetry?.(error, delay);
      await sleep(delay, signal);
    }
  }
}
