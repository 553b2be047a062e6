import { describe, expect, it } from 'vitest';
import { makeRow } from '../../tests/fixtures/rows';
import { clearFilters, countActiveFilters, emptyFilters } from './model';
import { computeTotals, TotalsColumns } from './totals';

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
