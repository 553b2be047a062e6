// The engine against a real Dexie database (fake-indexeddb): reading, filtering, details, changes.
process.env.TZ = 'UTC';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { putSessions } from '../../tests/fixtures/db';
import { SESSIONS } from '../../tests/fixtures/insights';
import type { Session } from '../api';
import { readSessionRows } from '../db/reads';
import { DevinDatabase } from '../db/schema';
import { filterRows } from '../filters/match';
import { emptyFilters, type SessionFilters } from '../filters/model';
import { databaseSource, InsightsEngine, type InsightsSource } from './engine';
import { type InsightsMessage, type InsightsResult, transferables } from './messages';

let db: DevinDatabase;
let counter = 0;

async function write(sessions: Session[]): Promise<void> {
  await putSessions(db, sessions);
}

/** Makes the stored rows look as rows stored before they kept their analysis facts. */
async function dropFacts(): Promise<void> {
  await db.pageRows.toCollection().modify((page) => {
    page.rows = page.rows.map((row) => {
      if (!row.analysis?.facts) return row;
      const { facts: _dropped, ...analysis } = row.analysis;
      return { ...row, analysis };
    });
  });
}

beforeEach(async () => {
  db = new DevinDatabase(`insights-engine-${++counter}`);
  await write(SESSIONS);
});

afterEach(async () => {
  await db.delete();
});

function filters(change: Partial<SessionFilters> = {}): SessionFilters {
  return { ...emptyFilters(), ...change };
}

function collect(source: InsightsSource = databaseSource(db)) {
  const messages: InsightsMessage[] = [];
  const engine = new InsightsEngine(source, (message) => messages.push(message), {
    minIntervalMs: 0,
  });
  const results = () =>
    messages.filter((message): message is InsightsResult => message.type === 'result');
  return { engine, messages, results };
}

/** The impacts and action item types of the fixture sessions, none still pending. */
function expectEveryAnalysisCounted(result: InsightsResult | undefined): void {
  expect(result?.insights.totals.analysisPending).toBe(0);
  expect(result?.insights.impacts.map((b) => [b.key, b.sessions])).toEqual([
    ['high', 2],
    ['low', 1],
    ['medium', 1],
  ]);
  expect(result?.insights.actionTypes.map((b) => [b.key, b.occurrences])).toEqual([
    ['knowledge', 3],
    ['playbook', 1],
  ]);
}

/** s5 changed later: its analysis now lists one critical issue (it had a high one). */
function s5WithCriticalIssue(): Session {
  return {
    ...(SESSIONS[4] as Session),
    updated_at: '2025-05-05T09:00:00Z',
    session_analysis: {
      issues: [{ issue: 'Still flaky', label: 'flaky_tests', impact: 'critical' }],
      action_items: [],
      timeline: [],
      suggested_prompt: null,
    },
  };
}

