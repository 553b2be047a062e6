// Session ids across versions: v3 names a session `devin-<id>`, v2 (and the store) `<id>`. In
// `variants` mode some v2 ids already carry the prefix; it is never doubled.

const PREFIX = 'devin-';

/** The v3 id of a session id from the store or from any v2 answer. */
export function toV3Id(id: string): string {
  return id.startsWith(PREFIX) ? id : `${PREFIX}${id}`;
}

/** The store id behind a v3 id, or null when `devinId` is not one (v3 wants the prefix). */
export function storeIdOf(devinId: string): string | null {
  return devinId.startsWith(PREFIX) && devinId.length > PREFIX.length
    ? devinId.slice(PREFIX.length)
    : null;
}
