// Faults on /v3 against a running server: the three cursor traps, and the shared faults (429,
// 5xx, malformed bodies, invalid records) answered in v3's shapes.

import { afterEach, describe, expect, it } from 'vitest';
import { FIXED_NOW } from '../../tests/fixtures/mock-api';
import type { V3Page } from '../../tests/fixtures/mock-api-v3';
import { expectProblem, v3Fetch, v3Json, walkV3 } from '../../tests/fixtures/mock-api-v3';
import { generateDataset } from '../data';
import type { MockApi, MockApiOptions } from '../server';
import { startMockApi } from '../server';

const dataset = generateDataset({ sessions: 100, orgs: 2, seed: 17, now: FIXED_NOW });
const nowMs = Date.parse(FIXED_NOW);
const list = '/v3/enterprise/sessions/insights';
const opened: MockApi[] = [];

async function start(options: MockApiOptions = {}): Promise<MockApi> {
  const api = await startMockApi({ dataset, clock: () => nowMs, ...options });
  opened.push(api);
  return api;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((api) => api.close()));
});

const page = (api: MockApi, after: string | null) =>
  v3Json(api, `${list}?first=10${after === null ? '' : `&after=${after}`}`);

describe('cursor traps', () => {
  it('repeats the given cursor on every nth page that has a next page', async () => {
    const api = await start({ cursorRepeatEvery: 2 });
    const p1 = await page(api, null);
    const p2 = await page(api, p1.end_cursor);
    expect(p2.has_next_page).toBe(true);
    expect(p2.end_cursor).toBe(p1.end_cursor);
    // Asking again moves on (the next count is odd) with the right items.
    const p2again = await page(api, p1.end_cursor);
    expect(p2again.items).toEqual(p2.items);
    expect(p2again.end_cursor).not.toBe(p1.end_cursor);
    const p3 = await page(api, p2again.end_cursor);
    expect(p3.items[0]?.session_id).toBe(`devin-${dataset.sessions[20]?.session_id}`);
  });

  it('says has_next_page with a null end_cursor on every nth page', async () => {
    const api = await start({ cursorNullEvery: 3 });
    const pages: V3Page[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const p: V3Page = await page(api, after);
      pages.push(p);
      after = p.end_cursor;
    }
    expect(pages.map((p) => p.has_next_page)).toEqual([true, true, true]);
    expect(pages.map((p) => p.end_cursor === null)).toEqual([false, false, true]);
    api.setFaults({ cursorNullEvery: 0 });
    expect((await walkV3(api, list, 30)).items).toHaveLength(100);
  });

  it('answers 400 "cursor expired" for a cursor older than the TTL', async () => {
    let now = nowMs;
    const api = await start({ clock: () => now, cursorTtlMs: 1_000 });
    const p1 = await page(api, null);
    now += 1_000;
    expect((await page(api, p1.end_cursor)).items).toHaveLength(10);
    now += 1;
    const res = await v3Fetch(api, `${list}?first=10&after=${p1.end_cursor}`);
    expect(await expectProblem(res, 400)).toContain('cursor expired');
  });
});

describe('faults on /v3', () => {
  it('rate limits with Retry-After and a problem body', async () => {
    const api = await start({ rateLimitEvery: 2, retryAfterSeconds: 3 });
    expect((await v3Fetch(api, list)).status).toBe(200);
    const limited = await v3Fetch(api, '/v3/self');
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await expectProblem(limited, 429)).toBe('Rate limit exceeded');
  });

  it('sends 5xx bursts as problems, truncates bodies and breaks the same records', async () => {
    const burst = await start({ serverErrorBurst: { every: 1, length: 1, status: 500 } });
    await expectProblem(await v3Fetch(burst, list), 500);
    const malformed = await start({ malformedEvery: 1 });
    const text = await (await v3Fetch(malformed, list)).text();
    expect(() => JSON.parse(text)).toThrow();
    const invalid = await start({ invalidRecords: 2 });
    const { items } = await walkV3<Record<string, unknown>>(invalid, list);
    expect(items).toHaveLength(100);
    expect(items.filter((s) => !('session_id' in s))).toHaveLength(1);
    expect(items.filter((s) => s.created_at === 'not-a-date')).toHaveLength(1);
  });
});
