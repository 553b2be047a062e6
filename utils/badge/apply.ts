/** Puts a badge view on the toolbar button, globally or for one tab. */
import { browser } from 'wxt/browser';
import type { BadgeView } from './badge';

export async function applyBadge(view: BadgeView, tabId?: number): Promise<void> {
  const target = tabId === undefined ? {} : { tabId };
  await Promise.all([
    browser.action.setBadgeText({ ...target, text: view.text }),
    browser.action.setBadgeBackgroundColor({ ...target, color: view.color }),
    browser.action.setTitle({ ...target, title: view.title }),
  ]);
}
