import { describe, expect, it } from 'vitest';
import { acuOrder, MedianScratch, walkMedians } from './medians';
import { groupMedians, median } from './statistics';

/** A small pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('walkMedians', () => {
  it('gives the medians a sort of the selection gives, overall and per group', () => {
    const next = random(7);
    const size = 500;
    // Two-decimal ACUs with many ties, as the API sends them.
    const acus = Float64Array.from({ length: size }, () => Math.round(next() * 4000) / 100);
    const codes = [0, 1, 2].map(() =>
      Int32Array.from({ length: size }, () => Math.floor(next() * 6)),
    ) as [Int32Array, Int32Array, Int32Array];
    const order = acuOrder(acus, codes);
    const scratch = new MedianScratch(size);
    for (const share of [1, 0.5, 0.13, 0.002, 0]) {
      const picked = Int32Array.from(
        Array.from({ length: size }, (_, g) => g).filter(() => share === 1 || next() < share),
      );
      const values = Float64Array.from(picked, (g) => acus[g] as number);
      const sizes = codes.map((column) => {
        const counts = new Int32Array(6);
        for (const g of picked)
          counts[column[g] as number] = (counts[column[g] as number] ?? 0) + 1;
        return counts;
      }) as [Int32Array, Int32Array, Int32Array];
      const walked = walkMedians(order, acus, picked, sizes, scratch);
      expect(walked.overall).toBe(median(values.slice()));
      codes.forEach((column, n) => {
        const picks = Int32Array.from(picked, (g) => column[g] as number);
        expect(Array.from(walked.groups[n] as Float64Array)).toEqual(
          Array.from(groupMedians(picks, values, Array.from(sizes[n] as Int32Array))),
        );
      });
      // The walk leaves no selection behind for the next query.
      expect(scratch.selected.every((mark) => mark === 0)).toBe(true);
    }
  });
});
