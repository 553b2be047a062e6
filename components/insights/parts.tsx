/** Pieces of the Insights page: links to the sessions behind a number, tables, CSV downloads. */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { SessionFilters } from '../../utils/filters/model';
import { formatCount, formatDateTime } from '../../utils/format';
import { t } from '../../utils/i18n';
import { csvFileName, tableToCsv } from '../../utils/insights/csv';
import { type Selection, selectionUrl } from '../../utils/insights/select';
import type { TableModel } from '../../utils/insights/tables';
import type { Insights } from '../../utils/insights/types';
import { downloadText } from '../shared/download';
import { formatCell } from './format-cell';

export interface LinkScope {
  insights: Insights;
  filters: SessionFilters;
}

export const LinkScopeContext = createContext<LinkScope | null>(null);

/** The list URL of a selection in the current view, or null when it selects nothing. */
export function useSelectionUrl(): (selection: Selection) => string | null {
  const scope = useContext(LinkScopeContext);
  return (selection) => (scope ? selectionUrl(scope.insights, scope.filters, selection) : null);
}

/**
 * A link to the list showing exactly the selected sessions, in a new tab. An id list can be
 * long, so the URL is worked out when the link is about to be used, not for every number on
 * the page: on hover and focus, and again on any button going down (a middle-click or Ctrl-click
 * opens the link without a `click` event, and the pointer may rest on a number that rendered
 * under it, with no hover) and on the context menu ("Open link in new tab").
 */
export function SelectLink(props: {
  select: Selection;
  children: ComponentChildren;
  title?: string;
  class?: string;
  testId?: string;
}) {
  const urlOf = useSelectionUrl();
  const fill = (event: Event) => {
    const anchor = event.currentTarget as HTMLAnchorElement;
    const url = urlOf(props.select);
    if (url === null) {
      event.preventDefault();
      return;
    }
    if (anchor.getAttribute('href') !== url) anchor.setAttribute('href', url);
  };
  return (
    <a
      class={props.class ? `select-link ${props.class}` : 'select-link'}
      href="sessions.html"
      target="_blank"
      rel="noopener"
      title={props.title ? t('insights.table.openTitled', [props.title]) : t('insights.table.open')}
      onPointerEnter={fill}
      onFocus={fill}
      onMouseDown={fill}
      onClick={fill}
      onAuxClick={fill}
      onContextMenu={fill}
      data-testid={props.testId}
    >
      {props.children}
    </a>
  );
}

export function CsvButton(props: { table: TableModel }) {
  return (
    <button
      type="button"
      class="small"
      onClick={() =>
        downloadText(tableToCsv(props.table), csvFileName(props.table), 'text/csv;charset=utf-8')
      }
      title={t('insights.table.csvTitle', [props.table.title])}
      data-testid={`csv-${props.table.id}`}
    >
      {t('insights.table.csv')}
    </button>
  );
}

export function Section(props: {
  title: string;
  id: string;
  actions?: ComponentChildren;
  children: ComponentChildren;
  class?: string;
  note?: ComponentChildren;
}) {
  return (
    <section class={`card ${props.class ?? ''}`} aria-labelledby={`${props.id}-title`}>
      <header class="card-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {props.note ? <span class="card-note muted">{props.note}</span> : null}
        {props.actions ? <div class="card-actions">{props.actions}</div> : null}
      </header>
      {props.children}
    </section>
  );
}

/** A card of one table, with its CSV download. */
export function TableSection(props: {
  id: string;
  title: string;
  table: TableModel;
  note?: ComponentChildren;
  limit?: number;
  empty?: string;
}) {
  return (
    <Section
      id={props.id}
      title={props.title}
      actions={<CsvButton table={props.table} />}
      note={props.note}
    >
      <DataTable table={props.table} limit={props.limit} empty={props.empty} />
    </Section>
  );
}

const NUMERIC = new Set(['count', 'acus', 'percent']);

/** A table model as HTML: the first `limit` rows, then a button for the rest. */
export function DataTable(props: {
  table: TableModel;
  limit?: number;
  empty?: string;
  /** The table's name for screen readers, when it is not the table's own title (a chart's). */
  caption?: string;
}) {
  const { table } = props;
  const [expanded, setExpanded] = useState(false);
  const limit = props.limit ?? Number.POSITIVE_INFINITY;
  const shown = expanded ? table.rows : table.rows.slice(0, limit);
  const columns = table.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => !column.csvOnly);
  if (table.rows.length === 0) {
    return <p class="muted empty-table">{props.empty ?? t('insights.table.nothing')}</p>;
  }
  return (
    <div class="table-wrap">
      <table class="data-table" data-testid={`table-${table.id}`}>
        {/* Names the table for screen readers; the card's heading shows it to everyone else. */}
        <caption class="visually-hidden">{props.caption ?? table.title}</caption>
        <thead>
          <tr>
            {columns.map(({ column, index }) => (
              <th
                key={index}
                scope="col"
                class={NUMERIC.has(column.format) ? 'num' : undefined}
                title={column.short ? column.label : undefined}
              >
                {column.short ?? column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.key}>
              {columns.map(({ column, index }) => {
                const cell = row.cells[index];
                const numeric = NUMERIC.has(column.format);
                if (!cell) return <td key={index} />;
                const text = formatCell(cell.value, column.format);
                let content: ComponentChildren = text;
                if (cell.href) {
                  content = (
                    <a href={cell.href} target="_blank" rel="noopener" title={cell.title}>
                      {text}
                    </a>
                  );
                } else if (cell.select && cell.value !== 0) {
                  content = (
                    <SelectLink select={cell.select} title={cell.title}>
                      {text}
                    </SelectLink>
                  );
                }
                const Tag = index === 0 ? 'th' : 'td';
                return (
                  <Tag
                    key={index}
                    scope={index === 0 ? 'row' : undefined}
                    class={numeric ? 'num' : undefined}
                    title={
                      column.format === 'date' && typeof cell.value === 'number'
                        ? formatDateTime(cell.value)
                        : cell.select || cell.href
                          ? undefined
                          : cell.title
                    }
                  >
                    {content}
                  </Tag>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {table.rows.length > limit ? (
        <button type="button" class="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded
            ? t('insights.table.showFewer')
            : t('insights.table.showAll', [formatCount(table.rows.length)])}
        </button>
      ) : null}
    </div>
  );
}
