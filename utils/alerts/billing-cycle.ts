/**
 * The current billing cycle's start, for the organization budget alert: the cycle of
 * utils/budget/cycle.ts (from the start day set in the options or by policy, at 08:00 UTC).
 */
import { billingCycleAt, DEFAULT_CYCLE_START_DAY } from '../budget/cycle';

export function billingCycleStart(now: number, startDay = DEFAULT_CYCLE_START_DAY): number {
  return billingCycleAt(now, startDay).start;
}