describe('InsightsEngine', () => {
  it('reads, filters and aggregates, with impacts and action item types from the rows alone', async () => {
    const read = vi.fn(databaseSource(db).details);
    const { engine, results } = collect({ ...databaseSource(db), details: read });
    engine.setQuery(filters());
    await vi.waitFor(() => expect(results().length).toBe(1));
    const [result] = results();
    expect(result?.partial).toBe(false);
    expect(result?.cached).toBe(6);
    expect(result?.insights.count).toBe(6);
    expectEveryAnalysisCounted(result);
    expect(result?.filters).toEqual(filters());
    expect(read).not.toHaveBeenCalled();
    engine.dispose();
  });

  it('counts date ranges back from today, as the session list does', async () => {
    // Two days old: inside "last 7 days" and "last 30 days", outside "last 24 hours".
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const base = SESSIONS[0] as Session;
    await write([
      { ...base, session_id: 'recent', created_at: twoDaysAgo, updated_at: twoDaysAgo },
    ]);
    const { engine, results } = collect();
    const rows = await readSessionRows(db);
    for (const preset of ['24h', '7d', '30d'] as const) {
      const range = filters({ created: { preset, from: null, to: null } });
      engine.setQuery(range);
      await vi.waitFor(() => expect(results().at(-1)?.filters).toEqual(range));
      const listed = filterRows(rows, range, null, Date.now()).map((row) => row.session_id);
      expect([...(results().at(-1)?.insights.ids ?? [])].sort()).toEqual(listed.sort());
      expect(listed).toEqual(preset === '24h' ? [] : ['recent']);
    }
    engine.dispose();
  });

  it('applies the filters, text search included (from the search texts)', async () => {
    const { engine, results } = collect();
    engine.setQuery(filters({ orgIds: ['org-b'] }));
    await vi.waitFor(() => expect(results().length).toBe(1));
    expect(results()[0]?.insights.ids).toEqual(['s4', 's5', 's6']);
    // "Issue 0" is the text of an issue: in the search text, not in the row.
    engine.setQuery(filters({ text: '"issue 0"' }));
    await vi.waitFor(() => expect(results().length).toBe(2));
    expect(results()[1]?.insights.ids).toEqual(['s1', 's2', 's5']);
    engine.dispose();
  });

  it("sums the billing cycle's sessions for the budget, whatever the filters", async () => {
    const { engine, results } = collect();
    const cycle = {
      start: Date.parse('2025-05-02T00:00:00Z'),
      end: Date.parse('2025-05-04T12:00:00Z'),
    };
    engine.setQuery(filters({ orgIds: ['org-a'] }), cycle);
    await vi.waitFor(() => expect(results().length).toBe(1));
    const { cycleSessions } = results()[0] as InsightsResult;
    // s2, s3, s4 and s5 were created in the cycle; s4 and s5 are org-b's, filtered out above.
    expect(cycleSessions?.cycle).toEqual(cycle);
    expect(cycleSessions?.sums.total).toBe(13.5);
    expect([...(cycleSessions?.sums.byOrg ?? [])]).toEqual([
      ['org-a', 11],
      ['org-b', 2.5],
    ]);
    expect([...(cycleSessions?.sums.byUser ?? [])]).toEqual([
      ['u1', 1],
      ['u2', 12],
    ]);
    // Without a cycle, nothing is summed.
    engine.setQuery(filters());
    await vi.waitFor(() => expect(results().length).toBe(2));
    expect(results()[1]?.cycleSessions).toBeNull();
    engine.dispose();
  });

  it('prepares the columns once per data change, not per query', async () => {
    const { engine, results } = collect();
    engine.setQuery(filters());
    await vi.waitFor(() => expect(results().length).toBe(1));
    expect(results()[0]?.timings.prepareMs).toBeGreaterThan(0);
    // Another view of the same cache: nothing read, nothing prepared, only aggregated.
    engine.setQuery(filters({ orgIds: ['org-a'] }));
    await vi.waitFor(() => expect(results().length).toBe(2));
    expect(results()[1]?.insights.ids).toEqual(['s1', 's2', 's3']);
    expect(results()[1]?.timings).toMatchObject({ readMs: 0, prepareMs: 0 });
    expect(results()[1]?.timings.computeMs).toBeGreaterThan(0);
    engine.dispose();
  });

  it('reads details for rows stored without analysis facts, and re-reads only changed ones', async () => {
    await dropFacts();
    const read = vi.fn(databaseSource(db).details);
    const { engine, results } = collect({ ...databaseSource(db), details: read });
    engine.setQuery(filters());
    await vi.waitFor(() => expect(results().length).toBe(1));
    expect(read.mock.calls.flat(2).sort()).toEqual(['s1', 's2', 's4', 's5']);
    expectEveryAnalysisCounted(results()[0]);
    read.mockClear();

    const s5 = SESSIONS[4] as Session;
    const changed = s5WithCriticalIssue();
    const added: Session = {
      ...s5,
      session_id: 's7',
      created_at: '2025-05-05T10:00:00Z',
      updated_at: '2025-05-05T10:00:00Z',
      acus_consumed: 7,
    };
    await write([changed, added]);
    await dropFacts();
    engine.invalidate();
    await vi.waitFor(() => expect(results().length).toBe(2));
    expect(read.mock.calls.flat(2).sort()).toEqual(['s5', 's7']);
    const insights = results()[1]?.insights;
    expect(insights?.count).toBe(7);
    expect(insights?.totals.acus).toBe(27.5);
    expect(insights?.impacts.map((b) => [b.key, b.sessions])).toEqual([
      ['high', 2],
      ['critical', 1],
      ['low', 1],
      ['medium', 1],
    ]);
    engine.dispose();
  });

  it('takes a changed analysis from the rows of the change, reading no details', async () => {
    const read = vi.fn(databaseSource(db).details);
    const { engine, results } = collect({ ...databaseSource(db), details: read });
    engine.setQuery(filters());
    await vi.waitFor(() => expect(results().length).toBe(1));
    await write([s5WithCriticalIssue()]);
    engine.invalidate();
    await vi.waitFor(() => expect(results().length).toBe(2));
    expect(results()[1]?.partial).toBe(false);
    // s5's high issue became a critical one.
    expect(results()[1]?.insights.impacts.map((b) => [b.key, b.sessions])).toEqual([
      ['critical', 1],
      ['high', 1],
      ['low', 1],
      ['medium', 1],
    ]);
    expect(read).not.toHaveBeenCalled();
    engine.dispose();
  });

  it('abandons the details of a query replaced by a newer one', async () => {
    await dropFacts();
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const source = databaseSource(db);
    const { engine, results } = collect({
      ...source,
      details: async (ids) => {
        await gate;
        return source.details(ids);
      },
    });
    engine.setQuery(filters());
    await new Promise((r) => setTimeout(r, 20));
    engine.setQuery(filters({ statuses: ['exit'] }));
    open();
    await vi.waitFor(() => expect(results().length).toBe(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(results().map((r) => r.insights.ids)).toEqual([['s1', 's3', 's6']]);
    engine.dispose();
  });

  it('coalesces changes that arrive while it works', async () => {
    const { engine, results } = collect();
    engine.setQuery(filters());
    engine.invalidate();
    engine.invalidate();
    engine.invalidate();
    await vi.waitFor(() => expect(results().length).toBe(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(results().length).toBe(2);
    engine.dispose();
  });

  it('reports a failure as a message', async () => {
    const { engine, messages } = collect({
      ...databaseSource(db),
      rows: () => Promise.reject(new Error('disk gone')),
    });
    engine.setQuery(filters());
    await vi.waitFor(() =>
      expect(messages).toEqual([{ type: 'error', seq: 1, message: 'disk gone' }]),
    );
    engine.dispose();
  });
});

describe('transferables', () => {
  it('lists every buffer of a result once', async () => {
    const { engine, results } = collect();
    engine.setQuery(filters());
    await vi.waitFor(() => expect(results().length).toBe(1));
    const insights = results()[0]?.insights;
    if (!insights) throw new Error('no result');
    const buffers = transferables(insights);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toContain(insights.columns.flags.buffer);
    expect(buffers).toContain(insights.labels[0]?.members.buffer);
    // A structured clone with those buffers transferred keeps every number.
    const copy = structuredClone(insights, { transfer: buffers });
    expect(copy.totals.sessions).toBe(6);
    expect(Array.from(copy.columns.day)).toEqual([0, 1, 1, 1, 3, 3]);
    engine.dispose();
  });
});
