/**
 * The budget as the page shows it: the stored billed figures (written by the sync) and the
 * organizations' limits, read through live queries so the page follows each sync, beside the
 * sums of the cycle's cached sessions, which the Insights worker adds up from the rows it holds
 * (reading every row here would stall the page for seconds at 200,000 sessions).
 */
import type { Budget } from '../../utils/budget/compute';
import { computeBudget } from '../../utils/budget/compute';
import { type BillingCycle, previousCycle } from '../../utils/budget/cycle';
import { type BillingStatus, type ConsumptionRow, readBilling } from '../../utils/db/consumption';
import { db } from '../../utils/db/database';
import type { CycleSessions } from '../../utils/insights/messages';
import { useLiveQuery } from '../shared/use-live-query';

export interface BudgetView {
  budget: Budget;
  status: BillingStatus | null;
  /** When the billed figures shown were read; null when none are. */
  fetchedAt: number | null;
}

/** A stored cycle counts only when it is the one asked for (the start day may have moved). */
function ofCycle(row: ConsumptionRow | null, start: number): ConsumptionRow | null {
  return row !== null && row.cycleStart === start ? row : null;
}

/** Null until the billed figures are read and the sessions of this very cycle are summed. */
export function useBudget(
  now: number,
  cycle: BillingCycle,
  startDay: number,
  cycleSessions: CycleSessions | null,
): BudgetView | null {
  const data = useLiveQuery(
    async () => {
      const [billing, organizations] = await Promise.all([
        readBilling(db),
        db.organizations.toArray(),
      ]);
      return { billing, organizations };
    },
    [],
    null,
  );
  if (data === null || cycleSessions === null || cycleSessions.cycle.start !== cycle.start) {
    return null;
  }
  const current = ofCycle(data.billing.current, cycle.start);
  const previous = ofCycle(data.billing.previous, previousCycle(cycle, startDay).start);
  const sessions = cycleSessions.sums;
  // The organizations with ACUs this cycle (billed or in sessions), plus those with a limit.
  const ids = new Set<string>([...Object.keys(current?.byOrg ?? {}), ...sessions.byOrg.keys()]);
  const known = new Map(data.organizations.map((org) => [org.org_id, org]));
  for (const org of data.organizations) if (org.max_cycle_acu_limit != null) ids.add(org.org_id);
  const organizations = [...ids]
    .map((id) => known.get(id) ?? { org_id: id, org_name: null, max_cycle_acu_limit: null })
    .sort((a, b) => (a.org_name ?? a.org_id).localeCompare(b.org_name ?? b.org_id));
  return {
    budget: computeBudget({ now, cycle, billed: current, previous, organizations, sessions }),
    status: data.billing.status,
    fetchedAt: current?.fetchedAt ?? null,
  };
}
