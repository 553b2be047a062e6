// @vitest-environment happy-dom
/**
 * Each chart of Insights has a table a screen reader reaches ("Show as: Table"), named after the
 * chart, holding the same figures the chart draws: day by day, series by series.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EXTRAS, NOW, ROWS } from '../../tests/fixtures/insights';
import { emptyFilters } from '../../utils/filters/model';
import { formatAcus, formatCount } from '../../utils/format';
import { dailyTable } from '../../utils/insights/day-tables';
import { type Names, seriesName } from '../../utils/insights/display-names';
import { GROUP_BYS } from '../../utils/insights/types';
import { computeView } from '../../utils/insights/view';
import { AcuChart } from './acu-chart';
import { formatCell } from './format-cell';
import { LinkScopeContext } from './parts';
import { SessionsChart } from './sessions-chart';
import type { Palette } from './theme';

afterEach(cleanup);

const filters = emptyFilters();
const insights = computeView(ROWS, filters, NOW, EXTRAS, { topSeries: 2 });
const names: Names = { org: (id) => `Org ${id}`, user: (id) => id ?? 'No user' };
const palette: Palette = {
  series: ['#111111', '#222222', '#333333'],
  other: '#444444',
  sessions: '#555555',
  status: {},
  chart: { axis: '#666666', grid: '#777777', font: '11px sans-serif' },
};

/** The shown table's cells, row by row, header cells included. */
function shownTable(name: string): string[][] {
  fireEvent.click(screen.getByRole('button', { name: 'Table' }));
  const table = screen.getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('chart tables', () => {
  it('lists the sessions of each day the sessions chart draws', () => {
    expect(insights.days.sessions.some((n) => n > 0)).toBe(true);
    render(
      <LinkScopeContext.Provider value={{ insights, filters }}>
        <SessionsChart insights={insights} palette={palette} />
      </LinkScopeContext.Provider>,
    );
    expect(screen.getByRole('img', { name: /^Sessions per day/ })).toBeTruthy();
    const [header, ...rows] = shownTable('Sessions per day');
    expect(header).toEqual(['Day', 'Sessions', 'ACUs']);
    expect(rows.map((row) => row[0])).toEqual(
      insights.days.labels.map((label) => formatCell(label, 'day')),
    );
    expect(rows.map((row) => row[1])).toEqual(insights.days.sessions.map(formatCount));
  });

  for (const by of GROUP_BYS) {
    it(`lists the ACUs of each day and each series the ACU chart stacks by ${by}`, () => {
      const stack = insights.stacks[by];
      expect(stack.series.length).toBeGreaterThan(0);
      render(
        <LinkScopeContext.Provider value={{ insights, filters }}>
          <AcuChart
            insights={insights}
            names={names}
            palette={palette}
            by={by}
            onBy={() => {}}
            table={dailyTable(insights, by, names)}
          />
        </LinkScopeContext.Provider>,
      );
      const [header, ...rows] = shownTable('ACUs per day');
      const seriesColumns = stack.series.map((s) => `ACUs: ${seriesName(by, s, names)}`);
      expect(header).toEqual(['Day', 'Sessions', 'ACUs', ...seriesColumns]);
      expect(rows).toHaveLength(insights.days.labels.length);
      rows.forEach((row, day) => {
        expect(row[2]).toBe(formatAcus(insights.days.acus[day] ?? 0));
        // The stacked bars of the day, one column each, in the chart's order.
        expect(row.slice(3)).toEqual(stack.acus.map((values) => formatAcus(values[day] ?? 0)));
      });
      // Back to the chart: the toggle works both ways.
      fireEvent.click(screen.getByRole('button', { name: 'Chart' }));
      expect(screen.queryByRole('table')).toBeNull();
    });
  }
});
