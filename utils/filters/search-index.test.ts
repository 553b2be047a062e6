import { describe, expect, it } from 'vitest';
import { makeRow } from '../../tests/fixtures/rows';
import type { SearchText } from '../db/types';
import { SearchIndexLoader, type SearchTextSource } from './search-index';

function fakeSource(initial: SearchText[]) {
  const table = new Map(initial.map((entry) => [entry.session_id, entry]));
  const calls = { all: 0, some: [] as string[][] };
  const source: SearchTextSource = {
    all: async () => {
      calls.all++;
      return new Map([...table.values()].map((entry) => [entry.session_id, entry.text]));
    },
    some: async (ids) => {
      calls.some.push(ids);
      return ids.map((id) => table.get(id));
    },
  };
  return { table, calls, source };
}

describe('SearchIndexLoader', () => {
  it('loads everything once, then only the rows that changed', async () => {
    const { table, calls, source } = fakeSource([
      { session_id: 'a', text: 'alpha' },
      { session_id: 'b', text: 'beta' },
    ]);
    const loader = new SearchIndexLoader(source);
    expect(loader.current).toBeNull();
    const rowA = makeRow({ session_id: 'a', updated_at: 1 });
    const rowB = makeRow({ session_id: 'b', updated_at: 1 });

    const first = await loader.refresh([rowA, rowB]);
    expect(first.get('a')).toBe('alpha');
    expect(calls.all).toBe(1);

    const same = await loader.refresh([rowA, rowB]);
    expect(same).toBe(first);
    expect(calls.some).toEqual([]);

    table.set('b', { session_id: 'b', text: 'beta two' });
    table.set('c', { session_id: 'c', text: 'gamma' });
    const rowC = makeRow({ session_id: 'c', updated_at: 5 });
    const next = await loader.refresh([rowA, { ...rowB, updated_at: 2 }, rowC]);
    expect(next).not.toBe(first);
    expect(next.get('b')).toBe('beta two');
    expect(next.get('c')).toBe('gamma');
    expect(calls.all).toBe(1);
    expect(calls.some).toEqual([['b', 'c']]);
    expect(first.get('b')).toBe('beta');
  });
});
