import { describe, expect, it } from 'vitest';
import { putSessions } from '../../tests/fixtures/db';
import { makeSession } from '../../tests/fixtures/sessions';
import { readFirstScreen } from './first-screen';
import { DevinDatabase } from './schema';

describe('readFirstScreen', () => {
  it('reads the newest rows and the session count without Dexie', async () => {
    const db = new DevinDatabase(`first-${Math.random()}`);
    await putSessions(db, [
      makeSession({ session_id: 'old', updated_at: '2026-01-01T00:00:00Z' }),
      makeSession({ session_id: 'new', updated_at: '2026-02-01T00:00:00Z' }),
    ]);
    const screen = await readFirstScreen(db.name);
    expect(screen?.sessions).toBe(2);
    expect(screen?.rows.map((row) => row.session_id)).toEqual(['new', 'old']);
  });

  it('answers null before the first sync, and creates no database', async () => {
    const name = `missing-${Math.random()}`;
    expect(await readFirstScreen(name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});
