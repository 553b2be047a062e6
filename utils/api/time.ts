/** API timestamps to epoch milliseconds; kept apart so pages can use it without the client. */

/** Parses an API timestamp to epoch milliseconds; a timestamp without a zone is UTC. */
export function toEpochMs(value: string): number {
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value);
  return Date.parse(hasZone ? value : `${value}Z`);
}
