// Every expected number here is worked out by hand from the six sessions in test-fixtures.ts.
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { EXTRAS, NOW, ROWS } from '../../tests/fixtures/insights';
import { computeInsights } from './aggregate';
import { createHostResolver } from './pr-hosts';
import { selectIds } from './select';
import { median } from './statistics';
import {
  type Bucket,
  FLAG_ANALYSIS,
  FLAG_ERROR,
  FLAG_HAS_PR,
  FLAG_ISSUES,
  FLAG_MERGED_PR,
  FLAG_SUGGESTED_PROMPT,
  type Insights,
  LABEL_IMPACT_SEPARATOR,
} from './types';

function idsOf(insights: Insights, bucket: Bucket): string[] {
  return Array.from(bucket.members, (i) => insights.ids[i] ?? '');
}

function summary(insights: Insights, buckets: Bucket[]) {
  return buckets.map((b) => [b.key, b.sessions, b.occurrences, idsOf(insights, b)]);
}

describe('computeInsights on six sessions', () => {
  const insights = computeInsights(ROWS, { now: NOW, extras: EXTRAS, costliest: 3 });

  it('totals', () => {
    expect(insights.count).toBe(6);
    expect(insights.ids).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(insights.totals).toEqual({
      sessions: 6,
      acus: 20.5,
      errors: 2,
      // 0.5 1 2 | 3 4 10
      medianAcus: 2.5,
      prsOpened: 6,
      prsMerged: 3,
      sessionsWithPr: 4,
      sessionsWithMergedPr: 3,
      analysed: 5,
      withIssues: 3,
      withSuggestedPrompt: 2,
      analysisPending: 0,
    });
  });

  it('per-session flags', () => {
    expect(Array.from(insights.columns.flags)).toEqual([
      FLAG_HAS_PR | FLAG_MERGED_PR | FLAG_ANALYSIS | FLAG_ISSUES | FLAG_SUGGESTED_PROMPT,
      FLAG_ERROR | FLAG_HAS_PR | FLAG_ANALYSIS | FLAG_ISSUES,
      0,
      FLAG_ERROR | FLAG_HAS_PR | FLAG_MERGED_PR | FLAG_ANALYSIS | FLAG_SUGGESTED_PROMPT,
      FLAG_ANALYSIS | FLAG_ISSUES,
      FLAG_HAS_PR | FLAG_MERGED_PR | FLAG_ANALYSIS,
    ]);
  });

  it('sessions and ACUs per local day, from the first session to today, gaps included', () => {
    expect(insights.days.labels).toEqual([
      '2025-05-01',
      '2025-05-02',
      '2025-05-03',
      '2025-05-04',
      '2025-05-05',
    ]);
    expect(insights.days.starts[0]).toBe(Date.UTC(2025, 4, 1));
    expect(insights.days.sessions).toEqual([1, 3, 0, 2, 0]);
    expect(insights.days.acus).toEqual([4, 13, 0, 3.5, 0]);
    expect(Array.from(insights.columns.day)).toEqual([0, 1, 1, 1, 3, 3]);
  });

  it('organizations by ACUs, with error rate, PRs and median ACUs', () => {
    expect(insights.groups.org.map(({ code: _, ...stat }) => stat)).toEqual([
      {
        key: 'org-a',
        sessions: 3,
        acus: 15,
        errors: 1,
        errorRate: 1 / 3,
        prsOpened: 3,
        prsMerged: 1,
        sessionsWithPr: 2,
        sessionsWithMergedPr: 1,
        medianAcus: 4,
      },
      {
        key: 'org-b',
        sessions: 3,
        acus: 5.5,
        errors: 1,
        errorRate: 1 / 3,
        prsOpened: 3,
        prsMerged: 2,
        sessionsWithPr: 2,
        sessionsWithMergedPr: 2,
        medianAcus: 2,
      },
    ]);
  });

  it('users by ACUs; sessions without a user are a group of their own', () => {
    const users = insights.groups.user.map((g) => [
      g.key,
      g.sessions,
      g.acus,
      g.errors,
      g.errorRate,
      g.prsOpened,
      g.prsMerged,
      g.medianAcus,
    ]);
    expect(users).toEqual([
      ['u2', 2, 12, 1, 0.5, 2, 1, 6],
      ['u1', 2, 5, 1, 0.5, 3, 1, 2.5],
      ['u3', 1, 3, 0, 0, 1, 1, 3],
      [null, 1, 0.5, 0, 0, 0, 0, 0.5],
    ]);
  });

  it('statuses by ACUs', () => {
    expect(insights.groups.status.map((g) => [g.key, g.sessions, g.acus, g.errors])).toEqual([
      ['exit', 3, 17, 0],
      ['error', 2, 3, 2],
      ['running', 1, 0.5, 0],
    ]);
  });

  it('the costliest sessions, most ACUs first', () => {
    expect(insights.costliest.map((s) => [s.session_id, s.acus, s.title])).toEqual([
      ['s3', 10, 'Title s3'],
      ['s1', 4, 'Title s1'],
      ['s6', 3, 'Title s6'],
    ]);
  });

  it('issue labels count sessions (from the digest) and issues (from details)', () => {
    expect(summary(insights, insights.labels)).toEqual([
      ['flaky_tests', 2, 3, ['s1', 's5']],
      ['missing_context', 1, 1, ['s2']],
    ]);
  });

  it('impacts, label × impact, action item types', () => {
    expect(summary(insights, insights.impacts)).toEqual([
      ['high', 2, 2, ['s1', 's5']],
      ['low', 1, 1, ['s1']],
      ['medium', 1, 1, ['s2']],
    ]);
    const sep = LABEL_IMPACT_SEPARATOR;
    expect(summary(insights, insights.labelImpacts)).toEqual([
      [`flaky_tests${sep}high`, 2, 2, ['s1', 's5']],
      [`flaky_tests${sep}low`, 1, 1, ['s1']],
      [`missing_context${sep}medium`, 1, 1, ['s2']],
    ]);
    expect(summary(insights, insights.actionTypes)).toEqual([
      ['knowledge', 2, 3, ['s4', 's5']],
      ['playbook', 1, 1, ['s1']],
    ]);
  });

  it('sessions with a suggested prompt', () => {
    expect(insights.suggestedPrompt.sessions).toBe(2);
    expect(idsOf(insights, insights.suggestedPrompt)).toEqual(['s1', 's4']);
  });

  it('PR outcomes per state and per host (provider), states lower-cased, none = unknown', () => {
    expect(summary(insights, insights.prStates)).toEqual([
      ['merged', 3, 3, ['s1', 's4', 's6']],
      ['closed', 1, 1, ['s2']],
      ['open', 1, 1, ['s1']],
      ['unknown', 1, 1, ['s4']],
    ]);
    expect(
      insights.prHosts.map((h) => [
        h.provider,
        h.host,
        h.all.occurrences,
        idsOf(insights, h.all),
        summary(insights, h.states),
      ]),
    ).toEqual([
      [
        'github',
        'github.com',
        4,
        ['s1', 's4', 's6'],
        [
          ['merged', 3, 3, ['s1', 's4', 's6']],
          ['open', 1, 1, ['s1']],
        ],
      ],
      ['azure-devops', 'dev.azure.com', 1, ['s4'], [['unknown', 1, 1, ['s4']]]],
      ['gitlab', 'gitlab.com', 1, ['s2'], [['closed', 1, 1, ['s2']]]],
    ]);
  });

  it('stacks ACUs per day by the top groups and "other"', () => {
    const small = computeInsights(ROWS, { now: NOW, topSeries: 2 });
    const stack = small.stacks.user;
    expect(stack.series.map((s) => [s.key, s.other, s.acus])).toEqual([
      ['u2', false, 12],
      ['u1', false, 5],
      [null, true, 3.5],
    ]);
    expect(stack.acus).toEqual([
      [0, 12, 0, 0, 0],
      [4, 1, 0, 0, 0],
      [0, 0, 0, 3.5, 0],
    ]);
    expect(stack.sessions).toEqual([
      [0, 2, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [0, 0, 0, 2, 0],
    ]);
    // A single leftover group is named rather than called "other".
    const orgs = computeInsights(ROWS, { now: NOW, topSeries: 1 }).stacks.org;
    expect(orgs.series.map((s) => s.key)).toEqual(['org-a', 'org-b']);
    expect(insights.stacks.status.series.map((s) => s.key)).toEqual(['exit', 'error', 'running']);
    expect(insights.stacks.status.acus).toEqual([
      [4, 10, 0, 3, 0],
      [0, 3, 0, 0, 0],
      [0, 0, 0, 0.5, 0],
    ]);
  });

  it('every count equals the number of sessions a selection of it yields', () => {
    for (const by of ['org', 'user', 'status'] as const) {
      for (const group of insights.groups[by]) {
        const select = (flags?: number) =>
          selectIds(insights, { group: { by, code: group.code }, flags }).length;
        expect(select()).toBe(group.sessions);
        expect(select(FLAG_ERROR)).toBe(group.errors);
        expect(select(FLAG_HAS_PR)).toBe(group.sessionsWithPr);
        expect(select(FLAG_MERGED_PR)).toBe(group.sessionsWithMergedPr);
      }
      insights.stacks[by].series.forEach((_, index) => {
        insights.days.numbers.forEach((_, day) => {
          expect(selectIds(insights, { day, series: { by, index } }).length).toBe(
            insights.stacks[by].sessions[index]?.[day],
          );
        });
      });
    }
    insights.days.sessions.forEach((sessions, day) => {
      expect(selectIds(insights, { day }).length).toBe(sessions);
    });
    for (const bucket of [...insights.labels, ...insights.impacts, ...insights.prStates]) {
      expect(selectIds(insights, { bucket }).length).toBe(bucket.sessions);
    }
  });
});

describe('computeInsights edge cases', () => {
  it('without details, impacts and action item types wait and say how many sessions they miss', () => {
    const insights = computeInsights(ROWS, { now: NOW });
    expect(insights.totals.analysisPending).toBe(4);
    expect(insights.impacts).toEqual([]);
    expect(insights.actionTypes).toEqual([]);
    // Labels come from the rows and are complete; their issue counts need details.
    expect(insights.labels.map((b) => [b.key, b.sessions, b.occurrences])).toEqual([
      ['flaky_tests', 2, 0],
      ['missing_context', 1, 0],
    ]);
  });

  it('no rows: zeros and no days, or the days of the filtered window', () => {
    const empty = computeInsights([], { now: NOW });
    expect(empty.totals.sessions).toBe(0);
    expect(empty.totals.medianAcus).toBe(0);
    expect(empty.days.labels).toEqual([]);
    const windowed = computeInsights([], {
      now: NOW,
      range: { from: Date.UTC(2025, 4, 3), to: Date.UTC(2025, 4, 5) },
    });
    expect(windowed.days.labels).toEqual(['2025-05-03', '2025-05-04']);
    expect(windowed.days.sessions).toEqual([0, 0]);
  });

  it('a filtered window sets the day axis', () => {
    const rows = ROWS.filter((r) => r.created_at >= Date.UTC(2025, 4, 2));
    const insights = computeInsights(rows, {
      now: NOW,
      range: { from: Date.UTC(2025, 4, 2), to: null },
    });
    expect(insights.days.labels).toEqual(['2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05']);
    expect(insights.days.sessions).toEqual([3, 0, 2, 0]);
  });

  it('days are local calendar days', () => {
    process.env.TZ = 'America/New_York';
    try {
      const insights = computeInsights(ROWS, { now: NOW });
      // s2 (02:30Z on the 2nd) is the evening of the 1st in New York.
      expect(insights.days.labels.slice(0, 2)).toEqual(['2025-05-01', '2025-05-02']);
      expect(insights.days.sessions).toEqual([2, 2, 0, 2, 0]);
      expect(insights.days.starts[0]).toBe(Date.UTC(2025, 4, 1, 4));
    } finally {
      process.env.TZ = 'UTC';
    }
  });

  it('median of an even and an odd count', () => {
    expect(median(Float64Array.from([3, 1, 2]))).toBe(2);
    expect(median(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
    expect(median(Float64Array.from([7]))).toBe(7);
    expect(median(new Float64Array(0))).toBe(0);
  });

  it('median (quickselect) agrees with sorting, duplicates and sorted input included', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const cases: number[][] = [
      [1, 1, 1, 1],
      [5, 4, 3, 2, 1, 0],
      Array.from({ length: 100 }, (_, i) => i),
      Array.from({ length: 101 }, () => 2),
    ];
    for (let n = 1; n <= 60; n++) {
      cases.push(Array.from({ length: n }, () => Math.round(random() * 20) / 4));
    }
    for (const values of cases) {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = sorted.length >> 1;
      const expected =
        sorted.length % 2 === 1
          ? (sorted[middle] ?? 0)
          : Math.round((((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2) * 100) / 100;
      expect(median(Float64Array.from(values)), values.join(',')).toBe(expected);
    }
  });
});

describe('createHostResolver', () => {
  it('names providers by URL shape, and hosts as the PR parser does', () => {
    const hostOf = createHostResolver();
    expect(hostOf('https://github.com/a/b/pull/1')).toMatchObject({
      provider: 'github',
      host: 'github.com',
    });
    expect(hostOf('https://www.github.com/a/b/pull/2')).toMatchObject({ host: 'github.com' });
    expect(hostOf('https://fabrikam.visualstudio.com/p/_git/r/pullrequest/5')).toMatchObject({
      provider: 'azure-devops',
      host: 'dev.azure.com',
    });
    expect(hostOf('https://git.example.com/team/app/-/merge_requests/7')).toMatchObject({
      provider: 'gitlab',
      host: 'git.example.com',
    });
  });

  it('counts a URL that is no PR under its host, without deciding the host for later URLs', () => {
    const hostOf = createHostResolver();
    expect(hostOf('https://git.example.com/team/app')).toMatchObject({
      provider: 'other',
      host: 'git.example.com',
    });
    expect(hostOf('https://git.example.com/team/app/pull/3')).toMatchObject({
      provider: 'github',
    });
    expect(hostOf('not a url')).toMatchObject({ provider: 'other', host: '(invalid URL)' });
  });

  it('does not take a longer host name for a known one', () => {
    const hostOf = createHostResolver();
    hostOf('https://github.com/a/b/pull/1');
    expect(hostOf('https://github.com.evil.example/a/b/pull/1')).toMatchObject({
      host: 'github.com.evil.example',
    });
  });
});
