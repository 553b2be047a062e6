import { describe, expect, it } from 'vitest';
import { resolveIssueRef } from './analysis';

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
