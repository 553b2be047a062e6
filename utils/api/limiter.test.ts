import { afterEach, describe, expect, it, vi } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { AdaptiveLimiter, type Release } from './limiter';
import { createV2Client } from './v2/client';

/** Acquires `n` places at once; returns the releases in the order they were granted. */
function acquireAll(limiter: AdaptiveLimiter, n: number, signal?: AbortSignal) {
  const granted: Release[] = [];
  const waits = Array.from({ length: n }, () =>
    limiter.acquire(signal).then((release) => {
      granted.push(release);
      return release;
    }),
  );
  return { granted, waits };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AdaptiveLimiter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets at most four requests out at once, the others in the order they asked', async () => {
    const limiter = new AdaptiveLimiter();
    const { granted } = acquireAll(limiter, 6);
    await settle();
    expect(granted).toHaveLength(4);
    granted[0]?.({ kind: 'ok' });
    await settle();
    expect(granted).toHaveLength(5);
    granted[1]?.({ kind: 'ok' });
    await settle();
    expect(granted).toHaveLength(6);
  });

  it('halves the window when the server is overloaded', async () => {
    const limiter = new AdaptiveLimiter();
    const first = acquireAll(limiter, 4);
    await settle();
    first.granted[0]?.({ kind: 'overloaded' });
    expect(limiter.size).toBe(2);
    first.granted[1]?.({ kind: 'overloaded' });
    expect(limiter.size).toBe(1);
    // Two still in flight: a new request waits until fewer than one is.
    const next = acquireAll(limiter, 1);
    first.granted[2]?.({ kind: 'ok' });
    await settle();
    expect(next.granted).toHaveLength(0);
    first.granted[3]?.({ kind: 'ok' });
    await settle();
    expect(next.granted).toHaveLength(1);
    next.granted[0]?.({ kind: 'ok' });
  });

  it('grows the window back by one after several windows of answers in a row', async () => {
    const limiter = new AdaptiveLimiter();
    (await limiter.acquire())({ kind: 'overloaded' });
    (await limiter.acquire())({ kind: 'overloaded' });
    expect(limiter.size).toBe(1);
    const answer = async (n: number) => {
      for (let i = 0; i < n; i++) (await limiter.acquire())({ kind: 'ok' });
    };
    // Four answers at a window of one make it two; eight at two make it three.
    await answer(3);
    expect(limiter.size).toBe(1);
    await answer(1);
    expect(limiter.size).toBe(2);
    await answer(7);
    expect(limiter.size).toBe(2);
    await answer(1);
    expect(limiter.size).toBe(3);
    // Another overload starts the count again.
    (await limiter.acquire())({ kind: 'overloaded' });
    expect(limiter.size).toBe(1);
  });

  it('holds every new request back until a Retry-After has passed', async () => {
    vi.useFakeTimers();
    const limiter = new AdaptiveLimiter(4, () => Date.now());
    const release = await limiter.acquire();
    release({ kind: 'overloaded', retryAfterMs: 2000 });
    const { granted } = acquireAll(limiter, 2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(granted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    // The window was halved to two: both may go.
    expect(granted).toHaveLength(2);
  });

  it('gives up a place it waits for when its request is stopped', async () => {
    const limiter = new AdaptiveLimiter(1);
    const held = await limiter.acquire();
    const controller = new AbortController();
    const stopped = limiter.acquire(controller.signal);
    const after = acquireAll(limiter, 1);
    controller.abort(new Error('stopped'));
    await expect(stopped).rejects.toThrow('stopped');
    held({ kind: 'ok' });
    await settle();
    expect(after.granted).toHaveLength(1);
  });
});

describe('a client over HTTP', () => {
  let api: MockApi | null = null;
  afterEach(async () => {
    await api?.close();
    api = null;
  });

  /** A fetch that counts the requests in flight, and the most there ever were. */
  function countingFetch() {
    const seen = { now: 0, most: 0, afterOverload: 0, overloaded: false };
    const counted: typeof fetch = async (input, init) => {
      seen.now++;
      seen.most = Math.max(seen.most, seen.now);
      if (seen.overloaded) seen.afterOverload = Math.max(seen.afterOverload, seen.now);
      try {
        const response = await fetch(input, init);
        if (response.status === 429) seen.overloaded = true;
        return response;
      } finally {
        seen.now--;
      }
    };
    return { seen, counted };
  }

  it('keeps four requests in flight at most, and fewer once the server rate limits', async () => {
    api = await startMockApi({ sessions: 400, orgs: 1, seed: 7, latencyMs: 40 });
    const { seen, counted } = countingFetch();
    const client = createV2Client({ baseUrl: api.baseUrl, apiKey: api.apiKey, fetch: counted });
    const orgId = api.orgIds[0] as string;
    const pages = (n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          client.listSessionsPage(orgId, { skip: i * 10, limit: 10 }),
        ),
      );
    await pages(12);
    expect(seen.most).toBe(4);

    // Every third request answered 429 (Retry-After 0): the window halves and stays small.
    api.setFaults({ rateLimitEvery: 3, retryAfterSeconds: 0 });
    const answered = await pages(12);
    expect(answered.every((page) => page.sessions.length === 10)).toBe(true);
    expect(seen.overloaded).toBe(true);
    expect(seen.afterOverload).toBeLessThanOrEqual(3);
  });
});
