import { describe, expect, it } from 'vitest';
import { DevinApiError } from './errors';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs } from './retry';

describe('retryDelayMs', () => {
  const policy = DEFAULT_RETRY_POLICY;

  it.each(['unauthorized', 'forbidden', 'not_found', 'invalid_request', 'pagination'] as const)(
    'never retries %s',
    (kind) => {
      expect(retryDelayMs(new DevinApiError(kind), 1, policy)).toBeNull();
    },
  );

  it.each(['rate_limited', 'server', 'network', 'timeout', 'malformed'] as const)(
    'retries %s',
    (kind) => {
      expect(retryDelayMs(new DevinApiError(kind), 1, policy)).toBeGreaterThan(0);
    },
  );

  it('backs off exponentially with jitter, within the cap', () => {
    const error = new DevinApiError('server');
    const low = () => 0;
    const high = () => 0.999;
    expect(retryDelayMs(error, 1, policy, low)).toBe(250);
    expect(retryDelayMs(error, 3, policy, low)).toBe(1000);
    expect(retryDelayMs(error, 3, policy, high)).toBeLessThanOrEqual(2000);
    expect(retryDelayMs(error, 4, { ...policy, maxDelayMs: 1000 }, high)).toBeLessThanOrEqual(1000);
  });

  it('gives up after the last attempt', () => {
    expect(retryDelayMs(new DevinApiError('server'), policy.maxAttempts, policy)).toBeNull();
  });

  it('waits as long as Retry-After says, unless that is unreasonably long', () => {
    expect(retryDelayMs(new DevinApiError('rate_limited', { retryAfterMs: 3000 }), 1, policy)).toBe(
      3000,
    );
    expect(
      retryDelayMs(new DevinApiError('rate_limited', { retryAfterMs: 3_600_000 }), 1, policy),
    ).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0')).toBe(0);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
