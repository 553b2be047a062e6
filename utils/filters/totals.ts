/** Sums over a list of sessions, and the values its filters can offer. */
import type { SessionRow } from '../db/types';
import { repositoryKeyOf } from '../pr-urls/repository';
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

/**
 * The numbers totals add up, one typed array per field in the list's order: the totals of any
 * subset (a filtered list, given by positions) are then a few additions per row, without
 * touching the row objects again on every keystroke.
 */
export class TotalsColumns {
  private readonly acus: Float64Array;
  private readonly status: Uint16Array;
  private readonly statuses: string[] = [];

  constructor(rows: readonly SessionRow[]) {
    this.acus = new Float64Array(rows.length);
    this.status = new Uint16Array(rows.length);
    const codes = new Map<string, number>();
    rows.forEach((row, i) => {
      let code = codes.get(row.status);
      if (code === undefined) {
        code = this.statuses.length;
        codes.set(row.status, code);
        this.statuses.push(row.status);
      }
      this.acus[i] = row.acus_consumed;
      this.status[i] = code;
    });
  }

  /** The totals of the rows at these positions (as `computeTotals` of those rows). */
  totalsAt(positions: readonly number[]): SessionTotals {
    let acus = 0;
    const counts = new Uint32Array(this.statuses.length);
    for (const i of positions) {
      acus += this.acus[i] as number;
      const code = this.status[i] as number;
      counts[code] = (counts[code] as number) + 1;
    }
    const byStatus: Record<string, number> = {};
    this.statuses.forEach((status, code) => {
      if ((counts[code] as number) > 0) byStatus[status] = counts[code] as number;
    });
    return { sessions: positions.length, acus: Math.round(acus * 100) / 100, byStatus };
  }
}

interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  statuses: FacetValue[];
  orgIds: FacetValue[];
  userIds: FacetValue[];
  tags: FacetValue[];
  prStates: FacetValue[];
  /** Repository keys, from the PRs' keys. */
  repos: FacetValue[];
  // v3 only: empty for a cache synced over v2, and the UI then offers none of them.
  statusDetails: FacetValue[];
  categories: FacetValue[];
  languages: FacetValue[];
  archived: number;
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
  const repos = new Map<string, number>();
  const statusDetails = new Map<string, number>();
  const categories = new Map<string, number>();
  const languages = new Map<string, number>();
  let archived = 0;
  for (const row of rows) {
    bump(statuses, row.status);
    bump(orgIds, row.org_id);
    if (row.user_id !== null) bump(userIds, row.user_id);
    for (const tag of row.tags) bump(tags, tag);
    for (const pr of row.pull_requests) bump(prStates, prStateOf(pr.state));
    // A session with two PRs to one repository counts once for it.
    if (row.pr_keys.length === 1) bump(repos, repositoryKeyOf(row.pr_keys[0] as string));
    else for (const repo of new Set(row.pr_keys.map(repositoryKeyOf))) bump(repos, repo);
    if (row.status_detail) bump(statusDetails, row.status_detail);
    if (row.category) bump(categories, row.category);
    for (const language of row.languages ?? []) bump(languages, language);
    if (row.archived) archived++;
  }
  return {
    statuses: toSortedValues(statuses),
    orgIds: toSortedValues(orgIds),
    userIds: toSortedValues(userIds),
    tags: toSortedValues(tags),
    prStates: toSortedValues(prStates),
    repos: toSortedValues(repos),
    statusDetails: toSortedValues(statusDetails),
    categories: toSortedValues(categories),
    languages: toSortedValues(languages),
    archived,
  };
}
