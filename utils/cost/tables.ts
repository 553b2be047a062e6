/**
 * The Cost view's tables as the Insights page's table model (utils/insights/tables.ts), so the
 * page, the CSV file and the JSON file show the same figures. Every cell of a row links to the
 * row's sessions (links.ts). A ratio without a denominator (no merged PR) is NaN: shown as a
 * dash, written as an empty CSV field and as null in JSON.
 */
import type { SessionFilters } from '../filters/model';
import type { Names } from '../insights/display-names';
import type { Cell, Column, TableModel } from '../insights/tables';
import { repositoryLabel } from '../pr-urls/repository';
import { type CostTarget, costLink } from './links';
import type { CostFigures, CostReport, GroupCost, Outcome } from './types';

export const NO_REPOSITORY = 'No repository';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  merged: 'Merged PR',
  open: 'Open PR',
  closed: 'Closed PR',
  none: 'No PR',
};

export type PerMergedBy = 'user' | 'org' | 'repository';

/** ACUs per merged pull request; NaN without one. */
export function perMerged(figures: CostFigures): number {
  return figures.mergedPrs > 0 ? figures.acus / figures.mergedPrs : Number.NaN;
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : Number.NaN;
}

function linked(values: (string | number)[], href: string | null): Cell[] {
  return values.map((value) => (href === null ? { value } : { value, href }));
}

interface Context {
  report: CostReport;
  filters: SessionFilters;
  names: Names;
}

function link(context: Context, target: CostTarget): string | null {
  return costLink(target, context.filters, context.report.ids);
}

export function repositoryTable(context: Context): TableModel {
  const { report } = context;
  const columns: Column[] = [
    { label: 'Repository', format: 'text' },
    { label: 'Repository key', format: 'text', csvOnly: true },
    { label: 'Sessions', format: 'count' },
    { label: 'ACUs', format: 'acus' },
    { label: 'Share of ACUs', format: 'percent', short: 'Share' },
    { label: 'PRs', format: 'count' },
    { label: 'Merged PRs', format: 'count' },
    { label: 'ACUs per merged PR', format: 'acus', short: 'Per merged PR' },
  ];
  const rows = report.repositories.map((repo) => ({
    key: repo.key ?? '',
    cells: linked(
      [
        repo.key === null ? NO_REPOSITORY : repositoryLabel(repo.key),
        repo.key ?? '',
        repo.sessions,
        repo.acus,
        share(repo.acus, report.total.acus),
        repo.prs,
        repo.mergedPrs,
        perMerged(repo),
      ],
      link(context, { kind: 'repository', key: repo.key }),
    ),
  }));
  return { id: 'cost-repositories', title: 'Cost by repository', columns, rows };
}

export function outcomeTable(context: Context): TableModel {
  const { report } = context;
  const columns: Column[] = [
    { label: 'Outcome', format: 'text' },
    { label: 'Sessions', format: 'count' },
    { label: 'ACUs', format: 'acus' },
    { label: 'Share of ACUs', format: 'percent', short: 'Share' },
    { label: 'ACUs per session', format: 'acus', short: 'Per session' },
  ];
  const rows = report.outcomes.map((row) => ({
    key: row.outcome,
    cells: linked(
      [
        OUTCOME_LABELS[row.outcome],
        row.sessions,
        row.acus,
        share(row.acus, report.total.acus),
        share(row.acus, row.sessions),
      ],
      row.sessions > 0 ? link(context, { kind: 'outcome', outcome: row.outcome }) : null,
    ),
  }));
  return { id: 'cost-outcomes', title: 'Cost by outcome', columns, rows };
}

const PER_MERGED_NOUNS: Record<PerMergedBy, string> = {
  user: 'User',
  org: 'Organization',
  repository: 'Repository',
};

