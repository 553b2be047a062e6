import { describe, expect, it } from 'vitest';
import { emptyFilters, type SessionFilters } from './model';
import {
  currentView,
  MAX_SAVED_VIEWS,
  parseSavedViews,
  viewFilters,
  withoutView,
  withSavedView,
} from './saved-views';

const errorsToday: SessionFilters = {
  ...emptyFilters(),
  statuses: ['error'],
  orgIds: ['org-a'],
  created: { preset: '24h', from: null, to: null },
};

describe('saved views', () => {
  it('keeps the filters under a clean name and gives them back as they were', () => {
    const views = withSavedView([], '  Errors   today ', errorsToday);
    expect(views?.map((view) => view.name)).toEqual(['Errors today']);
    const [view] = views ?? [];
    if (!view) throw new Error('unreachable');
    expect(viewFilters(view)).toEqual(errorsToday);
  });

  it('replaces a view of the same name in place, whatever its case', () => {
    const first = withSavedView([], 'Errors', errorsToday) ?? [];
    const both = withSavedView(first, 'Big spenders', { ...emptyFilters(), acuMin: 50 }) ?? [];
    const replaced = withSavedView(both, 'errors', { ...errorsToday, orgIds: ['org-b'] }) ?? [];
    expect(replaced.map((view) => view.name)).toEqual(['errors', 'Big spenders']);
    expect(viewFilters(replaced[0] ?? { name: '', query: '' }).orgIds).toEqual(['org-b']);
  });

  it('refuses an empty name and a view beyond the maximum', () => {
    expect(withSavedView([], '   ', errorsToday)).toBeNull();
    let views = withSavedView([], 'v0', errorsToday) ?? [];
    for (let i = 1; i < MAX_SAVED_VIEWS; i++)
      views = withSavedView(views, `v${i}`, errorsToday) ?? [];
    expect(views).toHaveLength(MAX_SAVED_VIEWS);
    expect(withSavedView(views, 'one more', errorsToday)).toBeNull();
    // Replacing one still works when the list is full.
    expect(withSavedView(views, 'V3', emptyFilters())).toHaveLength(MAX_SAVED_VIEWS);
  });

  it('names the view in force, if the filters are exactly those of one', () => {
    const views = withSavedView([], 'Errors today', errorsToday) ?? [];
    expect(currentView(views, { ...errorsToday })?.name).toBe('Errors today');
    expect(currentView(views, { ...errorsToday, text: 'login' })).toBeNull();
    expect(currentView(views, emptyFilters())).toBeNull();
  });

  it('deletes a view by name', () => {
    const views = withSavedView(withSavedView([], 'A', errorsToday) ?? [], 'B', errorsToday) ?? [];
    expect(withoutView(views, 'a').map((view) => view.name)).toEqual(['B']);
  });

  it('reads back only well-formed views from storage', () => {
    const stored = [
      { name: 'Good', query: 'status=error' },
      { name: '', query: 'x' },
      { name: 'No query' },
      'junk',
      null,
      { name: 'good', query: 'status=exit' },
      { name: 'x'.repeat(500), query: '' },
    ];
    const views = parseSavedViews(stored);
    expect(views.map((view) => view.name)).toEqual(['Good', 'x'.repeat(60)]);
    expect(parseSavedViews({ not: 'a list' })).toEqual([]);
  });
});
