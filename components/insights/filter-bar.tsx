/**
 * The Insights filters: the list's filter model, edited here for what Insights is mostly asked
 * (a time window, an organization, a status), with every other filter of the URL shown as a chip
 * that can be removed. The URL carries all of them, in the list's format.
 */
import {
  countActiveFilters,
  DATE_PRESETS,
  type DatePreset,
  type DateRange,
  emptyFilters,
  isAnyDate,
  isValidDay,
  type SessionFilters,
  toDay,
} from '../../utils/filters/model';
import type { Names } from '../../utils/insights/display-names';
import { STATUS_WORDS, statusWord } from '../../utils/status-words';
import { formatCount } from '../shared/format';

const PRESET_LABELS: Record<DatePreset, string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** The statuses the API documents, offered even when no cached session has them. */
const STATUSES = Object.keys(STATUS_WORDS);
/** The value of the select option that stands for several values from the URL. */
const MULTI = ':several:';

interface Chip {
  key: string;
  label: string;
  clear: (filters: SessionFilters) => SessionFilters;
}

function rangeText(range: DateRange): string {
  if (range.preset) return PRESET_LABELS[range.preset].toLowerCase();
  if (range.from && range.to) return `${range.from} to ${range.to}`;
  if (range.from) return `since ${range.from}`;
  return `until ${range.to ?? ''}`;
}

/** Filters without a control of their own here. */
function chipsOf(filters: SessionFilters, names: Names): Chip[] {
  const chips: Chip[] = [];
  const any = emptyFilters();
  if (filters.text.trim()) {
    chips.push({
      key: 'text',
      label: `Search “${filters.text.trim()}”`,
      clear: (f) => ({ ...f, text: '' }),
    });
  }
  if (filters.userIds.length > 0) {
    const label =
      filters.userIds.length === 1
        ? `User ${names.user(filters.userIds[0] ?? '')}`
        : `${filters.userIds.length} users`;
    chips.push({ key: 'user', label, clear: (f) => ({ ...f, userIds: [] }) });
  }
  if (filters.tags.length > 0) {
    chips.push({
      key: 'tags',
      label: `Tag ${filters.tags.join(' or ')}`,
      clear: (f) => ({ ...f, tags: [] }),
    });
  }
  if (!isAnyDate(filters.updated)) {
    chips.push({
      key: 'updated',
      label: `Updated ${rangeText(filters.updated)}`,
      clear: (f) => ({ ...f, updated: { ...any.updated } }),
    });
  }
  if (filters.acuMin !== null || filters.acuMax !== null) {
    const label =
      filters.acuMin !== null && filters.acuMax !== null
        ? `${filters.acuMin}–${filters.acuMax} ACUs`
        : filters.acuMin !== null
          ? `≥ ${filters.acuMin} ACUs`
          : `≤ ${filters.acuMax} ACUs`;
    chips.push({ key: 'acus', label, clear: (f) => ({ ...f, acuMin: null, acuMax: null }) });
  }
  if (filters.hasPr !== 'any') {
    chips.push({
      key: 'has-pr',
      label: filters.hasPr === 'yes' ? 'With a PR' : 'Without PRs',
      clear: (f) => ({ ...f, hasPr: 'any' }),
    });
  }
  if (filters.prStates.length > 0) {
    chips.push({
      key: 'pr-state',
      label: `PR ${filters.prStates.join(' or ')}`,
      clear: (f) => ({ ...f, prStates: [] }),
    });
  }
  if (filters.analysis !== 'any') {
    const labels = { has: 'With analysis', 'has-issues': 'With issues', none: 'Without analysis' };
    chips.push({
      key: 'analysis',
      label: labels[filters.analysis],
      clear: (f) => ({ ...f, analysis: 'any' }),
    });
  }
  if (filters.sessionIds.length > 0) {
    chips.push({
      key: 'ids',
      label: `${formatCount(filters.sessionIds.length)} chosen sessions`,
      clear: (f) => ({ ...f, sessionIds: [] }),
    });
  }
  if (filters.prKey !== null) {
    chips.push({ key: 'pr', label: `PR ${filters.prKey}`, clear: (f) => ({ ...f, prKey: null }) });
  }
  return chips;
}

function createdValue(range: DateRange): string {
  if (range.preset) return range.preset;
  return isAnyDate(range) ? 'all' : 'custom';
}

