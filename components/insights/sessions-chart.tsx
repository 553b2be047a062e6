/** The sessions per day of the Insights page: one bar a day, a click lists that day's sessions. */
import { useMemo } from 'preact/hooks';
import { formatCount, formatDate } from '../../utils/format';
import { t } from '../../utils/i18n';
import { sessionsPerDayTable } from '../../utils/insights/day-tables';
import type { Insights } from '../../utils/insights/types';
import type { ChartSeries } from './bar-chart';
import { ChartCard } from './chart-card';
import type { Palette } from './theme';

export function SessionsChart(props: { insights: Insights; palette: Palette }) {
  const { insights, palette } = props;
  const days = insights.days;
  const series = useMemo<ChartSeries[]>(
    () => [
      { label: t('insights.sessionsChart.series'), color: palette.sessions, values: days.sessions },
    ],
    [days, palette],
  );
  const table = useMemo(() => sessionsPerDayTable(insights), [insights]);
  return (
    <ChartCard
      id="sessions-per-day"
      toggleId="sessions"
      title={t('insights.sessionsChart.title')}
      table={table}
      chart={{
        starts: days.starts,
        series,
        height: 150,
        theme: palette.chart,
        label: t('insights.sessionsChart.label', [
          formatDate(days.starts[0] ?? 0),
          formatDate(days.starts[days.starts.length - 1] ?? 0),
        ]),
        testId: 'chart-sessions',
      }}
      pick={(day) => ({ day })}
      readout={(day) => (
        <span data-testid="sessions-readout-count">
          {t('common.sessionCount', days.sessions[day] ?? 0, [
            formatCount(days.sessions[day] ?? 0),
          ])}
        </span>
      )}
      hint={t('insights.sessionsChart.hint')}
    />
  );
}
