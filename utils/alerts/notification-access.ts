/**
 * Browser notifications are optional: the extension installs without asking for them, and the
 * options page asks (from the admin's click) when a kind of alert is first set to notify.
 * Alerts are listed in the popup and the tab and counted on the badge either way.
 */
import { browser } from 'wxt/browser';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/** Asks the browser, which may prompt; must run in a click's handler, before any await. */
export function askForNotifications(): Promise<boolean> {
  return browser.permissions.request(NOTIFICATIONS);
}

/** Whether notifications may be shown now: granted, and the API present in this context. */
export async function mayNotify(): Promise<boolean> {
  return Boolean(browser.notifications) && (await browser.permissions.contains(NOTIFICATIONS));
}
