import { describe, expect, it } from 'vitest';
import { emptyFilters, type SessionFilters } from './model';
import { filtersFromSearchParams, filtersKey, filtersToSearchParams, sameFilters } from './url';

const everything: SessionFilters = {
  text: 'flaky "login page"',
  statuses: ['error', 'exit'],
  orgIds: ['org-1', 'org-2'],
  userIds: ['user-9'],
  tags: ['backend', 'needs, review'],
  created: { preset: '7d', from: null, to: null },
  updated: { preset: null, from: '2025-01-01', to: '2025-01-31' },
  acuMin: 0.5,
  acuMax: 12,
  hasPr: 'yes',
  prStates: ['merged', 'unknown'],
  analysis: 'has-issues',
  sort: { field: 'acus', dir: 'asc' },
  sessionIds: ['devin-a', 'devin-b'],
  prKey: 'github.com/acme/web/pull/42',
  repos: ['github.com/acme/web', 'gitlab.com/g/sub/p'],
  statusDetails: ['waiting_for_user'],
  categories: ['Bug fix', 'a, b'],
  languages: ['TypeScript', 'Go'],
  archived: 'no',
};

describe('filters in the URL', () => {
  it('writes nothing for the defaults', () => {
    expect(filtersToSearchParams(emptyFilters()).toString()).toBe('');
    expect(filtersFromSearchParams('')).toEqual(emptyFilters());
  });

  it('round-trips every field', () => {
    const params = filtersToSearchParams(everything);
    expect(filtersFromSearchParams(params)).toEqual(everything);
    expect(filtersFromSearchParams(params.toString())).toEqual(everything);
  });

  it('round-trips each field on its own', () => {
    const changes: Partial<SessionFilters>[] = [
      { text: 'a' },
      { statuses: ['running'] },
      { orgIds: ['o'] },
      { userIds: ['u1', 'u2'] },
      { tags: ['t'] },
      { created: { preset: '24h', from: null, to: null } },
      { created: { preset: null, from: '2025-02-03', to: null } },
      { updated: { preset: null, from: null, to: '2025-02-03' } },
      { updated: { preset: '30d', from: null, to: null } },
      { acuMin: 0 },
      { acuMax: 3.25 },
      { hasPr: 'no' },
      { prStates: ['open'] },
      { analysis: 'none' },
      { analysis: 'has' },
      { sort: { field: 'created', dir: 'desc' } },
      { sort: { field: 'updated', dir: 'asc' } },
      { sessionIds: ['x'] },
      { prKey: 'gitlab.com/g/p/-/merge_requests/3' },
      { repos: ['github.com/acme/web'] },
      { statusDetails: ['waiting_for_user', 'working'] },
      { categories: ['Feature'] },
      { languages: ['Python'] },
      { archived: 'yes' },
    ];
    for (const change of changes) {
      const filters = { ...emptyFilters(), ...change };
      const params = filtersToSearchParams(filters);
      expect(params.toString()).not.toBe('');
      expect(filtersFromSearchParams(params)).toEqual(filters);
    }
  });

  it('reads the URL contract other features rely on', () => {
    expect(filtersFromSearchParams('ids=a,b,c').sessionIds).toEqual(['a', 'b', 'c']);
    expect(filtersFromSearchParams('ids=a&ids=b,c').sessionIds).toEqual(['a', 'b', 'c']);
    expect(filtersFromSearchParams('pr=github.com/acme/web/pull/42').prKey).toBe(
      'github.com/acme/web/pull/42',
    );
    // A session link is not a filter.
    expect(filtersFromSearchParams('session=devin-1')).toEqual(emptyFilters());
  });

  it('normalizes a full PR URL given as the key', () => {
    const url = encodeURIComponent('https://github.com/Acme/Web/pull/42/files');
    expect(filtersFromSearchParams(`pr=${url}`).prKey).toBe('github.com/acme/web/pull/42');
  });

  it('keeps a sort by any table column', () => {
    const filters = filtersFromSearchParams('sort=repo&dir=asc');
    expect(filters.sort).toEqual({ field: 'repo', dir: 'asc' });
    expect(filtersToSearchParams(filters).toString()).toBe('sort=repo&dir=asc');
  });

  it('ignores values that make no sense', () => {
    const filters = filtersFromSearchParams(
      'created=yesterday&updated=2025-13-45..2025-02-30&acu_min=-3&acu_max=lots&has_pr=maybe&analysis=x&sort=colour&dir=up&status=,,',
    );
    expect(filters).toEqual(emptyFilters());
  });

  it('keeps the valid end of a half-valid range', () => {
    expect(filtersFromSearchParams('created=2025-01-05..nope').created).toEqual({
      preset: null,
      from: '2025-01-05',
      to: null,
    });
  });

  it('compares filter sets by what they select', () => {
    expect(sameFilters(everything, structuredClone(everything))).toBe(true);
    expect(sameFilters(everything, { ...everything, acuMax: 13 })).toBe(false);
    expect(filtersKey(emptyFilters())).toBe('');
  });
});
