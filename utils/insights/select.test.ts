// From a number to the list URL: the URL, read back by the list's own filter code, must yield
// exactly the sessions behind the number.
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { EXTRAS, NOW, ROWS } from '../../tests/fixtures/insights';
import { filterRows } from '../filters/match';
import { emptyFilters, type SessionFilters } from '../filters/model';
import { filtersFromSearchParams } from '../filters/url';
import { idsUrl, type Selection, selectIds, selectionFilters, selectionUrl } from './select';
import { FLAG_ERROR, FLAG_HAS_PR, FLAG_MERGED_PR, FLAG_SUGGESTED_PROMPT } from './types';
import { computeView, filteredRows } from './view';

function filters(change: Partial<SessionFilters> = {}): SessionFilters {
  return { ...emptyFilters(), ...change };
}

/** The insights of the rows the page's filters let through, as the engine computes them. */
function insightsFor(pageFilters: SessionFilters) {
  const rows = filteredRows(ROWS, pageFilters, null, NOW);
  return computeView(rows, pageFilters, NOW, EXTRAS, { topSeries: 2 });
}

/** What the list shows for a URL (its own parsing and matching). */
function listIds(url: string): string[] {
  const [page, query = ''] = url.split('?');
  expect(page).toBe('sessions.html');
  return filterRows(ROWS, filtersFromSearchParams(query), null, NOW)
    .map((row) => row.session_id)
    .sort();
}

function check(
  pageFilters: SessionFilters,
  selection: (i: ReturnType<typeof insightsFor>) => Selection,
) {
  const insights = insightsFor(pageFilters);
  const chosen = selection(insights);
  const url = selectionUrl(insights, pageFilters, chosen);
  const ids = selectIds(insights, chosen);
  if (url !== null) expect(listIds(url)).toEqual([...ids].sort());
  return { url, ids };
}

function codeOf(
  insights: ReturnType<typeof insightsFor>,
  by: 'org' | 'user' | 'status',
  key: string | null,
) {
  const keys: readonly (string | null)[] = insights.dictionaries[by];
  return keys.indexOf(key);
}

