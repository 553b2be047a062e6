/**
 * The locale every number and date is written in: the browser's UI language, the same one
 * that picks the translation (browser.i18n.getUILanguage()), so a German browser reads
 * "1.234,5 ACUs" next to German words. Read once: it changes only with a browser restart.
 */
import { browser } from 'wxt/browser';

let current: string | undefined;
let read = false;

function readUiLanguage(): string | undefined {
  try {
    const tag = browser.i18n.getUILanguage();
    // Intl throws on a tag it cannot parse; the runtime's default is the better answer then.
    return tag && Intl.NumberFormat.supportedLocalesOf([tag]).length > 0 ? tag : undefined;
  } catch {
    // No extension API here (a dedicated worker, Node scripts): the runtime's default locale.
    return undefined;
  }
}

/** The UI locale, or undefined for the runtime's default (which is the same in a page). */
function uiLocale(): string | undefined {
  if (!read) {
    current = readUiLanguage();
    read = true;
  }
  return current;
}

/** Read the UI language again on next use: for tests that switch the browser's language. */
export function forgetUiLocale(): void {
  read = false;
  cache.clear();
}

const cache = new Map<string, unknown>();

/**
 * One formatter per (locale, name), built on first use: building an Intl formatter costs far
 * more than using one, and a table of 200,000 rows formats every cell.
 */
export function cached<T>(name: string, build: (locale: string | undefined) => T): T {
  // Keyed by name alone: the locale is fixed until forgetUiLocale(), which empties the cache.
  let formatter = cache.get(name) as T | undefined;
  if (formatter === undefined) {
    formatter = build(uiLocale());
    cache.set(name, formatter);
  }
  return formatter;
}
