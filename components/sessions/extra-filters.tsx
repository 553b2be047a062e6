/**
 * The filters beyond the basics: the repository (from the PRs, on either API) and what only
 * v3 data offers (status detail, category, language, archived). A control appears only when
 * the cache holds values for it, so a cache synced over v2 shows no empty v3 menus.
 */
import { useMemo } from 'preact/hooks';
import type { Facets } from '../../utils/filters/facets';
import type { SessionFilters } from '../../utils/filters/model';
import { t } from '../../utils/i18n';
import { repositoryLabel } from '../../utils/pr-urls/repository';
import { humanize } from '../shared/labels';
import { MultiSelect, type Option } from './multi-select';

type FacetList = Facets['repos'];

function options(values: FacetList, label: (value: string) => string = (v) => v): Option[] {
  return values.map((f) => ({ value: f.value, label: label(f.value), count: f.count }));
}

export function ExtraFilters(props: {
  filters: SessionFilters;
  facets: Facets;
  set: (change: Partial<SessionFilters>) => void;
}) {
  const { filters, facets, set } = props;
  const repoOptions = useMemo(
    () =>
      facets.repos.map((f) => ({
        value: f.value,
        label: repositoryLabel(f.value),
        hint: f.value.split('/', 1)[0],
        count: f.count,
      })),
    [facets.repos],
  );
  const detailOptions = useMemo(() => options(facets.statusDetails, humanize), [facets]);
  const categoryOptions = useMemo(() => options(facets.categories), [facets]);
  const languageOptions = useMemo(() => options(facets.languages), [facets]);
  return (
    <>
      {repoOptions.length > 0 || filters.repos.length > 0 ? (
        <MultiSelect
          label={t('sessions.filters.repository')}
          options={repoOptions}
          selected={filters.repos}
          onChange={(repos) => set({ repos })}
          searchable
        />
      ) : null}
      {detailOptions.length > 0 || filters.statusDetails.length > 0 ? (
        <MultiSelect
          label={t('sessions.filters.statusDetail')}
          options={detailOptions}
          selected={filters.statusDetails}
          onChange={(statusDetails) => set({ statusDetails })}
        />
      ) : null}
      {categoryOptions.length > 0 || filters.categories.length > 0 ? (
        <MultiSelect
          label={t('sessions.filters.category')}
          options={categoryOptions}
          selected={filters.categories}
          onChange={(categories) => set({ categories })}
          searchable={categoryOptions.length > 8}
        />
      ) : null}
      {languageOptions.length > 0 || filters.languages.length > 0 ? (
        <MultiSelect
          label={t('sessions.filters.language')}
          options={languageOptions}
          selected={filters.languages}
          onChange={(languages) => set({ languages })}
          searchable={languageOptions.length > 8}
        />
      ) : null}
      {facets.archived > 0 || filters.archived !== 'any' ? (
        <select
          aria-label={t('sessions.filters.archivedSessions')}
          value={filters.archived}
          onChange={(event) =>
            set({ archived: event.currentTarget.value as SessionFilters['archived'] })
          }
        >
          <option value="any">{t('sessions.filters.archivedAny')}</option>
          <option value="no">{t('sessions.filters.withoutArchived')}</option>
          <option value="yes">{t('sessions.filters.archivedOnly')}</option>
        </select>
      ) : null}
    </>
  );
}