describe('selectionUrl', () => {
  it('a group is the page filters narrowed to it', () => {
    const result = check(filters(), (i) => ({
      group: { by: 'user', code: codeOf(i, 'user', 'u2') },
    }));
    expect(result).toEqual({ url: 'sessions.html?user=u2', ids: ['s3', 's4'] });
  });

  it('keeps the page filters it narrows', () => {
    const page = filters({ statuses: ['exit', 'error'], orgIds: ['org-a'] });
    const result = check(page, (i) => ({
      group: { by: 'status', code: codeOf(i, 'status', 'error') },
    }));
    expect(result).toEqual({ url: 'sessions.html?status=error&org=org-a', ids: ['s2'] });
  });

  it('a day bar of a series: created that day and that group', () => {
    const result = check(filters(), () => ({ day: 1, series: { by: 'user', index: 0 } }));
    expect(result).toEqual({
      url: 'sessions.html?user=u2&created=2025-05-02..2025-05-02',
      ids: ['s3', 's4'],
    });
  });

  it('"other" and sessions without a user can only be listed by id', () => {
    const other = check(filters(), () => ({ day: 3, series: { by: 'user', index: 2 } }));
    expect(other).toEqual({ url: 'sessions.html?ids=s5,s6', ids: ['s5', 's6'] });
    const noUser = check(filters(), (i) => ({
      group: { by: 'user', code: codeOf(i, 'user', null) },
    }));
    expect(noUser).toEqual({ url: 'sessions.html?ids=s5', ids: ['s5'] });
  });

  it('a day wholly inside a relative window becomes a day range; a partial day lists ids', () => {
    const week = check(filters({ created: { preset: '7d', from: null, to: null } }), () => ({
      day: 3,
    }));
    expect(week.url).toBe('sessions.html?created=2025-05-01..2025-05-01');
    expect(week.ids).toEqual(['s1']);
    // 24h before NOW is 2025-05-04T12:00Z: only the evening of the 4th is in.
    const day = check(filters({ created: { preset: '24h', from: null, to: null } }), () => ({
      day: 0,
    }));
    expect(day).toEqual({ url: 'sessions.html?ids=s6', ids: ['s6'] });
  });

  it('flags become filters where the model has them', () => {
    const merged = check(filters(), (i) => ({
      group: { by: 'org', code: codeOf(i, 'org', 'org-b') },
      flags: FLAG_MERGED_PR,
    }));
    expect(merged).toEqual({
      url: 'sessions.html?org=org-b&has_pr=yes&pr_state=merged',
      ids: ['s4', 's6'],
    });
    const errors = check(filters(), () => ({ flags: FLAG_ERROR }));
    expect(errors).toEqual({ url: 'sessions.html?status=error', ids: ['s2', 's4'] });
    const withPr = check(filters({ statuses: ['exit'] }), () => ({ flags: FLAG_HAS_PR }));
    expect(withPr).toEqual({ url: 'sessions.html?status=exit&has_pr=yes', ids: ['s1', 's6'] });
    const suggested = check(filters(), () => ({ flags: FLAG_SUGGESTED_PROMPT }));
    expect(suggested).toEqual({ url: 'sessions.html?ids=s1,s4', ids: ['s1', 's4'] });
  });

  it('a flag the page filters contradict as a set falls back to ids', () => {
    // Sessions with an open PR, of which those with a merged one: "open or merged" cannot say it.
    const result = check(filters({ prStates: ['open'] }), () => ({ flags: FLAG_MERGED_PR }));
    expect(result).toEqual({ url: 'sessions.html?ids=s1', ids: ['s1'] });
  });

  it('a PR state across hosts is a filter; a host or a label is a list of ids', () => {
    const closed = check(filters(), () => ({ prState: 'closed' }));
    expect(closed).toEqual({ url: 'sessions.html?pr_state=closed', ids: ['s2'] });
    const github = check(filters(), (i) => {
      const host = i.prHosts.find((h) => h.host === 'github.com');
      const open = host?.states.find((s) => s.key === 'open');
      if (!open) throw new Error('fixture');
      return { bucket: open };
    });
    expect(github).toEqual({ url: 'sessions.html?ids=s1', ids: ['s1'] });
    const flaky = check(filters(), (i) => ({ bucket: i.labels[0] ?? i.suggestedPrompt }));
    expect(flaky).toEqual({ url: 'sessions.html?ids=s1,s5', ids: ['s1', 's5'] });
    const flakyErrors = check(filters(), (i) => ({
      bucket: i.labels[0] ?? i.suggestedPrompt,
      flags: FLAG_ERROR,
    }));
    expect(flakyErrors).toEqual({ url: null, ids: [] });
  });

  it('a bucket narrowed by a PR state keeps only sessions in both', () => {
    const result = check(filters(), (i) => ({ bucket: i.suggestedPrompt, prState: 'merged' }));
    expect(result.ids).toEqual(['s1', 's4']);
    const none = check(filters(), (i) => ({ bucket: i.suggestedPrompt, prState: 'closed' }));
    expect(none).toEqual({ url: null, ids: [] });
  });

  it('nothing selected: no link (an empty id list would mean every session)', () => {
    const result = check(filters(), (i) => ({
      group: { by: 'user', code: codeOf(i, 'user', 'u3') },
      flags: FLAG_ERROR,
    }));
    expect(result).toEqual({ url: null, ids: [] });
  });

  it('selectionFilters says when the model cannot express a selection', () => {
    const insights = insightsFor(filters());
    expect(selectionFilters(insights, filters(), { bucket: insights.suggestedPrompt })).toBeNull();
    expect(selectionFilters(insights, filters({ hasPr: 'no' }), { flags: FLAG_HAS_PR })).toBeNull();
    expect(
      selectionFilters(insights, filters(), { prState: 'open', flags: FLAG_MERGED_PR }),
    ).toBeNull();
    expect(selectionFilters(insights, filters(), { day: 99 })).toBeNull();
  });

  it('idsUrl keeps the sort order of the page', () => {
    expect(idsUrl(['a', 'b'], filters({ sort: { field: 'acus', dir: 'desc' } }))).toBe(
      'sessions.html?sort=acus&ids=a,b',
    );
  });
});
