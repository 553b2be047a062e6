// The column store the Insights worker keeps between queries: after the cache changes, the
// store rebuilt from the previous one must aggregate exactly as the rows computed afresh.
process.env.TZ = 'UTC';

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../mock-api/data';
import { EXTRAS, NOW, SESSIONS } from '../../tests/fixtures/insights';
import { FIXED_NOW } from '../../tests/fixtures/mock-api';
import { type Session, SessionV2Schema } from '../api';
import { computeCost, costOfColumns } from '../cost/compute';
import { toSessionRow } from '../db/rows';
import type { SessionRow } from '../db/types';
import type { DateRange } from '../filters/model';
import { aggregateColumns, allPositions, computeInsights } from './aggregate';
import { buildColumns, columnBytes, type SessionColumns } from './columns';
import { attachExtras } from './extra-columns';
import { analysisExtra } from './extras';
import type { AnalysisExtra } from './types';

const ANY_TIME: DateRange = { preset: null, from: null, to: null };

/** A read of the cache: new objects every time, as IndexedDB gives them. */
function read(sessions: readonly Session[]): SessionRow[] {
  return structuredClone(sessions.map(toSessionRow));
}

/** Which page each copy is stored in: the same copy keeps its page, a new one gets another. */
function pages(entries: Record<string, number>) {
  return (row: SessionRow) => entries[row.session_id];
}

function viewOf(store: SessionColumns, picked: Int32Array = allPositions(store.ids.length)) {
  attachExtras(store, EXTRAS);
  return {
    insights: aggregateColumns(store, picked, { now: NOW }),
    cost: costOfColumns(store, picked, picked, ANY_TIME, NOW),
  };
}

function fresh(rows: SessionRow[]) {
  return {
    insights: computeInsights(rows, { now: NOW, extras: EXTRAS }),
    cost: computeCost(rows, rows, ANY_TIME, NOW),
  };
}

const FIRST_PAGES = { s1: 1, s2: 1, s3: 1, s4: 2, s5: 2, s6: 2 };

