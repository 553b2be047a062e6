/**
 * Medians of a query without sorting its selection: the store keeps every row's position in ACU
 * order (built once per data change, `acuOrder`), and a query walks that order once, counting
 * the selected rows of each group; a group's median is read when its count reaches the middle.
 * The values are those a sort of the selection would give, so the medians are exactly the same.
 */
import { roundAcus } from './statistics';

/**
 * Every position of a store in ACU order, least first, with the group codes a walk reads laid
 * out in that order too: the walk reads them one after the other instead of all over the store.
 * (The ACUs are read through the positions: a copy would cost 8 more bytes a session.)
 */
export interface AcuOrder {
  positions: Int32Array;
  /** Group codes (organization, user, status) in that order. */
  codes: [Int32Array, Int32Array, Int32Array];
}

export function acuOrder(
  acus: Float64Array,
  codes: [Int32Array, Int32Array, Int32Array],
): AcuOrder {
  const positions = new Int32Array(acus.length);
  for (let i = 0; i < positions.length; i++) positions[i] = i;
  positions.sort((a, b) => (acus[a] as number) - (acus[b] as number));
  const ordered = (column: Int32Array) => {
    const values = new Int32Array(positions.length);
    for (let k = 0; k < positions.length; k++) values[k] = column[positions[k] as number] as number;
    return values;
  };
  return {
    positions,
    codes: [ordered(codes[0]), ordered(codes[1]), ordered(codes[2])],
  };
}

/** Reused between queries of one store: the walk allocates nothing as large as the store. */
export class MedianScratch {
  /** 1 at the selected positions during a walk, 0 otherwise. */
  readonly selected: Uint8Array;

  constructor(size: number) {
    this.selected = new Uint8Array(size);
  }
}

/** A group's count so far, and where its middle values are, as the walk goes. */
class Middles {
  readonly rank: Int32Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** The rank of the lower and upper middle value of each group (-1: none). */
  readonly lowAt: Int32Array;
  readonly highAt: Int32Array;

  constructor(readonly sizes: Int32Array) {
    const n = sizes.length;
    this.rank = new Int32Array(n);
    this.low = new Float64Array(n);
    this.high = new Float64Array(n);
    this.lowAt = new Int32Array(n);
    this.highAt = new Int32Array(n);
    for (let code = 0; code < n; code++) {
      const size = sizes[code] as number;
      this.lowAt[code] = (size >> 1) - 1;
      this.highAt[code] = size > 0 ? size >> 1 : -1;
    }
  }

  /** Counts the value at `acus[g]`, read only when it is a middle one. */
  see(code: number, acus: Float64Array, g: number): void {
    const at = this.rank[code] as number;
    if (at === this.lowAt[code]) this.low[code] = acus[g] as number;
    if (at === this.highAt[code]) this.high[code] = acus[g] as number;
    this.rank[code] = at + 1;
  }

  medians(): Float64Array {
    const medians = new Float64Array(this.sizes.length);
    for (let code = 0; code < medians.length; code++) {
      medians[code] = middle(
        this.sizes[code] as number,
        this.low[code] as number,
        this.high[code] as number,
      );
    }
    return medians;
  }
}

/**
 * The median ACUs of the sessions at `picked` (distinct positions), overall and per group of
 * each grouping (`sizes`: selected sessions per group code), in one walk over `order` (of
 * `acus`, the store's ACUs).
 */
export function walkMedians(
  order: AcuOrder,
  acus: Float64Array,
  picked: Int32Array,
  sizes: [Int32Array, Int32Array, Int32Array],
  scratch: MedianScratch,
): { overall: number; groups: [Float64Array, Float64Array, Float64Array] } {
  const count = picked.length;
  const total = order.positions.length;
  // Every position picked (the default view): no marks to set, read, or clear.
  const all = count === total;
  const selected = scratch.selected;
  if (!all) for (let i = 0; i < count; i++) selected[picked[i] as number] = 1;
  const a = new Middles(sizes[0]);
  const b = new Middles(sizes[1]);
  const c = new Middles(sizes[2]);
  const [codesA, codesB, codesC] = order.codes;
  const positions = order.positions;
  const lowAt = (count >> 1) - 1;
  const highAt = count >> 1;
  let seen = 0;
  let overallLow = 0;
  let overallHigh = 0;
  for (let k = 0; k < total && seen < count; k++) {
    const g = positions[k] as number;
    if (!all && selected[g] === 0) continue;
    // The ACUs are read at the few middle ranks only: in ACU order, the positions jump all
    // over the store, and a read per session was most of the walk.
    if (seen === lowAt) overallLow = acus[g] as number;
    if (seen === highAt) overallHigh = acus[g] as number;
    seen++;
    a.see(codesA[k] as number, acus, g);
    b.see(codesB[k] as number, acus, g);
    c.see(codesC[k] as number, acus, g);
  }
  if (!all) for (let i = 0; i < count; i++) selected[picked[i] as number] = 0;
  return {
    overall: middle(count, overallLow, overallHigh),
    groups: [a.medians(), b.medians(), c.medians()],
  };
}

/** As `median` (statistics.ts) says it: the middle value, or the rounded mean of the two. */
function middle(count: number, low: number, high: number): number {
  if (count === 0) return 0;
  return count % 2 === 1 ? high : roundAcus((low + high) / 2);
}
