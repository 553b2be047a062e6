/**
 * Reading one session for the detail view: the part of its page that holds its latest copy, its
 * long texts cut to their previews; the whole texts read on demand, for export and rewriting.
 */
import { describe, expect, it } from 'vitest';
import { makeAnalysis, makeSession } from '../../tests/fixtures/rows';
import type { Session } from '../api';
import { compactPages } from './compact';
import { MESSAGE_PREVIEW_CHARS } from './long-texts';
import { PAGE_TABLES } from './page-layout';
import { readAllSessions, readSession, readStoredSession, readWholeSession } from './reads';
import { DevinDatabase } from './schema';
import type { PageSessions } from './types';
import { clearCache, storeSessions } from './writes';

const session = (id: string, updatedAt: string, title = id): Session =>
  makeSession({ session_id: id, org_id: 'o', updated_at: updatedAt, title });

const freshDb = () => new DevinDatabase(`read-session-${Math.random()}`);

/** Counts the full sessions a database hands back from `pageSessions`, however it is asked. */
function countSessionsRead(db: DevinDatabase): { count: number } {
  const read = { count: 0 };
  const sessionsIn = (value: unknown) => (value as PageSessions | undefined)?.sessions.length ?? 0;
  db.use({
    stack: 'dbcore',
    name: 'count-sessions-read',
    create: (core) => ({
      ...core,
      table: (name) => {
        const table = core.table(name);
        if (name !== 'pageSessions') return table;
        return {
          ...table,
          get: async (request) => {
            const value = await table.get(request);
            read.count += sessionsIn(value);
            return value;
          },
          query: async (request) => {
            const result = await table.query(request);
            for (const value of result.result) read.count += sessionsIn(value);
            return result;
          },
        };
      },
    }),
  });
  return read;
}

/** Stores one page and returns its seq. */
async function storePage(db: DevinDatabase, sessions: Session[]): Promise<number> {
  await db.transaction('rw', [...PAGE_TABLES], () =>
    storeSessions(db, 'o', sessions, { checkCached: true }),
  );
  return (await db.pages.orderBy(':id').lastKey()) as number;
}

const hundred = (updatedAt: string) =>
  Array.from({ length: 100 }, (_, i) => session(`s${String(i).padStart(3, '0')}`, updatedAt));

describe('readSession', () => {
  it('reads the session from the one part of its page that holds it', async () => {
    const db = freshDb();
    const read = countSessionsRead(db);
    await storePage(db, hundred('2026-03-01T00:00:00.000Z'));
    for (const id of ['s000', 's055', 's099']) {
      read.count = 0;
      expect((await readSession(db, id))?.title).toBe(id);
      // One part (40 sessions at most), not the page's 100.
      expect(read.count).toBeGreaterThan(0);
      expect(read.count).toBeLessThanOrEqual(40);
    }
    expect(await readSession(db, 'nope')).toBeUndefined();
  });

  it('finds a session in a page stored in other parts than the reader expects', async () => {
    const db = freshDb();
    const seq = await storePage(db, hundred('2026-03-01T00:00:00.000Z'));
    const all = await db.pageSessions.where(':id').between([seq, 0], [seq, 99]).toArray();
    // One part with every session, as a page written with another part size would be.
    await db.transaction('rw', db.pageSessions, async () => {
      await db.pageSessions.clear();
      const joined: PageSessions = { seq, sessions: all.flatMap((part) => part.sessions) };
      await db.pageSessions.put(joined, [seq, 0]);
    });
    expect((await readSession(db, 's099'))?.title).toBe('s099');
  });

  it('answers with the latest copy: the newest update, and of equal ones the later page', async () => {
    const db = freshDb();
    await storePage(db, hundred('2026-03-01T00:00:00.000Z'));
    await storePage(db, [session('s050', '2026-03-02T00:00:00.000Z', 'newer')]);
    await storePage(db, [session('s070', '2026-03-01T00:00:00.000Z', 'same time, later page')]);
    expect((await readSession(db, 's050'))?.title).toBe('newer');
    expect((await readSession(db, 's070'))?.title).toBe('same time, later page');
    expect((await readSession(db, 's010'))?.title).toBe('s010');
  });
});

describe('long texts stored apart', () => {
  const MB = 1_048_576;
  const huge = (updatedAt: string) =>
    makeSession({
      session_id: 'huge',
      org_id: 'o',
      updated_at: updatedAt,
      created_at: '2026-03-01T00:00:00.000Z',
      initial_user_message: `${'m'.repeat(MB - 3)}END`,
      session_analysis: makeAnalysis({
        issues: Array.from({ length: 20 }, (_, i) => ({
          issue: `${'i'.repeat(65_533)}${String(i).padStart(3, '0')}`,
          impact: 'high',
          label: `l${i}`,
        })),
      }),
    });

  it('opens a session with the beginnings of its long texts, and reads them whole on demand', async () => {
    const db = freshDb();
    const original = huge('2026-03-01T00:00:00.000Z');
    await storePage(db, [...hundred('2026-03-01T00:00:00.000Z'), original]);
    const stored = await readStoredSession(db, 'huge');
    expect(stored?.session.initial_user_message).toHaveLength(MESSAGE_PREVIEW_CHARS);
    expect(stored?.cut?.initial_user_message).toBe(MB);
    expect(stored?.cut?.['session_analysis.issues.19.issue']).toBe(65_536);
    // Opening reads tens of kilobytes, not the megabytes the API sent.
    expect(JSON.stringify(stored?.session).length).toBeLessThan(40_000);
    expect(await readWholeSession(db, 'huge')).toEqual(original);
    // An ordinary session of the same page: nothing cut.
    expect((await readStoredSession(db, 's001'))?.cut).toBeNull();
  });

  it('exports, rewrites and removes sessions with their whole texts', async () => {
    const db = freshDb();
    const original = huge('2026-03-01T00:00:00.000Z');
    await storePage(db, [original, session('s1', '2026-03-01T00:00:00.000Z')]);
    await storePage(db, [session('s2', '2026-03-01T00:00:00.000Z')]);
    const exported = await readAllSessions(db);
    expect(exported.find((s) => s.session_id === 'huge')).toEqual(original);

    // Compaction joins the two small pages into one: the whole texts move with the session.
    expect(await compactPages(db)).toBe(2);
    expect(await db.pages.count()).toBe(1);
    expect(await db.longTexts.count()).toBe(1);
    expect(await readWholeSession(db, 'huge')).toEqual(original);

    // A newer copy without long texts; once compacted, its old whole texts are gone too.
    await storePage(db, [session('huge', '2026-03-02T00:00:00.000Z', 'now short')]);
    expect((await readWholeSession(db, 'huge'))?.title).toBe('now short');
    await compactPages(db);
    expect(await db.longTexts.count()).toBe(0);

    await storePage(db, [huge('2026-03-03T00:00:00.000Z')]);
    expect(await db.longTexts.count()).toBe(1);
    await clearCache(db);
    expect(await db.longTexts.count()).toBe(0);
  });
});
