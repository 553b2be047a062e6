import { describe, expect, it } from 'vitest';
import { makeSession } from '../../tests/fixtures/rows';
import { toSessionRow } from './rows';

describe('toSessionRow', () => {
  it('keeps what only v3 reports, for filters and the list', () => {
    const row = toSessionRow(
      makeSession({
        status: 'running',
        status_detail: 'waiting_for_user',
        is_archived: true,
        classification: {
          category: 'Bug fix',
          programming_languages: ['Go'],
          tools_and_frameworks: ['gin'],
        },
      }),
    );
    expect(row).toMatchObject({
      status_detail: 'waiting_for_user',
      category: 'Bug fix',
      languages: ['Go'],
      archived: true,
    });
  });

  it('adds nothing to a row synced over v2, so it stays as small as before', () => {
    const row = toSessionRow(makeSession());
    for (const key of ['status_detail', 'category', 'languages', 'archived']) {
      expect(row).not.toHaveProperty(key);
    }
  });
});
