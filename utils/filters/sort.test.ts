import { describe, expect, it } from 'vitest';
import { makeRow } from '../../tests/fixtures/rows';
import type { SessionRow } from '../db/types';
import { nextSort, repositoriesOf, type SortNames, sortRows } from './sort';

const ids = (rows: SessionRow[]) => rows.map((row) => row.session_id);

const names: SortNames = {
  orgName: (id) => ({ 'org-z': 'Alpha team', 'org-a': 'Zulu team' })[id] ?? null,
  userName: (id) => ({ u1: 'bob', u2: 'Alice' })[id] ?? null,
};

describe('sortRows by table columns', () => {
  const pr = (repo: string, n: number) => ({
    url: `https://github.com/${repo}/pull/${n}`,
    state: 'open',
  });
  const a = makeRow({
    session_id: 'a',
    status: 'running',
    title: 'issue 10 fix',
    org_id: 'org-a',
    user_id: 'u1',
    updated_at: 3,
    pull_requests: [pr('acme/web', 1), pr('acme/web', 2)],
    pr_keys: ['github.com/acme/web/pull/1', 'github.com/acme/web/pull/2'],
  });
  const b = makeRow({
    session_id: 'b',
    status: 'error',
    title: 'Issue 9 fix',
    org_id: 'org-z',
    user_id: 'u2',
    updated_at: 2,
    pull_requests: [pr('acme/api', 3)],
    pr_keys: ['github.com/acme/api/pull/3'],
  });
  const c = makeRow({
    session_id: 'c',
    status: 'exit',
    title: null,
    first_line: 'add docs',
    org_id: 'org-unnamed',
    user_id: null,
    updated_at: 1,
  });

  it('sorts text columns by what the cell shows, ignoring case, numbers in number order', () => {
    // "Error" < "Finished" < "Running": the words shown, not the codes (error, exit, running).
    expect(ids(sortRows([a, b, c], { field: 'status', dir: 'asc' }))).toEqual(['b', 'c', 'a']);
    // The first line stands in for a missing title; "issue 9" comes before "issue 10".
    expect(ids(sortRows([a, b, c], { field: 'title', dir: 'asc' }))).toEqual(['c', 'b', 'a']);
    expect(ids(sortRows([a, b, c], { field: 'title', dir: 'desc' }))).toEqual(['a', 'b', 'c']);
    // Names when known ("Alpha team" is org-z), the id otherwise.
    expect(ids(sortRows([a, b, c], { field: 'org', dir: 'asc' }, names))).toEqual(['b', 'c', 'a']);
  });

  it('puts empty cells last in both directions', () => {
    expect(ids(sortRows([c, a, b], { field: 'user', dir: 'asc' }, names))).toEqual(['b', 'a', 'c']);
    expect(ids(sortRows([c, a, b], { field: 'user', dir: 'desc' }, names))).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(ids(sortRows([c, a, b], { field: 'repo', dir: 'asc' }))).toEqual(['b', 'a', 'c']);
    expect(ids(sortRows([c, a, b], { field: 'repo', dir: 'desc' }))).toEqual(['a', 'b', 'c']);
  });

  it('sorts by the number of pull requests, ties by the newest update', () => {
    expect(ids(sortRows([c, b, a], { field: 'prs', dir: 'desc' }))).toEqual(['a', 'b', 'c']);
    const d = makeRow({ session_id: 'd', updated_at: 5 });
    expect(ids(sortRows([c, d], { field: 'prs', dir: 'asc' }))).toEqual(['d', 'c']);
  });

  it('ignores accents: "Écrire" sorts among the e words', () => {
    const d = makeRow({ session_id: 'd', title: 'deploy' });
    const e = makeRow({ session_id: 'e', title: 'Écrire les docs' });
    const f = makeRow({ session_id: 'f', title: 'fix' });
    expect(ids(sortRows([f, e, d], { field: 'title', dir: 'asc' }))).toEqual(['d', 'e', 'f']);
  });

  it('treats names equal but for case as a tie', () => {
    const x = makeRow({ session_id: 'x', title: 'Deploy', updated_at: 1 });
    const y = makeRow({ session_id: 'y', title: 'deploy', updated_at: 2 });
    expect(ids(sortRows([x, y], { field: 'title', dir: 'asc' }))).toEqual(['y', 'x']);
    expect(ids(sortRows([x, y], { field: 'title', dir: 'desc' }))).toEqual(['y', 'x']);
  });
});

describe('repositoriesOf', () => {
  it('names each repository of the pull requests once, as people write it', () => {
    const row = makeRow({
      pr_keys: [
        'github.com/acme/web/pull/1',
        'github.com/acme/web/pull/2',
        'gitlab.com/team/api/-/merge_requests/4',
      ],
    });
    expect(repositoriesOf(row)).toEqual(['acme/web', 'team/api']);
  });
});

describe('nextSort', () => {
  it('starts text columns A to Z and number or date columns highest first', () => {
    const current = { field: 'updated', dir: 'desc' } as const;
    expect(nextSort(current, 'title')).toEqual({ field: 'title', dir: 'asc' });
    expect(nextSort(current, 'acus')).toEqual({ field: 'acus', dir: 'desc' });
    expect(nextSort(current, 'prs')).toEqual({ field: 'prs', dir: 'desc' });
  });

  it('flips the direction when the column is already the sort', () => {
    expect(nextSort({ field: 'acus', dir: 'desc' }, 'acus')).toEqual({ field: 'acus', dir: 'asc' });
    expect(nextSort({ field: 'org', dir: 'asc' }, 'org')).toEqual({ field: 'org', dir: 'desc' });
  });
});
