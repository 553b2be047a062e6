/**
 * The periodic sync alarm. Alarms survive a stopped worker but not always a browser restart or
 * an update, so the background re-creates it at every start-up; creating it again with the same
 * period keeps its schedule.
 */
import { browser } from 'wxt/browser';
import { MIN_SYNC_INTERVAL_MINUTES } from '../settings';

export const SYNC_ALARM = 'devin-sync';
/** A one-off, sooner try after a sync that failed for a passing reason (429, 5xx, network). */
export const RETRY_ALARM = 'devin-sync-retry';
const RETRY_DELAY_MINUTES = 2;

export async function scheduleSync(intervalMinutes: number): Promise<void> {
  const periodInMinutes = Math.max(MIN_SYNC_INTERVAL_MINUTES, intervalMinutes);
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}

export async function cancelSync(): Promise<void> {
  await Promise.all([browser.alarms.clear(SYNC_ALARM), browser.alarms.clear(RETRY_ALARM)]);
}

export async function scheduleRetry(): Promise<void> {
  await browser.alarms.create(RETRY_ALARM, { delayInMinutes: RETRY_DELAY_MINUTES });
}
