/**
 * The table's header row: each header is a button that sorts by its column (aria-sort says
 * how), and the handle on its right edge resizes it, by dragging or, focused, with the arrow
 * keys (Shift for bigger steps, Home and End for the narrowest and widest).
 */
import { useRef } from 'preact/hooks';
import type { SortOrder } from '../../utils/filters/model';
import { t } from '../../utils/i18n';
import {
  type ColumnDef,
  type ColumnId,
  MAX_WIDTH,
  MIN_WIDTH,
} from '../../utils/session-table/columns';

const KEY_STEP = 10;
const BIG_KEY_STEP = 50;

export interface TableHeaderProps {
  columns: (ColumnDef & { width: number })[];
  sort: SortOrder;
  height: number;
  onSort: (id: ColumnId) => void;
  /** `persist: false` while a drag is under way; true once it ends or a key is pressed. */
  onResize: (id: ColumnId, width: number, persist: boolean) => void;
}

export function TableHeader(props: TableHeaderProps) {
  const { sort } = props;
  return (
    <thead>
      <tr aria-rowindex={1} style={{ height: `${props.height}px` }}>
        {props.columns.map((column) => {
          const sorted = sort.field === column.id;
          const direction = sort.dir === 'asc' ? 'ascending' : 'descending';
          return (
            <th
              key={column.id}
              scope="col"
              class={`tcell col-${column.id}${column.numeric ? ' numeric' : ''}`}
              style={{ width: `${column.width}px` }}
              aria-sort={sorted ? direction : 'none'}
            >
              <button
                type="button"
                class="th-sort"
                title={t('sessions.columns.sortBy', [column.label])}
                onClick={() => props.onSort(column.id)}
              >
                {column.label}
                <span class="sort-mark" aria-hidden="true">
                  {sorted ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
              <Resizer column={column} onResize={props.onResize} />
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

function Resizer(props: {
  column: ColumnDef & { width: number };
  onResize: TableHeaderProps['onResize'];
}) {
  const { column, onResize } = props;
  const drag = useRef<{ startX: number; startWidth: number; width: number } | null>(null);
  // The width shown when a drag ends (or the browser cancels it) is the one kept.
  const endDrag = () => {
    const state = drag.current;
    drag.current = null;
    if (state) onResize(column.id, state.width, true);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be focused and moved; a focusable separator with a value is the ARIA pattern for a splitter
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('sessions.columns.resize', [column.label])}
      aria-valuenow={column.width}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      tabIndex={0}
      class="col-resizer"
      onKeyDown={(event) => {
        const step = event.shiftKey ? BIG_KEY_STEP : KEY_STEP;
        const widths: Record<string, number> = {
          ArrowLeft: column.width - step,
          ArrowRight: column.width + step,
          Home: MIN_WIDTH,
          End: MAX_WIDTH,
        };
        const width = widths[event.key];
        if (width === undefined) return;
        // The list's own keys (use-list-keyboard.ts) must not act on it too.
        event.preventDefault();
        event.stopPropagation();
        onResize(column.id, width, true);
      }}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { startX: event.clientX, startWidth: column.width, width: column.width };
      }}
      onPointerMove={(event) => {
        const state = drag.current;
        if (!state) return;
        state.width = state.startWidth + event.clientX - state.startX;
        onResize(column.id, state.width, false);
      }}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
