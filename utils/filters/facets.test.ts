import { describe, expect, it } from 'vitest';
import { makeRow, TEST_NOW } from '../../tests/fixtures/rows';
import type { SessionRow } from '../db/types';
import { countFacets, hasMenuFilter } from './facets';
import { filterRows } from './match';
import { emptyFilters, type SessionFilters } from './model';
import { collectFacets } from './totals';

const rows: SessionRow[] = [
  makeRow({ status: 'error', user_id: 'ann', org_id: 'o1', tags: ['x'] }),
  makeRow({ status: 'error', user_id: 'ann', org_id: 'o2', acus_consumed: 9 }),
  makeRow({ status: 'error', user_id: 'bob', org_id: 'o1' }),
  makeRow({ status: 'exit', user_id: 'ann', org_id: 'o1', tags: ['x'] }),
  makeRow({ status: 'exit', user_id: 'bob', org_id: 'o1' }),
  makeRow({ status: 'exit', user_id: 'cid', org_id: 'o2' }),
  makeRow({ status: 'running', user_id: null, org_id: 'o1' }),
];
const all = collectFacets(rows);

function counts(filters: SessionFilters, menu: 'statuses' | 'userIds' | 'orgIds' | 'tags') {
  const facets = countFacets(all, rows, filters, null, TEST_NOW);
  return Object.fromEntries(facets[menu].map((f) => [f.value, f.count]));
}

describe('countFacets', () => {
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
    const facets = countFacets(all, rows, filters, index, TEST_NOW);
    expect(facets.statuses.find((f) => f.value === 'error')?.count).toBe(2);
    expect(facets.userIds.every((f) => f.count === 0)).toBe(true);
  });

  it('keeps the most counted values first', () => {
    const filters = { ...emptyFilters(), orgIds: ['o2'] };
    expect(countFacets(all, rows, filters, null, TEST_NOW).userIds).toEqual([
      { value: 'ann', count: 1 },
      { value: 'cid', count: 1 },
      { value: 'bob', count: 0 },
    ]);
  });
});

describe('hasMenuFilter', () => {
  it('is true only for a choice in a menu', () => {
    expect(hasMenuFilter({ ...emptyFilters(), text: 'x', acuMin: 1 })).toBe(false);
    expect(hasMenuFilter({ ...emptyFilters(), languages: ['Go'] })).toBe(true);
  });
});
