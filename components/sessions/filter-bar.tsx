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
import { humanize, KNOWN_STATUSES } from '../shared/labels';
import { ExtraFilters } from './extra-filters';
import { DateRangeControl, NumberField } from './filter-controls';
import { MultiSelect, type Option } from './multi-select';
import { SavedViews } from './saved-views';
import './filter-bar.css';

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

const SORTS: { value: string; label: string; sort: SortOrder }[] = [
  { value: 'updated-desc', label: 'Recently updated', sort: { field: 'updated', dir: 'desc' } },
  { value: 'updated-asc', label: 'Least recently updated', sort: { field: 'updated', dir: 'asc' } },
  { value: 'created-desc', label: 'Newest first', sort: { field: 'created', dir: 'desc' } },
  { value: 'created-asc', label: 'Oldest first', sort: { field: 'created', dir: 'asc' } },
  { value: 'acus-desc', label: 'Most ACUs', sort: { field: 'acus', dir: 'desc' } },
  { value: 'acus-asc', label: 'Fewest ACUs', sort: { field: 'acus', dir: 'asc' } },
];

function SortSelect(props: { sort: SortOrder; onChange: (sort: SortOrder) => void }) {
  const value = `${props.sort.field}-${props.sort.dir}`;
  return (
    <select
      aria-label="Sort by"
      value={value}
      onChange={(event) => {
        const choice = SORTS.find((s) => s.value === event.currentTarget.value);
        if (choice) props.onChange({ ...choice.sort });
      }}
    >
      {SORTS.map((s) => (
        <option key={s.value} value={s.value}>
          {s.label}
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
        label: f.value === 'unknown' ? 'State unknown' : humanize(f.value),
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
            aria-label="Search sessions"
            aria-keyshortcuts="/"
            placeholder="Search title, prompt, issue, PR…"
            value={filters.text}
            onFocus={props.onSearchIntent}
            onInput={(event) => set({ text: event.currentTarget.value })}
          />
          {props.searchBusy ? (
            <span class="search-busy muted" role="status">
              Loading full text…
            </span>
          ) : (
            <span class="search-key" aria-hidden="true">
              <kbd>/</kbd>
            </span>
          )}
        </div>
        <MultiSelect
          label="Status"
          options={statusOptions}
          selected={filters.statuses}
          onChange={(statuses) => set({ statuses })}
        />
        <MultiSelect
          label="Organization"
          options={orgOptions}
          selected={filters.orgIds}
          onChange={(orgIds) => set({ orgIds })}
          searchable={orgOptions.length > 8}
        />
        <DateRangeControl
          label="Created"
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
            More{folded > 0 ? ` (${folded})` : ''}
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
            label="User"
            options={userOptions}
            selected={filters.userIds}
            onChange={(userIds) => set({ userIds })}
            searchable
          />
          <MultiSelect
            label="Tag"
            options={tagOptions}
            selected={filters.tags}
            onChange={(tags) => set({ tags })}
            searchable
          />
          <DateRangeControl
            label="Updated"
            range={filters.updated}
            now={props.now}
            onChange={(updated) => set({ updated })}
          />
          <fieldset class="acu-range">
            <legend class="visually-hidden">ACUs consumed</legend>
            <span class="muted" aria-hidden="true">
              ACUs
            </span>
            <NumberField
              label="Minimum ACUs"
              placeholder="min"
              value={filters.acuMin}
              onChange={(acuMin) => set({ acuMin })}
            />
            <span aria-hidden="true">–</span>
            <NumberField
              label="Maximum ACUs"
              placeholder="max"
              value={filters.acuMax}
              onChange={(acuMax) => set({ acuMax })}
            />
          </fieldset>
          <select
            aria-label="Pull requests"
            value={filters.hasPr}
            onChange={(event) =>
              set({ hasPr: event.currentTarget.value as SessionFilters['hasPr'] })
            }
          >
            <option value="any">PRs: any</option>
            <option value="yes">With a PR</option>
            <option value="no">Without a PR</option>
          </select>
          <MultiSelect
            label="PR state"
            options={prStateOptions}
            selected={filters.prStates}
            onChange={(prStates) => set({ prStates })}
          />
          <select
            aria-label="Analysis"
            value={filters.analysis}
            onChange={(event) =>
              set({ analysis: event.currentTarget.value as SessionFilters['analysis'] })
            }
          >
            <option value="any">Analysis: any</option>
            <option value="has">Has an analysis</option>
            <option value="has-issues">Analysis found issues</option>
            <option value="none">No analysis</option>
          </select>
          <ExtraFilters filters={filters} facets={facets} set={set} />
        </div>
      ) : null}
      {filters.sessionIds.length > 0 || filters.prKey !== null || active > 0 ? (
        <div class="filter-row chips">
          {filters.sessionIds.length > 0 ? (
            <span class="chip">
              Only {filters.sessionIds.length} chosen{' '}
              {filters.sessionIds.length === 1 ? 'session' : 'sessions'}
              <button
                type="button"
                class="chip-remove"
                aria-label="Remove the chosen sessions filter"
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
                aria-label="Remove the pull request filter"
                onClick={() => set({ prKey: null })}
              >
                ×
              </button>
            </span>
          ) : null}
          {active > 0 ? (
            <button type="button" class="link-button clear-all" onClick={props.onClear}>
              Clear filters ({active})
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
