// Handlers of the v2 directory endpoints: organizations, enterprise members, one member, and
// the members of one organization.

import type { Reply } from '../http/reply';
import { detail, validationError } from '../http/reply';
import type { HandlerContext, Params } from '../http/routing';
import type { ValidationErrorItem } from '../types';
import { readString } from '../validation';
import { page, readPaging } from './paging';

export function organizations(ctx: HandlerContext, _params: Params, query: URLSearchParams): Reply {
  const errors: ValidationErrorItem[] = [];
  const { skip, limit } = readPaging(query, errors);
  if (errors.length > 0) return validationError(errors);
  const all = ctx.store.orgs;
  return { status: 200, body: page(all.slice(skip, skip + limit), all.length, skip, limit) };
}

export function members(ctx: HandlerContext, _params: Params, query: URLSearchParams): Reply {
  const errors: ValidationErrorItem[] = [];
  const { skip, limit } = readPaging(query, errors);
  if (errors.length > 0) return validationError(errors);
  const all = ctx.store.listMembers({ email: readString(query, 'email') });
  return { status: 200, body: page(all.slice(skip, skip + limit), all.length, skip, limit) };
}

export function member(ctx: HandlerContext, params: Params): Reply {
  const found = ctx.store.getMember(params.user_id ?? '');
  return found ? { status: 200, body: found } : detail(404, 'User not found');
}

export function orgMembers(ctx: HandlerContext, params: Params, query: URLSearchParams): Reply {
  const errors: ValidationErrorItem[] = [];
  const { skip, limit } = readPaging(query, errors);
  if (errors.length > 0) return validationError(errors);
  const orgId = params.org_id ?? '';
  if (!ctx.store.getOrg(orgId)) return detail(404, 'Organization not found');
  const all = ctx.store.listOrgMembers(orgId);
  return { status: 200, body: page(all.slice(skip, skip + limit), all.length, skip, limit) };
}
