/**
 * "Test connection" in the options page: can this key read sessions, and which organizations
 * does it see? Answers in words a person can act on.
 */
import { type DevinClient, isDevinApiError, type Organization, SESSION_PAGE_SIZE } from '../api';
import { formatCount } from '../format';
import { t } from '../i18n';

export type ConnectionReport =
  | {
      ok: true;
      organizations: Organization[];
      directoryForbidden: boolean;
      /** "Connected to the v3 API as service user ci-bot." */
      connectedAs: string;
      message: string;
    }
  | {
      ok: false;
      kind: string;
      message: string;
      /** What the server said was wrong (a v3 problem detail, e.g. the permission missing). */
      problem?: string;
    };

function failure(error: unknown): ConnectionReport {
  if (isDevinApiError(error)) {
    const { problem } = error.options;
    return { ok: false, kind: error.kind, message: error.message, ...(problem ? { problem } : {}) };
  }
  return {
    ok: false,
    kind: 'unknown',
    message: t('background.connection.unexpected'),
  };
}

/** A request's answer or its error, so several can be awaited together and read in order. */
function settle<T>(
  request: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return request.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

export async function testConnection(
  client: DevinClient,
  orgIds: readonly string[],
): Promise<ConnectionReport> {
  let organizations: Organization[] = [];
  let directoryForbidden = false;
  // v3 first asks who the token is: a refused token fails here, in the token's own words.
  let caller: string | null = null;
  try {
    caller = client.describeCaller ? await client.describeCaller() : null;
  } catch (error) {
    return failure(error);
  }
  // v3 lists sessions across the enterprise: one item without an organization filter shows
  // whether the token may read sessions at all, before any organization is chosen.
  const probes = orgIds.length === 0 && client.version === 'v3' ? [''] : orgIds;
  // Asked all at once: at a real API's latency each request costs a few hundred milliseconds,
  // and saving a key waits for this test. The answers are read in the order they were asked.
  // The first organization is asked for a whole first page, as the sync asks for it: the
  // background keeps it for the sync that follows a Save (api/first-page.ts).
  const [listed, ...probed] = await Promise.all([
    settle(client.listOrganizations()),
    ...probes.map((orgId, i) =>
      settle(
        client.listSessionsPage(orgId, {
          skip: 0,
          limit: i === 0 && orgId !== '' ? SESSION_PAGE_SIZE : 1,
        }),
      ),
    ),
  ]);
  if (listed?.ok) organizations = listed.value;
  else {
    const error = listed?.error;
    // Some admin keys may not list organizations; sessions can still be read by org id.
    if (!(isDevinApiError(error) && error.kind === 'forbidden' && orgIds.length > 0))
      return failure(error);
    directoryForbidden = true;
  }
  for (const [i, probe] of probed.entries()) {
    if (probe.ok) continue;
    const { error } = probe;
    if (isDevinApiError(error) && error.kind === 'not_found') {
      return {
        ok: false,
        kind: error.kind,
        message: t('background.connection.orgNotFound', { org: probes[i] ?? '' }),
      };
    }
    return failure(error);
  }
  const count = organizations.length;
  const connectedAs =
    client.version === 'v2'
      ? t('background.connection.connectedV2')
      : caller
        ? t('background.connection.connectedV3As', { name: caller })
        : t('background.connection.connectedV3');
  // Two sentences, each a whole message: the second one's word order does not depend on the first.
  const message = directoryForbidden
    ? t('background.connection.withoutDirectory', { connected: connectedAs })
    : t('background.connection.withOrganizations', count, {
        connected: connectedAs,
        count: formatCount(count),
      });
  return { ok: true, organizations, directoryForbidden, connectedAs, message };
}
