/**
 * Opens the sessions where the person will find them later: the toolbar popup if the browser
 * lets a page open it, else the full-tab list. Chromium (127+) opens the popup of the focused
 * window; Firefox only inside a click handler, so this runs in the click, before any await.
 * Either may refuse (no focused window, the icon hidden in a menu): then the tab opens.
 */
import { browser } from 'wxt/browser';

export function openSessions(): Promise<void> {
  const openTab = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/sessions.html') });
  };
  const action = browser.action as { openPopup?: () => Promise<void> } | undefined;
  if (typeof action?.openPopup !== 'function') return openTab();
  let opened: Promise<void>;
  try {
    opened = action.openPopup();
  } catch {
    return openTab();
  }
  return opened.catch(openTab);
}
