// The order the API serves sessions in, shared by the generator and the store so both sort alike.

/** API order: newest first; ties broken by id so pages never overlap or skip. */
export function compareSessions(
  aCreatedMs: number,
  aId: string,
  bCreatedMs: number,
  bId: string,
): number {
  if (aCreatedMs !== bCreatedMs) return bCreatedMs - aCreatedMs;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}
