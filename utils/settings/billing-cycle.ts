/**
 * The day of the month the billing cycle starts (08:00 UTC). Devin does not publish it, so the
 * admin says it (default: the 1st); IT can fix it by policy (`billingCycleStartDay` in
 * public/managed-schema.json), which the options page shows as locked. An item of its own:
 * changing it redraws budgets and re-evaluates alerts, it never restarts a sync.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_CYCLE_START_DAY, MAX_CYCLE_START_DAY } from '../budget/cycle';

export const billingCycleStartDayItem = storage.defineItem<number | null>(
  'local:billingCycleStartDay',
  { fallback: null },
);

const POLICY_KEY = 'billingCycleStartDay';

function isStartDay(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= MAX_CYCLE_START_DAY
  );
}

/** The policy's start day, when it sets a usable one (a broken policy must not break budgets). */
export function pickManagedStartDay(raw: Record<string, unknown>): number | null {
  const value = raw[POLICY_KEY];
  return isStartDay(value) ? value : null;
}

async function readManagedStartDay(): Promise<number | null> {
  try {
    return pickManagedStartDay(await browser.storage.managed.get());
  } catch {
    // No policy on this browser or profile: the usual case.
    return null;
  }
}

export interface CycleStartDaySetting {
  day: number;
  /** Set by policy: the options page shows it but does not let it change. */
  locked: boolean;
}

/** Policy first, then what the admin saved, then the 1st. */
export async function readCycleStartDay(): Promise<CycleStartDaySetting> {
  const [managed, saved] = await Promise.all([
    readManagedStartDay(),
    billingCycleStartDayItem.getValue(),
  ]);
  if (managed !== null) return { day: managed, locked: true };
  return { day: isStartDay(saved) ? saved : DEFAULT_CYCLE_START_DAY, locked: false };
}
