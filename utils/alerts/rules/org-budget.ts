/**
 * An organization that used X% of its ACU limit for the billing cycle (`max_cycle_acu_limit`
 * from the organizations endpoint, which the sync already reads). Usage is what Devin billed
 * this cycle (the consumption endpoint, read after each sync). When the key cannot read billing,
 * it is estimated from the cached sessions created in the cycle, and the alert says so: that
 * leaves out what other products bill and what older sessions spent in this cycle.
 */
import type { OrganizationRow, SessionRow } from '../../db/types';
import { formatDate, formatPercent } from '../../format';
import { t } from '../../i18n';
import { billingCycleStart } from '../billing-cycle';
import type { AlertCandidate } from '../types';
import { formatAcus, type RuleContext } from './context';

/** The cause of a budget alert: the organization in one cycle (a new cycle, a new cause). */
export function orgBudgetId(orgId: string, now: number, startDay?: number): string {
  return `org_budget:${orgId}:${new Date(billingCycleStart(now, startDay)).toISOString().slice(0, 10)}`;
}

/**
 * ACUs per organization of the cached sessions created in the billing cycle of `now`: the
 * estimate used when billing cannot be read.
 */
export function cycleUsage(
  rows: readonly SessionRow[],
  now: number,
  startDay?: number,
): Map<string, number> {
  const cycleStart = billingCycleStart(now, startDay);
  const used = new Map<string, number>();
  for (const row of rows) {
    if (row.created_at >= cycleStart) {
      used.set(row.org_id, (used.get(row.org_id) ?? 0) + row.acus_consumed);
    }
  }
  return used;
}

/**
 * `estimated`: the cached sessions' ACUs this cycle per organization (see `cycleUsage`; the
 * alerts' scan of the cache counts it page by page). Billed figures in `context` come first.
 */
export function orgBudgetAlerts(
  estimated: ReadonlyMap<string, number>,
  organizations: readonly OrganizationRow[],
  context: RuleContext,
): AlertCandidate[] {
  const percent = context.thresholds.orgBudgetPercent;
  if (percent === null) return [];
  const cycleStart = billingCycleStart(context.now, context.cycleStartDay);
  const billed = context.billedByOrg ?? null;
  const since = formatDate(cycleStart);
  const alerts: AlertCandidate[] = [];
  for (const org of organizations) {
    const limit = org.max_cycle_acu_limit;
    // Only organizations that are synced (billed, or with sessions) and have a limit.
    const spent = billed === null ? estimated.get(org.org_id) : billed[org.org_id];
    if (!limit || spent === undefined || spent < (limit * percent) / 100) continue;
    const share = Math.round((spent / limit) * 100);
    const figures = { used: formatAcus(spent), limit: formatAcus(limit), since };
    alerts.push({
      id: orgBudgetId(org.org_id, context.now, context.cycleStartDay),
      kind: 'org_budget',
      target: { type: 'organization', orgId: org.org_id },
      title: t('alerts.orgBudget.title', [org.org_name || org.org_id, formatPercent(share / 100)]),
      detail:
        billed === null
          ? t('budget.alertDetailSessions', figures)
          : t('budget.alertDetailBilled', figures),
    });
  }
  return alerts;
}
