import { describe, expect, it } from 'vitest';
import { rowsById } from '../../tests/fixtures/db';
import type { Session } from '../api';
import { compactPages } from './compact';
import { PAGE_TABLES } from './page-layout';
import { hasPagesOutside } from './page-orgs';
import { PageWriter, type StoreOptions } from './page-writer';
import { sessionIdsForPrKey } from './pr-reads';
import {
  readAllSessions,
  readCacheSummary,
  readSearchTexts,
  readSession,
  readSessionRows,
} from './reads';
import { DevinDatabase } from './schema';
import { readSummaryAndPreview } from './summary';
import {
  clearCache,
  removeOtherOrganizations,
  removeSessionsCreatedBefore,
  storeSessions,
} from './writes';

function session(
  id: string,
  org: string,
  updatedAt: string,
  status = 'exit',
  createdAt = '2026-01-01T00:00:00.000Z',
): Session {
  return {
    session_id: id,
    url: `https://app.devin.ai/sessions/${id}`,
    status,
    tags: [],
    org_id: org,
    created_at: createdAt,
    updated_at: updatedAt,
    acus_consumed: 1,
    pull_requests: [],
    session_analysis: null,
    initial_user_message: null,
    title: id,
    user_id: null,
  };
}

const freshDb = () => new DevinDatabase(`writes-${Math.random()}`);
const CHECKED: StoreOptions = { checkCached: true };

/** Stores one page of one organization in its own transaction, as the sync does. */
function store(db: DevinDatabase, sessions: Session[], options = CHECKED): Promise<number> {
  const orgId = sessions[0]?.org_id ?? 'o';
  return db.transaction('rw', [...PAGE_TABLES], () => storeSessions(db, orgId, sessions, options));
}

