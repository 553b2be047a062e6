/**
 * The search box and every filter control. The popup shows the main ones (search, status,
 * organization, created date, saved views) and folds the rest under "More".
 */
import type { Ref } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { Facets } from '../../utils/filters/facets';
import {
  countActiveFilters,
  isAnyDate,
  type SessionFilters,
  type SortOrder,
} from '../../utils/filters/model';
import { columnSortLabel } from '../../utils/session-table/columns';
import { statusWord } from '../../utils/status-words';
import type { Directory } from '../shared/directory';
import { KNOWN_STATUSES } from '../shared/labels';
import { ExtraFilters } from './extra-filters';
import { DateRangeControl, NumberField } from './filter-controls';
import { MultiSelect, type Option } from './multi-select';
import { SavedViews } from './saved-views';
import './filter-bar.css';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { prStateWord } from './value-words';

export interface FilterBarProps {
  filters: SessionFilters;
  onChange: (filters: SessionFilters) => void;
  onClear: () => void;
  facets: Facets;
  directory: Directory;
  layout: 'popup' | 'tab';
  searchRef: Ref<HTMLInputElement>;
  /** Called when the search box gets focus (the full-text index starts loading). */
  onSearchIntent: () => void;
  searchBusy: boolean;
  now: number;
}

const SORTS: { value: string; label: () => string; sort: SortOrder }[] = [
  {
    value: 'updated-desc',
    label: () => t('sessions.filters.sortUpdatedDesc'),
    sort: { field: 'updated', dir: 'desc' },
  },
  {
    value: 'updated-asc',
    label: () => t('sessions.filters.sortUpdatedAsc'),
    sort: { field: 'updated', dir: 'asc' },
  },
  {
    value: 'created-desc',
    label: () => t('sessions.filters.sortCreatedDesc'),
    sort: { field: 'created', dir: 'desc' },
  },
  {
    value: 'created-asc',
    label: () => t('sessions.filters.sortCreatedAsc'),
    sort: { field: 'created', dir: 'asc' },
  },
  {
    value: 'acus-desc',
    label: () => t('sessions.filters.sortAcusDesc'),
    sort: { field: 'acus', dir: 'desc' },
  },
  {
    value: 'acus-asc',
    label: () => t('sessions.filters.sortAcusAsc'),
    sort: { field: 'acus', dir: 'asc' },
  },
];

function SortSelect(props: { sort: SortOrder; onChange: (sort: SortOrder) => void }) {
  const value = `${props.sort.field}-${props.sort.dir}`;
  return (
    <select
      aria-label={t('sessions.filters.sortBy')}
      value={value}
      onChange={(event) => {
        const choice = SORTS.find((s) => s.value === event.currentTarget.value);
        if (choice) props.onChange({ ...choice.sort });
      }}
    >
      {SORTS.map((s) => (
        <option key={s.value} value={s.value}>
          {s.label()}
        </option>
      ))}
      {/* An order picked from a table header shows here too, by its column's name. */}
      {SORTS.some((s) => s.value === value) ? null : (
        <option value={value}>{columnSortLabel(props.sort)}</option>
      )}
    </select>
  );
}

