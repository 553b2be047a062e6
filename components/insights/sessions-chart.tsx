/** The sessions per day of the Insights page: one bar a day, a click lists that day's sessions. */
import { useMemo } from 'preact/hooks';
import { sessionsPerDayTable } from '../../utils/insights/day-tables';
import type { Insights } from '../../utils/insights/types';
import { plural } from '../shared/format';
import type { ChartSeries } from './bar-chart';
import { ChartCard } from './chart-card';
import type { Palette } from './theme';

export function SessionsChart(props: { insights: Insights; palette: Palette }) {
  const { insights, palette } = props;
  const days = insights.days;
  const series = useMemo<ChartSeries[]>(
    () => [{ label: 'Sessions', color: palette.sessions, values: days.sessions }],
    [days, palette],
  );
  const table = useMemo(() => sessionsPerDayTable(insights), [insights]);
  return (
    <ChartCard
      id="sessions-per-day"
      toggleId="sessions"
      title="Sessions per day"
      table={table}
      chart={{
        starts: days.starts,
        series,
        height: 150,
        theme: palette.chart,
        label: `Sessions per day, ${days.labels[0]} to ${days.labels[days.labels.length - 1]}`,
        testId: 'chart-sessions',
      }}
      pick={(day) => ({ day })}
      readout={(day) => (
        <span data-testid="sessions-readout-count">
          {plural(days.sessions[day] ?? 0, 'session')}
        </span>
      )}
      hint="Click a bar to list that day's sessions."
    />
  );
}
