/** The full tab's choice of list or table, and the table's columns, both kept in storage. */
import {
  DEFAULT_TABLE_COLUMNS,
  normalizeColumns,
  type TableColumns,
} from '../../utils/session-table/columns';
import {
  type SessionsLayout,
  sessionsLayoutItem,
  tableColumnsItem,
} from '../../utils/settings/items';
import { useStoredValue } from '../shared/use-stored-value';

export interface TableView {
  layout: SessionsLayout;
  setLayout: (layout: SessionsLayout) => void;
  columns: TableColumns;
  setColumns: (columns: TableColumns, persist?: boolean) => void;
}

const toLayout = (stored: unknown): SessionsLayout => (stored === 'table' ? 'table' : 'list');

export function useTableView(): TableView {
  const [layout, setLayout] = useStoredValue(sessionsLayoutItem, 'list', toLayout);
  const [columns, setColumns] = useStoredValue(
    tableColumnsItem,
    DEFAULT_TABLE_COLUMNS,
    normalizeColumns,
  );
  return { layout, setLayout, columns, setColumns };
}
