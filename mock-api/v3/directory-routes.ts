// Handlers of the v3 identity and directory reads: who the caller is (/v3/self), the
// organizations, and the users with their role assignments (cursor paged like every list).

import type { Reply } from '../http/reply';
import type { HandlerContext, Params } from '../http/routing';
import type { OrgMemberResponse, ValidationErrorItem } from '../types';
import { readString } from '../validation';
import { bearerToken } from './auth';
import type { V3Context } from './context';
import type { CursorList } from './cursor';
import { cursorPage, decodeCursor, pageOfList, readPaging } from './cursor';
import { presentOrganization, presentUser } from './present';
import { problem, validationProblem } from './problem';

export function self(v3: V3Context, ctx: HandlerContext): Reply {
  const token = bearerToken(ctx.authorization);
  const user = v3.options.users.find((u) => u.token === token);
  if (!user) return problem(401, 'Invalid or revoked service user credential', ctx.path);
  return {
    status: 200,
    body: {
      principal_type: 'service_user',
      service_user_id: user.serviceUserId,
      service_user_name: user.serviceUserName,
      org_id: null,
    },
  };
}

/** One cursor page of a directory list, or the 400/422 problem of its parameters. */
function directoryPage<T>(
  v3: V3Context,
  ctx: HandlerContext,
  query: URLSearchParams,
  list: CursorList,
  all: readonly T[],
  idOf: (item: T) => string,
): Reply {
  const errors: ValidationErrorItem[] = [];
  const { first, after } = readPaging(query, errors);
  if (errors.length > 0) return validationProblem(errors, ctx.path);
  let afterKey = null;
  if (after !== null) {
    const decoded = decodeCursor(v3, list, after);
    if ('error' in decoded) return problem(400, decoded.error, ctx.path);
    afterKey = decoded.key;
  }
  const page = pageOfList(all, idOf, afterKey, first);
  if (!page) return problem(400, 'Invalid cursor', ctx.path);
  return { status: 200, body: cursorPage(v3, list, page, after) };
}

export function organizations(
  v3: V3Context,
  ctx: HandlerContext,
  _params: Params,
  query: URLSearchParams,
): Reply {
  const all = ctx.store.orgs.map(presentOrganization);
  return directoryPage(v3, ctx, query, 'organizations', all, (o) => o.org_id);
}

export function users(
  v3: V3Context,
  ctx: HandlerContext,
  _params: Params,
  query: URLSearchParams,
): Reply {
  const rolesByUser = new Map<string, OrgMemberResponse[]>();
  for (const orgId of ctx.store.orgIds) {
    for (const m of ctx.store.listOrgMembers(orgId)) {
      const list = rolesByUser.get(m.user_id) ?? [];
      list.push(m);
      rolesByUser.set(m.user_id, list);
    }
  }
  const members = ctx.store.listMembers({ email: readString(query, 'email') });
  const all = members.map((m) => presentUser(m, rolesByUser.get(m.user_id) ?? []));
  return directoryPage(v3, ctx, query, 'users', all, (u) => u.user_id);
}
