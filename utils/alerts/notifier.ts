/** Browser notifications for alerts, one per alert, under the alert's id. */
import { browser } from 'wxt/browser';

export interface Notifier {
  show(id: string, title: string, message: string): Promise<void>;
  clear(id: string): Promise<void>;
}

export function browserNotifier(): Notifier {
  return {
    async show(id, title, message) {
      await browser.notifications.create(id, {
        type: 'basic',
        // Chrome requires an icon; the extension's own file, never a remote one.
        iconUrl: browser.runtime.getURL('/alert-icon.png'),
        title,
        message,
      });
    },
    async clear(id) {
      await browser.notifications.clear(id);
    },
  };
}
