/**
 * From a figure of the Cost view to the list showing exactly its sessions: the page's filters
 * narrowed (`repo=`, `user=`, a week's days, ...) where the list's filters can say it, and an
 * id list where they cannot (sessions whose best PR is open, sessions without a user, a rolling
 * previous period). Null when there is nothing to open or no exact way to show it.
 */
import type { SessionFilters } from '../filters/model';
import { filtersToSearchParams } from '../filters/url';
import { filtersUrl, idsUrl } from '../insights/select';
import type { CostReport, IdList, Outcome } from './types';

const SESSIONS_PAGE = 'sessions.html';

export type CostTarget =
  | { kind: 'repository'; key: string | null }
  | { kind: 'outcome'; outcome: Outcome }
  | { kind: 'user'; key: string | null }
  | { kind: 'org'; key: string }
  | { kind: 'week'; from: string; to: string }
  | { kind: 'period'; which: 'current' | 'previous'; days: { from: string; to: string } | null };

/** The ids the report keeps for figures no filter expresses. */
type LinkIds = CostReport['ids'];

/** Restricts a list filter to one value, when that keeps the same sessions (else null). */
function narrowTo(current: readonly string[], value: string): string[] | null {
  if (current.length === 0 || current.includes(value)) return [value];
  return null;
}

function withFilters(filters: SessionFilters, change: (next: SessionFilters) => boolean) {
  const next: SessionFilters = structuredClone(filters);
  return change(next) ? `${SESSIONS_PAGE}?${filtersToSearchParams(next)}` : null;
}

function idsLink(ids: IdList, filters: SessionFilters): string | null {
  return ids && ids.length > 0 ? idsUrl(ids, filters) : null;
}

export function costLink(target: CostTarget, filters: SessionFilters, ids: LinkIds): string | null {
  switch (target.kind) {
    case 'repository': {
      const key = target.key;
      if (key === null) return idsLink(ids.noRepository, filters);
      return withFilters(filters, (next) => {
        const repos = narrowTo(next.repos, key);
        if (repos) next.repos = repos;
        return repos !== null;
      });
    }
    case 'outcome':
      if (target.outcome === 'open') return idsLink(ids.open, filters);
      if (target.outcome === 'closed') return idsLink(ids.closed, filters);
      if (target.outcome === 'none') {
        return withFilters(filters, (next) => {
          next.hasPr = 'no';
          return filters.hasPr !== 'yes' && filters.prStates.length === 0;
        });
      }
      return withFilters(filters, (next) => {
        const states = narrowTo(next.prStates, 'merged');
        if (states) next.prStates = states;
        next.hasPr = 'yes';
        return states !== null && filters.hasPr !== 'no';
      });
    case 'user': {
      const key = target.key;
      if (key === null) return idsLink(ids.noUser, filters);
      return withFilters(filters, (next) => {
        const users = narrowTo(next.userIds, key);
        if (users) next.userIds = users;
        return users !== null;
      });
    }
    case 'org':
      return withFilters(filters, (next) => {
        const orgs = narrowTo(next.orgIds, target.key);
        if (orgs) next.orgIds = orgs;
        return orgs !== null;
      });
    case 'week':
      return withFilters(filters, (next) => {
        next.created = { preset: null, from: target.from, to: target.to };
        return true;
      });
    case 'period': {
      if (target.which === 'current') return filtersUrl(filters);
      const days = target.days;
      if (days === null) return idsLink(ids.previous, filters);
      return withFilters(filters, (next) => {
        next.created = { preset: null, from: days.from, to: days.to };
        return true;
      });
    }
  }
}
