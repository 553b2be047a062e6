// CORS: the headers on every answer and the answer to a preflight. Harmless for the extension
// (host permissions bypass CORS) but they let a page or devtools call the mock too.

import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

export function corsHeaders(): OutgoingHttpHeaders {
  return { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Retry-After' };
}

/**
 * Headers of the 204 that answers an OPTIONS preflight (never rate-limited or delayed);
 * `methods` are those the API version of the path uses.
 */
export function preflightHeaders(req: IncomingMessage, methods: string): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    ...corsHeaders(),
    'access-control-allow-methods': methods,
    'access-control-allow-headers':
      req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
    'access-control-max-age': '600',
  };
  if (req.headers['access-control-request-private-network'] === 'true') {
    headers['access-control-allow-private-network'] = 'true';
  }
  return headers;
}
