import { describe, expect, it } from 'vitest';
import { emptyFilters } from '../../utils/filters/model';
import { resolveIssueRef } from './analysis';
import { formatAcus, formatRelative, shortPrLabel, statusLabel } from './format';
import { viewFromQuery, viewToQuery } from './view-query';

const issues = [
  { issue: 'No context', impact: 'high', label: 'missing_context' },
  { issue: 'Flaky', impact: 'low', label: 'flaky_tests' },
];

describe('resolveIssueRef', () => {
  it('reads an index, a label or the issue text, and keeps what it cannot find', () => {
    expect(resolveIssueRef(issues, '1')).toEqual({ index: 1, issue: issues[1], raw: '1' });
    expect(resolveIssueRef(issues, ' 0 ')?.index).toBe(0);
    expect(resolveIssueRef(issues, 'flaky_tests')?.index).toBe(1);
    expect(resolveIssueRef(issues, 'no context')?.index).toBe(0);
    expect(resolveIssueRef(issues, '7')).toEqual({ index: null, issue: null, raw: '7' });
    expect(resolveIssueRef(issues, 'issue-x')).toEqual({
      index: null,
      issue: null,
      raw: 'issue-x',
    });
    expect(resolveIssueRef(issues, null)).toBeNull();
    expect(resolveIssueRef(issues, '')).toBeNull();
  });
});

describe('the view in a query string', () => {
  it('carries the filters and the open session', () => {
    const view = { filters: { ...emptyFilters(), statuses: ['error'] }, openId: 'devin-1' };
    expect(viewToQuery(view)).toBe('status=error&session=devin-1');
    expect(viewFromQuery(`?${viewToQuery(view)}`)).toEqual(view);
    expect(viewFromQuery('session=abc')).toEqual({ filters: emptyFilters(), openId: 'abc' });
    expect(viewFromQuery('')).toEqual({ filters: emptyFilters(), openId: null });
  });
});

describe('formatting', () => {
  const now = Date.UTC(2025, 4, 20, 12);
  it('writes short relative times', () => {
    expect(formatRelative(now - 10_000, now)).toBe('just now');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5m ago');
    expect(formatRelative(now - 3 * 3_600_000, now)).toBe('3h ago');
    expect(formatRelative(now - 2 * 86_400_000, now)).toBe('2d ago');
    expect(formatRelative(Date.UTC(2025, 2, 4, 12), now)).toBe('Mar 4');
    expect(formatRelative(Date.UTC(2023, 2, 4, 12), now)).toBe('Mar 4, 2023');
  });

  it('labels PRs, statuses and ACUs', () => {
    expect(shortPrLabel('https://github.com/acme/web/pull/42/files')).toBe('acme/web #42');
    expect(shortPrLabel('https://gitlab.com/g/sub/proj/-/merge_requests/7')).toBe('sub/proj #7');
    expect(shortPrLabel('https://dev.azure.com/o/p/_git/repo/pullrequest/9')).toBe('p/repo #9');
    expect(shortPrLabel('not a url')).toBe('not a url');
    expect(statusLabel('exit')).toBe('Exited');
    expect(statusLabel('blocked_on_user')).toBe('Blocked on user');
    expect(formatAcus(1234.567)).toBe('1,234.57');
  });
});
