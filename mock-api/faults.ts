// Fault injection: the misbehaviours a real API shows (rate limits, 5xx bursts, slow or truncated
// responses, records that break the schema, documented shape variants). Everything is counted,
// never random, so a test can say "the 3rd request gets a 429" and be right every time.

import type { SessionDetailResponse, VariantPullRequest } from './types';

interface ServerErrorBurst {
  /** A burst starts at request number `every`, `2 * every`, ... */
  every: number;
  /** Consecutive failing requests per burst (>= every means: everything fails after the first). */
  length: number;
  /** 5xx status to answer with (500 gives Starlette's plain-text body, others a JSON detail). */
  status: number;
}

interface ChurnOptions {
  intervalMs: number;
  /** Sessions created per tick. */
  create: number;
  /** Sessions updated per tick. */
  update: number;
}

export interface Faults {
  /** Every Nth API request gets 429 (0 = off). */
  rateLimitEvery: number;
  /** Value of the 429's Retry-After header, in seconds (0 allowed). */
  retryAfterSeconds: number;
  serverErrorBurst: ServerErrorBurst | null;
  /** Delay before every response (not preflights). */
  latencyMs: number;
  /**
   * Each delay is `latencyMs` plus or minus up to this much, spread evenly (a real API's
   * answers vary). Drawn from a counted sequence, so the same requests get the same delays.
   */
  latencyJitterMs: number;
  /** Every Nth response that would be a 200 is sent with a truncated JSON body (0 = off). */
  malformedEvery: number;
  /** How many sessions persistently break the schema (still counted in `total`). */
  invalidRecords: number;
  /** Organizations and members endpoints answer 403. */
  directoryForbidden: boolean;
  /** Billing (consumption) endpoints answer 403: a key without the billing permission. */
  billingForbidden: boolean;
  /** Serve documented non-contract variants (`pr_url`/`pr_state`, `devin-` ids, new statuses). */
  variants: boolean;
  /** Create/update sessions on a timer while the server runs. */
  churn: ChurnOptions | null;
  /** v3 cursor trap: every Nth page that has a next page repeats the `after` it was given (0 = off). */
  cursorRepeatEvery: number;
  /** v3 cursor trap: every Nth page that has a next page says so but sends `end_cursor: null` (0 = off). */
  cursorNullEvery: number;
  /** v3: a cursor older than this many ms is refused with 400 "cursor expired" (0 = never). */
  cursorTtlMs: number;
}

export const DEFAULT_FAULTS: Faults = {
  rateLimitEvery: 0,
  retryAfterSeconds: 1,
  serverErrorBurst: null,
  latencyMs: 0,
  latencyJitterMs: 0,
  malformedEvery: 0,
  invalidRecords: 0,
  directoryForbidden: false,
  billingForbidden: false,
  variants: false,
  churn: null,
  cursorRepeatEvery: 0,
  cursorNullEvery: 0,
  cursorTtlMs: 0,
};

