/**
 * A bar chart of daily values with uPlot, stacked when given several series. uPlot has no stacked
 * bars of its own: each series is drawn from zero to its running total, topmost first, so each
 * one shows as the segment above the series below it.
 *
 * Hovering reports the day; a click reports the day and the series under the pointer (null above
 * the stack), which the page turns into a link to those sessions.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { formatCompact, formatShortDay } from '../../utils/format';
import { type ChartSeries, seriesAt, stackedData } from '../../utils/insights/chart-data';

const HALF_DAY = 12 * 60 * 60 * 1000;

export type { ChartSeries };

export interface ChartTheme {
  axis: string;
  grid: string;
  font: string;
}

export interface BarChartProps {
  /** Local midnight of each day (epoch ms). */
  starts: number[];
  /** Bottom to top. */
  series: ChartSeries[];
  height: number;
  theme: ChartTheme;
  /** A summary for screen readers (the numbers are in the table view). */
  label: string;
  onPick: (day: number, series: number | null) => void;
  onHover?: (day: number | null) => void;
  testId?: string;
}

function useWidth(element: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    setWidth(Math.floor(target.clientWidth));
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      setWidth((previous) => (Math.abs(previous - next) >= 1 ? next : previous));
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, []);
  return width;
}

export function BarChart(props: BarChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const width = useWidth(host);
  const handlers = useRef(props);
  handlers.current = props;
  const { starts, series, height, theme } = props;
  // The chart is built again only when its look changes; new numbers go through setData.
  const look = series.map((s) => `${s.label}\u241f${s.color}`).join('\u241e');
  const hasDays = starts.length > 0;

  useEffect(() => {
    const target = host.current;
    if (!target || width <= 0 || !hasDays) return;
    const current = handlers.current.series;
    const order = current.map((_, i) => current.length - 1 - i);
    const bars = uPlot.paths.bars?.({ size: [0.8, 28, 1], align: 0 });
    const axis = {
      stroke: theme.axis,
      font: theme.font,
      grid: { stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.grid, width: 1, size: 4 },
    };
    const options: uPlot.Options = {
      width,
      height,
      ms: 1,
      legend: { show: false },
      padding: [10, 12, 0, 0],
      cursor: {
        x: true,
        y: false,
        points: { show: false },
        drag: { x: false, y: false, setScale: false },
      },
      scales: {
        x: { time: true, range: (_u, min, max) => [min - HALF_DAY, max + HALF_DAY] },
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
      },
      axes: [
        {
          ...axis,
          size: 28,
          values: (_u, splits) => splits.map((value) => formatShortDay(value)),
        },
        {
          ...axis,
          size: 48,
          values: (_u, splits) => splits.map((value) => formatCompact(value)),
        },
      ],
      series: [
        {},
        ...order.map((i) => ({
          label: current[i]?.label ?? '',
          fill: current[i]?.color,
          stroke: current[i]?.color,
          width: 0,
          paths: bars,
          points: { show: false },
        })),
      ],
      hooks: {
        setCursor: [(u) => handlers.current.onHover?.(u.cursor.idx ?? null)],
      },
    };
    const plot = new uPlot(options, stackedData(handlers.current.starts, current), target);
    plotRef.current = plot;
    const onClick = () => {
      const day = plot.cursor.idx;
      if (day === null || day === undefined) return;
      const value = plot.posToVal(plot.cursor.top ?? -1, 'y');
      handlers.current.onPick(day, seriesAt(handlers.current.series, day, value));
    };
    const onLeave = () => handlers.current.onHover?.(null);
    plot.over.addEventListener('click', onClick);
    plot.over.addEventListener('mouseleave', onLeave);
    return () => {
      plot.over.removeEventListener('click', onClick);
      plot.over.removeEventListener('mouseleave', onLeave);
      plot.destroy();
      plotRef.current = null;
    };
  }, [look, hasDays, width, height, theme]);

  useEffect(() => {
    const plot = plotRef.current;
    if (plot && plot.series.length === series.length + 1) plot.setData(stackedData(starts, series));
  }, [starts, series]);

  return (
    <div
      class="chart"
      ref={host}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      data-days={starts.length}
    />
  );
}
