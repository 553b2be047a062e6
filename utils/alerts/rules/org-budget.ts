/**
 * An organization that used X% of its ACU limit for the billing cycle (`max_cycle_acu_limit`
 * from the organizations endpoint, which the sync already reads). Usage is the ACUs of the
 * cached sessions created in the cycle: no extra API call, though it leaves out what other
 * products bill and what sessions from the previous cycle spent in this one.
 */
import type { OrganizationRow, SessionRow } from '../../db/types';
import { billingCycleStart } from '../billing-cycle';
import type { AlertCandidate } from '../types';
import { formatAcus, type RuleContext } from './context';

/** The cause of a budget alert: the organization in one cycle (a new cycle, a new cause). */
export function orgBudgetId(orgId: string, now: number): string {
  return `org_budget:${orgId}:${new Date(billingCycleStart(now)).toISOString().slice(0, 10)}`;
}

/** ACUs per organization of the sessions created in the billing cycle of `now`. */
export function cycleUsage(rows: readonly SessionRow[], now: number): Map<string, number> {
  const cycleStart = billingCycleStart(now);
  const used = new Map<string, number>();
  for (const row of rows) {
    if (row.created_at >= cycleStart) {
      used.set(row.org_id, (used.get(row.org_id) ?? 0) + row.acus_consumed);
    }
  }
  return used;
}

/** `used`: see `cycleUsage` (the alerts' scan of the cache counts it page by page). */
export function orgBudgetAlerts(
  used: ReadonlyMap<string, number>,
  organizations: readonly OrganizationRow[],
  context: RuleContext,
): AlertCandidate[] {
  const percent = context.thresholds.orgBudgetPercent;
  if (percent === null) return [];
  const cycleStart = billingCycleStart(context.now);
  const alerts: AlertCandidate[] = [];
  for (const org of organizations) {
    const limit = org.max_cycle_acu_limit;
    const spent = used.get(org.org_id);
    // Only organizations that are synced (they have sessions) and have a limit.
    if (!limit || spent === undefined || spent < (limit * percent) / 100) continue;
    const share = Math.round((spent / limit) * 100);
    alerts.push({
      id: orgBudgetId(org.org_id, context.now),
      kind: 'org_budget',
      target: { type: 'organization', orgId: org.org_id },
      title: `${org.org_name || org.org_id} used ${share}% of its ACU limit`,
      detail: `${formatAcus(spent)} of ${formatAcus(limit)} this billing cycle (sessions created since ${new Date(cycleStart).toISOString().slice(0, 10)}).`,
    });
  }
  return alerts;
}
