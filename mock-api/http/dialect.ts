// What differs between API versions at the edges of the pipeline: the shape of error answers
// (v2: FastAPI's `{detail}`, v3: RFC 9457 problem details), who may call (v2: the admin key,
// v3: service-user tokens with permissions) and which methods a preflight announces. The
// pipeline asks the dialect of a path, so a fault or a 404 looks like the API it hit.

import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Reply } from './reply';
import type { Route } from './routing';

export interface Dialect {
  /** Methods a CORS preflight announces for paths of this API, e.g. `GET, OPTIONS`. */
  readonly allowMethods: string;
  /** An error answer in this API's shape (404, 405, 429, ...). */
  error(status: number, message: string, path: string, headers?: OutgoingHttpHeaders): Reply;
  /** The answer of a 5xx burst fault. */
  serverError(status: number, path: string): Reply;
  /** The 401/403 for the request's credentials on `route`, or null when it may proceed. */
  authorize(req: IncomingMessage, route: Route, path: string): Reply | null;
  /** The 403 of the `directoryForbidden` fault. */
  directoryForbidden(route: Route, path: string): Reply;
}
