// Route tables and path matching, shared by every API version: a version declares its routes
// with `route()`, and the server matches a path against the tables it serves.

import type { Faults, InvalidRecordKind } from '../faults';
import type { SessionStore } from '../store';
import type { Reply } from './reply';

/** Path parameters by name, already percent-decoded. */
export type Params = Record<string, string>;

/** What a handler may read: the shared store and the faults in effect for this request. */
export interface HandlerContext {
  store: SessionStore;
  faults: Faults;
  invalidPlan: Map<number, InvalidRecordKind>;
  /** The request path (problem details name it as `instance`). */
  path: string;
  /** The Authorization header, already accepted by the route's API version. */
  authorization: string | null;
}

export interface Route {
  segments: string[];
  /** The one HTTP method the route answers; others get 405. */
  method: string;
  /** Organizations/members endpoints, which `directoryForbidden` turns into 403s. */
  directory: boolean;
  /** The permission a caller needs (APIs with role-based access); none when absent. */
  permission?: string;
  handle: (ctx: HandlerContext, params: Params, query: URLSearchParams) => Reply;
}

interface RouteExtras {
  method?: string;
  permission?: string;
}

/** A route for a path like `/v2/enterprise/sessions/{session_id}` (GET unless told). */
export function route(
  path: string,
  directory: boolean,
  handle: Route['handle'],
  extras: RouteExtras = {},
): Route {
  return {
    segments: path.split('/').filter(Boolean),
    method: extras.method ?? 'GET',
    directory,
    permission: extras.permission,
    handle,
  };
}

/** The first route of `routes` that matches `path`, in declaration order (as FastAPI matches). */
export function matchRoute(
  routes: readonly Route[],
  path: string,
): { route: Route; params: Params } | null {
  const parts = path.split('/');
  // A path is "/a/b": parts[0] is "", and an empty segment elsewhere never matches (like Starlette).
  if (parts[0] !== '') return null;
  parts.shift();
  for (const candidate of routes) {
    if (candidate.segments.length !== parts.length) continue;
    const params: Params = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const pattern = candidate.segments[i] ?? '';
      const part = parts[i] ?? '';
      if (pattern.startsWith('{')) {
        if (part === '') ok = false;
        else {
          try {
            params[pattern.slice(1, -1)] = decodeURIComponent(part);
          } catch {
            ok = false;
          }
        }
      } else if (pattern !== part) ok = false;
    }
    if (ok) return { route: candidate, params };
  }
  return null;
}
