import { describe, expect, it } from 'vitest';
import { makeRow } from '../../tests/fixtures/rows';
import { StringPool, shareRowValues } from './row-memory';

/** A row as IndexedDB hands it back: every string a copy of its own. */
function readBack(row: ReturnType<typeof makeRow>) {
  return structuredClone(row);
}

describe('shareRowValues', () => {
  it('keeps every value of the row the list, filters and export read', () => {
    const row = makeRow({
      org_id: 'org-a',
      user_id: 'user-1',
      status: 'running',
      tags: ['infra', 'urgent'],
      pull_requests: [{ url: 'https://github.com/o/r/pull/1', state: 'open' }],
      pr_keys: ['github.com/o/r/pull/1'],
      status_detail: 'waiting_for_user',
      category: 'Bug fix',
      languages: ['Go'],
    });
    expect(shareRowValues(readBack(row), new StringPool())).toEqual(row);
  });

  it('gives rows without tags or PRs one shared empty list, not one list each', () => {
    const pool = new StringPool();
    const make = (id: string) =>
      readBack(
        makeRow({
          session_id: id,
          org_id: `org-${'x'.repeat(30)}`,
          user_id: `user-${'y'.repeat(30)}`,
          tags: [],
          pull_requests: [],
          pr_keys: [],
        }),
      );
    const [a, b] = [shareRowValues(make('a'), pool), shareRowValues(make('b'), pool)];
    // (JavaScript cannot tell two equal strings apart; the shared empty lists it can.)
    expect(a.tags).toBe(b.tags);
    expect(a.pull_requests).toBe(b.pull_requests);
    expect(a.pr_keys).toBe(b.pr_keys);
  });

  it('shares a frozen empty list, so no row can add to another row’s tags', () => {
    const row = shareRowValues(readBack(makeRow({ tags: [] })), new StringPool());
    expect(Object.isFrozen(row.tags)).toBe(true);
    expect(() => row.tags.push('x')).toThrow();
  });
});
