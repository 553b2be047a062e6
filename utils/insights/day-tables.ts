/** The per-day tables of the Insights page: the table views of its two daily charts. */
import { t } from '../i18n';
import { type Names, seriesName, sessionsTitle } from './display-names';
import type { Cell, Column, TableModel } from './tables';
import type { GroupBy, Insights } from './types';

/** The columns of a per-day table: the day, its sessions and its ACUs. */
function dayColumns(): Column[] {
  return [
    { label: t('insights.tables.day'), format: 'day' },
    { label: t('insights.tables.sessions'), format: 'count' },
    { label: t('insights.tables.acus'), format: 'acus' },
  ];
}

/** The cells of `dayColumns` for one day, each selecting the day's sessions. */
function dayCells(insights: Insights, label: string, day: number): Cell[] {
  return [
    { value: label, select: { day } },
    { value: insights.days.sessions[day] ?? 0, select: { day } },
    { value: insights.days.acus[day] ?? 0, select: { day } },
  ];
}

/** Sessions and ACUs per day. */
export function sessionsPerDayTable(insights: Insights): TableModel {
  return {
    id: 'sessions-per-day',
    title: t('insights.tables.sessionsPerDay'),
    columns: dayColumns(),
    rows: insights.days.labels.map((label, day) => ({
      key: label,
      cells: dayCells(insights, label, day),
    })),
  };
}

/** Sessions and ACUs per day, with the ACUs of each series of the stack `by`. */
export function dailyTable(insights: Insights, by: GroupBy, names: Names): TableModel {
  const stack = insights.stacks[by];
  return {
    id: `daily-by-${by}`,
    title: t('insights.tables.perDay'),
    columns: [
      ...dayColumns(),
      ...stack.series.map(
        (series): Column => ({
          label: t('insights.tables.acusOf', [seriesName(by, series, names)]),
          format: 'acus',
        }),
      ),
    ],
    rows: insights.days.labels.map((label, day) => ({
      key: label,
      cells: [
        ...dayCells(insights, label, day),
        ...stack.series.map(
          (_, index): Cell => ({
            value: stack.acus[index]?.[day] ?? 0,
            select: { day, series: { by, index } },
            title: sessionsTitle(stack.sessions[index]?.[day] ?? 0),
          }),
        ),
      ],
    })),
  };
}
