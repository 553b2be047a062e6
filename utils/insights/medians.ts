/**
 * Medians of a query without sorting its selection: the store keeps every row's position in ACU
 * order (built once per data change, `acuOrder`), and a query walks that order once, counting
 * the selected rows of each group; a group's median is read when its count reaches the middle.
 * The values are those a sort of the selection would give, so the medians are exactly the same.
 */
import { roundAcus } from './statistics';

/** Positions 0..n-1 ordered by ACUs, least first. */
export function acuOrder(acus: Float64Array): Int32Array {
  const order = new Int32Array(acus.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (acus[a] as number) - (acus[b] as number));
}

/** Reused between queries of one store: the walk allocates nothing as large as the store. */
export class MedianScratch {
  /** 1 at the selected positions during a walk, 0 otherwise. */
  readonly selected: Uint8Array;

  constructor(size: number) {
    this.selected = new Uint8Array(size);
  }
}

/** One grouping: each store position's group code, and each group's selected sessions. */
export interface MedianGroups {
  codes: Int32Array;
  sizes: Int32Array;
}

/**
 * The median ACUs of the sessions at `picked`, overall and per group of each of `groupings`
 * (indexed by group code, 0 for an empty group), in one walk over `order`.
 */
export function walkMedians(
  order: Int32Array,
  acus: Float64Array,
  picked: Int32Array,
  groupings: readonly MedianGroups[],
  scratch: MedianScratch,
): { overall: number; groups: Float64Array[] } {
  const selected = scratch.selected;
  for (let i = 0; i < picked.length; i++) selected[picked[i] as number] = 1;
  const count = picked.length;
  const ranks = groupings.map((grouping) => new Int32Array(grouping.sizes.length));
  const lows = groupings.map((grouping) => new Float64Array(grouping.sizes.length));
  const highs = groupings.map((grouping) => new Float64Array(grouping.sizes.length));
  let seen = 0;
  let overallLow = 0;
  let overallHigh = 0;
  for (let k = 0; k < order.length && seen < count; k++) {
    const g = order[k] as number;
    if (selected[g] === 0) continue;
    const value = acus[g] as number;
    if (seen === (count >> 1) - 1) overallLow = value;
    if (seen === count >> 1) overallHigh = value;
    seen++;
    for (let n = 0; n < groupings.length; n++) {
      const { codes, sizes } = groupings[n] as MedianGroups;
      const code = codes[g] as number;
      const rank = ranks[n] as Int32Array;
      const at = rank[code] as number;
      const size = sizes[code] as number;
      if (at === (size >> 1) - 1) (lows[n] as Float64Array)[code] = value;
      if (at === size >> 1) (highs[n] as Float64Array)[code] = value;
      rank[code] = at + 1;
    }
  }
  for (let i = 0; i < picked.length; i++) selected[picked[i] as number] = 0;
  return {
    overall: middle(count, overallLow, overallHigh),
    groups: groupings.map((grouping, n) => {
      const medians = new Float64Array(grouping.sizes.length);
      const low = lows[n] as Float64Array;
      const high = highs[n] as Float64Array;
      for (let code = 0; code < medians.length; code++) {
        medians[code] = middle(grouping.sizes[code] as number, low[code] ?? 0, high[code] ?? 0);
      }
      return medians;
    }),
  };
}

/** As `median` (statistics.ts) says it: the middle value, or the rounded mean of the two. */
function middle(count: number, low: number, high: number): number {
  if (count === 0) return 0;
  return count % 2 === 1 ? high : roundAcus((low + high) / 2);
}
