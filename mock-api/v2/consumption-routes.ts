// GET /v2/enterprise/consumption/daily: billed ACUs of a range of billing days, in total, per
// day (`YYYY-MM-DD` of the day's 08:00 UTC start), per organization and per user. Without
// dates it answers the current cycle so far; with `org_ids` only those organizations' ACUs
// (products tied to no organization drop out, as the documentation says).

import { defaultCycleStart, summarizeConsumption } from '../dataset/consumption';
import type { Reply } from '../http/reply';
import { detail, validationError } from '../http/reply';
import type { HandlerContext, Params } from '../http/routing';
import type { ValidationErrorItem } from '../types';
import { readDateTime, readList } from '../validation';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function dailyConsumption(
  ctx: HandlerContext,
  _params: Params,
  query: URLSearchParams,
): Reply {
  const errors: ValidationErrorItem[] = [];
  const start = readDateTime(query, 'start_date', errors);
  const end = readDateTime(query, 'end_date', errors);
  if (errors.length > 0) return validationError(errors);
  if (ctx.faults.billingForbidden) {
    return detail(403, 'Not authorized to read billing: an enterprise admin key is required');
  }
  const now = ctx.store.now();
  const summary = summarizeConsumption(
    ctx.store.all().map((entry) => entry.session),
    {
      fromMs: start ?? defaultCycleStart(now),
      toMs: end ?? now,
      orgIds: readList(query, 'org_ids'),
    },
  );
  const byDate: Record<string, number> = {};
  for (const [day, { acus }] of [...summary.byDay].sort((a, b) => a[0] - b[0])) {
    byDate[new Date(day).toISOString().slice(0, 10)] = round(acus);
  }
  return {
    status: 200,
    body: {
      total_acus: round(summary.total),
      consumption_by_date: byDate,
      consumption_by_org_id: Object.fromEntries([...summary.byOrg].map(([k, n]) => [k, round(n)])),
      consumption_by_user: Object.fromEntries([...summary.byUser].map(([k, n]) => [k, round(n)])),
    },
  };
}
