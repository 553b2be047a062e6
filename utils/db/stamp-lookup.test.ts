import { describe, expect, it } from 'vitest';
import { makeSession } from '../../tests/fixtures/rows';
import { PAGE_TABLES } from './page-layout';
import { toSessionRow } from './rows';
import { DevinDatabase } from './schema';
import { cachedStamps, newestCachedStamps } from './stamp-lookup';
import { stampOf } from './stamps';
import { storeSessions } from './writes';

describe('cached stamp lookups', () => {
  it('finds every cached copy of a session, or its newest alone', async () => {
    const db = new DevinDatabase(`stamps-${Math.random()}`);
    const copies = ['2026-01-05T00:00:00Z', '2026-02-05T00:00:00Z', '2026-03-05T00:00:00Z'].map(
      (updated_at) => makeSession({ session_id: 'a', org_id: 'o', updated_at, title: updated_at }),
    );
    const other = makeSession({ session_id: 'b', org_id: 'o' });
    // Each newer copy is stored as a page of its own, as successive syncs would.
    for (const page of [[copies[0], other], [copies[1]], [copies[2]]]) {
      await db.transaction('rw', [...PAGE_TABLES], () =>
        storeSessions(
          db,
          'o',
          page.filter((s) => s !== undefined),
          { checkCached: true },
        ),
      );
    }
    const stamps = copies.map((session) => stampOf(toSessionRow(session)));
    const [all] = await cachedStamps(db, ['a']);
    expect([...(all ?? [])].sort()).toEqual([...stamps].sort());
    expect(await newestCachedStamps(db, ['a', 'b', 'never-cached'])).toEqual([
      stamps[2],
      stampOf(toSessionRow(other)),
      null,
    ]);
  });
});
