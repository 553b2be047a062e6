// Handlers of the v3 session reads: the enterprise-wide list of sessions with insights (cursor
// paged, filtered through the store's query code plus the v3-only filters), one session's
// insights and its messages.

import type { Reply } from '../http/reply';
import type { HandlerContext, Params } from '../http/routing';
import type { SessionKey, SessionQuery, StoredSession } from '../store';
import type { ValidationErrorItem } from '../types';
import { readList } from '../validation';
import { classificationOf } from './classification';
import type { V3Context } from './context';
import { cursorPage, decodeCursor, pageOfList, readPaging } from './cursor';
import { storeIdOf } from './ids';
import { sessionMessages } from './messages';
import { presentSession, shownStatus } from './present';
import { problem, validationProblem } from './problem';
import { readBool, readUnixSeconds } from './query';
import { traitsOf } from './traits';

/** The filters of the list endpoint, as the store's query plus a v3-only predicate. */
function readFilters(
  v3: V3Context,
  ctx: HandlerContext,
  query: URLSearchParams,
  errors: ValidationErrorItem[],
): SessionQuery {
  const createdAfter = readUnixSeconds(query, 'created_after', errors);
  const createdBefore = readUnixSeconds(query, 'created_before', errors);
  const updatedAfter = readUnixSeconds(query, 'updated_after', errors);
  const updatedBefore = readUnixSeconds(query, 'updated_before', errors);
  const isArchived = readBool(query, 'is_archived', errors);
  const sessionIds = readList(query, 'session_ids');
  const tags = readList(query, 'tags');
  const origins = readList(query, 'origins');
  const categories = readList(query, 'category');
  const serviceUserIds = readList(query, 'service_user_ids');

  const filtersDerived = [isArchived, tags, origins, categories, serviceUserIds].some(
    (filter) => filter !== null,
  );
  const where = filtersDerived
    ? (entry: StoredSession): boolean => {
        const s = entry.session;
        // No session of the mock was started by a service user.
        if (serviceUserIds !== null) return false;
        if (tags !== null && !tags.some((t) => s.tags.includes(t))) return false;
        if (categories !== null) {
          if (s.session_analysis === null) return false;
          if (!categories.includes(classificationOf(s).category)) return false;
        }
        if (isArchived !== null || origins !== null) {
          const traits = traitsOf(s, shownStatus(ctx, entry));
          const archived = v3.isArchived(s.session_id, traits.archivedByDefault);
          if (isArchived !== null && archived !== isArchived) return false;
          if (origins !== null && !origins.includes(traits.origin)) return false;
        }
        return true;
      }
    : null;

  // Unix seconds are whole: `<= before` takes in the whole of that second.
  return {
    orgIds: readList(query, 'org_ids'),
    userIds: readList(query, 'user_ids'),
    sessionIds: sessionIds?.map((id) => storeIdOf(id) ?? '') ?? null,
    createdFrom: createdAfter === null ? null : createdAfter * 1000,
    createdTo: createdBefore === null ? null : createdBefore * 1000 + 999,
    updatedFrom: updatedAfter === null ? null : updatedAfter * 1000,
    updatedTo: updatedBefore === null ? null : updatedBefore * 1000 + 999,
    where,
  };
}

export function listSessions(
  v3: V3Context,
  ctx: HandlerContext,
  _params: Params,
  query: URLSearchParams,
): Reply {
  const errors: ValidationErrorItem[] = [];
  const { first, after } = readPaging(query, errors);
  const filters = readFilters(v3, ctx, query, errors);
  if (errors.length > 0) return validationProblem(errors, ctx.path);

  let afterKey: SessionKey | null = null;
  if (after !== null) {
    const decoded = decodeCursor(v3, 'sessions', after);
    if ('error' in decoded) return problem(400, decoded.error, ctx.path);
    const [createdMs, sessionId] = decoded.key;
    if (typeof createdMs !== 'number' || typeof sessionId !== 'string') {
      return problem(400, 'Invalid cursor', ctx.path);
    }
    afterKey = { createdMs, sessionId };
  }

  const result = ctx.store.querySessionsAfter(filters, afterKey, first);
  const last = result.items[result.items.length - 1];
  const page = {
    items: result.items.map((entry) => presentSession(v3, ctx, entry)),
    total: result.total,
    hasMore: result.hasMore,
    lastKey: last ? [last.createdMs, last.session.session_id] : null,
  };
  return { status: 200, body: cursorPage(v3, 'sessions', page, after) };
}

function findSession(ctx: HandlerContext, params: Params): StoredSession | undefined {
  const storeId = storeIdOf(params.devin_id ?? '');
  return storeId === null ? undefined : ctx.store.getSession(storeId);
}

export function sessionInsights(v3: V3Context, ctx: HandlerContext, params: Params): Reply {
  const entry = findSession(ctx, params);
  if (!entry) return problem(404, 'Session not found', ctx.path);
  return { status: 200, body: presentSession(v3, ctx, entry) };
}

export function sessionMessagesPage(
  v3: V3Context,
  ctx: HandlerContext,
  params: Params,
  query: URLSearchParams,
): Reply {
  const errors: ValidationErrorItem[] = [];
  const { first, after } = readPaging(query, errors);
  if (errors.length > 0) return validationProblem(errors, ctx.path);
  const entry = findSession(ctx, params);
  if (!entry) return problem(404, 'Session not found', ctx.path);

  let afterKey = null;
  if (after !== null) {
    const decoded = decodeCursor(v3, 'messages', after);
    if ('error' in decoded) return problem(400, decoded.error, ctx.path);
    afterKey = decoded.key;
  }
  const traits = traitsOf(entry.session, shownStatus(ctx, entry));
  const all = sessionMessages(entry.session, traits, entry.createdMs, entry.updatedMs);
  const page = pageOfList(all, (m) => m.event_id, afterKey, first);
  if (!page) return problem(400, 'Invalid cursor', ctx.path);
  return { status: 200, body: cursorPage(v3, 'messages', page, after) };
}
