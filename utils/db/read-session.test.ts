/** Reading one session for the detail view: the part of its page that holds its latest copy. */
import { describe, expect, it } from 'vitest';
import { makeSession } from '../../tests/fixtures/rows';
import type { Session } from '../api';
import { PAGE_TABLES } from './pages';
import { readSession } from './reads';
import { DevinDatabase } from './schema';
import type { PageSessions } from './types';
import { storeSessions } from './writes';

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
