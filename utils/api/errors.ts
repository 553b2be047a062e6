/**
 * The small, closed set of ways a call to the Devin API can fail. Each kind has a sentence a
 * person can act on; the UI shows `error.message` as it is.
 */
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

function plainMessage(
  kind: ApiErrorKind,
  details: ValidationDetail[] = [],
  problem?: string,
): string {
  // A problem detail (v3) says what the server found, e.g. which permission is missing.
  if (problem && (kind === 'forbidden' || kind === 'unauthorized')) {
    const said = problem.replace(/\.?\s*$/, '.');
    return kind === 'forbidden'
      ? `${said} Give the key or service user that permission in Devin's settings, then test the connection again in the options page.`
      : `${said} Check the token in the options page: it may be mistyped, revoked or expired.`;
  }
  switch (kind) {
    case 'unauthorized':
      return 'The API key was refused. Check that it is copied in full, or create a new one in Devin (Settings > API keys), then save it in the options page.';
    case 'forbidden':
      return 'This key has no access here. The sessions API needs the personal key of an enterprise admin (it starts with apk_user_); ask an enterprise admin for access or use such a key.';
    case 'not_found':
      return 'The organization was not found. Check the organization id in the options page; it may have been removed or belong to another enterprise.';
    case 'not_devin_api':
      return "The API base URL answers, but not as the Devin API (it sent a web page, not API data). Check the API base URL in the options page; for Devin's cloud it is https://api.devin.ai.";
    case 'invalid_request': {
      const reasons = problem ?? details.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; ');
      return `The API rejected the request${reasons ? ` (${reasons})` : ''}. Check the sync settings; if they look right, report this to the extension's maintainers.`;
    }
    case 'rate_limited':
      return 'The Devin API is rate limiting requests. Sync will retry by itself shortly.';
    case 'server':
      return 'The Devin API had a server error. Sync will retry by itself; if it persists, check Devin status.';
    case 'network':
      return 'The Devin API could not be reached. Check your network connection and the API base URL in the options page.';
    case 'timeout':
      return 'The Devin API took too long to answer. Sync will retry by itself.';
    case 'malformed':
      return 'The Devin API sent a response that could not be read. Sync will retry by itself; if it persists, check the API base URL.';
    case 'cursor_expired':
      return 'The Devin API no longer accepts the saved position in the session list. Sync starts that organization again from the top; nothing cached is lost.';
    case 'pagination':
      return 'The Devin API returned inconsistent pages, so sync stopped to avoid looping. It will start again at the next sync.';
  }
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
