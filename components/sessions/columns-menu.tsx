/**
 * The table's "Columns" menu: a checkbox per column. The title is always shown (its button is
 * what opens a row), so its box is ticked and cannot be cleared. Esc or a click outside closes it.
 */

import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import {
  ALWAYS_SHOWN,
  COLUMNS,
  setColumnShown,
  type TableColumns,
} from '../../utils/session-table/columns';
import { usePopover } from '../shared/use-popover';

export function ColumnsMenu(props: {
  columns: TableColumns;
  onChange: (columns: TableColumns) => void;
}) {
  const { open, setOpen, closeOnEscape, rootRef, buttonRef, panelId } = usePopover();
  const hidden = new Set(props.columns.hidden);
  const shownCount = COLUMNS.length - hidden.size;
  return (
    <div class="columns-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        class="columns-button"
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        onKeyDown={closeOnEscape}
      >
        {t('sessions.columns.button', [formatCount(shownCount), formatCount(COLUMNS.length)])}
      </button>
      {open ? (
        <fieldset id={panelId} class="columns-panel" onKeyDown={closeOnEscape}>
          <legend class="visually-hidden">{t('sessions.columns.legend')}</legend>
          {COLUMNS.map((column) => {
            const always = column.id === ALWAYS_SHOWN;
            return (
              <label key={column.id} class="columns-option">
                <input
                  type="checkbox"
                  checked={always || !hidden.has(column.id)}
                  disabled={always}
                  onChange={(event) =>
                    props.onChange(
                      setColumnShown(props.columns, column.id, event.currentTarget.checked),
                    )
                  }
                />
                {column.label}
                {always ? <span class="muted"> {t('sessions.columns.always')}</span> : null}
              </label>
            );
          })}
        </fieldset>
      ) : null}
    </div>
  );
}