function groupRows(context: Context, by: PerMergedBy): { group: GroupCost; name: string }[] {
  const { report, names } = context;
  if (by === 'user') return report.users.map((g) => ({ group: g, name: names.user(g.key) }));
  if (by === 'org') return report.orgs.map((g) => ({ group: g, name: names.org(g.key ?? '') }));
  return report.repositories.map((g) => ({
    group: g,
    name: g.key === null ? NO_REPOSITORY : repositoryLabel(g.key),
  }));
}

function groupTarget(by: PerMergedBy, key: string | null): CostTarget {
  if (by === 'user') return { kind: 'user', key };
  if (by === 'org') return { kind: 'org', key: key ?? '' };
  return { kind: 'repository', key };
}

export function perMergedTable(context: Context, by: PerMergedBy): TableModel {
  const columns: Column[] = [
    { label: PER_MERGED_NOUNS[by], format: 'text' },
    { label: 'Id', format: 'text', csvOnly: true },
    { label: 'ACUs per merged PR', format: 'acus', short: 'Per merged PR' },
    { label: 'Merged PRs', format: 'count' },
    { label: 'ACUs', format: 'acus' },
    { label: 'Sessions', format: 'count' },
  ];
  const rows = groupRows(context, by).map(({ group, name }) => ({
    key: group.key ?? '',
    cells: linked(
      [name, group.key ?? '', perMerged(group), group.mergedPrs, group.acus, group.sessions],
      link(context, groupTarget(by, group.key)),
    ),
  }));
  return {
    id: `cost-per-merged-${by}`,
    title: `ACUs per merged PR by ${PER_MERGED_NOUNS[by].toLowerCase()}`,
    columns,
    rows,
  };
}

export function weekTable(context: Context): TableModel {
  const columns: Column[] = [
    { label: 'Week from', format: 'day', short: 'Week' },
    { label: 'Week to', format: 'day', csvOnly: true },
    { label: 'Sessions', format: 'count' },
    { label: 'ACUs', format: 'acus' },
    { label: 'ACUs vs week before', format: 'percent', short: 'Change' },
    { label: 'Merged PRs', format: 'count' },
    { label: 'ACUs per merged PR', format: 'acus', short: 'Per merged PR' },
  ];
  const rows = context.report.weeks.map((week) => ({
    key: week.from,
    cells: linked(
      [
        week.from,
        week.to,
        week.sessions,
        week.acus,
        week.change ?? Number.NaN,
        week.mergedPrs,
        perMerged(week),
      ],
      week.sessions > 0 ? link(context, { kind: 'week', from: week.from, to: week.to }) : null,
    ),
  }));
  return { id: 'cost-weeks', title: 'Week over week', columns, rows };
}

export function periodTable(context: Context): TableModel | null {
  const periods = context.report.periods;
  if (periods === null) return null;
  const columns: Column[] = [
    { label: 'Period', format: 'text' },
    { label: 'From', format: 'datetime' },
    { label: 'Until', format: 'datetime' },
    { label: 'Sessions', format: 'count' },
    { label: 'ACUs', format: 'acus' },
    { label: 'ACUs vs previous period', format: 'percent', short: 'Change' },
    { label: 'Merged PRs', format: 'count' },
    { label: 'ACUs per merged PR', format: 'acus', short: 'Per merged PR' },
  ];
  const { current, previous } = periods;
  const row = (which: 'current' | 'previous', label: string, change: number) => {
    const period = periods[which];
    return {
      key: which,
      cells: linked(
        [
          label,
          period.from,
          period.to,
          period.sessions,
          period.acus,
          change,
          period.mergedPrs,
          perMerged(period),
        ],
        period.sessions > 0 ? link(context, { kind: 'period', which, days: period.days }) : null,
      ),
    };
  };
  const rows = [
    row('current', 'This period', share(current.acus - previous.acus, previous.acus)),
    row('previous', 'Previous period', Number.NaN),
  ];
  return { id: 'cost-periods', title: 'This period and the one before', columns, rows };
}
