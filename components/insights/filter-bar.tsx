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
import { allOf, anyOf, formatAcus, formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { Names } from '../../utils/insights/display-names';
import { STATUS_WORDS, statusWord } from '../../utils/status-words';

const PRESET_LABELS: Record<DatePreset, string> = {
  get '24h'() {
    return t('insights.filters.last24h');
  },
  get '7d'() {
    return t('insights.filters.last7d');
  },
  get '30d'() {
    return t('insights.filters.last30d');
  },
};

/** The chip of an update window, each a whole sentence (no lower-cased preset pasted in). */
const UPDATED_PRESET_LABELS: Record<DatePreset, string> = {
  get '24h'() {
    return t('insights.filters.updated24h');
  },
  get '7d'() {
    return t('insights.filters.updated7d');
  },
  get '30d'() {
    return t('insights.filters.updated30d');
  },
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

function updatedText(range: DateRange): string {
  if (range.preset) return UPDATED_PRESET_LABELS[range.preset];
  if (range.from && range.to) return t('insights.filters.updatedBetween', [range.from, range.to]);
  if (range.from) return t('insights.filters.updatedSince', [range.from]);
  return t('insights.filters.updatedUntil', [range.to ?? '']);
}

/** Filters without a control of their own here. */
function chipsOf(filters: SessionFilters, names: Names): Chip[] {
  const chips: Chip[] = [];
  const any = emptyFilters();
  if (filters.text.trim()) {
    chips.push({
      key: 'text',
      label: t('insights.filters.search', [filters.text.trim()]),
      clear: (f) => ({ ...f, text: '' }),
    });
  }
  if (filters.userIds.length > 0) {
    const label =
      filters.userIds.length === 1
        ? t('insights.filters.user', [names.user(filters.userIds[0] ?? '')])
        : t('insights.filters.users', filters.userIds.length, [
            formatCount(filters.userIds.length),
          ]);
    chips.push({ key: 'user', label, clear: (f) => ({ ...f, userIds: [] }) });
  }
  if (filters.tags.length > 0) {
    chips.push({
      key: 'tags',
      label: t('insights.filters.tags', [anyOf(filters.tags)]),
      clear: (f) => ({ ...f, tags: [] }),
    });
  }
  if (!isAnyDate(filters.updated)) {
    chips.push({
      key: 'updated',
      label: updatedText(filters.updated),
      clear: (f) => ({ ...f, updated: { ...any.updated } }),
    });
  }
  if (filters.acuMin !== null || filters.acuMax !== null) {
    const label =
      filters.acuMin !== null && filters.acuMax !== null
        ? t('insights.filters.acuRange', [formatAcus(filters.acuMin), formatAcus(filters.acuMax)])
        : filters.acuMin !== null
          ? t('insights.filters.acuMin', [formatAcus(filters.acuMin)])
          : t('insights.filters.acuMax', [formatAcus(filters.acuMax ?? 0)]);
    chips.push({ key: 'acus', label, clear: (f) => ({ ...f, acuMin: null, acuMax: null }) });
  }
  if (filters.hasPr !== 'any') {
    chips.push({
      key: 'has-pr',
      label:
        filters.hasPr === 'yes' ? t('insights.filters.withPr') : t('insights.filters.withoutPr'),
      clear: (f) => ({ ...f, hasPr: 'any' }),
    });
  }
  if (filters.prStates.length > 0) {
    chips.push({
      key: 'pr-state',
      label: t('insights.filters.prStates', [anyOf(filters.prStates)]),
      clear: (f) => ({ ...f, prStates: [] }),
    });
  }
  if (filters.analysis !== 'any') {
    const labels = {
      has: t('insights.filters.withAnalysis'),
      'has-issues': t('insights.filters.withIssues'),
      none: t('insights.filters.withoutAnalysis'),
    };
    chips.push({
      key: 'analysis',
      label: labels[filters.analysis],
      clear: (f) => ({ ...f, analysis: 'any' }),
    });
  }
  if (filters.sessionIds.length > 0) {
    chips.push({
      key: 'ids',
      label: t('insights.filters.chosenSessions', filters.sessionIds.length, [
        formatCount(filters.sessionIds.length),
      ]),
      clear: (f) => ({ ...f, sessionIds: [] }),
    });
  }
  if (filters.prKey !== null) {
    chips.push({
      key: 'pr',
      label: t('insights.filters.pr', [filters.prKey]),
      clear: (f) => ({ ...f, prKey: null }),
    });
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
      <legend class="visually-hidden">{t('insights.filters.legend')}</legend>
      <label class="field">
        <span>{t('insights.filters.created')}</span>
        <select
          value={createdValue(created)}
          onChange={(e) => setCreated((e.currentTarget as HTMLSelectElement).value)}
          data-testid="filter-created"
        >
          <option value="all">{t('insights.filters.allTime')}</option>
          {DATE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {PRESET_LABELS[preset]}
            </option>
          ))}
          <option value="custom">{t('insights.filters.custom')}</option>
        </select>
      </label>
      {createdValue(created) === 'custom' ? (
        <span class="field days">
          <input
            type="date"
            aria-label={t('insights.filters.createdFrom')}
            value={created.from ?? ''}
            max={created.to ?? undefined}
            onChange={(e) => setDay('from', (e.currentTarget as HTMLInputElement).value)}
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            aria-label={t('insights.filters.createdUntil')}
            value={created.to ?? ''}
            min={created.from ?? undefined}
            onChange={(e) => setDay('to', (e.currentTarget as HTMLInputElement).value)}
          />
        </span>
      ) : null}
      <OneOfSelect
        label={t('insights.filters.organization')}
        testId="filter-org"
        selected={filters.orgIds}
        options={orgOptions}
        optionLabel={(id) => names.org(id)}
        allLabel={t('insights.filters.allOrgs')}
        severalLabel={t('insights.filters.severalOrgs', filters.orgIds.length, [
          formatCount(filters.orgIds.length),
        ])}
        onChange={(orgIds) => onChange({ ...filters, orgIds })}
      />
      <OneOfSelect
        label={t('insights.filters.status')}
        testId="filter-status"
        selected={filters.statuses}
        options={statusOptions}
        optionLabel={statusWord}
        allLabel={t('insights.filters.allStatuses')}
        severalLabel={allOf(filters.statuses.map(statusWord))}
        onChange={(statuses) => onChange({ ...filters, statuses })}
      />
      {chips.length > 0 ? (
        <ul class="chips" aria-label={t('insights.filters.other')}>
          {chips.map((chip) => (
            <li key={chip.key} class="chip">
              <span>{chip.label}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={t('insights.filters.remove', [chip.label])}
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
          {t('insights.filters.clear')}
        </button>
      ) : null}
    </fieldset>
  );
}
