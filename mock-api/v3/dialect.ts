// How the v3 API answers at the edges: every error (faults included) as problem details, and
// service-user tokens with permissions instead of the admin key. It also acts (POST, DELETE).

import type { Dialect } from '../http/dialect';
import type { ServiceUser } from './auth';
import { authorizeV3, missingPermission } from './auth';
import { problem } from './problem';

export function createV3Dialect(users: readonly ServiceUser[]): Dialect {
  return {
    allowMethods: 'GET, POST, DELETE, OPTIONS',
    error: (status, message, path, headers) => problem(status, message, path, headers),
    serverError: (status, path) =>
      problem(
        status,
        status === 500 ? 'Internal server error' : 'Service temporarily unavailable',
        path,
      ),
    authorize: (req, route, path) => authorizeV3(req, users, route.permission, path),
    directoryForbidden: (route, path) =>
      problem(403, missingPermission(route.permission ?? 'ReadAccountMeta'), path),
  };
}
