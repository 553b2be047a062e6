import { describe, expect, it } from 'vitest';
import { useFakeLocale } from '../../tests/fake-i18n';
import {
  COLUMNS,
  columnSortLabel,
  columnWidth,
  DEFAULT_TABLE_COLUMNS,
  MAX_WIDTH,
  MIN_WIDTH,
  normalizeColumns,
  resizeColumn,
  setColumnShown,
  shownColumns,
} from './columns';

const ids = (state = DEFAULT_TABLE_COLUMNS) => shownColumns(state).map((column) => column.id);

describe('table columns', () => {
  it('shows every column by default, in the order of the issue', () => {
    expect(ids()).toEqual([
      'status',
      'title',
      'org',
      'user',
      'repo',
      'acus',
      'created',
      'updated',
      'prs',
    ]);
  });

  it('hides and shows a column again, keeping the order', () => {
    const hidden = setColumnShown(DEFAULT_TABLE_COLUMNS, 'org', false);
    expect(ids(hidden)).not.toContain('org');
    const shown = setColumnShown(hidden, 'org', true);
    expect(ids(shown)).toEqual(ids());
    expect(setColumnShown(hidden, 'org', false).hidden).toEqual(['org']);
  });

  it('never hides the title, which opens the row', () => {
    expect(ids(setColumnShown(DEFAULT_TABLE_COLUMNS, 'title', false))).toContain('title');
    expect(ids(normalizeColumns({ hidden: ['title', 'user'] }))).toContain('title');
  });

  it('keeps widths in range', () => {
    let state = resizeColumn(DEFAULT_TABLE_COLUMNS, 'title', 10);
    expect(columnWidth(state, 'title')).toBe(MIN_WIDTH);
    state = resizeColumn(state, 'title', 5000);
    expect(columnWidth(state, 'title')).toBe(MAX_WIDTH);
    state = resizeColumn(state, 'acus', 123.6);
    expect(shownColumns(state).find((column) => column.id === 'acus')?.width).toBe(124);
    const status = COLUMNS.find((column) => column.id === 'status');
    expect(columnWidth(state, 'status')).toBe(status?.width);
  });

  it('names a sort chosen from a header', () => {
    expect(columnSortLabel({ field: 'repo', dir: 'desc' })).toBe('Repository, descending');
    expect(columnSortLabel({ field: 'prs', dir: 'asc' })).toBe('PRs, ascending');
  });

  it('names headers and sorts in the browser’s language, switching when it changes', () => {
    useFakeLocale('fr');
    try {
      expect(shownColumns(DEFAULT_TABLE_COLUMNS).map((column) => column.label)).toEqual([
        'Statut',
        'Titre',
        'Organisation',
        'Utilisateur',
        'Dépôt',
        'ACUs',
        'Créée',
        'Mise à jour',
        'PR',
      ]);
      expect(columnSortLabel({ field: 'repo', dir: 'desc' })).toBe('Dépôt, décroissant');
      useFakeLocale('ja');
      expect(columnSortLabel({ field: 'created', dir: 'asc' })).toBe('作成日時（昇順）');
    } finally {
      useFakeLocale('en', 'en-US');
    }
  });

  it('reads a stored value forgivingly', () => {
    expect(normalizeColumns(null)).toEqual(DEFAULT_TABLE_COLUMNS);
    expect(normalizeColumns('junk')).toEqual(DEFAULT_TABLE_COLUMNS);
    expect(
      normalizeColumns({
        hidden: ['user', 'gone', 'user', 3],
        widths: { acus: 2, repo: 'wide', gone: 100, org: Number.NaN, prs: 200 },
      }),
    ).toEqual({ hidden: ['user'], widths: { acus: MIN_WIDTH, prs: 200 } });
  });
});
