import { describe, expect, it } from 'vitest';
import type { Session } from '../api';
import { DevinDatabase } from './schema';
import {
  clearCache,
  removeOtherOrganizations,
  removeSessionsCreatedBefore,
  upsertSessions,
} from './writes';

function session(id: string, org: string, updatedAt: string, status = 'exit'): Session {
  return {
    session_id: id,
    url: `https://app.devin.ai/sessions/${id}`,
    status,
    tags: [],
    org_id: org,
    created_at: '2026-01-01T00:00:00.000Z',
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

describe('upsertSessions', () => {
  it('never lets an older copy of a session overwrite a newer one', async () => {
    const db = freshDb();
    await upsertSessions(db, [session('a', 'o', '2026-01-02T00:00:00.000Z', 'exit')]);
    const changed = await upsertSessions(db, [
      session('a', 'o', '2026-01-01T12:00:00.000Z', 'running'),
    ]);
    expect(changed).toBe(0);
    expect((await db.sessions.get('a'))?.status).toBe('exit');
    expect((await db.details.get('a'))?.session.status).toBe('exit');
  });

  it('does not rewrite an unchanged copy, but does write a quiet change with the same time stamp', async () => {
    const db = freshDb();
    const first = session('a', 'o', '2026-01-01T00:00:00.000Z', 'exit');
    await upsertSessions(db, [first]);
    expect(await upsertSessions(db, [first])).toBe(0);
    const merged = {
      ...first,
      pull_requests: [{ url: 'https://github.com/a/b/pull/1', state: 'merged' }],
    };
    expect(await upsertSessions(db, [merged])).toBe(1);
    expect((await db.sessions.get('a'))?.pull_requests[0]?.state).toBe('merged');
  });

  it('writes a newer copy to the row, the detail and the search text', async () => {
    const db = freshDb();
    await upsertSessions(db, [session('a', 'o', '2026-01-01T00:00:00.000Z', 'running')]);
    await upsertSessions(db, [
      { ...session('a', 'o', '2026-01-02T00:00:00.000Z', 'exit'), title: 'Renamed' },
    ]);
    expect((await db.sessions.get('a'))?.status).toBe('exit');
    expect((await db.details.get('a'))?.session.title).toBe('Renamed');
    expect((await db.searchText.get('a'))?.text).toContain('renamed');
  });
});

describe('cache housekeeping', () => {
  it('removes sessions and sync state of organizations no longer configured', async () => {
    const db = freshDb();
    await upsertSessions(db, [
      session('a', 'keep', '2026-01-01T00:00:00Z'),
      session('b', 'drop', '2026-01-01T00:00:00Z'),
    ]);
    await db.syncState.bulkPut([
      {
        org_id: 'keep',
        pass: null,
        watermark: 1,
        lastSuccessAt: 1,
        lastError: null,
        skipped: [],
        skippedCount: 0,
      },
      {
        org_id: 'drop',
        pass: null,
        watermark: 1,
        lastSuccessAt: 1,
        lastError: null,
        skipped: [],
        skippedCount: 0,
      },
    ]);
    expect(await removeOtherOrganizations(db, ['keep'])).toBe(1);
    expect(await db.sessions.toCollection().primaryKeys()).toEqual(['a']);
    expect(await db.details.count()).toBe(1);
    expect(await db.syncState.toCollection().primaryKeys()).toEqual(['keep']);
  });

  it('drops sessions that fell out of the history window', async () => {
    const db = freshDb();
    await upsertSessions(db, [session('old', 'o', '2026-01-01T00:00:00Z')]);
    expect(await removeSessionsCreatedBefore(db, Date.parse('2026-02-01T00:00:00Z'))).toBe(1);
    expect(await db.searchText.count()).toBe(0);
  });

  it('clears everything', async () => {
    const db = freshDb();
    await upsertSessions(db, [session('a', 'o', '2026-01-01T00:00:00Z')]);
    await db.organizations.put({ org_id: 'o', org_name: 'Org' });
    await clearCache(db);
    expect(await db.sessions.count()).toBe(0);
    expect(await db.organizations.count()).toBe(0);
  });
});
