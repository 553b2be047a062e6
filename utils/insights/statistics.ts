/**
 * The statistics of the Insights aggregation: ACU rounding and medians (overall and per group).
 * Kept apart from the pass so the arithmetic can be read, and tested, on its own.
 */

/** Sums of two-decimal ACUs drift; every ACU figure is rounded to 2 decimals. */
export function roundAcus(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The median of some numbers (reorders them in place); 0 for none. */
export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return 0;
  const middle = n >> 1;
  const upper = select(values, middle);
  if (n % 2 === 1) return upper;
  // After selecting `middle`, everything before it is smaller or equal: the lower middle is
  // their maximum.
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < middle; i++) lower = Math.max(lower, values[i] ?? lower);
  return roundAcus((lower + upper) / 2);
}

/**
 * The k-th smallest value (Hoare's quickselect, median-of-three pivots): linear time on average,
 * where sorting every group's ACUs cost more than the rest of the pass.
 */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const mid = (left + right) >> 1;
    const a = values[left] ?? 0;
    const b = values[mid] ?? 0;
    const c = values[right] ?? 0;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while ((values[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k] ?? 0;
}

/**
 * The median ACUs of every group: the values are laid out group after group (a counting sort by
 * code) and each group's slice is sorted natively.
 */
export function groupMedians(
  codes: Int32Array,
  acus: Float64Array,
  sizes: readonly number[],
  scratch = new Float64Array(codes.length),
): Float64Array {
  const offsets = new Int32Array(sizes.length + 1);
  for (let code = 0; code < sizes.length; code++) {
    offsets[code + 1] = (offsets[code] ?? 0) + (sizes[code] ?? 0);
  }
  const fill = offsets.slice(0, sizes.length);
  const values = scratch;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? 0;
    const at = fill[code] ?? 0;
    values[at] = acus[i] ?? 0;
    fill[code] = at + 1;
  }
  const medians = new Float64Array(sizes.length);
  for (let code = 0; code < sizes.length; code++) {
    medians[code] = median(values.subarray(offsets[code] ?? 0, offsets[code + 1] ?? 0));
  }
  return medians;
}