describe('the column store across changes to the cache', () => {
  it('counts a session changed since the last read with its new values', () => {
    const before = buildColumns(read(SESSIONS), null, pages(FIRST_PAGES));
    expect(viewOf(before).insights.totals.acus).toBe(20.5);

    const s5 = SESSIONS[4] as Session;
    const changed: Session = {
      ...s5,
      updated_at: '2025-05-05T09:00:00Z',
      status: 'exit',
      acus_consumed: 6.5,
      pull_requests: [{ url: 'https://github.com/acme/api/pull/12', state: 'merged' }],
    };
    const sessions = SESSIONS.map((s) => (s.session_id === 's5' ? changed : s));
    const rows = read(sessions);
    const after = buildColumns(rows, before, pages({ ...FIRST_PAGES, s5: 3 }));

    const view = viewOf(after);
    expect(view).toEqual(fresh(rows));
    expect(view.insights.totals.acus).toBe(26.5);
    expect(view.insights.groups.status.find((g) => g.key === 'running')).toBeUndefined();
    expect(view.cost.repositories.find((r) => r.key === 'github.com/acme/api')?.sessions).toBe(2);
  });

  it('sees a PR merged in a newer copy even when `updated_at` did not move', () => {
    const before = buildColumns(read(SESSIONS), null, pages(FIRST_PAGES));
    const s1 = SESSIONS[0] as Session;
    const merged: Session = {
      ...s1,
      pull_requests: s1.pull_requests.map((pr) => ({ ...pr, state: 'merged' })),
    };
    const rows = read(SESSIONS.map((s) => (s.session_id === 's1' ? merged : s)));
    const after = buildColumns(rows, before, pages({ ...FIRST_PAGES, s1: 3 }));
    expect(viewOf(after)).toEqual(fresh(rows));
    expect(viewOf(after).insights.totals.prsMerged).toBe(4);
  });

  it('forgets a session no longer cached, and counts a new one', () => {
    const before = buildColumns(read(SESSIONS), null, pages(FIRST_PAGES));
    const s6 = SESSIONS[5] as Session;
    const added: Session = {
      ...s6,
      session_id: 's7',
      org_id: 'org-c',
      created_at: '2025-05-05T10:00:00Z',
      updated_at: '2025-05-05T10:00:00Z',
      acus_consumed: 7,
    };
    // s3 is gone and the rows come in another order.
    const sessions = [added, ...SESSIONS.filter((s) => s.session_id !== 's3').reverse()];
    const rows = read(sessions);
    const after = buildColumns(rows, before, pages({ ...FIRST_PAGES, s7: 3 }));

    const view = viewOf(after);
    expect(view).toEqual(fresh(rows));
    expect(view.insights.ids).not.toContain('s3');
    // By ACUs: org-c 7, org-b 5.5, org-a 5 (10 of them left with s3).
    expect(view.insights.groups.org.map((g) => [g.key, g.acus])).toEqual([
      ['org-c', 7],
      ['org-b', 5.5],
      ['org-a', 5],
    ]);
    expect(view.insights.groups.user.find((g) => g.key === 'u2')?.sessions).toBe(1);
  });

  it('aggregates a filtered view of the store as the filtered rows on their own', () => {
    const store = buildColumns(read(SESSIONS), null, pages(FIRST_PAGES));
    const rows = store.rows;
    // Organization org-b, as the filters would pick it.
    const picked = Int32Array.from([3, 4, 5]);
    const subset = [3, 4, 5].map((g) => rows[g] as SessionRow);
    expect(viewOf(store, picked)).toEqual(fresh(subset));
    // Codes are those of the view, in the order its sessions meet them.
    expect(viewOf(store, picked).insights.dictionaries.user).toEqual(['u2', null, 'u3']);
  });

  it('decides a host by the first PR URL of its origin in each view', () => {
    const first = SESSIONS[0] as Session;
    const notPr: Session = {
      ...first,
      session_id: 'x1',
      pull_requests: [{ url: 'https://git.example.com/team/app', state: 'open' }],
    };
    const pr: Session = {
      ...first,
      session_id: 'x2',
      pull_requests: [{ url: 'https://git.example.com/team/app/pull/3', state: 'open' }],
    };
    const later: Session = { ...notPr, session_id: 'x3' };
    const store = buildColumns(read([notPr, pr, later]));
    const hosts = (picked: number[]) =>
      viewOf(store, Int32Array.from(picked)).insights.prHosts.map((h) => [
        h.provider,
        h.all.occurrences,
      ]);
    // Alone, the URL that is no PR counts as "other"; after the PR, its origin is GitHub's.
    expect(hosts([0])).toEqual([['other', 1]]);
    expect(hosts([0, 1, 2])).toEqual([
      ['github', 2],
      ['other', 1],
    ]);
    expect(hosts([2])).toEqual([['other', 1]]);
  });

  it('counts every merged PR of a session with more than its merged column holds', () => {
    const many = 70_000;
    const session: Session = {
      ...(SESSIONS[0] as Session),
      pull_requests: Array.from({ length: many }, (_, n) => ({
        url: `https://github.com/acme/api/pull/${n + 1}`,
        state: 'merged',
      })),
    };
    const rows = read([session, ...SESSIONS.slice(1)]);
    const view = viewOf(buildColumns(rows));
    const others = SESSIONS.slice(1).flatMap((s) => s.pull_requests);
    const merged = many + others.filter((pr) => pr.state?.toLowerCase() === 'merged').length;
    expect(view.insights.totals.prsMerged).toBe(merged);
    expect(view.cost.total.mergedPrs).toBe(merged);
    const org = view.insights.groups.org.find((g) => g.key === session.org_id);
    expect(org?.prsMerged).toBeGreaterThanOrEqual(many);
  });

  it('keeps a few dozen bytes per session beside the rows', () => {
    const sessions = Array.from({ length: 2000 }, (_, i) => ({
      ...(SESSIONS[i % SESSIONS.length] as Session),
      session_id: `n${i}`,
    }));
    const store = buildColumns(read(sessions));
    attachExtras(store, EXTRAS);
    expect(columnBytes(store) / sessions.length).toBeLessThan(100);
  });
});

describe('a store of the local server’s dataset', () => {
  const dataset = generateDataset({ sessions: 2000, orgs: 3, seed: 11, now: FIXED_NOW });
  const sessions = dataset.sessions.map((s) => v.parse(SessionV2Schema, s));
  const extras = new Map<string, AnalysisExtra>();
  for (const session of sessions) {
    const extra = analysisExtra(session);
    if (extra) extras.set(session.session_id, extra);
  }
  const now = Date.parse(FIXED_NOW);

  it('aggregates all its sessions, copied in bulk, as when it picks them one by one', () => {
    const rows = sessions.map(toSessionRow);
    const store = buildColumns(rows);
    attachExtras(store, extras);
    // Every position but in reverse: the store gathers them one by one.
    const reversed = allPositions(rows.length).reverse();
    const picked = aggregateColumns(store, reversed, { now });
    const bulk = computeInsights([...rows].reverse(), { now, extras });
    expect(picked).toEqual(bulk);
    expect(bulk.labels.length).toBeGreaterThan(0);
    expect(bulk.prHosts.length).toBeGreaterThan(0);
  });
});
