// Handlers of the v2 session endpoints: the insights lists (enterprise-wide and per
// organization) and one session by id, served as stored or with the configured faults applied.

import { corruptSession, normalizeSessionId, variantSession } from '../faults';
import type { Reply } from '../http/reply';
import { detail, validationError } from '../http/reply';
import type { HandlerContext, Params } from '../http/routing';
import type { StoredSession } from '../store';
import type { ValidationErrorItem } from '../types';
import { readDateTime, readList } from '../validation';
import { page, readPaging } from './paging';

/** The served form of a session: as stored, or with the configured invalidity / variants applied. */
function present(ctx: HandlerContext, entry: StoredSession): unknown {
  const kind = ctx.invalidPlan.get(entry.ordinal);
  if (kind) return corruptSession(entry.session, kind);
  if (ctx.faults.variants) return variantSession(entry.session, entry.ordinal);
  return entry.session;
}

export function sessionInsights(
  ctx: HandlerContext,
  params: Params,
  query: URLSearchParams,
): Reply {
  const errors: ValidationErrorItem[] = [];
  const { skip, limit } = readPaging(query, errors);
  const createdFrom = readDateTime(query, 'created_date_from', errors);
  const createdTo = readDateTime(query, 'created_date_to', errors);
  const updatedFrom = readDateTime(query, 'updated_date_from', errors);
  const updatedTo = readDateTime(query, 'updated_date_to', errors);
  if (errors.length > 0) return validationError(errors);

  const orgId = params.org_id ?? null;
  if (orgId !== null && !ctx.store.getOrg(orgId)) return detail(404, 'Organization not found');
  let sessionIds = readList(query, 'session_ids');
  if (sessionIds && ctx.faults.variants) sessionIds = sessionIds.map(normalizeSessionId);

  const result = ctx.store.querySessions(
    {
      orgId,
      orgIds: readList(query, 'org_ids'),
      userIds: readList(query, 'user_ids'),
      sessionIds,
      createdFrom,
      createdTo,
      updatedFrom,
      updatedTo,
    },
    skip,
    limit,
  );
  const items = result.items.map((entry) => present(ctx, entry));
  return { status: 200, body: page(items, result.total, skip, limit) };
}

export function sessionDetail(ctx: HandlerContext, params: Params): Reply {
  const raw = params.session_id ?? '';
  const entry = ctx.store.getSession(ctx.faults.variants ? normalizeSessionId(raw) : raw);
  if (!entry) return detail(404, 'Session not found');
  return { status: 200, body: present(ctx, entry) };
}
