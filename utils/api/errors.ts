/**
 * The small, closed set of ways a call to the Devin API can fail. Each kind has a sentence a
 * person can act on; the UI shows `error.message` as it is.
 */
import { t } from '../i18n';

export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  /** The base URL answers, but with a web page or the like: it is not the Devin API. */
  | 'not_devin_api'
  | 'invalid_request'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'pagination'
  | 'cursor_expired';

export interface ValidationDetail {
  loc: (string | number)[];
  msg: string;
}

/**
 * The kinds that pass by themselves, the one list both retry layers read: a request is tried
 * again after a backoff (retry.ts), and a sync that stopped on one is tried again sooner than
 * the next scheduled sync (utils/sync/errors.ts).
 */
const RETRYABLE_KINDS: ReadonlySet<string> = new Set<ApiErrorKind>([
  'rate_limited',
  'server',
  'network',
  'timeout',
  'malformed',
]);

export function isRetryableKind(kind: string): boolean {
  return RETRYABLE_KINDS.has(kind);
}

/** The sentence for each kind, from the background's locale file (see plainMessage). */
const KIND_KEYS = {
  unauthorized: 'background.errors.unauthorized',
  forbidden: 'background.errors.forbidden',
  not_found: 'background.errors.notFound',
  not_devin_api: 'background.errors.notDevinApi',
  rate_limited: 'background.errors.rateLimited',
  server: 'background.errors.server',
  network: 'background.errors.network',
  timeout: 'background.errors.timeout',
  malformed: 'background.errors.malformed',
  cursor_expired: 'background.errors.cursorExpired',
  pagination: 'background.errors.pagination',
} as const satisfies Record<Exclude<ApiErrorKind, 'invalid_request'>, string>;

/**
 * The message is written once, in the browser's language, when the error is made: it is shown
 * as it is and stored with a failed sync (SyncErrorInfo keeps text only, so a later language
 * change shows it in the language of the sync that failed until the next sync replaces it).
 * The server's own words (`problem`, validation details) stay as the server sent them.
 */
function plainMessage(
  kind: ApiErrorKind,
  details: ValidationDetail[] = [],
  problem?: string,
): string {
  // A problem detail (v3) says what the server found, e.g. which permission is missing.
  if (problem && (kind === 'forbidden' || kind === 'unauthorized')) {
    const said = problem.replace(/\.?\s*$/, '.');
    return kind === 'forbidden'
      ? t('background.errors.problemForbidden', { said })
      : t('background.errors.problemUnauthorized', { said });
  }
  if (kind === 'invalid_request') {
    const reasons = problem ?? details.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; ');
    return reasons
      ? t('background.errors.invalidRequestWithReasons', { reasons })
      : t('background.errors.invalidRequest');
  }
  return t(KIND_KEYS[kind]);
}

export class DevinApiError extends Error {
  override readonly name = 'DevinApiError';

  constructor(
    readonly kind: ApiErrorKind,
    readonly options: {
      status?: number;
      retryAfterMs?: number;
      details?: ValidationDetail[];
      /** The `detail` of a problem-details body (RFC 9457), shown in plain words. */
      problem?: string;
      cause?: unknown;
    } = {},
  ) {
    super(plainMessage(kind, options.details, options.problem));
  }

  get status(): number | undefined {
    return this.options.status;
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }

  get retryable(): boolean {
    return isRetryableKind(this.kind);
  }
}

export function isDevinApiError(error: unknown): error is DevinApiError {
  return error instanceof DevinApiError;
}
