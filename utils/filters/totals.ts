/** Sums over a list of sessions, and the values its filters can offer. */
import type { SessionRow } from '../db/schema';
import { prStateOf } from './match';

export interface SessionTotals {
  sessions: number;
  acus: number;
  byStatus: Record<string, number>;
}

export function computeTotals(rows: readonly SessionRow[]): SessionTotals {
  let acus = 0;
  const byStatus: Record<string, number> = {};
  for (const row of rows) {
    acus += row.acus_consumed;
    byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  }
  // Summing many two-decimal values drifts; totals are shown to two decimals.
  return { sessions: rows.length, acus: Math.round(acus * 100) / 100, byStatus };
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  statuses: FacetValue[];
  orgIds: FacetValue[];
  userIds: FacetValue[];
  tags: FacetValue[];
  prStates: FacetValue[];
}

function toSortedValues(counts: Map<string, number>): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

function bump(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

/** Distinct values (most used first) of every faceted field across `rows`, in one pass. */
export function collectFacets(rows: readonly SessionRow[]): Facets {
  const statuses = new Map<string, number>();
  const orgIds = new Map<string, number>();
  const userIds = new Map<string, number>();
  const tags = new Map<string, number>();
  const prStates = new Map<string, number>();
  for (const row of rows) {
    bump(statuses, row.status);
    bump(orgIds, row.org_id);
    if (row.user_id !== null) bump(userIds, row.user_id);
    for (const tag of row.tags) bump(tags, tag);
    for (const pr of row.pull_requests) bump(prStates, prStateOf(pr.state));
  }
  return {
    statuses: toSortedValues(statuses),
    orgIds: toSortedValues(orgIds),
    userIds: toSortedValues(userIds),
    tags: toSortedValues(tags),
    prStates: toSortedValues(prStates),
  };
}
