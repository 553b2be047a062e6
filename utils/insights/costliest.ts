/**
 * The costliest sessions of a pass: a short list kept sorted while walking the ACUs once. Most
 * sessions are cheaper than the cheapest kept one, which a single comparison tells.
 */

/**
 * Positions (into `acus` and `ids`) of the `limit` sessions with the most ACUs, most first,
 * ties by id.
 */
export function costliestOf(acus: Float64Array, ids: readonly string[], limit: number): number[] {
  const top: number[] = [];
  let floor = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < acus.length; i++) {
    if (!((acus[i] as number) < floor)) floor = keepCostliest(top, limit, i, acus, ids);
  }
  return top;
}

/**
 * Insertion into a short list of positions kept sorted by ACUs (most first), then id. Returns
 * the ACUs below which no session can enter the list any more (the walk skips the call then).
 */
function keepCostliest(
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
