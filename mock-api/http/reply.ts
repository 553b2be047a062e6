// What a route answers (status, body, headers) and how an answer is written to the socket, so
// handlers of every API version build plain values and never touch the response object.

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { truncateBody } from '../faults';
import type { ValidationErrorItem } from '../types';
import { corsHeaders } from './cors';

export interface Reply {
  status: number;
  body: unknown;
  headers?: OutgoingHttpHeaders;
}

const JSON_TYPE = 'application/json';

/** FastAPI's error body: `{"detail": message}`. */
export function detail(status: number, message: string, headers?: OutgoingHttpHeaders): Reply {
  return { status, body: { detail: message }, headers };
}

/** FastAPI's 422 answer for invalid parameters. */
export function validationError(errors: ValidationErrorItem[]): Reply {
  return { status: 422, body: { detail: errors } };
}

/**
 * Sends `reply`: strings as plain text, other bodies as JSON (cut in half when `malform`), no
 * body for HEAD. Every answer carries the CORS headers.
 */
export function writeReply(
  req: IncomingMessage,
  res: ServerResponse,
  reply: Reply,
  malform = false,
): void {
  const headers: OutgoingHttpHeaders = { ...corsHeaders(), ...reply.headers };
  let payload: string;
  if (typeof reply.body === 'string') {
    payload = reply.body;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (reply.body === undefined) {
    payload = '';
  } else {
    payload = JSON.stringify(reply.body);
    // A route may name a more specific JSON type (application/problem+json).
    headers['content-type'] ??= JSON_TYPE;
    if (malform) payload = truncateBody(payload);
  }
  headers['content-length'] = Buffer.byteLength(payload);
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}
