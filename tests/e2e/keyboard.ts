/**
 * Moving through a page with the keyboard only, as a person who cannot use a mouse does: Tab
 * (or Shift+Tab) until the wanted control has focus, and a check that focus is visible there.
 * Failures say where focus went instead, so an unreachable control or a trap is plain to see.
 */
import type { Locator, Page } from 'playwright-core';

/** A short description of the focused element: tag, role and name or text. */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(page)';
    const name =
      el.getAttribute('aria-label') ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      '';
    const role = el.getAttribute('role');
    return `${el.tagName.toLowerCase()}${role ? `[${role}]` : ''} "${name.trim().slice(0, 40)}"`;
  });
}

async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluateAll((all) => all.some((el) => el === document.activeElement));
}

/**
 * Whether focus can be seen: the focused element or a close ancestor (a row around its
 * button) draws an outline or a ring.
 */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) return true;
      if (style.boxShadow !== 'none') return true;
    }
    return false;
  });
}

/**
 * Presses Tab (Shift+Tab with `back`) until `target` has focus, at most `max` times; fails with
 * the path focus took. Then checks the focus can be seen.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  what: string,
  options: { back?: boolean; max?: number } = {},
): Promise<void> {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  const max = options.max ?? 80;
  const path: string[] = [];
  for (let presses = 0; !(await hasFocus(target)); presses++) {
    if (presses >= max) {
      throw new Error(`${what} not reached with ${max} × ${key}; focus went: ${path.join(' → ')}`);
    }
    await page.keyboard.press(key);
    path.push(await describeFocus(page));
  }
  if (!(await focusIsVisible(page))) {
    throw new Error(`${what} has focus, but nothing shows it (no outline or ring)`);
  }
}

/** How long focus may take to arrive: the page moves it in the frame after a key, or the next. */
const FOCUS_WAIT_MS = 1_000;

/** Fails unless `target` gets focus within FOCUS_WAIT_MS (after Escape, focus goes back). */
export async function expectFocusOn(page: Page, target: Locator, what: string): Promise<void> {
  const until = Date.now() + FOCUS_WAIT_MS;
  while (!(await hasFocus(target))) {
    if (Date.now() > until) {
      throw new Error(`Focus should be on ${what}, but is on ${await describeFocus(page)}`);
    }
    await page.waitForTimeout(50);
  }
}
