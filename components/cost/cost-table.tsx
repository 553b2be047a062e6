/**
 * One table of the Cost view: sortable headers (a button each, so the keyboard sorts too), the
 * first rows until "Show all", every figure a link to its sessions, and CSV and JSON downloads
 * of every row with the same figures.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { tableToJson } from '../../utils/cost/json';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { csvFileName, tableToCsv } from '../../utils/insights/csv';
import type { TableModel } from '../../utils/insights/tables';
import { formatCell } from '../insights/format-cell';
import { downloadText } from '../shared/download';
import { type SortState, sortRows } from './sort-rows';

const NUMERIC = new Set(['count', 'acus', 'percent']);

function cellText(value: string | number, format: TableModel['columns'][number]['format']) {
  return typeof value === 'number' && !Number.isFinite(value) ? '—' : formatCell(value, format);
}

function ExportButtons(props: { table: TableModel }) {
  const { table } = props;
  const csvName = csvFileName(table);
  return (
    <div class="card-actions">
      <button
        type="button"
        class="small"
        onClick={() => downloadText(tableToCsv(table), csvName, 'text/csv;charset=utf-8')}
        title={t('cost.downloadCsv', [table.title])}
        data-testid={`csv-${table.id}`}
      >
        {t('cost.csv')}
      </button>
      <button
        type="button"
        class="small"
        onClick={() =>
          downloadText(tableToJson(table), csvName.replace(/\.csv$/, '.json'), 'application/json')
        }
        title={t('cost.downloadJson', [table.title])}
        data-testid={`json-${table.id}`}
      >
        {t('cost.json')}
      </button>
    </div>
  );
}

/**
 * A link to the list whose URL goes into the page only when the link is about to be used (as
 * the Insights page's SelectLink does): an id list can be long, and a row repeats it per figure.
 */
function LazyLink(props: { href: string; children: ComponentChildren }) {
  const fill = (event: Event) => {
    const anchor = event.currentTarget as HTMLAnchorElement;
    if (anchor.getAttribute('href') !== props.href) anchor.setAttribute('href', props.href);
  };
  const short = props.href.length < 2000;
  return (
    <a
      class="select-link"
      href={short ? props.href : 'sessions.html'}
      target="_blank"
      rel="noopener"
      title={t('cost.openSessions')}
      onPointerEnter={short ? undefined : fill}
      onFocus={short ? undefined : fill}
      onMouseDown={short ? undefined : fill}
      onClick={short ? undefined : fill}
      onAuxClick={short ? undefined : fill}
      onContextMenu={short ? undefined : fill}
    >
      {props.children}
    </a>
  );
}

export function CostTable(props: {
  table: TableModel;
  limit?: number;
  note?: ComponentChildren;
  controls?: ComponentChildren;
  footnote?: ComponentChildren;
}) {
  const { table } = props;
  const [sort, setSort] = useState<SortState | null>(null);
  const [expanded, setExpanded] = useState(false);
  const sorted = useMemo(() => sortRows(table.rows, sort), [table, sort]);
  const limit = props.limit ?? Number.POSITIVE_INFINITY;
  const shown = expanded ? sorted : sorted.slice(0, limit);
  const columns = table.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => !column.csvOnly);
  const titleId = `${table.id}-title`;

  const sortBy = (index: number, numeric: boolean) =>
    setSort((current) =>
      current?.column === index
        ? { column: index, dir: current.dir === 'asc' ? 'desc' : 'asc' }
        : { column: index, dir: numeric ? 'desc' : 'asc' },
    );

  return (
    <section class="card cost-card" aria-labelledby={titleId}>
      <header class="card-head">
        <h3 id={titleId}>{table.title}</h3>
        {props.note ? <span class="card-note muted">{props.note}</span> : null}
        {props.controls}
        <ExportButtons table={table} />
      </header>
      {table.rows.length === 0 ? (
        <p class="muted empty-table">{t('cost.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table" data-testid={`table-${table.id}`} aria-labelledby={titleId}>
            <thead>
              <tr>
                {columns.map(({ column, index }) => {
                  const numeric = NUMERIC.has(column.format);
                  const active = sort?.column === index;
                  return (
                    <th
                      key={index}
                      scope="col"
                      class={numeric ? 'num' : undefined}
                      aria-sort={
                        active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined
                      }
                    >
                      <button
                        type="button"
                        class="sort-button"
                        onClick={() => sortBy(index, numeric)}
                        title={t('cost.sortBy', [column.label])}
                      >
                        {column.short ?? column.label}
                        <span aria-hidden="true" class="sort-mark">
                          {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.key} data-key={row.key}>
                  {columns.map(({ column, index }) => {
                    const cell = row.cells[index];
                    if (!cell) return <td key={index} />;
                    const text = cellText(cell.value, column.format);
                    const Tag = index === 0 ? 'th' : 'td';
                    return (
                      <Tag
                        key={index}
                        scope={index === 0 ? 'row' : undefined}
                        class={NUMERIC.has(column.format) ? 'num' : undefined}
                        data-column={column.label}
                      >
                        {cell.href ? <LazyLink href={cell.href}>{text}</LazyLink> : text}
                      </Tag>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {sorted.length > limit ? (
            <button type="button" class="link-button" onClick={() => setExpanded(!expanded)}>
              {expanded ? t('cost.showFewer') : t('cost.showAll', [formatCount(sorted.length)])}
            </button>
          ) : null}
        </div>
      )}
      {props.footnote ? <p class="cost-footnote muted">{props.footnote}</p> : null}
    </section>
  );
}
