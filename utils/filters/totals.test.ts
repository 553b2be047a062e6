import { describe, expect, it } from 'vitest';
import { makeRow } from '../../tests/fixtures/rows';
import { clearFilters, countActiveFilters, emptyFilters } from './model';
import { collectFacets, computeTotals, TotalsColumns } from './totals';

describe('computeTotals', () => {
  it('counts sessions, sums ACUs and counts by status', () => {
    const rows = [
      makeRow({ status: 'exit', acus_consumed: 0.1 }),
      makeRow({ status: 'exit', acus_consumed: 0.2 }),
      makeRow({ status: 'error', acus_consumed: 3 }),
    ];
    expect(computeTotals(rows)).toEqual({
      sessions: 3,
      acus: 3.3,
      byStatus: { exit: 2, error: 1 },
    });
  });

  it('is all zeros for no rows', () => {
    expect(computeTotals([])).toEqual({ sessions: 0, acus: 0, byStatus: {} });
  });
});

describe('collectFacets', () => {
  it('lists distinct values, most used first', () => {
    const rows = [
      makeRow({ status: 'exit', tags: ['a', 'b'], user_id: 'u1', org_id: 'o1' }),
      makeRow({
        status: 'error',
        tags: ['b'],
        user_id: null,
        org_id: 'o1',
        pull_requests: [{ url: 'https://x/pull/1', state: 'MERGED' }],
      }),
      makeRow({
        status: 'exit',
        tags: [],
        user_id: 'u2',
        org_id: 'o2',
        pull_requests: [{ url: 'https://x/pull/2', state: null }],
      }),
    ];
    const facets = collectFacets(rows);
    expect(facets.statuses).toEqual([
      { value: 'exit', count: 2 },
      { value: 'error', count: 1 },
    ]);
    expect(facets.tags.map((t) => t.value)).toEqual(['b', 'a']);
    expect(facets.userIds.map((u) => u.value)).toEqual(['u1', 'u2']);
    expect(facets.orgIds).toEqual([
      { value: 'o1', count: 2 },
      { value: 'o2', count: 1 },
    ]);
    expect(facets.prStates.map((s) => s.value)).toEqual(['merged', 'unknown']);
  });

  it('counts repositories once per session, and the v3 fields only where they exist', () => {
    const rows = [
      makeRow({
        pr_keys: ['github.com/acme/web/pull/1', 'github.com/acme/web/pull/2'],
        status_detail: 'waiting_for_user',
        category: 'Bug fix',
        languages: ['TypeScript', 'Go'],
        archived: true,
      }),
      makeRow({ pr_keys: ['github.com/acme/web/pull/3', 'gitlab.com/g/p/-/merge_requests/4'] }),
      makeRow({ languages: ['Go'] }),
    ];
    const facets = collectFacets(rows);
    expect(facets.repos).toEqual([
      { value: 'github.com/acme/web', count: 2 },
      { value: 'gitlab.com/g/p', count: 1 },
    ]);
    expect(facets.statusDetails).toEqual([{ value: 'waiting_for_user', count: 1 }]);
    expect(facets.categories).toEqual([{ value: 'Bug fix', count: 1 }]);
    expect(facets.languages).toEqual([
      { value: 'Go', count: 2 },
      { value: 'TypeScript', count: 1 },
    ]);
    expect(facets.archived).toBe(1);
  });
});

describe('countActiveFilters and clearFilters', () => {
  it('counts narrowing filters, not the sort order', () => {
    expect(countActiveFilters(emptyFilters())).toBe(0);
    const filters = {
      ...emptyFilters(),
      text: 'x',
      statuses: ['error'],
      sort: { field: 'acus' as const, dir: 'asc' as const },
    };
    expect(countActiveFilters(filters)).toBe(2);
    const cleared = clearFilters(filters);
    expect(countActiveFilters(cleared)).toBe(0);
    expect(cleared.sort).toEqual({ field: 'acus', dir: 'asc' });
  });
});

describe('TotalsColumns', () => {
  it('gives the totals of the rows at some positions, as computeTotals of those rows', () => {
    const rows = [
      makeRow({ session_id: 'a', status: 'exit', acus_consumed: 1.25 }),
      makeRow({ session_id: 'b', status: 'error', acus_consumed: 2 }),
      makeRow({ session_id: 'c', status: 'exit', acus_consumed: 0.5 }),
      makeRow({ session_id: 'd', status: 'running', acus_consumed: 4 }),
    ];
    const columns = new TotalsColumns(rows);
    for (const positions of [[], [0], [0, 2], [1, 2, 3], [0, 1, 2, 3]]) {
      expect(columns.totalsAt(positions)).toEqual(
        computeTotals(positions.map((i) => rows[i] as (typeof rows)[number])),
      );
    }
  });
});
