import { describe, expect, it } from 'vitest';
import { emptyFilters } from '../../utils/filters/model';
import { viewFromQuery, viewToQuery } from './view-query';

describe('the view in a query string', () => {
  it('carries the filters and the open session', () => {
    const view = { filters: { ...emptyFilters(), statuses: ['error'] }, openId: 'devin-1' };
    expect(viewToQuery(view)).toBe('status=error&session=devin-1');
    expect(viewFromQuery(`?${viewToQuery(view)}`)).toEqual(view);
    expect(viewFromQuery('session=abc')).toEqual({ filters: emptyFilters(), openId: 'abc' });
    expect(viewFromQuery('')).toEqual({ filters: emptyFilters(), openId: null });
  });
});
