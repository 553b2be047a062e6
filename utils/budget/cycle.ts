/**
 * Billing cycles. Devin documents billing days as starting at 08:00 UTC (midnight PST) but not
 * when a cycle starts: by default a cycle is a calendar month from the 1st at 08:00 UTC, and
 * the admin (or policy) may move its first day (1-28, so that every month has it).
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const BILLING_DAY_START_HOUR_UTC = 8;
export const DEFAULT_CYCLE_START_DAY = 1;
export const MAX_CYCLE_START_DAY = 28;

export interface BillingCycle {
  /** First instant of the cycle (epoch ms, 08:00 UTC). */
  start: number;
  /** First instant of the next cycle. */
  end: number;
}

/** A start day the cycle can use: whole, 1 to 28; anything else is the default. */
function normalizeStartDay(day: unknown): number {
  return typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= MAX_CYCLE_START_DAY
    ? day
    : DEFAULT_CYCLE_START_DAY;
}

function cycleStartIn(year: number, month: number, startDay: number): number {
  return Date.UTC(year, month, startDay, BILLING_DAY_START_HOUR_UTC);
}

/** The cycle that holds `now`. */
export function billingCycleAt(now: number, startDay = DEFAULT_CYCLE_START_DAY): BillingCycle {
  const day = normalizeStartDay(startDay);
  const date = new Date(now);
  const year = date.getUTCFullYear();
  let month = date.getUTCMonth();
  if (now < cycleStartIn(year, month, day)) month -= 1;
  // Date.UTC rolls month -1 and 12 over into the neighbouring years.
  const start = cycleStartIn(year, month, day);
  const end = cycleStartIn(year, month + 1, day);
  return { start, end };
}

/** The cycle before `cycle`. */
export function previousCycle(
  cycle: BillingCycle,
  startDay = DEFAULT_CYCLE_START_DAY,
): BillingCycle {
  return billingCycleAt(cycle.start - 1, startDay);
}

/** Billing days in the cycle (28 to 31). */
export function cycleDays(cycle: BillingCycle): number {
  return Math.round((cycle.end - cycle.start) / DAY_MS);
}

/** Billing days begun so far, today's included (at least 1, at most the cycle's). */
export function elapsedDays(cycle: BillingCycle, now: number): number {
  const begun = Math.floor((now - cycle.start) / DAY_MS) + 1;
  return Math.min(Math.max(begun, 1), cycleDays(cycle));
}

/** Whole or part days until the cycle ends (0 once it has). */
export function daysLeft(cycle: BillingCycle, now: number): number {
  return Math.max(0, Math.ceil((cycle.end - now) / DAY_MS));
}