export function FilterBar(props: FilterBarProps) {
  const { filters, onChange, facets, directory } = props;
  const [expanded, setExpanded] = useState(false);
  const set = (change: Partial<SessionFilters>) => onChange({ ...filters, ...change });
  const active = countActiveFilters(filters);
  // Active filters under "More": all but those of the first row and the chips. ACU min and
  // max count as one control there. In the popup the sort order is under "More" too: the first
  // row keeps what triage needs (status, organization, date, saved views).
  const folded =
    active -
    (filters.text.trim() !== '' ? 1 : 0) -
    (filters.statuses.length > 0 ? 1 : 0) -
    (filters.orgIds.length > 0 ? 1 : 0) -
    (isAnyDate(filters.created) ? 0 : 1) -
    (filters.sessionIds.length > 0 ? 1 : 0) -
    (filters.prKey !== null ? 1 : 0) -
    (filters.acuMin !== null && filters.acuMax !== null ? 1 : 0);
  const showMore = props.layout === 'tab' || expanded;

  const statusOptions = useMemo<Option[]>(() => {
    const counts = new Map(facets.statuses.map((f) => [f.value, f.count]));
    const values = [...KNOWN_STATUSES, ...facets.statuses.map((f) => f.value)];
    return [...new Set(values)].map((value) => ({
      value,
      label: statusWord(value),
      count: counts.get(value) ?? 0,
    }));
  }, [facets.statuses]);
  const orgOptions = useMemo<Option[]>(
    () =>
      facets.orgIds.map((f) => {
        const name = directory.orgName(f.value);
        return {
          value: f.value,
          label: name ?? f.value,
          hint: name ? f.value : undefined,
          count: f.count,
        };
      }),
    [facets.orgIds, directory],
  );
  const userOptions = useMemo<Option[]>(
    () =>
      facets.userIds.map((f) => {
        const member = directory.member(f.value);
        const name = member?.name || member?.email || null;
        return {
          value: f.value,
          label: name ?? f.value,
          hint: member?.name && member.email ? member.email : name ? f.value : undefined,
          count: f.count,
        };
      }),
    [facets.userIds, directory],
  );
  const tagOptions = useMemo<Option[]>(
    () => facets.tags.map((f) => ({ value: f.value, label: f.value, count: f.count })),
    [facets.tags],
  );
  const prStateOptions = useMemo<Option[]>(
    () =>
      facets.prStates.map((f) => ({
        value: f.value,
        label: f.value === 'unknown' ? t('sessions.detail.stateUnknown') : prStateWord(f.value),
        count: f.count,
      })),
    [facets.prStates],
  );

  return (
    <div class={`filters filters-${props.layout}`}>
      <div class="filter-row">
        <div class="search">
          <input
            ref={props.searchRef}
            type="search"
            class="search-input"
            aria-label={t('sessions.filters.search')}
            aria-keyshortcuts="/"
            placeholder={t('sessions.filters.searchPlaceholder')}
            value={filters.text}
            onFocus={props.onSearchIntent}
            onInput={(event) => set({ text: event.currentTarget.value })}
          />
          {props.searchBusy ? (
            <span class="search-busy muted" role="status">
              {t('sessions.filters.loadingText')}
            </span>
          ) : (
            <span class="search-key" aria-hidden="true">
              <kbd>/</kbd>
            </span>
          )}
        </div>
        <MultiSelect
          label={t('sessions.filters.status')}
          options={statusOptions}
          selected={filters.statuses}
          onChange={(statuses) => set({ statuses })}
        />
        <MultiSelect
          label={t('sessions.filters.organization')}
          options={orgOptions}
          selected={filters.orgIds}
          onChange={(orgIds) => set({ orgIds })}
          searchable={orgOptions.length > 8}
        />
        <DateRangeControl
          label={t('sessions.filters.created')}
          range={filters.created}
          now={props.now}
          onChange={(created) => set({ created })}
        />
        {props.layout === 'tab' ? (
          <SortSelect sort={filters.sort} onChange={(sort) => set({ sort })} />
        ) : null}
        <SavedViews filters={filters} onApply={onChange} />
        {props.layout === 'popup' ? (
          <button
            type="button"
            class={`more-toggle${folded > 0 ? ' has-active' : ''}`}
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
          >
            {folded > 0
              ? t('sessions.filters.moreCount', [formatCount(folded)])
              : t('sessions.filters.more')}
            <span class="caret" aria-hidden="true">
              {expanded ? '▴' : '▾'}
            </span>
          </button>
        ) : null}
      </div>
      {showMore ? (
        <div class="filter-row secondary">
          {props.layout === 'popup' ? (
            <SortSelect sort={filters.sort} onChange={(sort) => set({ sort })} />
          ) : null}
          <MultiSelect
            label={t('sessions.filters.user')}
            options={userOptions}
            selected={filters.userIds}
            onChange={(userIds) => set({ userIds })}
            searchable
          />
          <MultiSelect
            label={t('sessions.filters.tag')}
            options={tagOptions}
            selected={filters.tags}
            onChange={(tags) => set({ tags })}
            searchable
          />
          <DateRangeControl
            label={t('sessions.filters.updated')}
            range={filters.updated}
            now={props.now}
            onChange={(updated) => set({ updated })}
          />
          <fieldset class="acu-range">
            <legend class="visually-hidden">{t('sessions.filters.acusConsumed')}</legend>
            <span class="muted" aria-hidden="true">
              {t('sessions.filters.acus')}
            </span>
            <NumberField
              label={t('sessions.filters.minAcus')}
              placeholder={t('sessions.filters.min')}
              value={filters.acuMin}
              onChange={(acuMin) => set({ acuMin })}
            />
            <span aria-hidden="true">–</span>
            <NumberField
              label={t('sessions.filters.maxAcus')}
              placeholder={t('sessions.filters.max')}
              value={filters.acuMax}
              onChange={(acuMax) => set({ acuMax })}
            />
          </fieldset>
          <select
            aria-label={t('sessions.filters.pullRequests')}
            value={filters.hasPr}
            onChange={(event) =>
              set({ hasPr: event.currentTarget.value as SessionFilters['hasPr'] })
            }
          >
            <option value="any">{t('sessions.filters.prsAny')}</option>
            <option value="yes">{t('sessions.filters.withPr')}</option>
            <option value="no">{t('sessions.filters.withoutPr')}</option>
          </select>
          <MultiSelect
            label={t('sessions.filters.prState')}
            options={prStateOptions}
            selected={filters.prStates}
            onChange={(prStates) => set({ prStates })}
          />
          <select
            aria-label={t('sessions.filters.analysis')}
            value={filters.analysis}
            onChange={(event) =>
              set({ analysis: event.currentTarget.value as SessionFilters['analysis'] })
            }
          >
            <option value="any">{t('sessions.filters.analysisAny')}</option>
            <option value="has">{t('sessions.filters.hasAnalysis')}</option>
            <option value="has-issues">{t('sessions.filters.analysisIssues')}</option>
            <option value="none">{t('sessions.filters.noAnalysis')}</option>
          </select>
          <ExtraFilters filters={filters} facets={facets} set={set} />
        </div>
      ) : null}
      {filters.sessionIds.length > 0 || filters.prKey !== null || active > 0 ? (
        <div class="filter-row chips">
          {filters.sessionIds.length > 0 ? (
            <span class="chip">
              {t('sessions.filters.chosenSessions', filters.sessionIds.length, [
                formatCount(filters.sessionIds.length),
              ])}
              <button
                type="button"
                class="chip-remove"
                aria-label={t('sessions.filters.removeChosen')}
                onClick={() => set({ sessionIds: [] })}
              >
                ×
              </button>
            </span>
          ) : null}
          {filters.prKey !== null ? (
            <span class="chip" title={filters.prKey}>
              PR <span class="mono chip-text">{filters.prKey}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={t('sessions.filters.removePr')}
                onClick={() => set({ prKey: null })}
              >
                ×
              </button>
            </span>
          ) : null}
          {active > 0 ? (
            <button type="button" class="link-button clear-all" onClick={props.onClear}>
              {t('sessions.filters.clear', [formatCount(active)])}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
