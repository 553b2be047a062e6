// The Cost view's figures against the same figures worked out plainly from the local server's
// dataset: repositories from the dataset's own repository list, weeks by day arithmetic.
process.env.TZ = 'UTC';

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../mock-api/data';
import { FIXED_NOW } from '../../tests/fixtures/mock-api';
import { SessionV2Schema } from '../api';
import { toSessionRow } from '../db/rows';
import type { SessionRow } from '../db/types';
import { filterRows } from '../filters/match';
import { type DateRange, emptyFilters, type SessionFilters } from '../filters/model';
import { filtersFromSearchParams } from '../filters/url';
import { allPositions } from '../insights/aggregate';
import { buildColumns } from '../insights/columns';
import { viewOfColumns } from '../insights/view';
import { normalizePullRequestUrl } from '../pr-urls';
import { repositoryKeyOf } from '../pr-urls/repository';
import { computeCost, costOfColumns, MAX_LINK_IDS } from './compute';
import { type CostTarget, costLink } from './links';
import { repositoryOf } from './repository';
import type { CostReport, CountedFigures, Outcome } from './types';

const dataset = generateDataset({ sessions: 3000, orgs: 3, seed: 42, now: FIXED_NOW });
const NOW = Date.parse(FIXED_NOW);
const DAY = 86_400_000;
const raw = dataset.sessions;
const rows: SessionRow[] = raw.map((s) => toSessionRow(v.parse(SessionV2Schema, s)));
const ANY: DateRange = { preset: null, from: null, to: null };

function costOf(filters: SessionFilters): CostReport {
  const filtered = filterRows(rows, filters, null, NOW);
  const unwindowed = filterRows(rows, { ...filters, created: ANY }, null, NOW);
  return computeCost(filtered, unwindowed, filters.created, NOW);
}

/** The sessions a list URL shows, as the list page would read it. */
function opened(url: string | null): string[] {
  if (url === null) throw new Error('no link');
  const params = new URL(url, 'chrome-extension://x/').searchParams;
  return filterRows(rows, filtersFromSearchParams(params), null, NOW).map((r) => r.session_id);
}

/** The repository of a dataset PR URL, by the dataset's own repository list. */
function datasetRepository(url: string): string {
  const repo = dataset.repositories.find((r) => url.startsWith(r.pr_url_prefix));
  return repo ? repo.pr_url_prefix : url.replace(/\d+$/, '');
}

const all = costOf(emptyFilters());

