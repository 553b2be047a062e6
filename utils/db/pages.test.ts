import { describe, expect, it } from 'vitest';
import { makeSession } from '../../tests/fixtures/rows';
import type { Session } from '../api';
import { mergeContents, pageContent } from './pages';

const at = (id: string, updatedAt: string, title = id): Session =>
  makeSession({ session_id: id, updated_at: updatedAt, title });

describe('mergeContents', () => {
  it('keeps each session once, its newest copy, the later page winning a tie', () => {
    const first = pageContent([
      at('a', '2026-03-02T00:00:00Z', 'a newer'),
      at('b', '2026-03-01T00:00:00Z', 'b first'),
      at('c', '2026-03-01T00:00:00Z'),
    ]);
    const second = pageContent([
      at('a', '2026-03-01T00:00:00Z', 'a older'),
      at('b', '2026-03-01T00:00:00Z', 'b second'),
      at('d', '2026-03-01T00:00:00Z'),
    ]);
    const merged = mergeContents([first, second]);
    expect(merged.rows.map((row) => [row.session_id, row.title])).toEqual([
      ['a', 'a newer'],
      ['b', 'b second'],
      ['c', 'c'],
      ['d', 'd'],
    ]);
    // Rows, sessions, texts and stamps stay aligned.
    merged.rows.forEach((row, i) => {
      expect(merged.sessions[i]?.session_id).toBe(row.session_id);
      expect(merged.texts[i]).toContain(row.session_id);
      expect(merged.stamps[i]?.startsWith(row.session_id)).toBe(true);
    });
  });
});