/**
 * A list filter edited as one value: "all", or one of `options`. Several values (from the URL)
 * show as one more option, `severalLabel`, until another is chosen.
 */
function OneOfSelect(props: {
  label: string;
  testId: string;
  selected: readonly string[];
  options: readonly string[];
  optionLabel: (value: string) => string;
  allLabel: string;
  severalLabel: string;
  onChange: (selected: string[]) => void;
}) {
  const { selected } = props;
  const value = selected.length === 0 ? '' : selected.length === 1 ? selected[0] : MULTI;
  return (
    <label class="field">
      <span>{props.label}</span>
      <select
        value={value}
        onChange={(e) => {
          const chosen = (e.currentTarget as HTMLSelectElement).value;
          if (chosen !== MULTI) props.onChange(chosen ? [chosen] : []);
        }}
        data-testid={props.testId}
      >
        <option value="">{props.allLabel}</option>
        {value === MULTI ? <option value={MULTI}>{props.severalLabel}</option> : null}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.optionLabel(option)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterBar(props: {
  filters: SessionFilters;
  onChange: (filters: SessionFilters) => void;
  names: Names;
  orgIds: string[];
  statuses: string[];
  now: number;
}) {
  const { filters, onChange, names } = props;
  const created = filters.created;
  const chips = chipsOf(filters, names);
  const orgOptions = [...new Set([...props.orgIds, ...filters.orgIds])].sort((a, b) =>
    names.org(a).localeCompare(names.org(b)),
  );
  const statusOptions = [...new Set([...STATUSES, ...props.statuses, ...filters.statuses])];

  const setCreated = (value: string) => {
    if (value === 'all') onChange({ ...filters, created: { preset: null, from: null, to: null } });
    else if (value === 'custom') {
      // A custom window starts as the last 30 days, to be adjusted.
      const to = toDay(props.now);
      const from = toDay(props.now - 29 * 24 * 60 * 60 * 1000);
      onChange({ ...filters, created: { preset: null, from, to } });
    } else onChange({ ...filters, created: { preset: value as DatePreset, from: null, to: null } });
  };
  const setDay = (end: 'from' | 'to', value: string) => {
    const day = value && isValidDay(value) ? value : null;
    onChange({ ...filters, created: { ...created, preset: null, [end]: day } });
  };

  return (
    <fieldset class="filter-bar">
      <legend class="visually-hidden">Filters</legend>
      <label class="field">
        <span>Created</span>
        <select
          value={createdValue(created)}
          onChange={(e) => setCreated((e.currentTarget as HTMLSelectElement).value)}
          data-testid="filter-created"
        >
          <option value="all">All time</option>
          {DATE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {PRESET_LABELS[preset]}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {createdValue(created) === 'custom' ? (
        <span class="field days">
          <input
            type="date"
            aria-label="Created from"
            value={created.from ?? ''}
            max={created.to ?? undefined}
            onChange={(e) => setDay('from', (e.currentTarget as HTMLInputElement).value)}
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            aria-label="Created until"
            value={created.to ?? ''}
            min={created.from ?? undefined}
            onChange={(e) => setDay('to', (e.currentTarget as HTMLInputElement).value)}
          />
        </span>
      ) : null}
      <OneOfSelect
        label="Organization"
        testId="filter-org"
        selected={filters.orgIds}
        options={orgOptions}
        optionLabel={(id) => names.org(id)}
        allLabel="All organizations"
        severalLabel={`${filters.orgIds.length} organizations`}
        onChange={(orgIds) => onChange({ ...filters, orgIds })}
      />
      <OneOfSelect
        label="Status"
        testId="filter-status"
        selected={filters.statuses}
        options={statusOptions}
        optionLabel={statusWord}
        allLabel="All statuses"
        severalLabel={filters.statuses.map(statusWord).join(', ')}
        onChange={(statuses) => onChange({ ...filters, statuses })}
      />
      {chips.length > 0 ? (
        <ul class="chips" aria-label="Other filters">
          {chips.map((chip) => (
            <li key={chip.key} class="chip">
              <span>{chip.label}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove filter: ${chip.label}`}
                onClick={() => onChange(chip.clear(filters))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {countActiveFilters(filters) > 0 ? (
        <button
          type="button"
          class="link-button"
          onClick={() => onChange({ ...emptyFilters(), sort: { ...filters.sort } })}
        >
          Clear filters
        </button>
      ) : null}
    </fieldset>
  );
}
