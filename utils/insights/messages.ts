/**
 * What the Insights page and the engine (engine.ts), in its worker or on the page, say to each
 * other: the page's query, and each result or error. Plain data and typed arrays, so a result
 * crosses to the page by structured clone.
 */
import type { SessionSums } from '../budget/compute';
import type { BillingCycle } from '../budget/cycle';
import type { CostReport } from '../cost/types';
import type { SessionFilters } from '../filters/model';
import type { Insights } from './types';

interface InsightsTimings {
  /** Reading every row from IndexedDB (0 when the rows in memory were still current). */
  readMs: number;
  /**
   * Deriving the column store from the rows read and the details loaded (columns.ts): done once
   * per data change, for new and changed rows only, and reused by every query until the next.
   */
  prepareMs: number;
  filterMs: number;
  /** Aggregating the filtered sessions' columns for Insights, per query. */
  computeMs: number;
  /** Summing what the ACUs bought for the Cost view, from that aggregation, per query. */
  costMs: number;
  /** Reading analysis details for this result. */
  detailsMs: number;
}

export interface InsightsResult {
  type: 'result';
  /** Increases with every query and every data change. */
  seq: number;
  insights: Insights;
  /** What the ACUs bought (components/cost). */
  cost: CostReport;
  /** The filters the result is for (links must narrow these, not newer ones). */
  filters: SessionFilters;
  /** Rows in the cache, before filtering. */
  cached: number;
  /** The sessions the budget sums; null when the query named no billing cycle. */
  cycleSessions: CycleSessions | null;
  /**
   * True when another result follows: analysis details are still being read, or this is the
   * result saved at the page's last opening (`savedAt`) while the cache is read again.
   */
  partial: boolean;
  /** When a result saved for this view was computed (epoch ms); absent: computed just now. */
  savedAt?: number;
  timings: InsightsTimings;
}

interface InsightsError {
  type: 'error';
  seq: number;
  message: string;
}

export type InsightsMessage = InsightsResult | InsightsError;

export interface InsightsQuery {
  type: 'query';
  filters: SessionFilters;
  /** The billing cycle the budget shows (utils/budget/cycle.ts). */
  cycle: BillingCycle | null;
}

/**
 * The ACUs of every cached session created in a billing cycle, whatever the page's filters,
 * for the budget (components/budget): the worker has every row at hand, the page does not.
 */
export interface CycleSessions {
  cycle: BillingCycle;
  sums: SessionSums;
}

/**
 * Every buffer of a result, for `postMessage(result, transfer)`. A result that may still be
 * saved (saved.ts) is copied instead: a transferred buffer is gone from the worker.
 */
export function transferables(insights: Insights): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (array: { buffer: ArrayBufferLike }) => {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  for (const column of Object.values(insights.columns)) add(column);
  for (const stack of Object.values(insights.stacks)) add(stack.seriesOfCode);
  const buckets = [
    ...insights.labels,
    ...insights.impacts,
    ...insights.actionTypes,
    ...insights.labelImpacts,
    ...insights.prStates,
    insights.suggestedPrompt,
    ...insights.prHosts.flatMap((host) => [host.all, ...host.states]),
  ];
  for (const bucket of buckets) add(bucket.members);
  return [...buffers];
}
