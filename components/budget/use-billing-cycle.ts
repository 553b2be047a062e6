/** The billing cycle the budget shows: the one `now` falls in, by the start-day setting. */
import { useEffect, useState } from 'preact/hooks';
import {
  type BillingCycle,
  billingCycleAt,
  DEFAULT_CYCLE_START_DAY,
} from '../../utils/budget/cycle';
import { billingCycleStartDayItem, readCycleStartDay } from '../../utils/settings/billing-cycle';

/** The cycle's start day (policy or options), followed as it changes. */
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

export function useBillingCycle(now: number): { cycle: BillingCycle; startDay: number } {
  const startDay = useCycleStartDay();
  // The Insights query follows the cycle by its start, not by this object's identity.
  return { cycle: billingCycleAt(now, startDay), startDay };
}
