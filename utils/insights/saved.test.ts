// The Insights result kept for the page's next opening, with the engine against a real Dexie
// database (fake-indexeddb).
process.env.TZ = 'UTC';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { putSessions } from '../../tests/fixtures/db';
import { SESSIONS } from '../../tests/fixtures/insights';
import type { Session } from '../api';
import { DevinDatabase } from '../db/schema';
import type { SavedInsightsRow } from '../db/types';
import { clearCache } from '../db/writes';
import { emptyFilters, type SessionFilters } from '../filters/model';
import { databaseSource, InsightsEngine, type InsightsSource } from './engine';
import type { InsightsMessage, InsightsResult } from './messages';

let db: DevinDatabase;
let counter = 0;

beforeEach(async () => {
  db = new DevinDatabase(`insights-saved-${++counter}`);
  await putSessions(db, SESSIONS);
});

afterEach(async () => {
  await db.delete();
});

function filters(change: Partial<SessionFilters> = {}): SessionFilters {
  return { ...emptyFilters(), ...change };
}

function open(source: InsightsSource, saveAfterMs = 0) {
  const messages: InsightsMessage[] = [];
  const engine = new InsightsEngine(source, (message) => messages.push(message), {
    minIntervalMs: 0,
    saveAfterMs,
  });
  const results = () =>
    messages.filter((message): message is InsightsResult => message.type === 'result');
  return { engine, messages, results };
}

/** The database source, its rows read only once `release` is called: a slow first read. */
function slowRows(): { source: InsightsSource; release: () => void } {
  const source = databaseSource(db);
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { source: { ...source, rows: () => gate.then(() => source.rows()) }, release };
}

/** Opens the page once with these filters and waits until its result is saved. */
async function openOnceAndSave(view: SessionFilters): Promise<InsightsResult> {
  const first = open(databaseSource(db));
  first.engine.setQuery(view);
  await vi.waitFor(() => expect(first.results().some((r) => !r.partial)).toBe(true));
  await vi.waitFor(async () => expect(await db.savedInsights.count()).toBe(1));
  first.engine.dispose();
  return first.results().at(-1) as InsightsResult;
}

/** Opens the page with these filters on slow rows: nothing is shown before the fresh result. */
async function expectNoSavedResult(view: SessionFilters): Promise<InsightsResult> {
  const { source, release } = slowRows();
  const page = open(source);
  page.engine.setQuery(view);
  // A saved result is read at once; give it time to be (wrongly) posted.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(page.messages).toEqual([]);
  release();
  await vi.waitFor(() => expect(page.results().length).toBe(1));
  const [fresh] = page.results();
  expect(fresh?.savedAt).toBeUndefined();
  page.engine.dispose();
  return fresh as InsightsResult;
}

describe('the result saved for the next opening', () => {
  it('is shown at once while the cache is read again, then replaced by the fresh one', async () => {
    const before = await openOnceAndSave(filters({ orgIds: ['org-b'] }));
    expect(before.insights.ids).toEqual(['s4', 's5', 's6']);
    // The cache changes before the next opening.
    const added: Session = { ...(SESSIONS[3] as Session), session_id: 's7' };
    await putSessions(db, [added]);

    const { source, release } = slowRows();
    const next = open(source);
    next.engine.setQuery(filters({ orgIds: ['org-b'] }));
    await vi.waitFor(() => expect(next.results().length).toBe(1));
    const [saved] = next.results();
    expect(saved?.partial).toBe(true);
    expect(saved?.savedAt).toBeGreaterThan(0);
    expect(saved?.insights.ids).toEqual(['s4', 's5', 's6']);
    expect(saved?.insights.totals.acus).toBe(before.insights.totals.acus);

    release();
    await vi.waitFor(() => expect(next.results().length).toBe(2));
    const fresh = next.results()[1];
    expect(fresh?.savedAt).toBeUndefined();
    expect(fresh?.partial).toBe(false);
    expect(fresh?.insights.ids).toEqual(['s4', 's5', 's6', 's7']);
    next.engine.dispose();
  });

  it('is not shown for other filters, nor after the cache is cleared', async () => {
    await openOnceAndSave(filters({ orgIds: ['org-b'] }));
    await expectNoSavedResult(filters({ orgIds: ['org-a'] }));
    await clearCache(db);
    expect((await expectNoSavedResult(filters({ orgIds: ['org-b'] }))).cached).toBe(0);
  });

  it('is not shown when an older version of the extension saved it', async () => {
    await openOnceAndSave(filters());
    const row = await db.savedInsights.get('last');
    await db.savedInsights.put({ ...(row as SavedInsightsRow), shape: 0 }, 'last');
    await expectNoSavedResult(filters());
  });

  it('is saved only once a complete result stays the latest', async () => {
    const page = open(databaseSource(db), 200);
    page.engine.setQuery(filters({ orgIds: ['org-a'] }));
    await vi.waitFor(() => expect(page.results().length).toBe(1));
    // Another view before the first one settled: only that one is kept.
    page.engine.setQuery(filters({ orgIds: ['org-b'] }));
    await vi.waitFor(() => expect(page.results().length).toBe(2));
    expect(await db.savedInsights.count()).toBe(0);
    await vi.waitFor(async () => expect(await db.savedInsights.count()).toBe(1));
    expect((await db.savedInsights.get('last'))?.result).toMatchObject({
      insights: { ids: ['s4', 's5', 's6'] },
    });
    page.engine.dispose();
  });

  it('is left alone when it cannot be read: the fresh result follows as before', async () => {
    const source = databaseSource(db);
    const failing: InsightsSource = {
      ...source,
      saved: {
        read: () => Promise.reject(new Error('The database is gone')),
        write: () => Promise.resolve(),
      },
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = open(failing);
    page.engine.setQuery(filters());
    await vi.waitFor(() => expect(page.results().length).toBe(1));
    expect(page.results()[0]).toMatchObject({ partial: false, cached: 6 });
    expect(page.messages.every((message) => message.type === 'result')).toBe(true);
    page.engine.dispose();
    expect(logged).toHaveBeenCalledWith(
      '[devin-sessions] reading the saved Insights result:',
      expect.any(Error),
    );
    logged.mockRestore();
  });
});