describe('cost by repository', () => {
  it('splits each session evenly over its repositories, as the dataset says', () => {
    const expected = new Map<string, { sessions: number; acus: number; merged: number }>();
    let noRepo = 0;
    let noRepoSessions = 0;
    let split = 0;
    for (const s of raw) {
      const repos = new Set(s.pull_requests.map((pr) => datasetRepository(pr.url)));
      if (repos.size === 0) {
        noRepo += s.acus_consumed;
        noRepoSessions++;
      }
      if (repos.size > 1) split++;
      for (const repo of repos) {
        const e = expected.get(repo) ?? { sessions: 0, acus: 0, merged: 0 };
        e.sessions++;
        e.acus += s.acus_consumed / repos.size;
        e.merged += s.pull_requests.filter(
          (pr) => datasetRepository(pr.url) === repo && pr.state === 'merged',
        ).length;
        expected.set(repo, e);
      }
    }
    expect(split).toBeGreaterThan(0);
    expect(expected.size).toBeGreaterThan(5);
    expect(noRepoSessions).toBeGreaterThan(0);
    expect(all.splitSessions).toBe(split);
    const none = all.repositories.find((r) => r.key === null);
    expect(none?.sessions).toBe(noRepoSessions);
    expect(none?.acus).toBeCloseTo(noRepo, 6);

    // Each repository row is one of the dataset's repositories (its key named by an example URL).
    const named = all.repositories.filter((r) => r.key !== null);
    expect(named).toHaveLength(expected.size);
    for (const [prefix, e] of expected) {
      const key = repositoryKeyOf(normalizePullRequestUrl(`${prefix}1`) ?? '');
      const row = named.find((r) => r.key === key);
      expect(row, prefix).toBeDefined();
      expect(row?.sessions).toBe(e.sessions);
      expect(row?.acus).toBeCloseTo(e.acus, 6);
      expect(row?.mergedPrs).toBe(e.merged);
    }
    const total = raw.reduce((sum, s) => sum + s.acus_consumed, 0);
    const sum = all.repositories.reduce((acc, r) => acc + r.acus, 0);
    expect(sum).toBeCloseTo(total, 6);
    expect(all.total.acus).toBeCloseTo(total, 6);
    // Most ACUs first.
    const acus = all.repositories.map((r) => r.acus);
    expect(acus).toEqual([...acus].sort((a, b) => b - a));
  });

  it('links each repository to exactly its sessions', () => {
    for (const repo of all.repositories) {
      const ids = opened(costLink({ kind: 'repository', key: repo.key }, emptyFilters(), all.ids));
      expect(ids.length, repo.key ?? 'none').toBe(repo.sessions);
    }
  });

  it('reads a repository as the list filter does, and quickly from a hostile key', () => {
    for (const row of rows) {
      for (const key of row.pr_keys) expect(repositoryOf(key)).toBe(repositoryKeyOf(key));
    }
    for (const key of ['a/b/-/merge_requests/3', 'x', 'a/12', 'a//12', 'h/o/r/pull/1x']) {
      expect(repositoryOf(key)).toBe(repositoryKeyOf(key));
    }
    const hostile = `github.com/${'a'.repeat(200_000)}1`;
    const started = performance.now();
    repositoryOf(hostile);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('reads at most 500 PRs of a session for repositories', () => {
    const row = rows.find((r) => r.pull_requests.length > 0) as SessionRow;
    const many = {
      ...row,
      pull_requests: Array.from({ length: 5000 }, (_, i) => ({
        url: `https://github.com/acme/r${i}/pull/1`,
        state: 'merged',
      })),
      pr_keys: Array.from({ length: 5000 }, (_, i) => `github.com/acme/r${i}/pull/1`),
    };
    const report = computeCost([many], [many], ANY, NOW);
    expect(report.repositories).toHaveLength(500);
    expect(report.total.mergedPrs).toBe(5000);
  });
});

describe('cost by outcome', () => {
  it("follows each session's best PR: merged, else open (or unknown), else closed", () => {
    const expected: Record<Outcome, [number, number]> = {
      merged: [0, 0],
      open: [0, 0],
      closed: [0, 0],
      none: [0, 0],
    };
    for (const s of raw) {
      const states = s.pull_requests.map((pr) => pr.state);
      const outcome =
        states.length === 0
          ? 'none'
          : states.includes('merged')
            ? 'merged'
            : states.some((state) => state !== 'closed')
              ? 'open'
              : 'closed';
      expected[outcome][0]++;
      expected[outcome][1] += s.acus_consumed;
    }
    for (const row of all.outcomes) {
      const [sessions, acus] = expected[row.outcome];
      expect(row.sessions, row.outcome).toBe(sessions);
      expect(row.acus).toBeCloseTo(acus, 6);
      expect(row.sessions).toBeGreaterThan(0);
      const ids = opened(
        costLink({ kind: 'outcome', outcome: row.outcome }, emptyFilters(), all.ids),
      );
      expect(ids.length, row.outcome).toBe(sessions);
    }
  });
});

describe('ACUs per merged PR', () => {
  it('divides all ACUs of a user or organization by its merged PRs', () => {
    const byUser = new Map<string | null, { acus: number; merged: number; sessions: number }>();
    const byOrg = new Map<string, { acus: number; merged: number; sessions: number }>();
    for (const s of raw) {
      const merged = s.pull_requests.filter((pr) => pr.state === 'merged').length;
      for (const [map, key] of [
        [byUser, s.user_id],
        [byOrg, s.org_id],
      ] as const) {
        const e = (map as Map<unknown, { acus: number; merged: number; sessions: number }>).get(
          key,
        ) ?? { acus: 0, merged: 0, sessions: 0 };
        e.acus += s.acus_consumed;
        e.merged += merged;
        e.sessions++;
        (map as Map<unknown, typeof e>).set(key, e);
      }
    }
    expect(all.users).toHaveLength(byUser.size);
    for (const user of all.users) {
      const e = byUser.get(user.key);
      expect(user.acus).toBeCloseTo(e?.acus ?? -1, 6);
      expect(user.mergedPrs).toBe(e?.merged);
      const target: CostTarget = { kind: 'user', key: user.key };
      expect(opened(costLink(target, emptyFilters(), all.ids))).toHaveLength(e?.sessions ?? -1);
    }
    expect(all.orgs).toHaveLength(byOrg.size);
    for (const org of all.orgs) {
      const e = byOrg.get(org.key as string);
      expect(org.acus / org.mergedPrs).toBeCloseTo((e?.acus ?? 0) / (e?.merged ?? 1), 6);
      const target: CostTarget = { kind: 'org', key: org.key as string };
      expect(opened(costLink(target, emptyFilters(), all.ids))).toHaveLength(e?.sessions ?? -1);
    }
  });
});

describe('week over week', () => {
  it('counts the last 8 Monday-to-Sunday weeks, with the change in ACUs', () => {
    // Days since 1970-01-01 (a Thursday) + 3 make Monday the first day of a week.
    const weekOf = (ms: number) => Math.floor((Math.floor(ms / DAY) + 3) / 7);
    const last = weekOf(NOW - 1);
    const expected = new Map<number, { sessions: number; acus: number; merged: number }>();
    for (const s of raw) {
      const w = weekOf(Date.parse(s.created_at));
      const e = expected.get(w) ?? { sessions: 0, acus: 0, merged: 0 };
      e.sessions++;
      e.acus += s.acus_consumed;
      e.merged += s.pull_requests.filter((pr) => pr.state === 'merged').length;
      expected.set(w, e);
    }
    expect(all.weeks).toHaveLength(8);
    expect(all.weeks.every((week) => week.sessions > 0)).toBe(true);
    all.weeks.forEach((week, k) => {
      const w = last - 7 + k;
      const e = expected.get(w);
      const before = expected.get(w - 1);
      expect(week.start).toBe((w * 7 - 3) * DAY);
      expect(week.sessions).toBe(e?.sessions ?? 0);
      expect(week.acus).toBeCloseTo(e?.acus ?? 0, 6);
      expect(week.mergedPrs).toBe(e?.merged ?? 0);
      expect(week.change).toBeCloseTo(
        ((e?.acus ?? 0) - (before?.acus ?? 0)) / (before?.acus ?? 1),
        9,
      );
      const link = costLink(
        { kind: 'week', from: week.from, to: week.to },
        emptyFilters(),
        all.ids,
      );
      expect(opened(link)).toHaveLength(week.sessions);
    });
  });
});

describe('two periods side by side', () => {
  const created = (s: (typeof raw)[number]) => Date.parse(s.created_at);

  it('compares the last 30 days with the 30 days before, the previous one opened by ids', () => {
    const filters = {
      ...emptyFilters(),
      created: { preset: '30d' as const, from: null, to: null },
    };
    const report = costOf(filters);
    const inWindow = (from: number, to: number) =>
      raw.filter((s) => created(s) >= from && created(s) < to);
    const current = inWindow(NOW - 30 * DAY, Number.POSITIVE_INFINITY);
    const previous = inWindow(NOW - 60 * DAY, NOW - 30 * DAY);
    expect(previous.length).toBeGreaterThan(0);
    expect(report.periods?.current.sessions).toBe(current.length);
    expect(report.periods?.previous.sessions).toBe(previous.length);
    const acus = (list: typeof raw) => list.reduce((sum, s) => sum + s.acus_consumed, 0);
    expect(report.periods?.current.acus).toBeCloseTo(acus(current), 6);
    expect(report.periods?.previous.acus).toBeCloseTo(acus(previous), 6);
    const link = costLink(
      { kind: 'period', which: 'previous', days: report.periods?.previous.days ?? null },
      filters,
      report.ids,
    );
    expect(new Set(opened(link))).toEqual(new Set(previous.map((s) => s.session_id)));
    // The weeks end with the window (now), whatever its start.
    expect(report.weeks.at(-1)?.start).toBe(all.weeks.at(-1)?.start);
  });

  it('compares whole days with as many days before, opened by a date filter', () => {
    const filters = {
      ...emptyFilters(),
      orgIds: [dataset.orgs[0]?.org_id ?? ''],
      created: { preset: null, from: '2025-05-01', to: '2025-05-14' },
    };
    const report = costOf(filters);
    expect(report.periods?.previous.days).toEqual({ from: '2025-04-17', to: '2025-04-30' });
    const previous = raw.filter(
      (s) =>
        s.org_id === filters.orgIds[0] &&
        created(s) >= Date.parse('2025-04-17') &&
        created(s) < Date.parse('2025-05-01'),
    );
    expect(previous.length).toBeGreaterThan(0);
    expect(report.periods?.previous.sessions).toBe(previous.length);
    const link = costLink(
      { kind: 'period', which: 'previous', days: report.periods?.previous.days ?? null },
      filters,
      report.ids,
    );
    expect(new Set(opened(link))).toEqual(new Set(previous.map((s) => s.session_id)));
    expect(report.weeks.at(-1)?.to).toBe('2025-05-18');
  });

  it('has nothing to compare without a window start', () => {
    expect(all.periods).toBeNull();
  });

  it('gives up an id list too long to open rather than a URL no browser takes', () => {
    const row = rows[0] as SessionRow;
    const many = Array.from({ length: MAX_LINK_IDS + 1 }, (_, i) => ({
      ...row,
      session_id: `s${i}`,
      user_id: null,
    }));
    const report = computeCost(many, many, ANY, NOW);
    expect(report.ids.noUser).toBeNull();
    expect(costLink({ kind: 'user', key: null }, emptyFilters(), report.ids)).toBeNull();
  });
});

describe('figures the Insights pass already summed', () => {
  const store = buildColumns(rows);
  const every = allPositions(rows.length);
  const costWith = (picked: Int32Array, filters: SessionFilters, counted?: CountedFigures) =>
    costOfColumns(store, picked, every, filters.created, NOW, counted);

  it('gives the same report as summing them again, for the default view and a filtered one', () => {
    const org = dataset.orgs[1]?.org_id ?? '';
    const filtered = { ...emptyFilters(), orgIds: [org] };
    const picked = Int32Array.from(every.filter((g) => rows[g]?.org_id === org));
    expect(picked.length).toBeGreaterThan(0);
    for (const [positions, filters] of [
      [every, emptyFilters()],
      [picked, filtered],
    ] as const) {
      const { figures } = viewOfColumns(store, positions, filters, NOW);
      const reused = costWith(positions, filters, figures);
      expect(reused).toEqual(costWith(positions, filters));
      expect(reused.total.sessions).toBe(positions.length);
    }
  });

  it('sums them itself when they were counted over other sessions', () => {
    const { figures } = viewOfColumns(store, every, emptyFilters(), NOW);
    const firstHalf = every.subarray(0, rows.length >> 1);
    const report = costWith(firstHalf, emptyFilters(), figures);
    expect(report.total.sessions).toBe(firstHalf.length);
    expect(report).toEqual(costWith(firstHalf, emptyFilters()));
    expect(report.users.reduce((sum, user) => sum + user.sessions, 0)).toBe(firstHalf.length);
  });
});
