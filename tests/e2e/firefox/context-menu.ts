/**
 * Right-click and choose an item of Firefox's own context menu. The right-click is a real
 * input event in the page, so Firefox builds its menu (with the extension's items, filtered by
 * their URL patterns) as for a person; the menu itself is browser UI that WebDriver BiDi
 * cannot click, so the item is chosen from a privileged page (about:preferences, reachable
 * with -remote-allow-system-access), which fires the extension's onClicked as a click does.
 */
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { waitUntil } from '../extension';

/** The labels of the visible items of the open page context menu, after a right-click. */
async function openMenu(privileged: Page, target: ElementHandle<Element>): Promise<string[]> {
  await target.click({ button: 'right' });
  let labels: string[] = [];
  await waitUntil(
    'the context menu to open',
    async () => {
      labels = await privileged.evaluate(() => {
        const chrome = globalThis as unknown as {
          Services: { wm: { getMostRecentWindow(type: string): Window } };
        };
        const menu = chrome.Services.wm
          .getMostRecentWindow('navigator:browser')
          .document.getElementById('contentAreaContextMenu') as HTMLElement & { state: string };
        if (menu.state !== 'open') return [];
        return [...menu.querySelectorAll('menuitem')]
          .filter((item) => !(item as HTMLElement).hidden)
          .map((item) => item.getAttribute('label') ?? '');
      });
      return labels.length > 0;
    },
    10_000,
    100,
  );
  return labels;
}

/**
 * Right-clicks `target` and chooses the item labelled `label`. Returns false (menu closed)
 * when the menu has no such item, as when the extension's URL patterns do not match.
 */
export async function chooseFromContextMenu(
  browser: Browser,
  target: ElementHandle<Element>,
  label: string,
): Promise<boolean> {
  const privileged = await browser.newPage();
  try {
    privileged.goto('about:preferences').catch(() => {});
    await waitUntil(
      'a privileged page',
      () => privileged.evaluate(() => 'Services' in globalThis).catch(() => false),
      10_000,
      100,
    );
    // The right-click goes to the page's own tab, brought to the front.
    const page = target.frame.page();
    await page.bringToFront();
    const labels = await openMenu(privileged, target);
    return await privileged
      .evaluate((wanted) => {
        const chrome = globalThis as unknown as {
          Services: { wm: { getMostRecentWindow(type: string): Window } };
        };
        const menu = chrome.Services.wm
          .getMostRecentWindow('navigator:browser')
          .document.getElementById('contentAreaContextMenu') as HTMLElement & {
          hidePopup(): void;
        };
        const item = [...menu.querySelectorAll('menuitem')].find(
          (candidate) =>
            !(candidate as HTMLElement).hidden && candidate.getAttribute('label') === wanted,
        ) as (Element & { doCommand(): void }) | undefined;
        item?.doCommand();
        menu.hidePopup();
        return item !== undefined;
      }, label)
      .then((chosen) => {
        if (!chosen && labels.length === 0) throw new Error('The context menu did not open');
        return chosen;
      });
  } finally {
    await privileged.close();
  }
}
