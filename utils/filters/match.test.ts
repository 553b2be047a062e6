import { describe, expect, it } from 'vitest';
import { DAY, HOUR, makeAnalysis, makeRow, makeSession, TEST_NOW } from '../../tests/fixtures/rows';
import { toSearchText, toSessionRow } from '../db/rows';
import {
  applyFilters,
  createIncrementalFilter,
  filterRows,
  matchesFilters,
  parseSearchTerms,
  searchTextsOf,
} from './match';
import { emptyFilters, type SessionFilters, toDay } from './model';
import { sortRows } from './sort';

function withFilters(change: Partial<SessionFilters>): SessionFilters {
  return { ...emptyFilters(), ...change };
}

function ids(rows: { session_id: string }[]): string[] {
  return rows.map((row) => row.session_id);
}

describe('matchesFilters', () => {
  const now = TEST_NOW;

  it('matches repositories from the PR keys, on rows of any version', () => {
    const row = makeRow({
      pr_keys: ['github.com/acme/web/pull/4', 'gitlab.com/g/sub/p/-/merge_requests/2'],
    });
    expect(matchesFilters(row, withFilters({ repos: ['gitlab.com/g/sub/p'] }), now)).toBe(true);
    expect(matchesFilters(row, withFilters({ repos: ['github.com/acme/api'] }), now)).toBe(false);
    expect(matchesFilters(makeRow(), withFilters({ repos: ['github.com/acme/web'] }), now)).toBe(
      false,
    );
  });

  it('matches the v3 status detail, category, languages and archived mark', () => {
    const v3 = makeRow({
      status_detail: 'waiting_for_user',
      category: 'Bug fix',
      languages: ['Go', 'SQL'],
      archived: true,
    });
    const v2 = makeRow();
    const detail = withFilters({ statusDetails: ['waiting_for_user'] });
    expect(matchesFilters(v3, detail, now)).toBe(true);
    expect(matchesFilters(v2, detail, now)).toBe(false);
    expect(matchesFilters(v3, withFilters({ categories: ['Feature'] }), now)).toBe(false);
    expect(matchesFilters(v3, withFilters({ categories: ['Bug fix'] }), now)).toBe(true);
    expect(matchesFilters(v3, withFilters({ languages: ['SQL'] }), now)).toBe(true);
    expect(matchesFilters(v2, withFilters({ languages: ['SQL'] }), now)).toBe(false);
    expect(matchesFilters(v3, withFilters({ archived: 'no' }), now)).toBe(false);
    expect(matchesFilters(v2, withFilters({ archived: 'no' }), now)).toBe(true);
    expect(matchesFilters(v3, withFilters({ archived: 'yes' }), now)).toBe(true);
    expect(matchesFilters(v2, withFilters({ archived: 'yes' }), now)).toBe(false);
  });

  it('passes every row when no filter is set', () => {
    expect(matchesFilters(makeRow(), emptyFilters(), now)).toBe(true);
  });

  it('matches statuses, organizations and users (any of each)', () => {
    const row = makeRow({ status: 'error', org_id: 'org-b', user_id: 'u-7' });
    expect(matchesFilters(row, withFilters({ statuses: ['error', 'exit'] }), now)).toBe(true);
    expect(matchesFilters(row, withFilters({ statuses: ['running'] }), now)).toBe(false);
    expect(matchesFilters(row, withFilters({ orgIds: ['org-b'] }), now)).toBe(true);
    expect(matchesFilters(row, withFilters({ orgIds: ['org-a'] }), now)).toBe(false);
    expect(matchesFilters(row, withFilters({ userIds: ['u-7', 'u-8'] }), now)).toBe(true);
    expect(matchesFilters(row, withFilters({ userIds: ['u-8'] }), now)).toBe(false);
    const noUser = makeRow({ user_id: null });
    expect(matchesFilters(noUser, withFilters({ userIds: ['u-8'] }), now)).toBe(false);
  });

  it('matches a session with any of the chosen tags', () => {
    const row = makeRow({ tags: ['backend', 'urgent'] });
    expect(matchesFilters(row, withFilters({ tags: ['urgent', 'frontend'] }), now)).toBe(true);
    expect(matchesFilters(row, withFilters({ tags: ['frontend'] }), now)).toBe(false);
  });

  it('applies date presets counted back from now', () => {
    const recent = makeRow({ created_at: now - 3 * HOUR, updated_at: now - HOUR });
    const older = makeRow({ created_at: now - 3 * DAY, updated_at: now - 2 * DAY });
    const lastDay = withFilters({ created: { preset: '24h', from: null, to: null } });
    expect(matchesFilters(recent, lastDay, now)).toBe(true);
    expect(matchesFilters(older, lastDay, now)).toBe(false);
    const lastWeek = withFilters({ created: { preset: '7d', from: null, to: null } });
    expect(matchesFilters(older, lastWeek, now)).toBe(true);
    const updatedToday = withFilters({ updated: { preset: '24h', from: null, to: null } });
    expect(matchesFilters(recent, updatedToday, now)).toBe(true);
    expect(matchesFilters(older, updatedToday, now)).toBe(false);
    const month = withFilters({ updated: { preset: '30d', from: null, to: null } });
    expect(matchesFilters(makeRow({ updated_at: now - 31 * DAY }), month, now)).toBe(false);
  });

  it('applies custom day ranges with both end days included', () => {
    const day = toDay(now);
    const start = new Date(`${day}T00:00:00`).getTime();
    const inside = makeRow({ created_at: start + 23 * HOUR });
    const before = makeRow({ created_at: start - 1 });
    const after = makeRow({ created_at: start + DAY });
    const onlyThatDay = withFilters({ created: { preset: null, from: day, to: day } });
    expect(matchesFilters(inside, onlyThatDay, now)).toBe(true);
    expect(matchesFilters(before, onlyThatDay, now)).toBe(false);
    expect(matchesFilters(after, onlyThatDay, now)).toBe(false);
    const fromThatDay = withFilters({ created: { preset: null, from: day, to: null } });
    expect(matchesFilters(after, fromThatDay, now)).toBe(true);
    expect(matchesFilters(before, fromThatDay, now)).toBe(false);
    const untilThatDay = withFilters({ created: { preset: null, from: null, to: day } });
    expect(matchesFilters(before, untilThatDay, now)).toBe(true);
    expect(matchesFilters(after, untilThatDay, now)).toBe(false);
  });

  it('applies ACU bounds inclusively', () => {
    const row = makeRow({ acus_consumed: 2.5 });
    expect(matchesFilters(row, withFilters({ acuMin: 2.5 }), now)).toBe(true);
    expect(matchesFilters(row, withFilters({ acuMin: 2.6 }), now)).toBe(false);
    expect(matchesFilters(row, withFilters({ acuMax: 2.5 }), now)).toBe(true);
    expect(matchesFilters(row, withFilters({ acuMax: 2 }), now)).toBe(false);
    expect(matchesFilters(row, withFilters({ acuMin: 1, acuMax: 3 }), now)).toBe(true);
  });

  it('matches on pull requests: presence, state and normalized key', () => {
    const merged = makeRow({
      pull_requests: [{ url: 'https://github.com/acme/app/pull/7', state: 'merged' }],
      pr_keys: ['github.com/acme/app/pull/7'],
    });
    const stateless = makeRow({
      pull_requests: [{ url: 'https://github.com/acme/app/pull/8', state: null }],
      pr_keys: ['github.com/acme/app/pull/8'],
    });
    const none = makeRow();
    expect(matchesFilters(merged, withFilters({ hasPr: 'yes' }), now)).toBe(true);
    expect(matchesFilters(none, withFilters({ hasPr: 'yes' }), now)).toBe(false);
    expect(matchesFilters(none, withFilters({ hasPr: 'no' }), now)).toBe(true);
    expect(matchesFilters(merged, withFilters({ hasPr: 'no' }), now)).toBe(false);
    expect(matchesFilters(merged, withFilters({ prStates: ['merged'] }), now)).toBe(true);
    expect(matchesFilters(merged, withFilters({ prStates: ['open'] }), now)).toBe(false);
    expect(matchesFilters(stateless, withFilters({ prStates: ['unknown'] }), now)).toBe(true);
    expect(matchesFilters(none, withFilters({ prStates: ['unknown'] }), now)).toBe(false);
    const key = withFilters({ prKey: 'github.com/acme/app/pull/7' });
    expect(matchesFilters(merged, key, now)).toBe(true);
    expect(matchesFilters(stateless, key, now)).toBe(false);
  });

  it('matches on the analysis digest', () => {
    const digest = { action_item_count: 0, has_suggested_prompt: false, labels: [] };
    const withIssues = makeRow({ analysis: { ...digest, issue_count: 2 } });
    const clean = makeRow({ analysis: { ...digest, issue_count: 0 } });
    const none = makeRow({ analysis: null });
    const has = withFilters({ analysis: 'has' });
    expect([withIssues, clean, none].map((row) => matchesFilters(row, has, now))).toEqual([
      true,
      true,
      false,
    ]);
    const issues = withFilters({ analysis: 'has-issues' });
    expect([withIssues, clean, none].map((row) => matchesFilters(row, issues, now))).toEqual([
      true,
      false,
      false,
    ]);
    const missing = withFilters({ analysis: 'none' });
    expect([withIssues, clean, none].map((row) => matchesFilters(row, missing, now))).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('restricts to explicit session ids', () => {
    const row = makeRow({ session_id: 'devin-abc' });
    expect(matchesFilters(row, withFilters({ sessionIds: ['devin-abc', 'x'] }), now)).toBe(true);
    expect(matchesFilters(row, withFilters({ sessionIds: ['x'] }), now)).toBe(false);
  });

  it('searches the full search text: every word, any case, quoted phrases kept whole', () => {
    const session = makeSession({
      title: 'Fix login',
      initial_user_message: 'The OAuth callback fails on Safari',
      tags: ['auth'],
      session_analysis: makeAnalysis({
        issues: [{ issue: 'Flaky integration test in CI', impact: 'high', label: 'flaky_tests' }],
      }),
      pull_requests: [{ url: 'https://github.com/acme/web/pull/42', state: 'open' }],
    });
    const row = toSessionRow(session);
    const text = toSearchText(session).text;
    const search = (q: string) => matchesFilters(row, withFilters({ text: q }), now, text);
    expect(search('oauth SAFARI')).toBe(true);
    expect(search('flaky integration')).toBe(true);
    expect(search('acme/web/pull/42')).toBe(true);
    expect(search(session.session_id)).toBe(true);
    expect(search('auth')).toBe(true);
    expect(search('"callback fails"')).toBe(true);
    expect(search('"fails callback"')).toBe(false);
    expect(search('oauth chrome')).toBe(false);
  });

  it('falls back to what the row holds when no search text is given', () => {
    const row = makeRow({ title: 'Upgrade React', first_line: 'bump to v19' });
    expect(matchesFilters(row, withFilters({ text: 'react v19' }), TEST_NOW)).toBe(true);
    expect(matchesFilters(row, withFilters({ text: 'vue' }), TEST_NOW)).toBe(false);
  });

  it('combines filters with AND', () => {
    const row = makeRow({ status: 'error', acus_consumed: 5, tags: ['x'] });
    const both = withFilters({ statuses: ['error'], acuMin: 10 });
    expect(matchesFilters(row, both, TEST_NOW)).toBe(false);
    expect(matchesFilters(row, withFilters({ statuses: ['error'], tags: ['x'] }), TEST_NOW)).toBe(
      true,
    );
  });
});

describe('searchTextsOf', () => {
  it('gives each row its full search text, or what the row itself holds', () => {
    const rows = ['a', 'b'].map((id) => makeRow({ session_id: id, title: `Title ${id}` }));
    const index = new Map([['a', 'full text of a']]);
    const texts = searchTextsOf(rows, index);
    expect(texts[0]).toBe('full text of a');
    expect(texts[1]).toContain('title b');
  });
});

describe('parseSearchTerms', () => {
  it('splits words, keeps quoted phrases, lower-cases and drops duplicates', () => {
    expect(parseSearchTerms('  Foo "Bar baz"  foo qux"  ')).toEqual(['foo', 'bar baz', 'qux"']);
    expect(parseSearchTerms('"unterminated phrase')).toEqual(['unterminated phrase']);
    expect(parseSearchTerms('   ')).toEqual([]);
  });
});

describe('applyFilters and sortRows', () => {
  const a = makeRow({ session_id: 'a', updated_at: 3, created_at: 1, acus_consumed: 5 });
  const b = makeRow({ session_id: 'b', updated_at: 1, created_at: 3, acus_consumed: 9 });
  const c = makeRow({ session_id: 'c', updated_at: 2, created_at: 2, acus_consumed: 0.5 });

  it('sorts by updated (newest first) by default', () => {
    expect(ids(applyFilters([a, b, c], emptyFilters(), null, TEST_NOW))).toEqual(['a', 'c', 'b']);
  });

  it('sorts by created or ACUs in either direction', () => {
    expect(ids(sortRows([a, b, c], { field: 'created', dir: 'desc' }))).toEqual(['b', 'c', 'a']);
    expect(ids(sortRows([a, b, c], { field: 'acus', dir: 'desc' }))).toEqual(['b', 'a', 'c']);
    expect(ids(sortRows([a, b, c], { field: 'acus', dir: 'asc' }))).toEqual(['c', 'a', 'b']);
  });

  it('uses the search index for text and narrows in one pass', () => {
    const index = new Map([
      ['a', 'deploy pipeline'],
      ['b', 'pipeline flake'],
      ['c', 'docs'],
    ]);
    const filters = withFilters({ text: 'pipeline' });
    expect(ids(applyFilters([a, b, c], filters, index, TEST_NOW))).toEqual(['a', 'b']);
    expect(ids(filterRows([c, b, a], filters, index, TEST_NOW))).toEqual(['b', 'a']);
  });

  it('does not sort in place', () => {
    const rows = [b, a];
    sortRows(rows, { field: 'updated', dir: 'desc' });
    expect(ids(rows)).toEqual(['b', 'a']);
  });
});

describe('createIncrementalFilter', () => {
  const rows = [
    makeRow({ session_id: 's1', title: 'alpha beta' }),
    makeRow({ session_id: 's2', title: 'alpha gamma' }),
    makeRow({ session_id: 's3', title: 'delta' }),
  ];

  it('gives the same result as a full filter while the text grows and shrinks', () => {
    const filter = createIncrementalFilter();
    for (const text of ['a', 'al', 'alpha', 'alpha b', 'alpha', 'delta', '', 'gam']) {
      const filters = withFilters({ text });
      const result = filter(rows, filters, null, TEST_NOW);
      expect(ids(result)).toEqual(ids(filterRows(rows, filters, null, TEST_NOW)));
      // Where each row of the result is in the given rows (for totals over the result).
      expect(filter.positionsOf(result)?.map((i) => rows[i])).toEqual(result);
    }
    expect(filter.positionsOf([])).toBeNull();
  });

  it('agrees with a full filter on several words, other filters and rows missing from the index', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      makeRow({
        session_id: `r${i}`,
        title: i % 5 === 0 ? 'Title only alpha' : `Row ${i}`,
        status: i % 3 === 0 ? 'error' : 'exit',
      }),
    );
    const index = new Map(
      many
        .filter((_, i) => i % 7 !== 0)
        .map((row, i) => [row.session_id, `${i % 2 ? 'alpha' : 'beta'} gamma ${i % 11} delta`]),
    );
    const filter = createIncrementalFilter();
    const cases: Partial<SessionFilters>[] = [
      { text: 'a' },
      { text: 'al' },
      { text: 'alpha' },
      { text: 'alpha gam' },
      { text: 'alpha gamma 1', statuses: ['error'] },
      { text: 'alpha gamma 10', statuses: ['error'] },
      { text: 'alpha gamma 10' },
      { text: 'title' },
      { text: '"gamma 3 delta"' },
      { text: 'nothing-like-this' },
    ];
    for (const change of cases) {
      const filters = withFilters(change);
      expect(ids(filter(many, filters, index, TEST_NOW))).toEqual(
        ids(filterRows(many, filters, index, TEST_NOW)),
      );
    }
  });

  it('searches every row again when another filter changes', () => {
    const filter = createIncrementalFilter();
    expect(ids(filter(rows, withFilters({ text: 'alpha', statuses: ['error'] }), null, 1))).toEqual(
      [],
    );
    expect(ids(filter(rows, withFilters({ text: 'alpha be' }), null, 1))).toEqual(['s1']);
  });

  it('finds a longer word where the shorter one occurs first and where it occurs later', () => {
    const texts = new Map([
      ['a', 'report then reports'],
      ['b', 'reports first'],
      ['c', 'a report only'],
    ]);
    const three = [...texts.keys()].map((id) => makeRow({ session_id: id }));
    const filter = createIncrementalFilter();
    for (const text of ['rep', 'report', 'reports', 'reports f', 'reports']) {
      const filters = withFilters({ text });
      expect(ids(filter(three, filters, texts, TEST_NOW))).toEqual(
        ids(filterRows(three, filters, texts, TEST_NOW)),
      );
    }
    expect(ids(filter(three, withFilters({ text: 'reports' }), texts, TEST_NOW))).toEqual([
      'a',
      'b',
    ]);
  });

  it('hands out the first rows of a search at once, then the whole result', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      makeRow({ session_id: `p${i}`, title: i % 2 === 0 ? 'billing report' : 'ui report' }),
    );
    const filter = createIncrementalFilter();
    for (const text of ['rep', 'report', 'billing rep', 'billing report']) {
      const filters = withFilters({ text });
      const whole = ids(filterRows(many, filters, null, TEST_NOW));
      const partial = filter(many, filters, null, TEST_NOW, { firstRows: 20 });
      // The first rows are the whole result's first rows, in its order.
      expect(filter.isPartial(partial)).toBe(true);
      expect(ids(partial)).toEqual(whole.slice(0, 20));
      expect(filter.positionsOf(partial)?.map((i) => many[i])).toEqual(partial);
      const result = filter.finish(partial);
      expect(filter.isPartial(result)).toBe(false);
      expect(ids(result)).toEqual(whole);
      expect(filter.positionsOf(result)?.map((i) => many[i])).toEqual(result);
    }
  });

  it('drops an unfinished search when the next keystroke comes first, and stays correct', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      makeRow({ session_id: `q${i}`, title: i % 3 === 0 ? 'reports weekly' : 'report daily' }),
    );
    const filter = createIncrementalFilter();
    filter(many, withFilters({ text: 'repo' }), null, TEST_NOW);
    const stale = filter(many, withFilters({ text: 'report' }), null, TEST_NOW, { firstRows: 5 });
    const next = filter(many, withFilters({ text: 'reports' }), null, TEST_NOW, { firstRows: 5 });
    // The stale first pass is no longer finished (it would mix two searches).
    expect(filter.finish(stale)).toBe(stale);
    expect(ids(filter.finish(next))).toEqual(
      ids(filterRows(many, withFilters({ text: 'reports' }), null, TEST_NOW)),
    );
  });

  it('returns a whole result when fewer rows match than the first pass asks for', () => {
    const filter = createIncrementalFilter();
    const result = filter(rows, withFilters({ text: 'alpha' }), null, TEST_NOW, { firstRows: 20 });
    expect(filter.isPartial(result)).toBe(false);
    expect(ids(result)).toEqual(['s1', 's2']);
    expect(filter.finish(result)).toBe(result);
  });

  it('stays correct at 50,000 rows as a word is typed', () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      makeRow({ session_id: `m${i}`, status: i % 7 === 0 ? 'error' : 'exit' }),
    );
    const index = new Map(
      many.map((row, i) => [
        row.session_id,
        `session ${i} about ${i % 3 === 0 ? 'billing' : 'ui'}`,
      ]),
    );
    const filter = createIncrementalFilter();
    filter(many, withFilters({ text: 'bil' }), index, TEST_NOW);
    const result = filter(many, withFilters({ text: 'billing', statuses: [] }), index, TEST_NOW);
    expect(result.length).toBe(Math.ceil(50_000 / 3));
    expect(ids(result)).toEqual(ids(filterRows(many, withFilters({ text: 'billing' }), index, 0)));
  });
});
