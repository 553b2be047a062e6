/**
 * A compact "pick any of" control: a button that says what is chosen, opening a panel of
 * checkboxes (with a filter box when the list is long). Esc or a click outside closes it.
 */
import { useMemo, useState } from 'preact/hooks';
import { usePopover } from '../shared/use-popover';
import './multi-select.css';

export interface Option {
  value: string;
  label: string;
  /** Secondary text (an id under a name, say). */
  hint?: string;
  count?: number;
}

export interface MultiSelectProps {
  label: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Shows a box to narrow long lists. */
  searchable?: boolean;
  /** Longest list shown at once; narrowing finds the rest. */
  limit?: number;
}

const DEFAULT_LIMIT = 200;

function summarize(label: string, options: readonly Option[], selected: readonly string[]) {
  if (selected.length === 0) return label;
  const names = selected.map((value) => options.find((o) => o.value === value)?.label ?? value);
  if (names.length === 1) return `${label}: ${names[0]}`;
  return `${label}: ${names[0]} +${names.length - 1}`;
}

export function MultiSelect(props: MultiSelectProps) {
  const { open, setOpen, closeOnEscape, rootRef, buttonRef, panelId } = usePopover();
  const [query, setQuery] = useState('');

  const selected = new Set(props.selected);
  // Chosen values stay listed even when no row has them any more, so they can be unticked.
  const options = useMemo<Option[]>(() => {
    const known = new Set(props.options.map((option) => option.value));
    const missing = props.selected
      .filter((value) => !known.has(value))
      .map((value) => ({ value, label: value, count: 0 }));
    return [...missing, ...props.options];
  }, [props.options, props.selected]);
  const needle = query.trim().toLowerCase();
  const matching = needle
    ? options.filter(
        (option) =>
          option.label.toLowerCase().includes(needle) ||
          option.value.toLowerCase().includes(needle) ||
          (option.hint ?? '').toLowerCase().includes(needle),
      )
    : options;
  const limit = props.limit ?? DEFAULT_LIMIT;
  const shown = matching.slice(0, limit);

  const toggle = (value: string) => {
    const next = selected.has(value)
      ? props.selected.filter((v) => v !== value)
      : [...props.selected, value];
    props.onChange(next);
  };

  return (
    <div class={`ms${props.selected.length > 0 ? ' ms-active' : ''}`} ref={rootRef}>
      <button
        type="button"
        class="ms-button"
        ref={buttonRef}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={
          props.selected.length > 0
            ? `${props.label} filter, ${props.selected.length} chosen`
            : `${props.label} filter`
        }
        onClick={() => setOpen(!open)}
        onKeyDown={closeOnEscape}
      >
        <span class="ms-text">{summarize(props.label, options, props.selected)}</span>
        <span class="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <fieldset class="ms-panel" id={panelId} onKeyDown={closeOnEscape}>
          <legend class="visually-hidden">{props.label}</legend>
          {props.searchable ? (
            <input
              type="search"
              class="ms-search"
              placeholder={`Find ${props.label.toLowerCase()}…`}
              aria-label={`Find ${props.label.toLowerCase()}`}
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          ) : null}
          <div class="ms-options">
            {shown.map((option) => (
              <label key={option.value} class="ms-option">
                <input
                  type="checkbox"
                  checked={selected.has(option.value)}
                  onChange={() => toggle(option.value)}
                />
                <span class="ms-label">
                  {option.label}
                  {option.hint ? <span class="muted ms-hint"> {option.hint}</span> : null}
                </span>
                {option.count !== undefined ? (
                  <span class="ms-count muted">{option.count}</span>
                ) : null}
              </label>
            ))}
            {shown.length === 0 ? <p class="muted ms-empty">Nothing to choose.</p> : null}
            {matching.length > shown.length ? (
              <p class="muted ms-empty">
                {matching.length - shown.length} more: type to narrow the list.
              </p>
            ) : null}
          </div>
          {props.selected.length > 0 ? (
            <button type="button" class="link-button" onClick={() => props.onChange([])}>
              Clear {props.label.toLowerCase()}
            </button>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}
