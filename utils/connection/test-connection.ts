/**
 * "Test connection" in the options page: can this key read sessions, and which organizations
 * does it see? Answers in words a person can act on.
 */
import { type DevinClient, isDevinApiError, type Organization } from '../api';

export type ConnectionReport =
  | { ok: true; organizations: Organization[]; directoryForbidden: boolean; message: string }
  | { ok: false; kind: string; message: string };

function failure(error: unknown): ConnectionReport {
  if (isDevinApiError(error)) return { ok: false, kind: error.kind, message: error.message };
  return {
    ok: false,
    kind: 'unknown',
    message: 'The connection test failed unexpectedly. Try again.',
  };
}

export async function testConnection(
  client: DevinClient,
  orgIds: readonly string[],
): Promise<ConnectionReport> {
  let organizations: Organization[] = [];
  let directoryForbidden = false;
  try {
    organizations = await client.listOrganizations();
  } catch (error) {
    // Some admin keys may not list organizations; sessions can still be read by org id.
    if (!(isDevinApiError(error) && error.kind === 'forbidden' && orgIds.length > 0))
      return failure(error);
    directoryForbidden = true;
  }
  for (const orgId of orgIds) {
    try {
      await client.listSessionsPage(orgId, { skip: 0, limit: 1 });
    } catch (error) {
      if (isDevinApiError(error) && error.kind === 'not_found') {
        return {
          ok: false,
          kind: error.kind,
          message: `Organization ${orgId} was not found. Check its id; it may have been removed or belong to another enterprise.`,
        };
      }
      return failure(error);
    }
  }
  const count = organizations.length;
  const message = directoryForbidden
    ? 'Connected. This key may not list organizations, so enter their ids by hand.'
    : `Connected. This key sees ${count} organization${count === 1 ? '' : 's'}.`;
  return { ok: true, organizations, directoryForbidden, message };
}
