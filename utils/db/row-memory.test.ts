import { describe, expect, it } from 'vitest';
import { makeRow } from '../../tests/fixtures/rows';
import { compactRows } from './row-memory';
import type { SessionRow } from './types';

/** Rows as IndexedDB hands them back: every value a copy of its own. */
function readBack(...rows: SessionRow[]): SessionRow[] {
  return structuredClone(rows);
}

/** Every field a reader can ask a row for, read through its getters. */
const FIELDS: (keyof SessionRow)[] = [
  'session_id',
  'org_id',
  'user_id',
  'status',
  'title',
  'first_line',
  'created_at',
  'updated_at',
  'acus_consumed',
  'tags',
  'url',
  'pull_requests',
  'pr_keys',
  'analysis',
  'status_detail',
  'category',
  'languages',
  'archived',
];

function fieldsOf(row: SessionRow): Record<string, unknown> {
  return Object.fromEntries(FIELDS.map((field) => [field, row[field]]));
}

describe('compactRows', () => {
  it('keeps every value the list, filters, PR lookup and export read', () => {
    const row = makeRow({
      session_id: 'devin-1',
      org_id: 'org-a',
      user_id: 'user-1',
      status: 'running',
      title: null,
      first_line: 'Fix the flaky login test',
      created_at: 1_747_000_000_123,
      updated_at: 1_747_000_100_456,
      acus_consumed: 3.56,
      tags: ['infra', 'urgent'],
      url: 'https://example.devin.test/sessions/devin-1',
      pull_requests: [{ url: 'https://github.com/o/r/pull/1', state: 'open' }],
      pr_keys: ['github.com/o/r/pull/1'],
      analysis: {
        issue_count: 2,
        action_item_count: 1,
        has_suggested_prompt: true,
        labels: ['flaky_tests'],
      },
      status_detail: 'waiting_for_user',
      category: 'Bug fix',
      languages: ['Go'],
      archived: true,
    });
    const [compact] = compactRows(readBack(row));
    expect(fieldsOf(compact as SessionRow)).toEqual(fieldsOf(row));
  });

  it('rebuilds the standard session URL and leaves out the v3 fields a v2 row lacks', () => {
    const row = makeRow({ session_id: 'abc', url: 'https://app.devin.ai/sessions/abc' });
    const [compact] = compactRows(readBack(row)) as [SessionRow];
    expect(compact.url).toBe('https://app.devin.ai/sessions/abc');
    expect(compact.status_detail).toBeUndefined();
    expect(compact.archived).toBeUndefined();
    expect(compact.languages).toBeUndefined();
  });

  it('shows the first line where a row has no title to show instead', () => {
    const rows = compactRows(
      readBack(
        makeRow({ title: 'Bump lodash', first_line: 'Please bump lodash' }),
        makeRow({ title: '', first_line: 'Untitled work' }),
        makeRow({ title: '  ', first_line: 'Blank title' }),
      ),
    );
    expect(rows.map((row) => row.title?.trim() || row.first_line)).toEqual([
      'Bump lodash',
      'Untitled work',
      'Blank title',
    ]);
  });

  it('gives rows with equal tags, analysis digests and v3 facts one shared, frozen copy', () => {
    const make = (id: string) =>
      makeRow({
        session_id: id,
        tags: ['slack', 'jira'],
        pull_requests: [],
        pr_keys: [],
        analysis: {
          issue_count: 1,
          action_item_count: 0,
          has_suggested_prompt: false,
          labels: ['x'],
        },
        category: 'Feature',
      });
    const [a, b] = compactRows(readBack(make('a'), make('b'))) as [SessionRow, SessionRow];
    // (JavaScript cannot tell two equal strings apart; shared lists and objects it can.)
    expect(a.tags).toBe(b.tags);
    expect(a.analysis).toBe(b.analysis);
    expect(a.pull_requests).toBe(b.pull_requests);
    expect(a.pr_keys).toBe(b.pr_keys);
    expect(Object.isFrozen(a.tags)).toBe(true);
    expect(() => a.tags.push('x')).toThrow();
    expect(a.category).toBe('Feature');
  });

  it('shares one digest between analyses that differ only in the facts only Insights reads', () => {
    const make = (id: string, facts: string) =>
      makeRow({
        session_id: id,
        analysis: {
          issue_count: 1,
          action_item_count: 0,
          has_suggested_prompt: false,
          labels: ['x'],
          facts,
        },
      });
    const [a, b] = compactRows(
      readBack(make('a', '0\u0001high\u0003'), make('b', '0\u0001low\u0003')),
    );
    expect(a?.analysis).toBe(b?.analysis);
    expect(a?.analysis).not.toHaveProperty('facts');
  });

  it('keeps each row its own numbers and PRs', () => {
    const rows = compactRows(
      readBack(
        makeRow({ session_id: 'a', created_at: 1, updated_at: 2, acus_consumed: 0.5 }),
        makeRow({
          session_id: 'b',
          created_at: 3,
          updated_at: 4,
          acus_consumed: 7.25,
          pull_requests: [
            { url: 'https://GitHub.com/O/R/pull/2', state: null },
            { url: 'https://github.com/o/r/pull/3', state: 'merged' },
          ],
          pr_keys: ['github.com/o/r/pull/2', 'github.com/o/r/pull/3'],
        }),
      ),
    );
    expect(rows.map((row) => [row.created_at, row.updated_at, row.acus_consumed])).toEqual([
      [1, 2, 0.5],
      [3, 4, 7.25],
    ]);
    expect(rows[1]?.pr_keys).toEqual(['github.com/o/r/pull/2', 'github.com/o/r/pull/3']);
    expect(rows[1]?.pull_requests.map((pr) => pr.state)).toEqual([null, 'merged']);
  });
});