function nonNegativeInt(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0`);
  return Math.floor(value);
}

/** Merges a partial update into the current faults, rejecting nonsense early. */
export function mergeFaults(current: Faults, patch: Partial<Faults>): Faults {
  const next: Faults = { ...current, ...patch };
  next.rateLimitEvery = nonNegativeInt('rateLimitEvery', next.rateLimitEvery);
  next.retryAfterSeconds = nonNegativeInt('retryAfterSeconds', next.retryAfterSeconds);
  next.latencyMs = nonNegativeInt('latencyMs', next.latencyMs);
  next.latencyJitterMs = nonNegativeInt('latencyJitterMs', next.latencyJitterMs);
  next.malformedEvery = nonNegativeInt('malformedEvery', next.malformedEvery);
  next.invalidRecords = nonNegativeInt('invalidRecords', next.invalidRecords);
  next.cursorRepeatEvery = nonNegativeInt('cursorRepeatEvery', next.cursorRepeatEvery);
  next.cursorNullEvery = nonNegativeInt('cursorNullEvery', next.cursorNullEvery);
  next.cursorTtlMs = nonNegativeInt('cursorTtlMs', next.cursorTtlMs);
  const burst = next.serverErrorBurst;
  if (burst) {
    const every = nonNegativeInt('serverErrorBurst.every', burst.every);
    const length = nonNegativeInt('serverErrorBurst.length', burst.length);
    if (burst.status < 500 || burst.status > 599)
      throw new Error('serverErrorBurst.status must be 5xx');
    next.serverErrorBurst =
      every > 0 && length > 0 ? { every, length, status: burst.status } : null;
  }
  const churn = next.churn;
  if (churn) {
    const intervalMs = nonNegativeInt('churn.intervalMs', churn.intervalMs);
    next.churn =
      intervalMs > 0
        ? {
            intervalMs,
            create: nonNegativeInt('churn.create', churn.create),
            update: nonNegativeInt('churn.update', churn.update),
          }
        : null;
  }
  return next;
}

export type RequestVerdict =
  | { kind: 'ok' }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'server_error'; status: number };

/** What a cursor trap does to a page that has a next page. */
export type CursorTrap = 'repeat_cursor' | 'null_cursor' | null;

/**
 * Decides, per request, which fault applies. Three counters: all API requests (for 429s and 5xx
 * bursts), would-be-200 responses (for malformed bodies), so a malformed body still shows up
 * when rate limiting hits the same request numbers, and v3 pages that have a next page (for the
 * cursor traps). All restart when the faults change.
 */
export class FaultSchedule {
  private requests = 0;
  private successes = 0;
  private continuingPages = 0;
  private delays = 0;

  constructor(private faults: Faults) {}

  update(faults: Faults): void {
    this.faults = faults;
    this.requests = 0;
    this.successes = 0;
    this.continuingPages = 0;
    this.delays = 0;
  }

  /** How long the next response waits: the latency, give or take its jitter. */
  nextDelayMs(): number {
    const { latencyMs, latencyJitterMs } = this.faults;
    if (latencyJitterMs === 0) return latencyMs;
    // An even spread over [-jitter, +jitter], the same sequence every time the faults are set.
    const share = mix(++this.delays) / 0xffffffff;
    return Math.max(0, Math.round(latencyMs + (share * 2 - 1) * latencyJitterMs));
  }

  onRequest(): RequestVerdict {
    const n = ++this.requests;
    const { rateLimitEvery, serverErrorBurst, retryAfterSeconds } = this.faults;
    if (rateLimitEvery > 0 && n % rateLimitEvery === 0) {
      return { kind: 'rate_limited', retryAfterSeconds };
    }
    if (serverErrorBurst && n >= serverErrorBurst.every) {
      if ((n - serverErrorBurst.every) % serverErrorBurst.every < serverErrorBurst.length) {
        return { kind: 'server_error', status: serverErrorBurst.status };
      }
    }
    return { kind: 'ok' };
  }

  /** Call for a response that is about to be a 200; true means: truncate its body. */
  shouldMalform(): boolean {
    const n = ++this.successes;
    return this.faults.malformedEvery > 0 && n % this.faults.malformedEvery === 0;
  }

  /** Call for a v3 page that has a next page; says which cursor trap, if any, it springs. */
  onContinuingPage(): CursorTrap {
    const n = ++this.continuingPages;
    const { cursorRepeatEvery, cursorNullEvery } = this.faults;
    if (cursorRepeatEvery > 0 && n % cursorRepeatEvery === 0) return 'repeat_cursor';
    if (cursorNullEvery > 0 && n % cursorNullEvery === 0) return 'null_cursor';
    return null;
  }
}

/** Cuts a JSON body in half: a 200 whose body does not parse, as a flaky proxy might deliver. */
export function truncateBody(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}

/** The ways an invalid record breaks the contract, applied in this order (cycling). */
const INVALID_RECORD_KINDS = [
  'missing_session_id',
  'created_at_not_a_date',
  'acus_consumed_not_a_number',
  'pull_requests_null',
  'tags_not_an_array',
  'updated_at_missing',
] as const;
export type InvalidRecordKind = (typeof INVALID_RECORD_KINDS)[number];

/**
 * Which sessions are invalid: `count` ordinals spread evenly over the initial sessions, so they
 * land on different pages and stay the same sessions for the server's lifetime.
 */
export function invalidRecordPlan(
  count: number,
  initialSize: number,
): Map<number, InvalidRecordKind> {
  const plan = new Map<number, InvalidRecordKind>();
  const k = Math.min(count, initialSize);
  for (let j = 0; j < k; j++) {
    const ordinal = Math.floor(((j + 0.5) * initialSize) / k);
    plan.set(
      ordinal,
      INVALID_RECORD_KINDS[j % INVALID_RECORD_KINDS.length] ?? 'missing_session_id',
    );
  }
  return plan;
}

/** A copy of the session (of any API version) that breaks the schema in the given way. */
export function corruptSession(
  session: Pick<SessionDetailResponse, 'tags'>,
  kind: InvalidRecordKind,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...session };
  switch (kind) {
    case 'missing_session_id':
      delete copy.session_id;
      break;
    case 'created_at_not_a_date':
      copy.created_at = 'not-a-date';
      break;
    case 'acus_consumed_not_a_number':
      copy.acus_consumed = 'lots';
      break;
    case 'pull_requests_null':
      copy.pull_requests = null;
      break;
    case 'tags_not_an_array':
      copy.tags = session.tags.join(',');
      break;
    case 'updated_at_missing':
      delete copy.updated_at;
      break;
  }
  return copy;
}

/** Statuses the contract does not list yet; a client must keep such sessions, not drop them. */
const VARIANT_STATUSES = ['blocked', 'finished'] as const;

function mix(ordinal: number): number {
  let h = Math.imul(ordinal + 1, 0x9e3779b1);
  h ^= h >>> 16;
  return Math.imul(h, 0x85ebca6b) >>> 0;
}

/**
 * Documented real-world variants, chosen per session by a hash of its ordinal (stable):
 * ~25% get a `devin-` id prefix, PRs come as `{pr_url, pr_state}` (~1/3) or with both shapes
 * (~1/3), and ~2% carry a status outside the enum.
 */
export function variantSession(
  session: SessionDetailResponse,
  ordinal: number,
): Record<string, unknown> {
  const h = mix(ordinal);
  const copy: Record<string, unknown> = { ...session };
  if (h % 4 === 0) {
    const id = `devin-${session.session_id}`;
    copy.session_id = id;
    copy.url = `https://app.devin.ai/sessions/${id}`;
  }
  const prShape = (h >>> 2) % 3;
  if (prShape !== 2 && session.pull_requests.length > 0) {
    copy.pull_requests = session.pull_requests.map(
      (pr): VariantPullRequest =>
        prShape === 0
          ? { pr_url: pr.url, pr_state: pr.state }
          : { url: pr.url, state: pr.state, pr_url: pr.url, pr_state: pr.state },
    );
  }
  if ((h >>> 4) % 50 === 0) copy.status = VARIANT_STATUSES[(h >>> 10) % VARIANT_STATUSES.length];
  return copy;
}

/** Strips the `devin-` prefix so ids seen in variant mode can be used as filters. */
export function normalizeSessionId(id: string): string {
  return id.startsWith('devin-') ? id.slice('devin-'.length) : id;
}
