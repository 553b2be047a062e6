// The bearer-key check in front of every route, answering 401/403 exactly as FastAPI's
// HTTPBearer plus the Devin API's key check do.

import type { IncomingMessage } from 'node:http';
import { detail, type Reply } from './reply';

/** The 401/403 to answer, or null when the request carries the enterprise admin key. */
export function checkAuth(
  req: IncomingMessage,
  apiKey: string,
  nonAdminKey: string | null,
): Reply | null {
  const header = req.headers.authorization;
  const challenge = { 'www-authenticate': 'Bearer' };
  if (!header) return detail(401, 'Not authenticated', challenge);
  const space = header.indexOf(' ');
  const scheme = space > 0 ? header.slice(0, space) : header;
  const token = space > 0 ? header.slice(space + 1).trim() : '';
  // FastAPI's HTTPBearer rejects other schemes and empty credentials before our key check.
  if (scheme.toLowerCase() !== 'bearer' || token === '') {
    return detail(401, 'Invalid authentication credentials', challenge);
  }
  if (nonAdminKey !== null && token === nonAdminKey) {
    return detail(403, 'This endpoint requires an enterprise admin API key');
  }
  if (token !== apiKey) return detail(401, 'Invalid API key', challenge);
  return null;
}
