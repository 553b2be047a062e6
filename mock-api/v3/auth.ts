// Who may call the v3 API: service-user tokens (`cog_…`) with role-based permissions. The mock
// has a full token and a limited one that lacks the session permissions; v1/v2 keys (`apk_…`)
// are refused with 401, as the real API refuses them.

import type { IncomingMessage } from 'node:http';
import type { Reply } from '../http/reply';
import { Rng } from '../random';
import { problem } from './problem';

/** Enterprise-level permissions of the full token. */
const ALL_PERMISSIONS = [
  'ReadAccountMeta',
  'ManageOrganizations',
  'ViewAccountMembership',
  'ManageAccountMembership',
  'ViewAccountSessions',
  'ManageAccountSessions',
  'ViewOrgSessions',
  'ManageOrgSessions',
  'ManageBilling',
] as const;

/** What the limited token lacks: everything about sessions. */
const SESSION_PERMISSIONS: ReadonlySet<string> = new Set([
  'ViewAccountSessions',
  'ManageAccountSessions',
  'ViewOrgSessions',
  'ManageOrgSessions',
]);

/** Permissions granted per organization rather than to the enterprise. */
const ORG_LEVEL: ReadonlySet<string> = new Set(['ViewOrgSessions', 'ManageOrgSessions']);

export interface ServiceUser {
  token: string;
  serviceUserId: string;
  serviceUserName: string;
  permissions: ReadonlySet<string>;
}

/** Deterministic default token for a seed, shaped like a real service-user credential. */
export function deriveServiceToken(seed: string, kind: 'full' | 'limited'): string {
  return `cog_${new Rng(`${seed}:v3-token:${kind}`).hex(48)}`;
}

/** The service users behind the full token and (when not null) the limited one. */
export function serviceUsers(
  seed: string,
  fullToken: string,
  limitedToken: string | null,
): ServiceUser[] {
  const idOf = (kind: string) => `service-user-${new Rng(`${seed}:service-user:${kind}`).hex(32)}`;
  const users: ServiceUser[] = [
    {
      token: fullToken,
      serviceUserId: idOf('full'),
      serviceUserName: 'sessions-dashboard',
      permissions: new Set(ALL_PERMISSIONS),
    },
  ];
  if (limitedToken !== null) {
    users.push({
      token: limitedToken,
      serviceUserId: idOf('limited'),
      serviceUserName: 'directory-reader',
      permissions: new Set(ALL_PERMISSIONS.filter((p) => !SESSION_PERMISSIONS.has(p))),
    });
  }
  return users;
}

/** The bearer credential of an Authorization header, or null when there is none. */
export function bearerToken(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const space = authorization.indexOf(' ');
  if (space <= 0 || authorization.slice(0, space).toLowerCase() !== 'bearer') return null;
  const token = authorization.slice(space + 1).trim();
  return token === '' ? null : token;
}

/** The 401 for unusable credentials, the 403 for a missing permission, or null. */
export function authorizeV3(
  req: IncomingMessage,
  users: readonly ServiceUser[],
  permission: string | undefined,
  path: string,
): Reply | null {
  const challenge = { 'www-authenticate': 'Bearer' };
  const header = req.headers.authorization;
  if (!header) return problem(401, 'Not authenticated', path, challenge);
  const token = bearerToken(header);
  if (token === null) return problem(401, 'Invalid authentication credentials', path, challenge);
  const user = users.find((u) => u.token === token);
  if (!user) {
    const detail = token.startsWith('apk_')
      ? 'API keys (apk_…) are not accepted by the v3 API; use a service user credential (cog_…)'
      : 'Invalid or revoked service user credential';
    return problem(401, detail, path, challenge);
  }
  if (permission !== undefined && !user.permissions.has(permission)) {
    return problem(403, missingPermission(permission), path);
  }
  return null;
}

/** The 403 detail naming a permission, e.g. "This service user lacks X at enterprise level". */
export function missingPermission(permission: string): string {
  const level = ORG_LEVEL.has(permission) ? 'organization' : 'enterprise';
  return `This service user lacks ${permission} at ${level} level`;
}
