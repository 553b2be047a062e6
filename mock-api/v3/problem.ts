// RFC 9457 problem details: the error body of every v3 answer (`{type, title, status, detail,
// instance}`, plus `errors` on a 422), sent as application/problem+json, as the v3 API does.

import type { OutgoingHttpHeaders } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Reply } from '../http/reply';
import type { ValidationErrorItem } from '../types';

const PROBLEM_JSON = 'application/problem+json';

interface ProblemDetail {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: ValidationErrorItem[];
}

/** A problem answer; `instance` is the request path. */
export function problem(
  status: number,
  detail: string,
  instance: string,
  headers?: OutgoingHttpHeaders,
): Reply {
  const body: ProblemDetail = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    instance,
  };
  return { status, body, headers: { ...headers, 'content-type': PROBLEM_JSON } };
}

/** The 422 for invalid parameters: every error in `errors` (pydantic's entries), summed up in `detail`. */
export function validationProblem(errors: ValidationErrorItem[], instance: string): Reply {
  const detail = errors.map((e) => `${e.loc.join('.')}: ${e.msg}`).join('; ');
  const reply = problem(422, detail, instance);
  return { ...reply, body: { ...(reply.body as ProblemDetail), errors } };
}
