import { describe, expect, it } from 'vitest';
import { makeRow, TEST_NOW } from '../../tests/fixtures/rows';
import type { SessionRow } from '../db/types';
import { FacetColumns } from './facets';
import { filterRows } from './match';
import { emptyFilters, type SessionFilters } from './model';

const rows: SessionRow[] = [
  makeRow({ status: 'error', user_id: 'ann', org_id: 'o1', tags: ['x'] }),
  makeRow({ status: 'error', user_id: 'ann', org_id: 'o2', acus_consumed: 9 }),
  makeRow({ status: 'error', user_id: 'bob', org_id: 'o1' }),
  makeRow({ status: 'exit', user_id: 'ann', org_id: 'o1', tags: ['x'] }),
  makeRow({ status: 'exit', user_id: 'bob', org_id: 'o1' }),
  makeRow({ status: 'exit', user_id: 'cid', org_id: 'o2' }),
  makeRow({ status: 'running', user_id: null, org_id: 'o1' }),
];
const columns = new FacetColumns(rows);

function counts(filters: SessionFilters, menu: 'statuses' | 'userIds' | 'orgIds' | 'tags') {
  const facets = columns.count(filters, null, TEST_NOW);
  return Object.fromEntries(facets[menu].map((f) => [f.value, f.count]));
}

describe('FacetColumns.count', () => {
  it('counts every menu among the whole list when nothing is chosen', () => {
    expect(counts(emptyFilters(), 'userIds')).toEqual({ ann: 3, bob: 2, cid: 1 });
    expect(counts(emptyFilters(), 'statuses')).toEqual({ error: 3, exit: 3, running: 1 });
  });

  it('counts a menu among the sessions the other menus let through, not its own choice', () => {
    const errors = { ...emptyFilters(), statuses: ['error'] };
    // The User menu counts errors only, and its counts add up to the errors listed.
    expect(counts(errors, 'userIds')).toEqual({ ann: 2, bob: 1, cid: 0 });
    const listed = filterRows(rows, errors, null, TEST_NOW).length;
    expect(Object.values(counts(errors, 'userIds')).reduce((a, b) => a + b, 0)).toBe(listed);
    // The Status menu still offers every status, counted as if it chose none.
    expect(counts(errors, 'statuses')).toEqual({ error: 3, exit: 3, running: 1 });

    const errorsOfAnn = { ...errors, userIds: ['ann'] };
    expect(counts(errorsOfAnn, 'statuses')).toEqual({ error: 2, exit: 1, running: 0 });
    expect(counts(errorsOfAnn, 'userIds')).toEqual({ ann: 2, bob: 1, cid: 0 });
    expect(counts(errorsOfAnn, 'orgIds')).toEqual({ o1: 1, o2: 1 });
  });

  it('applies the filters that are not menus (search, ACUs, dates) to every menu', () => {
    const costly = { ...emptyFilters(), statuses: ['error'], acuMin: 5 };
    expect(counts(costly, 'userIds')).toEqual({ ann: 1, bob: 0, cid: 0 });
    expect(counts(costly, 'statuses')).toEqual({ error: 1, exit: 0, running: 0 });
    const tagged = { ...emptyFilters(), tags: ['x'], statuses: ['exit'] };
    expect(counts(tagged, 'tags')).toEqual({ x: 1 });
    expect(counts(tagged, 'statuses')).toEqual({ error: 1, exit: 1, running: 0 });
  });

  it('searches the full text when it has it', () => {
    const [first, second] = rows as [SessionRow, SessionRow];
    const index = new Map([
      [first.session_id, 'needle in a haystack'],
      [second.session_id, 'another needle'],
    ]);
    const filters = { ...emptyFilters(), text: 'needle', statuses: ['exit'] };
    const facets = columns.count(filters, index, TEST_NOW);
    expect(facets.statuses.find((f) => f.value === 'error')?.count).toBe(2);
    expect(facets.userIds.every((f) => f.count === 0)).toBe(true);
  });

  it('reads only the passing rows it is given when no menu has a choice', () => {
    const filters = { ...emptyFilters(), acuMin: 5 };
    const passing = [1];
    expect(columns.count(filters, null, TEST_NOW, passing)).toEqual(
      columns.count(filters, null, TEST_NOW),
    );
    expect(columns.count(emptyFilters(), null, TEST_NOW, [0, 3]).userIds[0]).toEqual({
      value: 'ann',
      count: 2,
    });
  });

  it('keeps the most counted values first, then the most used overall', () => {
    const filters = { ...emptyFilters(), orgIds: ['o2'] };
    expect(columns.count(filters, null, TEST_NOW).userIds).toEqual([
      { value: 'ann', count: 1 },
      { value: 'cid', count: 1 },
      { value: 'bob', count: 0 },
    ]);
  });
});

describe('FacetColumns over the whole cache', () => {
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
    const facets = new FacetColumns(rows).count(emptyFilters(), null, TEST_NOW);
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
    const facets = new FacetColumns(rows).count(emptyFilters(), null, TEST_NOW);
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
