// The v3 billing reads: daily ACUs of the enterprise, of one organization and of one user, with
// `time_after` / `time_before` in Unix seconds. Each day is `{date, acus, acus_by_product}`
// (date: the Unix second its billing day starts, 08:00 UTC), as the v3 reference shows them.
// An organization's figure holds only what is tied to it (Devin sessions and reviews).

import {
  type ConsumptionFilter,
  defaultCycleStart,
  summarizeConsumption,
} from '../dataset/consumption';
import type { Reply } from '../http/reply';
import type { HandlerContext, Params } from '../http/routing';
import type { ValidationErrorItem } from '../types';
import { missingPermission } from './auth';
import type { V3Context } from './context';
import { problem, validationProblem } from './problem';
import { readUnixSeconds } from './query';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function answer(
  ctx: HandlerContext,
  query: URLSearchParams,
  scope: Pick<ConsumptionFilter, 'orgIds' | 'userId'>,
): Reply {
  const errors: ValidationErrorItem[] = [];
  const after = readUnixSeconds(query, 'time_after', errors);
  const before = readUnixSeconds(query, 'time_before', errors);
  if (errors.length > 0) return validationProblem(errors, ctx.path);
  if (ctx.faults.billingForbidden)
    return problem(403, missingPermission('ManageBilling'), ctx.path);
  const now = ctx.store.now();
  const summary = summarizeConsumption(
    ctx.store.all().map((entry) => entry.session),
    {
      fromMs: after === null ? defaultCycleStart(now) : after * 1000,
      toMs: before === null ? now : before * 1000,
      ...scope,
    },
  );
  const days = [...summary.byDay].sort((a, b) => a[0] - b[0]);
  return {
    status: 200,
    body: {
      total_acus: round(summary.total),
      consumption_by_date: days.map(([day, { acus, byProduct }]) => ({
        date: day / 1000,
        acus: round(acus),
        acus_by_product: Object.fromEntries(
          Object.entries(byProduct).map(([product, n]) => [product, round(n)]),
        ),
      })),
    },
  };
}

export function enterpriseConsumption(
  _v3: V3Context,
  ctx: HandlerContext,
  _params: Params,
  query: URLSearchParams,
): Reply {
  return answer(ctx, query, { orgIds: null });
}

export function orgConsumption(
  _v3: V3Context,
  ctx: HandlerContext,
  params: Params,
  query: URLSearchParams,
): Reply {
  const orgId = params.org_id ?? '';
  if (!ctx.store.getOrg(orgId)) return problem(404, 'Organization not found', ctx.path);
  return answer(ctx, query, { orgIds: [orgId] });
}

export function userConsumption(
  _v3: V3Context,
  ctx: HandlerContext,
  params: Params,
  query: URLSearchParams,
): Reply {
  const userId = params.user_id ?? '';
  if (!ctx.store.getMember(userId)) return problem(404, 'User not found', ctx.path);
  return answer(ctx, query, { orgIds: null, userId });
}
