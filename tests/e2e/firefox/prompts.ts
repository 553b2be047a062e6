/**
 * Firefox's permission prompt is browser UI (a doorhanger), out of WebDriver BiDi's reach; it
 * is answered from a privileged page (about:preferences, reachable with
 * -remote-allow-system-access) through the browser window's own PopupNotifications.
 */
import type { Browser, Page } from 'puppeteer-core';
import { waitUntil } from '../extension';

interface Notification {
  mainAction: { callback(event: unknown): void };
  remove(): void;
}

/**
 * Runs `click` in `page` (brought to the front: Firefox prompts in the selected tab), then
 * waits for the add-on permission prompt and presses its "Allow" button.
 */
export async function acceptPermissionPrompt(
  browser: Browser,
  page: Page,
  click: () => Promise<void>,
): Promise<void> {
  const privileged = await browser.newPage();
  try {
    privileged.goto('about:preferences').catch(() => {});
    await waitUntil(
      'a privileged page',
      () => privileged.evaluate(() => 'Services' in globalThis).catch(() => false),
      10_000,
      100,
    );
    await page.bringToFront();
    await click();
    await waitUntil(
      'Firefox to show its permission prompt',
      () =>
        privileged
          .evaluate(() => {
            const services = (
              globalThis as unknown as {
                Services: { wm: { getEnumerator(type: string): Iterable<Window> } };
              }
            ).Services;
            for (const win of services.wm.getEnumerator('navigator:browser')) {
              const chrome = win as unknown as {
                PopupNotifications: {
                  getNotification(id: string, browser: unknown): Notification | null;
                };
                gBrowser: { browsers: unknown[] };
              };
              // Prompts belong to a tab: look in every tab, not only the selected one.
              for (const tab of chrome.gBrowser.browsers) {
                const prompt = chrome.PopupNotifications.getNotification(
                  'addon-webext-permissions',
                  tab,
                );
                if (prompt) {
                  prompt.mainAction.callback({});
                  prompt.remove();
                  return true;
                }
              }
            }
            return false;
          })
          .catch(() => false),
      15_000,
      100,
    );
  } finally {
    await privileged.close();
  }
}
