// How the v2 API answers at the edges: FastAPI's `{"detail": ...}` errors, Starlette's plain-text
// 500, and the enterprise admin key check. GET is its only method.

import { checkAuth } from '../http/auth';
import type { Dialect } from '../http/dialect';
import { detail } from '../http/reply';

export function createV2Dialect(apiKey: string, nonAdminKey: string | null): Dialect {
  return {
    allowMethods: 'GET, OPTIONS',
    error: (status, message, _path, headers) => detail(status, message, headers),
    serverError: (status) =>
      // Starlette's unhandled-exception answer is plain text; gateways in front use JSON-ish bodies.
      status === 500
        ? { status, body: 'Internal Server Error' }
        : { status, body: { detail: 'Service temporarily unavailable' } },
    authorize: (req) => checkAuth(req, apiKey, nonAdminKey),
    directoryForbidden: () => detail(403, 'Not authorized to read the enterprise directory'),
  };
}
