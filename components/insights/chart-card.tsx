/**
 * The card every chart of the Insights page sits in: its title, its controls (chart or table,
 * CSV), a readout of the hovered day, and the bars, whose click lists the sessions behind them.
 * One component so the charts differ only in what they plot and say.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatLongDay } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { Selection } from '../../utils/insights/select';
import type { TableModel } from '../../utils/insights/tables';
import { BarChart, type BarChartProps } from './bar-chart';
import { CsvButton, DataTable, Section, useSelectionUrl } from './parts';
import { Segmented } from './segmented';

interface ChartCardProps {
  /** The section's id (its heading is `${id}-title`). */
  id: string;
  /** What the chart/table toggle's test ids start with. */
  toggleId: string;
  title: string;
  /** The chart's numbers: its table view and its CSV download. */
  table: TableModel;
  /** Controls shown before the chart/table toggle. */
  actions?: ComponentChildren;
  /** Shown above the chart and the table alike (a legend). */
  legend?: ComponentChildren;
  /** The bars; hovering and clicking are the card's. */
  chart: Omit<BarChartProps, 'onHover' | 'onPick'>;
  /** The sessions a click lists: of the day, and of the series under the pointer (or null). */
  pick: (day: number, series: number | null) => Selection;
  /** The numbers of the hovered day, after its date. */
  readout: (day: number) => ComponentChildren;
  /** The readout while no day is hovered. */
  hint: string;
}

/** Opens the list of a selection's sessions in a new tab (nothing when it selects none). */
function useOpen(): (selection: Selection) => void {
  const urlOf = useSelectionUrl();
  return (selection) => {
    const url = urlOf(selection);
    if (url) window.open(url, '_blank', 'noopener');
  };
}

function ViewToggle(props: { table: boolean; onChange: (table: boolean) => void; id: string }) {
  return (
    <Segmented
      legend={t('insights.chartCard.showAs')}
      options={[
        { value: 'chart', label: t('insights.chartCard.chart'), testId: `${props.id}-as-chart` },
        { value: 'table', label: t('insights.chartCard.table'), testId: `${props.id}-as-table` },
      ]}
      value={props.table ? 'table' : 'chart'}
      onChange={(value) => props.onChange(value === 'table')}
    />
  );
}

export function ChartCard(props: ChartCardProps) {
  const [asTable, setAsTable] = useState(false);
  const [hover, setHover] = useState<number | null>(null);
  const open = useOpen();
  const { starts } = props.chart;
  return (
    <Section
      id={props.id}
      title={props.title}
      class="chart-card"
      actions={
        <>
          {props.actions}
          <ViewToggle table={asTable} onChange={setAsTable} id={props.toggleId} />
          <CsvButton table={props.table} />
        </>
      }
    >
      {props.legend}
      {asTable ? (
        <DataTable table={props.table} caption={props.title} />
      ) : (
        <>
          <p class="readout" aria-live="off">
            {hover !== null && starts[hover] !== undefined ? (
              <>
                <strong>{formatLongDay(starts[hover] ?? 0)}</strong> · {props.readout(hover)}
              </>
            ) : (
              <span class="muted">{props.hint}</span>
            )}
          </p>
          <BarChart
            {...props.chart}
            onHover={setHover}
            onPick={(day, series) => open(props.pick(day, series))}
          />
        </>
      )}
    </Section>
  );
}
