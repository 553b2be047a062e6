/**
 * Browser notifications for alerts, one per alert, under the alert's id. Without the optional
 * `notifications` permission nothing is shown (notification-access.ts).
 */
import { browser } from 'wxt/browser';
import { mayNotify } from './notification-access';

export interface Notifier {
  show(id: string, title: string, message: string): Promise<void>;
  clear(id: string): Promise<void>;
}

export function browserNotifier(): Notifier {
  return {
    async show(id, title, message) {
      if (!(await mayNotify())) return;
      await browser.notifications.create(id, {
        type: 'basic',
        // Chrome requires an icon; the extension's own file, never a remote one.
        iconUrl: browser.runtime.getURL('/alert-icon.png'),
        title,
        message,
      });
    },
    async clear(id) {
      if (!(await mayNotify())) return;
      await browser.notifications.clear(id);
    },
  };
}
