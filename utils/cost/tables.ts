/**
 * The Cost view's tables as the Insights page's table model (utils/insights/tables.ts), so the
 * page, the CSV file and the JSON file show the same figures. Every cell of a row links to the
 * row's sessions (links.ts). A ratio without a denominator (no merged PR) is NaN: shown as a
 * dash, written as an empty CSV field and as null in JSON.
 */
import type { SessionFilters } from '../filters/model';
import { t } from '../i18n';
import type { Names } from '../insights/display-names';
import type { Cell, Column, TableModel } from '../insights/tables';
import { repositoryLabel } from '../pr-urls/repository';
import { type CostTarget, costLink } from './links';
import type { CostFigures, CostReport, GroupCost } from './types';

/** Text is read when a table is built, so it follows the browser's language. */
function noRepository(): string {
  return t('cost.noRepository');
}

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
    { label: t('cost.column.repository'), format: 'text' },
    { label: t('cost.column.repositoryKey'), format: 'text', csvOnly: true },
    { label: t('cost.column.sessions'), format: 'count' },
    { label: t('cost.column.acus'), format: 'acus' },
    { label: t('cost.column.share'), format: 'percent', short: t('cost.column.shareShort') },
    { label: t('cost.column.prs'), format: 'count' },
    { label: t('cost.column.mergedPrs'), format: 'count' },
    { label: t('cost.column.perMerged'), format: 'acus', short: t('cost.column.perMergedShort') },
  ];
  const rows = report.repositories.map((repo) => ({
    key: repo.key ?? '',
    cells: linked(
      [
        repo.key === null ? noRepository() : repositoryLabel(repo.key),
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
  return { id: 'cost-repositories', title: t('cost.table.repositories'), columns, rows };
}

export function outcomeTable(context: Context): TableModel {
  const { report } = context;
  const columns: Column[] = [
    { label: t('cost.column.outcome'), format: 'text' },
    { label: t('cost.column.sessions'), format: 'count' },
    { label: t('cost.column.acus'), format: 'acus' },
    { label: t('cost.column.share'), format: 'percent', short: t('cost.column.shareShort') },
    { label: t('cost.column.perSession'), format: 'acus', short: t('cost.column.perSessionShort') },
  ];
  const rows = report.outcomes.map((row) => ({
    key: row.outcome,
    cells: linked(
      [
        t(`cost.outcome.${row.outcome}`),
        row.sessions,
        row.acus,
        share(row.acus, report.total.acus),
        share(row.acus, row.sessions),
      ],
      row.sessions > 0 ? link(context, { kind: 'outcome', outcome: row.outcome }) : null,
    ),
  }));
  return { id: 'cost-outcomes', title: t('cost.table.outcomes'), columns, rows };
}

const PER_MERGED_KEYS = {
  user: { noun: 'cost.column.user', title: 'cost.table.perMergedUser' },
  org: { noun: 'cost.column.org', title: 'cost.table.perMergedOrg' },
  repository: { noun: 'cost.column.repository', title: 'cost.table.perMergedRepository' },
} as const;

function groupRows(context: Context, by: PerMergedBy): { group: GroupCost; name: string }[] {
  const { report, names } = context;
  if (by === 'user') return report.users.map((g) => ({ group: g, name: names.user(g.key) }));
  if (by === 'org') return report.orgs.map((g) => ({ group: g, name: names.org(g.key ?? '') }));
  return report.repositories.map((g) => ({
    group: g,
    name: g.key === null ? noRepository() : repositoryLabel(g.key),
  }));
}

function groupTarget(by: PerMergedBy, key: string | null): CostTarget {
  if (by === 'user') return { kind: 'user', key };
  if (by === 'org') return { kind: 'org', key: key ?? '' };
  return { kind: 'repository', key };
}

export function perMergedTable(context: Context, by: PerMergedBy): TableModel {
  const columns: Column[] = [
    { label: t(PER_MERGED_KEYS[by].noun), format: 'text' },
    { label: t('cost.column.id'), format: 'text', csvOnly: true },
    { label: t('cost.column.perMerged'), format: 'acus', short: t('cost.column.perMergedShort') },
    { label: t('cost.column.mergedPrs'), format: 'count' },
    { label: t('cost.column.acus'), format: 'acus' },
    { label: t('cost.column.sessions'), format: 'count' },
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
    title: t(PER_MERGED_KEYS[by].title),
    columns,
    rows,
  };
}

export function weekTable(context: Context): TableModel {
  const columns: Column[] = [
    { label: t('cost.column.weekFrom'), format: 'day', short: t('cost.column.weekShort') },
    { label: t('cost.column.weekTo'), format: 'day', csvOnly: true },
    { label: t('cost.column.sessions'), format: 'count' },
    { label: t('cost.column.acus'), format: 'acus' },
    { label: t('cost.column.weekChange'), format: 'percent', short: t('cost.column.change') },
    { label: t('cost.column.mergedPrs'), format: 'count' },
    { label: t('cost.column.perMerged'), format: 'acus', short: t('cost.column.perMergedShort') },
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
  return { id: 'cost-weeks', title: t('cost.table.weeks'), columns, rows };
}

export function periodTable(context: Context): TableModel | null {
  const periods = context.report.periods;
  if (periods === null) return null;
  const columns: Column[] = [
    { label: t('cost.column.period'), format: 'text' },
    { label: t('cost.column.from'), format: 'datetime' },
    { label: t('cost.column.until'), format: 'datetime' },
    { label: t('cost.column.sessions'), format: 'count' },
    { label: t('cost.column.acus'), format: 'acus' },
    { label: t('cost.column.periodChange'), format: 'percent', short: t('cost.column.change') },
    { label: t('cost.column.mergedPrs'), format: 'count' },
    { label: t('cost.column.perMerged'), format: 'acus', short: t('cost.column.perMergedShort') },
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
    row('current', t('cost.thisPeriod'), share(current.acus - previous.acus, previous.acus)),
    row('previous', t('cost.previousPeriod'), Number.NaN),
  ];
  return { id: 'cost-periods', title: t('cost.table.periods'), columns, rows };
}
