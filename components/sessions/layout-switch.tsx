/**
 * The full tab's "List / Table" choice (two buttons, the current one pressed) and, in the
 * table, the menu of its columns.
 */
import type { SessionsLayout } from '../../utils/settings/items';
import { ColumnsMenu } from './columns-menu';
import type { TableView } from './use-table-view';
import './table-controls.css';
import { t } from '../../utils/i18n';

const CHOICES: readonly { value: SessionsLayout; label: () => string }[] = [
  { value: 'list', label: () => t('sessions.detail.list') },
  { value: 'table', label: () => t('sessions.detail.table') },
];

function LayoutSwitch(props: {
  value: SessionsLayout;
  onChange: (layout: SessionsLayout) => void;
}) {
  return (
    <fieldset class="layout-switch">
      <legend class="visually-hidden">{t('sessions.columns.layout')}</legend>
      {CHOICES.map((choice) => (
        <button
          key={choice.value}
          type="button"
          aria-pressed={props.value === choice.value}
          onClick={() => props.onChange(choice.value)}
        >
          {choice.label()}
        </button>
      ))}
    </fieldset>
  );
}

export function TableViewControls(props: { view: TableView }) {
  const { view } = props;
  return (
    <div class="table-view-controls">
      <LayoutSwitch value={view.layout} onChange={view.setLayout} />
      {view.layout === 'table' ? (
        <ColumnsMenu columns={view.columns} onChange={view.setColumns} />
      ) : null}
    </div>
  );
}
