/**
 * A compact "pick any of" control: a button that says what is chosen, opening a panel of
 * checkboxes (with a filter box when the list is long). Esc or a click outside closes it.
 */
import { useMemo, useState } from 'preact/hooks';
import { usePopover } from '../shared/use-popover';
import './multi-select.css';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';

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

/**
 * A filter's name inside a sentence ("Find organization"): lower-cased in the languages that
 * write nouns so mid-sentence, kept as is where nouns keep their capital (German) or there is
 * no case at all; the locale file says which.
 */
function inSentence(label: string): string {
  return t('sessions.filters.labelCase') === 'lower'
    ? label.toLocaleLowerCase(t('common.languageTag'))
    : label;
}

function summarize(label: string, options: readonly Option[], selected: readonly string[]) {
  if (selected.length === 0) return label;
  const first = options.find((o) => o.value === selected[0])?.label ?? selected[0] ?? '';
  if (selected.length === 1) return t('sessions.filters.summaryOne', [label, first]);
  return t('sessions.filters.summaryMany', [label, first, formatCount(selected.length - 1)]);
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
            ? t('sessions.filters.filterChosen', [props.label, formatCount(props.selected.length)])
            : t('sessions.filters.filterLabel', [props.label])
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
              placeholder={t('sessions.filters.findPlaceholder', [inSentence(props.label)])}
              aria-label={t('sessions.filters.find', [inSentence(props.label)])}
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
                  <span class="ms-count muted">{formatCount(option.count)}</span>
                ) : null}
              </label>
            ))}
            {shown.length === 0 ? (
              <p class="muted ms-empty">{t('sessions.filters.nothing')}</p>
            ) : null}
            {matching.length > shown.length ? (
              <p class="muted ms-empty">
                {t('sessions.filters.moreOptions', [formatCount(matching.length - shown.length)])}
              </p>
            ) : null}
          </div>
          {props.selected.length > 0 ? (
            <button type="button" class="link-button" onClick={() => props.onChange([])}>
              {t('sessions.filters.clearOne', [inSentence(props.label)])}
            </button>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}
