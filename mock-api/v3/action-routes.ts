// Handlers of the v3 calls that change a session: start generating its analysis, and terminate
// it (optionally archiving it). Changes land in the shared store, so v2 sees them too.

import type { Reply } from '../http/reply';
import type { HandlerContext, Params } from '../http/routing';
import type { ValidationErrorItem } from '../types';
import type { V3Context } from './context';
import { storeIdOf, toV3Id } from './ids';
import { presentSession } from './present';
import { problem, validationProblem } from './problem';
import { readBool } from './query';

export function generateInsights(v3: V3Context, ctx: HandlerContext, params: Params): Reply {
  const storeId = storeIdOf(params.devin_id ?? '');
  if (storeId === null || !ctx.store.getSession(storeId)) {
    return problem(404, 'Session not found', ctx.path);
  }
  return { status: 200, body: { session_id: toV3Id(storeId), status: v3.startAnalysis(storeId) } };
}

export function terminateSession(
  v3: V3Context,
  ctx: HandlerContext,
  params: Params,
  query: URLSearchParams,
): Reply {
  const errors: ValidationErrorItem[] = [];
  const archive = readBool(query, 'archive', errors) ?? false;
  if (errors.length > 0) return validationProblem(errors, ctx.path);
  const orgId = params.org_id ?? '';
  if (!ctx.store.getOrg(orgId)) return problem(404, 'Organization not found', ctx.path);
  const storeId = storeIdOf(params.devin_id ?? '');
  const found = storeId === null ? undefined : ctx.store.getSession(storeId);
  if (!found || storeId === null || found.session.org_id !== orgId) {
    return problem(404, 'Session not found', ctx.path);
  }

  ctx.store.terminate(storeId);
  if (archive) v3.archive(storeId);
  return { status: 200, body: presentSession(v3, ctx, found) };
}