describe('storeSessions', () => {
  it('never lets an older copy of a session replace a newer one', async () => {
    const db = freshDb();
    await store(db, [session('a', 'o', '2026-01-02T00:00:00.000Z', 'exit')]);
    const written = await store(db, [session('a', 'o', '2026-01-01T12:00:00.000Z', 'running')]);
    expect(written).toBe(0);
    expect((await rowsById(db)).get('a')?.status).toBe('exit');
    expect((await readSession(db, 'a'))?.status).toBe('exit');
    expect((await readCacheSummary(db)).running).toEqual([]);
  });

  it('does not write an unchanged copy again, but does write a quiet change with the same time stamp', async () => {
    const db = freshDb();
    const first = session('a', 'o', '2026-01-01T00:00:00.000Z', 'exit');
    await store(db, [first]);
    expect(await store(db, [first])).toBe(0);
    const merged = {
      ...first,
      pull_requests: [{ url: 'https://github.com/a/b/pull/1', state: 'merged' }],
    };
    expect(await store(db, [merged])).toBe(1);
    expect((await rowsById(db)).get('a')?.pull_requests[0]?.state).toBe('merged');
    expect(await sessionIdsForPrKey(db, 'github.com/a/b/pull/1')).toEqual(['a']);
    expect(await readCacheSummary(db)).toMatchObject({ sessions: 1, copies: 2 });
  });

  it('answers every read with the newest copy: row, session, search text, preview', async () => {
    const db = freshDb();
    await store(db, [session('a', 'o', '2026-01-01T00:00:00.000Z', 'running')]);
    expect((await readCacheSummary(db)).running).toEqual(['a']);
    await store(db, [
      { ...session('a', 'o', '2026-01-02T00:00:00.000Z', 'exit'), title: 'Renamed' },
    ]);
    expect(await readSessionRows(db)).toHaveLength(1);
    expect((await rowsById(db)).get('a')?.status).toBe('exit');
    expect((await readSession(db, 'a'))?.title).toBe('Renamed');
    expect((await readSearchTexts(db)).get('a')).toContain('renamed');
    expect((await readSummaryAndPreview(db)).preview.map((row) => row.title)).toEqual(['Renamed']);
    expect((await readAllSessions(db)).map((s) => s.title)).toEqual(['Renamed']);
    expect(await readCacheSummary(db)).toMatchObject({ sessions: 1, copies: 2, running: [] });
  });

  it('finds every session by its newest text when the texts span many pages', async () => {
    const db = freshDb();
    // More pages than one read takes (they are read in chunks): the newest copy of `s0` is in
    // the last page, its first copy in the first.
    for (let page = 0; page < 60; page++) {
      await store(db, [
        { ...session(`s${page}`, 'o', '2026-01-02T00:00:00Z'), title: `first ${page}` },
      ]);
    }
    await store(db, [{ ...session('s0', 'o', '2026-01-03T00:00:00Z'), title: 'renamed zero' }]);
    expect(await db.pageSearch.count()).toBeGreaterThan(50);
    const texts = await readSearchTexts(db);
    expect(texts.size).toBe(60);
    expect(texts.get('s0')).toContain('renamed zero');
    expect(texts.get('s0')).not.toContain('first 0');
    expect(texts.get('s59')).toContain('first 59');
  });

  it('no longer finds a session by a PR its newest copy dropped', async () => {
    const db = freshDb();
    const linked = {
      ...session('a', 'o', '2026-01-01T00:00:00.000Z'),
      pull_requests: [{ url: 'https://github.com/a/b/pull/7', state: 'open' }],
    };
    await store(db, [linked]);
    await store(db, [session('a', 'o', '2026-01-02T00:00:00.000Z')]);
    expect(await sessionIdsForPrKey(db, 'github.com/a/b/pull/7')).toEqual([]);
  });

  it('counts a session repeated by the previous page of a backfill once', async () => {
    const db = freshDb();
    const a = session('a', 'o', '2026-01-01T00:00:00.000Z');
    const b = session('b', 'o', '2026-01-01T00:00:00.000Z');
    await store(db, [a, b], { checkCached: false });
    await store(db, [b, session('c', 'o', '2026-01-01T00:00:00.000Z')], {
      checkCached: false,
      seenBefore: new Set(['a', 'b']),
    });
    expect(await readCacheSummary(db)).toMatchObject({ sessions: 3, copies: 4 });
    expect((await readSessionRows(db)).map((row) => row.session_id).sort()).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('compaction', () => {
  it('leaves one copy of each session, the newest, and merges small pages', async () => {
    const db = freshDb();
    const ids = Array.from({ length: 300 }, (_, i) => `s${String(i).padStart(3, '0')}`);
    await store(
      db,
      ids.slice(0, 200).map((id) => session(id, 'o', '2026-01-01T00:00:00Z')),
    );
    await store(
      db,
      ids.slice(200).map((id) => session(id, 'o', '2026-01-01T00:00:00Z')),
    );
    // Many small incremental pages, each updating a few sessions.
    for (let round = 0; round < 40; round++) {
      const day = String(2 + (round % 20)).padStart(2, '0');
      const changed = ids.slice(round * 7, round * 7 + 7);
      await store(
        db,
        changed.map((id) => ({
          ...session(id, 'o', `2026-01-${day}T00:00:00Z`),
          title: `r${round}`,
        })),
      );
    }
    // Another organization's small pages, never merged with the first one's.
    for (let round = 0; round < 10; round++) {
      await store(db, [session(`p${round}`, 'p', '2026-01-05T00:00:00Z')]);
    }
    const before = await rowsById(db);
    const texts = await readSearchTexts(db);
    expect((await PageWriter.open(db)).needsCompaction()).toBe(true);

    expect(await compactPages(db)).toBeGreaterThan(0);

    expect(await rowsById(db)).toEqual(before);
    expect(await readSearchTexts(db)).toEqual(texts);
    expect(await readCacheSummary(db)).toMatchObject({ sessions: 310, copies: 310 });
    expect(await db.pages.count()).toBeLessThanOrEqual(4);
    for (const page of await db.pages.toArray()) {
      const rows = (await db.pageRows.get(page.seq))?.rows ?? [];
      expect(new Set(rows.map((row) => row.org_id))).toEqual(new Set([page.org_id]));
    }
    expect((await readSession(db, 's000'))?.title).toBe('r0');
    expect((await PageWriter.open(db)).needsCompaction()).toBe(false);
  });
});

describe('compaction cut short', () => {
  it('leaves the summary counting the pages and copies that are there', async () => {
    const db = freshDb();
    // Two organizations, each with many small pages: at least two groups to rewrite.
    for (const org of ['o1', 'o2']) {
      for (let round = 0; round < 30; round++) {
        const day = String(1 + (round % 25)).padStart(2, '0');
        await store(
          db,
          Array.from({ length: 10 }, (_, i) =>
            session(`${org}-${i}`, org, `2026-01-${day}T00:00:00Z`),
          ).map((s) => ({ ...s, title: `r${round}` })),
        );
      }
    }
    let groups = 0;
    // The worker stops during the second group: the first one stays rewritten.
    await expect(
      compactPages(db, async () => {
        if (++groups === 2) throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    const pages = await db.pageRows.toArray();
    const summary = await readCacheSummary(db);
    expect(summary.pages).toBe(await db.pages.count());
    expect(summary.copies).toBe(pages.reduce((sum, page) => sum + page.rows.length, 0));
    expect(pages.length).toBeLessThan(60);
  });
});

describe('compaction of copies with the same time stamp', () => {
  it('keeps the copy of the later page when two copies share updated_at', async () => {
    const db = freshDb();
    const at = '2026-01-01T00:00:00Z';
    const others = Array.from({ length: 249 }, (_, i) => session(`o${i}`, 'o', at));
    // The first page alone holds enough live rows to be rewritten on its own.
    await store(db, [session('s', 'o', at, 'running'), ...others], { checkCached: false });
    await store(db, [session('s', 'o', at, 'exit')]);
    expect((await rowsById(db)).get('s')?.status).toBe('exit');

    await compactPages(db);

    expect((await rowsById(db)).get('s')?.status).toBe('exit');
    expect((await readSession(db, 's'))?.status).toBe('exit');
    expect(await readCacheSummary(db)).toMatchObject({ sessions: 250, copies: 250, running: [] });
  });
});

describe('cache housekeeping', () => {
  it('removes sessions and sync state of organizations no longer configured', async () => {
    const db = freshDb();
    await store(db, [session('a', 'keep', '2026-01-01T00:00:00Z')]);
    await store(db, [session('b', 'drop', '2026-01-01T00:00:00Z', 'running')]);
    const state = {
      pass: null,
      watermark: 1,
      lastSuccessAt: 1,
      lastError: null,
      skipped: [],
      skippedCount: 0,
    };
    await db.syncState.bulkPut([
      { org_id: 'keep', ...state },
      { org_id: 'drop', ...state },
    ]);
    expect(await removeOtherOrganizations(db, ['keep'])).toBe(1);
    expect((await readSessionRows(db)).map((row) => row.session_id)).toEqual(['a']);
    expect(await readAllSessions(db)).toHaveLength(1);
    expect(await readCacheSummary(db)).toMatchObject({ sessions: 1, running: [] });
    expect(await db.syncState.toCollection().primaryKeys()).toEqual(['keep']);
  });

  it('tells whether pages of organizations other than the kept ones are cached', async () => {
    const db = freshDb();
    expect(await hasPagesOutside(db, [])).toBe(false);
    for (const org of ['org-b', 'org-d', 'org-f']) {
      await store(db, [session(`s-${org}`, org, '2026-01-01T00:00:00Z')]);
    }
    expect(await hasPagesOutside(db, ['org-f', 'org-b', 'org-d'])).toBe(false);
    expect(await hasPagesOutside(db, ['org-b', 'org-d', 'org-f', 'org-z'])).toBe(false);
    // Below the first kept id, between two, above the last, or no id kept at all.
    expect(await hasPagesOutside(db, ['org-d', 'org-f'])).toBe(true);
    expect(await hasPagesOutside(db, ['org-b', 'org-f'])).toBe(true);
    expect(await hasPagesOutside(db, ['org-b', 'org-d'])).toBe(true);
    expect(await hasPagesOutside(db, [])).toBe(true);
  });

  it('removes the pages of an organization that has no sync state', async () => {
    const db = freshDb();
    await store(db, [session('a', 'keep', '2026-01-01T00:00:00Z')]);
    await store(db, [session('b', 'other', '2026-01-01T00:00:00Z')]);
    const saved = { key: '', shape: 1, savedAt: 1, result: { ids: ['a', 'b'] } };
    await db.savedInsights.put(saved, 'last');
    // Nothing to remove: the saved Insights result stays.
    expect(await removeOtherOrganizations(db, ['keep', 'other'])).toBe(0);
    expect(await db.savedInsights.count()).toBe(1);
    expect(await removeOtherOrganizations(db, ['keep'])).toBe(1);
    expect((await readSessionRows(db)).map((row) => row.session_id)).toEqual(['a']);
    expect(await readCacheSummary(db)).toMatchObject({ sessions: 1, pages: 1 });
    // It named the removed organization's session.
    expect(await db.savedInsights.count()).toBe(0);
  });

  it('drops sessions that fell out of the history window and keeps the rest of their page', async () => {
    const db = freshDb();
    await store(db, [
      session('old', 'o', '2026-01-01T00:00:00Z', 'exit', '2026-01-01T00:00:00Z'),
      session('young', 'o', '2026-03-01T00:00:00Z', 'exit', '2026-03-01T00:00:00Z'),
    ]);
    expect(await removeSessionsCreatedBefore(db, Date.parse('2026-02-01T00:00:00Z'))).toBe(1);
    expect((await readSessionRows(db)).map((row) => row.session_id)).toEqual(['young']);
    expect([...(await readSearchTexts(db)).keys()]).toEqual(['young']);
    expect(await removeSessionsCreatedBefore(db, Date.parse('2026-02-01T00:00:00Z'))).toBe(0);
  });

  it('keeps no stored part of the full sessions a trimmed page dropped for the sessions it dropped', async () => {
    const db = freshDb();
    const month = (i: number) => `2026-0${1 + (i % 3)}-15T00:00:00.000Z`;
    await store(
      db,
      Array.from({ length: 200 }, (_, i) => ({
        ...session(`s${i}`, 'o', '2026-04-01T00:00:00Z'),
        created_at: month(i),
      })),
    );
    expect(await db.pageSessions.count()).toBe(5);
    // Only the sessions created in March stay: 66 of 200, in two parts of 40 at most.
    const removed = await removeSessionsCreatedBefore(db, Date.parse('2026-03-01T00:00:00Z'));
    expect(removed).toBe(134);
    expect(await db.pageSessions.count()).toBe(2);
    const kept = await readAllSessions(db);
    expect(kept.length).toBe(66);
    expect(kept.every((s) => s.created_at.startsWith('2026-03'))).toBe(true);
  });

  it('clears everything', async () => {
    const db = freshDb();
    await store(db, [session('a', 'o', '2026-01-01T00:00:00Z')]);
    await db.organizations.put({ org_id: 'o', org_name: 'Org' });
    // The Insights result kept for the page's next opening names cached sessions too.
    await db.savedInsights.put({ key: '', shape: 1, savedAt: 1, result: { ids: ['a'] } }, 'last');
    await clearCache(db);
    expect(await readSessionRows(db)).toEqual([]);
    expect(await db.savedInsights.count()).toBe(0);
    expect(await readCacheSummary(db)).toMatchObject({ sessions: 0, copies: 0 });
    expect((await readSummaryAndPreview(db)).preview).toEqual([]);
    expect(await db.organizations.count()).toBe(0);
  });
});
