import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Session } from '../api';
import { sessionIdsForPrKey } from './pr-reads';
import { readCacheSummary, readSearchTexts, readSession, readSessionRows } from './reads';
import { toSearchText, toSessionDetail, toSessionRow } from './rows';
import { DevinDatabase } from './schema';
import { stampOf } from './stamps';

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

/** A database as version 4 of the extension left it: pages holding their rows. */
function versionFourDatabase(name: string): Dexie {
  const v4 = new Dexie(name);
  v4.version(4).stores({
    pages: '++seq, org_id, *stamps, *pr_keys, oldest',
    pageTexts: 'seq',
    pageDetails: 'seq',
    syncState: 'org_id',
    organizations: 'org_id',
    members: 'user_id',
    meta: 'key',
  });
  return v4;
}

/** Writes sessions as one page the way version 4 stored it, written out here on purpose. */
async function putVersion4Page(v4: Dexie, sessions: Session[]): Promise<void> {
  const rows = sessions.map(toSessionRow);
  const seq = await v4.table('pages').put({
    org_id: sessions[0]?.org_id,
    stamps: rows.map(stampOf),
    pr_keys: [...new Set(rows.flatMap((row) => row.pr_keys))],
    oldest: Math.min(...rows.map((row) => row.created_at)),
    rows,
  });
  await v4.table('pageTexts').put({
    seq,
    ids: rows.map((row) => row.session_id),
    updated: rows.map((row) => row.updated_at),
    texts: sessions.map((one) => toSearchText(one).text),
  });
  await v4.table('pageDetails').put({ seq, sessions });
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
    expect(db.verno).toBe(14);
    expect(db.tables.map((table) => table.name)).not.toContain('sessions');
    expect(db.tables.map((table) => table.name)).not.toContain('pageDetails');
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
      const rows = (await db.pageRows.get(page.seq))?.rows ?? [];
      expect(rows.length).toBeLessThanOrEqual(200);
      expect(new Set(rows.map((row) => row.org_id))).toEqual(new Set([page.org_id]));
    }
    // 150 sessions of org-a, 300 of org-b.
    expect(pages.length).toBe(3);
    db.close();
  });

  it('moves the rows, texts and sessions of version 4 pages out of the indexed records', async () => {
    const name = `migrate-v4-${Math.random()}`;
    const v4 = versionFourDatabase(name);
    const sessions = Array.from({ length: 90 }, (_, i) =>
      session(`s${String(i).padStart(2, '0')}`, `https://github.com/a/b/pull/${i}`),
    );
    await putVersion4Page(v4, sessions.slice(0, 50));
    await putVersion4Page(v4, sessions.slice(50));
    await v4.table('syncState').put({ org_id: 'org-1', watermark: 123, pass: null });
    v4.close();

    const db = new DevinDatabase(name);
    expect(await sessionIdsForPrKey(db, 'github.com/a/b/pull/61')).toEqual(['s61']);
    expect((await readSessionRows(db)).length).toBe(90);
    expect((await readSearchTexts(db)).get('s07')).toContain('lint rules');
    expect((await readSession(db, 's75'))?.pull_requests[0]?.url).toBe(
      'https://github.com/a/b/pull/75',
    );
    // The pages keep their numbers and lose their rows; the sync goes on from where it was.
    const pages = await db.pages.toArray();
    expect(pages.map((page) => [page.seq, 'rows' in page])).toEqual([
      [1, false],
      [2, false],
    ]);
    expect(await db.pageSessions.count()).toBe(3);
    expect((await db.syncState.get('org-1'))?.watermark).toBe(123);
    expect(await readCacheSummary(db)).toMatchObject({ sessions: 90, copies: 90, pages: 2 });
    db.close();
  });
  it('adds the first-message store to a version 6 database, keeping what it held', async () => {
    const name = `migrate-v6-${Math.random()}`;
    const v6 = new Dexie(name);
    v6.version(6).stores({
      pages: '++seq, org_id, *stamps, *pr_keys, oldest',
      pageRows: '',
      pageSearch: '',
      pageSessions: '',
      syncState: 'org_id',
      organizations: 'org_id',
      members: 'user_id',
      meta: 'key',
    });
    await v6.table('syncState').put({ org_id: 'org-1', watermark: 456, pass: null });
    await v6.table('meta').put({ key: 'cacheIdentity', value: 'abc' });
    v6.close();

    const db = new DevinDatabase(name);
    await db.firstPrompts.put({
      session_id: 'devin-1',
      text: 'Hello',
      truncated: false,
      bytes: 5,
      storedAt: 1,
    });
    expect(db.verno).toBe(14);
    expect((await db.firstPrompts.where('storedAt').above(0).first())?.text).toBe('Hello');
    expect((await db.syncState.get('org-1'))?.watermark).toBe(456);
    expect((await db.meta.get('cacheIdentity'))?.value).toBe('abc');
    db.close();
  });
  it('adds the alerts store to a version 7 database, keeping the cache as it was', async () => {
    const name = `migrate-v7-${Math.random()}`;
    const v7 = new Dexie(name);
    v7.version(7).stores({
      pages: '++seq, org_id, *stamps, *pr_keys, oldest',
      pageRows: '',
      pageSearch: '',
      pageSessions: '',
      syncState: 'org_id',
      organizations: 'org_id',
      members: 'user_id',
      meta: 'key',
      firstPrompts: 'session_id, storedAt',
    });
    await v7.table('syncState').put({ org_id: 'org-1', watermark: 789, pass: null });
    v7.close();

    const db = new DevinDatabase(name);
    await db.alerts.put({
      id: 'error:devin-1',
      kind: 'error',
      target: { type: 'session', sessionId: 'devin-1', orgId: 'org-1' },
      title: 'Ended in error: Fix it',
      detail: '1 ACUs used.',
      state: 'dismissed',
      raisedAt: 1,
      snoozedUntil: null,
    });
    expect(db.verno).toBe(14);
    expect(await db.alerts.where('state').equals('dismissed').primaryKeys()).toEqual([
      'error:devin-1',
    ]);
    expect((await db.syncState.get('org-1'))?.watermark).toBe(789);
    db.close();
  });
});
