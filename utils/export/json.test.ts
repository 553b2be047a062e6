import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putSessions } from '../../tests/fixtures/db';
import { makeSession } from '../../tests/fixtures/sessions';
import { SessionSchema, toSession } from '../api';
import { DevinDatabase, readAllSessions, readSessionRows } from '../db';
import { apiKeyItem, settingsItem } from '../settings';
import { toCsv } from './csv';
import { SESSION_EXPORT_FIELDS, toExportJson } from './json';

describe('toExportJson', () => {
  it('writes an array of sessions with the API fields unchanged, in contract order', () => {
    const session = makeSession();
    const parsed = JSON.parse(toExportJson([{ session }]));
    expect(parsed).toEqual([session]);
    expect(Object.keys(parsed[0])).toEqual([...SESSION_EXPORT_FIELDS]);
  });

  it('accepts stored details and bare sessions alike', () => {
    const session = makeSession();
    expect(toExportJson([{ session }])).toBe(toExportJson([session]));
  });

  it('round-trips: every exported item validates as an API session and reads back equal', () => {
    const sessions = [
      makeSession(),
      makeSession({
        session_id: 'devin-0002',
        title: null,
        user_id: null,
        tags: [],
        pull_requests: [],
        session_analysis: null,
        initial_user_message: null,
        status: 'running',
      }),
    ];
    const items = JSON.parse(toExportJson(sessions)) as unknown[];
    const readBack = items.map((item) => toSession(v.parse(SessionSchema, item)));
    expect(readBack).toEqual(expect.arrayContaining(sessions));
    expect(readBack).toHaveLength(2);
  });

  it('orders sessions newest first, then by id', () => {
    const old = makeSession({ session_id: 'b-old', created_at: '2026-01-01T00:00:00Z' });
    const newer = makeSession({ session_id: 'c-new', created_at: '2026-02-01T00:00:00Z' });
    const tie = makeSession({ session_id: 'a-new', created_at: '2026-02-01T00:00:00.000Z' });
    const ids = JSON.parse(toExportJson([old, newer, tie])).map(
      (s: { session_id: string }) => s.session_id,
    );
    expect(ids).toEqual(['a-new', 'c-new', 'b-old']);
  });

  it('drops anything that is not an API field, so nothing else can leak into a file', () => {
    const session = { ...makeSession(), apiKey: 'apk_user_secret', extra: 1 };
    const text = toExportJson([session]);
    expect(text).not.toContain('apk_user_secret');
    expect(text).not.toContain('extra');
  });

  it('is an empty array for an empty cache', () => {
    expect(JSON.parse(toExportJson([]))).toEqual([]);
  });
});

describe('exports of the real cache', () => {
  const KEY = 'apk_user_Zm9vYmFyLXNlY3JldC1rZXk';
  let db: DevinDatabase;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = new DevinDatabase(`export-test-${crypto.randomUUID()}`);
    await apiKeyItem.setValue(KEY);
    await settingsItem.setValue({
      apiBaseUrl: 'https://api.devin.ai',
      orgIds: ['org-platform'],
      syncIntervalMinutes: 15,
      historyDays: null,
      gitHosts: [],
    });
  });

  afterEach(async () => {
    await db.delete();
  });

  it('never contains the API key, in JSON or CSV', async () => {
    await putSessions(db, [
      makeSession(),
      makeSession({ session_id: 'devin-0002', title: 'Second' }),
    ]);
    const json = toExportJson(await readAllSessions(db));
    const csv = toCsv(await readSessionRows(db));
    expect(JSON.parse(json)).toHaveLength(2);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(3);
    expect(await apiKeyItem.getValue()).toBe(KEY);
    for (const text of [json, csv]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('apk_user_');
    }
  });

  it('exports what the cache holds, equal to what was stored', async () => {
    const sessions = [makeSession(), makeSession({ session_id: 'devin-0002' })];
    await putSessions(db, sessions);
    const exported = JSON.parse(toExportJson(await readAllSessions(db)));
    expect(exported).toEqual(expect.arrayContaining(sessions));
  });
});
