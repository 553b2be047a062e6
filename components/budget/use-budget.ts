/**
 * The budget as the page shows it: the stored billed figures (written by the sync), the cached
 * sessions of the cycle and the organizations' limits, read through live queries so the page
 * follows each sync; the cycle follows the start-day setting (policy or options).
 */
import { useEffect, useState } from 'preact/hooks';
import { type Budget, computeBudget, sumSessions } from '../../utils/budget/compute';
import { billingCycleAt, DEFAULT_CYCLE_START_DAY, previousCycle } from '../../utils/budget/cycle';
import { type BillingStatus, type ConsumptionRow, readBilling } from '../../utils/db/consumption';
import { db } from '../../utils/db/database';
import { readSessionRows } from '../../utils/db/reads';
import { billingCycleStartDayItem, readCycleStartDay } from '../../utils/settings/billing-cycle';
import { useLiveQuery } from '../shared/use-live-query';

export interface BudgetView {
  budget: Budget;
  status: BillingStatus | null;
  /** When the billed figures shown were read; null when none are. */
  fetchedAt: number | null;
}

function useCycleStartDay(): number {
  const [day, setDay] = useState(DEFAULT_CYCLE_START_DAY);
  useEffect(() => {
    let alive = true;
    const read = () => void readCycleStartDay().then((setting) => alive && setDay(setting.day));
    read();
    const unwatch = billingCycleStartDayItem.watch(read);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return day;
}

/** A stored cycle counts only when it is the one asked for (the start day may have moved). */
function ofCycle(row: ConsumptionRow | null, start: number): ConsumptionRow | null {
  return row !== null && row.cycleStart === start ? row : null;
}

export function useBudget(now: number): BudgetView | null {
  const startDay = useCycleStartDay();
  const data = useLiveQuery(
    async () => {
      const [billing, organizations, rows] = await Promise.all([
        readBilling(db),
        db.organizations.toArray(),
        readSessionRows(db),
      ]);
      return { billing, organizations, rows };
    },
    [],
    null,
  );
  if (data === null) return null;
  const cycle = billingCycleAt(now, startDay);
  const current = ofCycle(data.billing.current, cycle.start);
  const previous = ofCycle(data.billing.previous, previousCycle(cycle, startDay).start);
  const sessions = sumSessions(data.rows, cycle);
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
