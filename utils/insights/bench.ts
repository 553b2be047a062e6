/**
 * Entry points for the benchmark's `insights_compute` metric.
 *
 *   import { insightsCompute, insightsFloor } from '../utils/insights/bench';
 *   const rows = await readSessionRows(db);            // or toSessionRow(...) over a dataset
 *   insightsCompute(rows);                             // the metric: the whole aggregation
 *   insightsFloor(rows);                               // the floor: one bare pass, same rows
 *
 * `insightsCompute` is what the Insights page runs per view (in its worker) after filtering:
 * every chart, table and count, with the analysis details it is given (none by default).
 */
import type { SessionRow } from '../db/schema';
import { computeInsights } from './aggregate';
import type { AnalysisExtra, Insights } from './types';

export function insightsCompute(
  rows: readonly SessionRow[],
  now: number = Date.now(),
  extras?: ReadonlyMap<string, AnalysisExtra>,
): Insights {
  return computeInsights(rows, { now, extras });
}

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
