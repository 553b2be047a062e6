/**
 * The current billing cycle. The API documents billing days as starting at 08:00 UTC but not
 * when a cycle starts; cycles are taken to be calendar months starting on the 1st at 08:00 UTC.
 */
const BILLING_DAY_START_HOUR_UTC = 8;

export function billingCycleStart(now: number): number {
  const date = new Date(now);
  const thisMonth = Date.UTC(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    1,
    BILLING_DAY_START_HOUR_UTC,
  );
  if (now >= thisMonth) return thisMonth;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1, BILLING_DAY_START_HOUR_UTC);
}
