/**
 * Finding and using controls the way a person does, by their label, role name or visible text,
 * in a puppeteer page of Firefox. Queries run in the page with `evaluate` (Firefox's BiDi
 * lets it run in extension pages; puppeteer's polling helpers use `Function()`, which the
 * extension's CSP forbids); clicks and typing are real input events.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { waitUntil } from '../extension';

const WAIT = 20_000;

type Found = ElementHandle<Element>;

async function find(
  page: Page,
  what: string,
  query: (arg: string) => Element | null | undefined,
  arg: string,
  timeoutMs = WAIT,
): Promise<Found> {
  let found: Found | null = null;
  await waitUntil(
    what,
    async () => {
      const handle = await page.evaluateHandle(query, arg).catch(() => null);
      found = (handle?.asElement() as Found | null) ?? null;
      return found !== null;
    },
    timeoutMs,
    100,
  );
  return found as unknown as Found;
}

/**
 * The form control labelled `label` (a `<label for>`, a wrapping label or aria-label);
 * with `prefix`, a label that starts with it (an organization's name, then its id).
 */
export function byLabel(
  page: Page,
  label: string,
  options: { prefix?: boolean } = {},
): Promise<Found> {
  return find(
    page,
    `a control labelled "${label}"`,
    (arg) => {
      const { text, prefix } = JSON.parse(arg) as { text: string; prefix: boolean };
      for (const element of document.querySelectorAll('input, select, textarea, button')) {
        const control = element as HTMLInputElement;
        const names = [
          control.getAttribute('aria-label'),
          ...[...(control.labels ?? [])].map((l) => l.textContent),
        ];
        const trimmed = names.map((name) => name?.trim() ?? '');
        if (trimmed.some((name) => (prefix ? name.startsWith(text) : name === text))) {
          return control;
        }
      }
      return null;
    },
    JSON.stringify({ text: label, prefix: options.prefix === true }),
  );
}

/** The enabled or disabled button whose accessible name is `name`. */
export function button(page: Page, name: string | RegExp): Promise<Found> {
  const pattern = typeof name === 'string' ? `^${escapeRegExp(name)}$` : name.source;
  return find(
    page,
    `a button named ${name}`,
    (source) => {
      const matches = new RegExp(source);
      return [...document.querySelectorAll('button, [role="button"]')].find((element) =>
        matches.test((element.getAttribute('aria-label') ?? element.textContent ?? '').trim()),
      );
    },
    pattern,
  );
}

/** The first element matching a CSS selector, waited for. */
export function element(page: Page, selector: string, timeoutMs = WAIT): Promise<Found> {
  return find(
    page,
    `an element "${selector}"`,
    (css) => document.querySelector(css),
    selector,
    timeoutMs,
  );
}

/** Waits until the page's visible text matches. */
export async function waitForText(
  page: Page,
  text: string | RegExp,
  timeoutMs = WAIT,
): Promise<string> {
  const source = typeof text === 'string' ? escapeRegExp(text) : text.source;
  let seen = '';
  try {
    await waitUntil(
      `the text ${text}`,
      async () => {
        seen = await page
          .evaluate(
            (pattern) =>
              // biome-ignore lint/performance/useDomNodeTextContent: only shown text counts.
              new RegExp(pattern).exec(document.body?.innerText ?? '')?.[0] ?? '',
            source,
          )
          .catch(() => '');
        return seen !== '';
      },
      timeoutMs,
      100,
    );
  } catch (error) {
    // biome-ignore lint/performance/useDomNodeTextContent: what the page shows, for the report.
    const shown = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    throw new Error(`${(error as Error).message}; the page shows:\n${shown.slice(0, 1500)}`);
  }
  return seen;
}

/** Replaces a text field's value by typing, as a person does (select all, then type). */
export async function fill(control: Found, value: string): Promise<void> {
  await control.click({ count: 3 });
  await control.evaluate((input) => (input as HTMLInputElement).select());
  await control.press('Backspace');
  if (value !== '') await control.type(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
