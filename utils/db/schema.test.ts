import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Session } from '../api';
import { sessionIdsForPrKey } from './pr-reads';
import { readCacheSummary, readSearchTexts, readSession, readSessionRows } from './reads';
import { toSessionDetail } from './rows';
import { DevinDatabase } from './schema';

function session(id: string, prUrl: string): Session {
  return {
    session_id: id,
    url: `https://app.devin.ai/sessions/${id}`,
    status: 'exit',
    tags: ['infra'],
    org_id: 'org-1',
    created_at: '2026-01-02T03:04:05.000Z',
    updated_at: '2026-01-03T03:04:05.000Z',
    acus_consumed: 2,
    pull_requests: [{ url: prUrl, state: 'open' }],
    session_analysis: null,
    initial_user_message: 'Upgrade the lint rules\nand fix what breaks',
    title: null,
    user_id: null,
  };
}

/** A database as version 1 of the extension left it. */
function versionOneDatabase(name: string): Dexie {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    sessions: 'session_id, org_id, status, user_id, created_at, updated_at, acus_consumed, *tags',
    details: 'session_id',
    syncState: 'org_id',
    organizations: 'org_id',
    members: 'user_id',
    meta: 'key',
  });
  return v1;
}

describe('database migrations', () => {
  it('upgrades a version 1 database to pages, keeping every session and indexing its PRs', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = versionOneDatabase(name);
    await v1
      .table('details')
      .bulkPut([
        toSessionDetail(session('s1', 'https://github.com/Acme/Api/pull/12/files')),
        toSessionDetail(session('s2', 'https://gitlab.com/g/p/merge_requests/3')),
      ]);
    v1.close();

    const db = new DevinDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((table) => table.name)).not.toContain('sessions');
    expect(await sessionIdsForPrKey(db, 'github.com/acme/api/pull/12')).toEqual(['s1']);
    const rows = await readSessionRows(db);
    expect(rows.map((row) => row.session_id).sort()).toEqual(['s1', 's2']);
    expect(rows.find((row) => row.session_id === 's1')?.first_line).toBe('Upgrade the lint rules');
    expect((await readSearchTexts(db)).get('s2')).toContain('lint rules');
    expect((await readSession(db, 's2'))?.pull_requests[0]?.state).toBe('open');
    expect(await readCacheSummary(db)).toMatchObject({ sessions: 2, copies: 2 });
    db.close();
  });

  it('regroups a large version 1 cache into pages of one organization each, 200 at most', async () => {
    const name = `migrate-many-${Math.random()}`;
    const v1 = versionOneDatabase(name);
    const sessions = Array.from({ length: 450 }, (_, i) => ({
      ...session(`s${String(i).padStart(3, '0')}`, `https://github.com/a/b/pull/${i}`),
      org_id: i % 3 === 0 ? 'org-a' : 'org-b',
    }));
    await v1.table('details').bulkPut(sessions.map(toSessionDetail));
    v1.close();

    const db = new DevinDatabase(name);
    expect((await readSessionRows(db)).length).toBe(450);
    expect(await readCacheSummary(db)).toMatchObject({ sessions: 450, copies: 450 });
    const pages = await db.pages.toArray();
    for (const page of pages) {
      expect(page.rows.length).toBeLessThanOrEqual(200);
      expect(new Set(page.rows.map((row) => row.org_id))).toEqual(new Set([page.org_id]));
    }
    // 150 sessions of org-a, 300 of org-b.
    expect(pages.length).toBe(3);
    db.close();
  });
});
