// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { TableModel } from '../../utils/insights/tables';
import { CostTable } from './cost-table';

afterEach(cleanup);

const table: TableModel = {
  id: 'cost-test',
  title: 'Cost by repository',
  columns: [
    { label: 'Repository', format: 'text' },
    { label: 'ACUs', format: 'acus' },
    { label: 'ACUs per merged PR', format: 'acus', short: 'Per merged PR' },
  ],
  rows: [
    { key: 'b', cells: [{ value: 'beta' }, { value: 5 }, { value: Number.NaN }] },
    {
      key: 'a',
      cells: [{ value: 'alpha', href: 'sessions.html?repo=a' }, { value: 9 }, { value: 3 }],
    },
    { key: 'c', cells: [{ value: 'gamma' }, { value: 1 }, { value: 1 }] },
  ],
};

const names = () =>
  Array.from(screen.getByTestId('table-cost-test').querySelectorAll('tbody tr'), (row) =>
    row.getAttribute('data-key'),
  );

describe('CostTable', () => {
  it('sorts by a header, most first for figures, and keeps a missing ratio last', () => {
    render(<CostTable table={table} />);
    expect(names()).toEqual(['b', 'a', 'c']);
    const acus = screen.getByRole('button', { name: 'ACUs' });
    fireEvent.click(acus);
    expect(names()).toEqual(['a', 'b', 'c']);
    expect(acus.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(acus);
    expect(names()).toEqual(['c', 'b', 'a']);
    fireEvent.click(screen.getByRole('button', { name: 'Per merged PR' }));
    expect(names()).toEqual(['a', 'c', 'b']);
    fireEvent.click(screen.getByRole('button', { name: 'Per merged PR' }));
    expect(names()).toEqual(['c', 'a', 'b']);
    // A missing ratio reads as a dash, not NaN.
    expect(screen.getByTestId('table-cost-test').textContent).toContain('—');
    expect(screen.getByTestId('table-cost-test').textContent).not.toContain('NaN');
  });

  it('shows the first rows until "Show all", and links figures to their sessions', () => {
    render(<CostTable table={table} limit={2} />);
    expect(names()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 3' }));
    expect(names()).toHaveLength(3);
    const link = within(screen.getByTestId('table-cost-test')).getByRole('link', { name: 'alpha' });
    expect(link.getAttribute('href')).toBe('sessions.html?repo=a');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByTestId('csv-cost-test')).toBeTruthy();
    expect(screen.getByTestId('json-cost-test')).toBeTruthy();
  });
});
