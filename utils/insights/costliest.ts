/**
 * The costliest sessions of a pass: a short list kept sorted while the pass walks the ACUs
 * (session-pass.ts). Most sessions are cheaper than the cheapest kept one, which a single
 * comparison before the call tells.
 */

/**
 * Insertion into a short list of positions kept sorted by ACUs (most first), then id. Returns
 * the ACUs below which no session can enter the list any more (the pass skips the call then).
 */
export function keepCostliest(
  top: number[],
  limit: number,
  index: number,
  acus: Float64Array,
  ids: readonly string[],
): number {
  if (limit <= 0) return Number.POSITIVE_INFINITY;
  const floor = () =>
    top.length >= limit ? (acus[top[top.length - 1] ?? 0] ?? 0) : Number.NEGATIVE_INFINITY;
  const value = acus[index] ?? 0;
  const last = top[top.length - 1];
  if (top.length >= limit && last !== undefined && value < (acus[last] ?? 0)) return floor();
  const id = ids[index] ?? '';
  const before = (other: number) => {
    const otherValue = acus[other] ?? 0;
    return value > otherValue || (value === otherValue && id < (ids[other] ?? ''));
  };
  if (top.length >= limit && last !== undefined && !before(last)) return floor();
  let at = top.length;
  while (at > 0 && before(top[at - 1] ?? 0)) at--;
  top.splice(at, 0, index);
  if (top.length > limit) top.pop();
  return floor();
}
