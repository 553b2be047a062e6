/**
 * The floor of the benchmark's `insights_compute` metric (scripts/bench/insights.ts): one bare
 * pass over the rows the Insights page aggregates.
 */
import type { SessionRow } from '../db/types';

/** One pass over the same rows touching what the aggregation reads; returns a checksum. */
export function insightsFloor(rows: readonly SessionRow[]): number {
  let sum = 0;
  for (const row of rows) {
    sum += row.acus_consumed + row.created_at + row.pull_requests.length;
    sum += row.status.length + row.org_id.length + (row.user_id?.length ?? 0);
    if (row.analysis) sum += row.analysis.labels.length;
  }
  return sum;
}
