/**
 * The repository of a normalized PR key, as utils/pr-urls/repository.ts `repositoryKeyOf` says
 * (the list's `repo=` filter uses that one, so both must agree), without its regular
 * expressions: a key built from a hostile URL (thousands of characters, no slash) would make
 * `[^/]+\/\d+$` backtrack at every position. This reads the key once from its end.
 */
function allDigits(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

export function repositoryOf(prKey: string): string {
  let end = prKey.length;
  const last = prKey.lastIndexOf('/');
  if (last > 0 && allDigits(prKey, last + 1, end)) {
    // The marker word (`pull`, `merge_requests`, ...) between the two last slashes.
    const marker = prKey.lastIndexOf('/', last - 1);
    if (marker >= 0 && marker < last - 1) end = marker;
  }
  if (end >= 2 && prKey.charCodeAt(end - 1) === 45 && prKey.charCodeAt(end - 2) === 47) end -= 2;
  return end === prKey.length ? prKey : prKey.slice(0, end);
}
