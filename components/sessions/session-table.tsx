/**
 * The sessions as a table: one row per session, a column per fact, sortable and resizable.
 * Virtualized like the list (only the rows in view are in the DOM), with the same keyboard
 * model: each row's title is a button that opens it, the active row's button is the one Tab
 * reaches, and ArrowUp/ArrowDown move it (see use-list-keyboard.ts).
 *
 * A real <table> laid out with CSS (rows absolutely placed, cells of set widths): Chromium
 * keeps a table's semantics under `display: block`, and aria-rowcount / aria-rowindex tell
 * assistive technology where the rows in the DOM sit among all of them.
 */
import { useRef } from 'preact/hooks';
import type { SessionRow } from '../../utils/db/types';
import type { SortOrder } from '../../utils/filters/model';
import { repositoriesOf } from '../../utils/filters/sort';
import { formatAcus } from '../../utils/format';
import {
  type ColumnDef,
  type ColumnId,
  resizeColumn,
  shownColumns,
  type TableColumns,
} from '../../utils/session-table/columns';
import type { Directory } from '../shared/directory';
import { PrLink, RelativeTime, StatusBadge } from './parts';
import { type Reveal, useRevealRow } from './reveal-row';
import { TableHeader } from './table-header';
import { useVirtualizer } from './use-virtualizer';
import './session-table.css';
import { t } from '../../utils/i18n';

const HEADER_HEIGHT = 34;
const ROW_HEIGHT = 38;
/** PR links a cell shows before "+N". */
const PR_LINKS = 2;

export interface SessionTableProps {
  rows: readonly SessionRow[];
  activeIndex: number;
  openId: string | null;
  directory: Directory;
  now: number;
  /** Set to the index of the last row rendered (in view or just beyond). */
  lastRowInView?: { current: number };
  reveal: Reveal;
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
  columns: TableColumns;
  /** `persist: false` while a column is being dragged wider or narrower. */
  onColumnsChange: (columns: TableColumns, persist: boolean) => void;
  sort: SortOrder;
  onSort: (field: ColumnId) => void;
  labelledBy?: string;
  describedBy?: string;
}

function rowDomId(index: number): string {
  return `session-trow-${index}`;
}

export function SessionTable(props: SessionTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows, columns } = props;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    // The sticky header covers the top of the scroll box: rows start below it, and a row
    // scrolled into view is not left under it.
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  useRevealRow(virtualizer, scrollRef, props.reveal, rows.length, rowDomId);

  const shown = shownColumns(columns);
  const width = shown.reduce((sum, column) => sum + column.width, 0);
  const items = virtualizer.getVirtualItems();
  if (props.lastRowInView) props.lastRowInView.current = items.at(-1)?.index ?? 0;
  return (
    <div class="table-scroll" ref={scrollRef}>
      <table
        class="session-table"
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        aria-rowcount={rows.length + 1}
        style={{ width: `${width}px`, height: `${virtualizer.getTotalSize()}px` }}
      >
        <TableHeader
          columns={shown}
          sort={props.sort}
          height={HEADER_HEIGHT}
          onSort={props.onSort}
          onResize={(id, next, persist) =>
            props.onColumnsChange(resizeColumn(columns, id, next), persist)
          }
        />
        <tbody>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              // Keyed by position, as the list's rows: rows in view update in place.
              <TableRow
                key={item.index}
                row={row}
                columns={shown}
                index={item.index}
                top={item.start}
                active={item.index === props.activeIndex}
                tabStop={item.index === Math.max(props.activeIndex, 0)}
                open={row.session_id === props.openId}
                directory={props.directory}
                now={props.now}
                onActivate={props.onActivate}
                onOpen={props.onOpen}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: SessionRow;
  columns: (ColumnDef & { width: number })[];
  index: number;
  top: number;
  active: boolean;
  /** The row Tab lands on: the active one, or the first while none is (so Tab reaches the list). */
  tabStop: boolean;
  open: boolean;
  directory: Directory;
  now: number;
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
}

function TableRow(props: RowProps) {
  const { row, index } = props;
  const classes = ['trow', props.active ? 'active' : '', props.open ? 'open' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      id={rowDomId(index)}
      class={classes}
      aria-rowindex={index + 2}
      aria-current={props.open ? 'true' : undefined}
      data-session-id={row.session_id}
      style={{ transform: `translateY(${props.top}px)`, height: `${ROW_HEIGHT}px` }}
      onClick={(event) => {
        const target = event.target as HTMLElement;
        if (target.closest('a, button:not(.row-open)')) return;
        props.onOpen(index);
      }}
    >
      {props.columns.map((column) => (
        <td
          key={column.id}
          class={`tcell col-${column.id}${column.numeric ? ' numeric' : ''}`}
          style={{ width: `${column.width}px` }}
        >
          <Cell column={column.id} {...props} />
        </td>
      ))}
    </tr>
  );
}

function Cell(props: RowProps & { column: ColumnId }) {
  const { row, directory, index } = props;
  switch (props.column) {
    case 'status':
      return <StatusBadge status={row.status} detail={row.status_detail} />;
    case 'title': {
      const title = row.title || row.first_line || '(untitled session)';
      return (
        <button
          type="button"
          class="row-open"
          tabIndex={props.tabStop ? 0 : -1}
          title={title}
          onFocus={() => props.onActivate(index)}
          onClick={(event) => {
            event.stopPropagation();
            props.onOpen(index);
          }}
        >
          {title}
        </button>
      );
    }
    case 'org':
      return (
        <span title={t('sessions.row.orgTitle', [row.org_id])}>
          {directory.orgName(row.org_id) ?? row.org_id}
        </span>
      );
    case 'user':
      if (!row.user_id) return <span class="muted">{t('sessions.row.noUser')}</span>;
      return (
        <span title={t('sessions.row.userTitle', [row.user_id])}>
          {directory.userName(row.user_id) ?? row.user_id}
        </span>
      );
    case 'repo': {
      const repos = repositoriesOf(row).join(', ');
      return repos ? (
        <span title={repos}>{repos}</span>
      ) : (
        <span class="muted">{t('sessions.row.none')}</span>
      );
    }
    case 'acus':
      return (
        <span title={t('sessions.row.acusTitle', [formatAcus(row.acus_consumed)])}>
          {formatAcus(row.acus_consumed)}
        </span>
      );
    case 'created':
      return (
        <RelativeTime
          at={row.created_at}
          now={props.now}
          prefix={(exact) => t('sessions.row.createdAt', [exact])}
        />
      );
    case 'updated':
      return (
        <RelativeTime
          at={row.updated_at}
          now={props.now}
          prefix={(exact) => t('sessions.row.updatedAt', [exact])}
        />
      );
    case 'prs':
      if (row.pull_requests.length === 0)
        return <span class="muted">{t('sessions.row.none')}</span>;
      return (
        <span class="tcell-prs">
          {row.pull_requests.slice(0, PR_LINKS).map((pr) => (
            <PrLink key={pr.url} pr={pr} size="number" tabIndex={props.tabStop ? undefined : -1} />
          ))}
          {row.pull_requests.length > PR_LINKS ? (
            <span class="muted">+{row.pull_requests.length - PR_LINKS}</span>
          ) : null}
        </span>
      );
    default:
      return null;
  }
}
