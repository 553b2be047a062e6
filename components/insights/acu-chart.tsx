/**
 * The ACUs per day of the Insights page, stacked by organization, user or status (the `by=` of the
 * URL), with a legend whose entries list each series' sessions.
 */
import { useMemo } from 'preact/hooks';
import { formatAcus, formatCount, formatDate } from '../../utils/format';
import { t } from '../../utils/i18n';
import { type Names, seriesName } from '../../utils/insights/display-names';
import type { TableModel } from '../../utils/insights/tables';
import { GROUP_BYS, type GroupBy, type Insights } from '../../utils/insights/types';
import type { ChartSeries } from './bar-chart';
import { ChartCard } from './chart-card';
import { SelectLink } from './parts';
import { Segmented } from './segmented';
import type { Palette } from './theme';

/** The stack-by buttons' words, and the chart's summary for screen readers, per grouping. */
const GROUP_WORDS: Record<
  GroupBy,
  { noun: () => string; label: (from: string, to: string) => string }
> = {
  org: {
    noun: () => t('insights.acuChart.byOrg'),
    label: (from, to) => t('insights.acuChart.labelOrg', [from, to]),
  },
  user: {
    noun: () => t('insights.acuChart.byUser'),
    label: (from, to) => t('insights.acuChart.labelUser', [from, to]),
  },
  status: {
    noun: () => t('insights.acuChart.byStatus'),
    label: (from, to) => t('insights.acuChart.labelStatus', [from, to]),
  },
};

function seriesColor(palette: Palette, by: GroupBy, key: string | null, index: number): string {
  if (by === 'status' && key !== null && palette.status[key]) return palette.status[key];
  return palette.series[index % palette.series.length] ?? palette.other;
}

export function AcuChart(props: {
  insights: Insights;
  names: Names;
  palette: Palette;
  by: GroupBy;
  onBy: (by: GroupBy) => void;
  table: TableModel;
}) {
  const { insights, names, palette, by } = props;
  const stack = insights.stacks[by];
  const series = useMemo<ChartSeries[]>(
    () =>
      stack.series.map((s, index) => ({
        label: seriesName(by, s, names),
        color: s.other ? palette.other : seriesColor(palette, by, s.key, index),
        values: stack.acus[index] ?? [],
      })),
    [stack, names, palette, by],
  );
  const days = insights.days;
  return (
    <ChartCard
      id="acus"
      toggleId="acus"
      title={t('insights.acuChart.title')}
      table={props.table}
      actions={
        <Segmented
          legend={t('insights.acuChart.stackBy')}
          options={GROUP_BYS.map((option) => ({
            value: option,
            label: GROUP_WORDS[option].noun(),
            testId: `stack-by-${option}`,
          }))}
          value={by}
          onChange={props.onBy}
        />
      }
      legend={
        <ul class="legend">
          {series.map((s, index) => (
            <li key={stack.series[index]?.code ?? index}>
              <span class="swatch" style={{ background: s.color }} aria-hidden="true" />
              <SelectLink select={{ series: { by, index } }}>{s.label}</SelectLink>{' '}
              <span class="muted">{formatAcus(stack.series[index]?.acus ?? 0)}</span>
            </li>
          ))}
        </ul>
      }
      chart={{
        starts: days.starts,
        series,
        height: 240,
        theme: palette.chart,
        label: GROUP_WORDS[by].label(
          formatDate(days.starts[0] ?? 0),
          formatDate(days.starts[days.starts.length - 1] ?? 0),
        ),
        testId: 'chart-acus',
      }}
      pick={(day, index) => (index === null ? { day } : { day, series: { by, index } })}
      readout={(day) => (
        <>
          {t('insights.acuChart.readout', days.sessions[day] ?? 0, [
            formatCount(days.sessions[day] ?? 0),
            formatAcus(days.acus[day] ?? 0),
          ])}
          {series
            .map((s, index) => ({ s, value: s.values[day] ?? 0, index }))
            .filter((entry) => entry.value > 0)
            .sort((a, b) => b.value - a.value)
            .slice(0, 5)
            .map((entry) => (
              <span key={entry.index} class="readout-part">
                {' · '}
                <span class="swatch" style={{ background: entry.s.color }} />
                {entry.s.label} {formatAcus(entry.value)}
              </span>
            ))}
        </>
      )}
      hint={t('insights.acuChart.hint')}
    />
  );
}
