/**
 * Lists of values in a sentence ("a, b or c"), the way the browser's UI language writes them:
 * the word for "or" and the separators differ between languages, so they are not joined by
 * hand. One formatter per language and kind, built on first use: building one costs far more
 * than using it.
 */
import { browser } from 'wxt/browser';

type ListKind = 'conjunction' | 'disjunction';

const formatters = new Map<string, Intl.ListFormat>();

function formatter(type: ListKind): Intl.ListFormat {
  const locale = browser.i18n.getUILanguage();
  const key = `${locale}\u241f${type}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.ListFormat(locale, { type, style: 'long' });
    formatters.set(key, cached);
  }
  return cached;
}

/** "a, b or c": one of the values. */
export function anyOf(values: readonly string[]): string {
  return formatter('disjunction').format(values);
}

/** "a, b and c": all of the values. */
export function allOf(values: readonly string[]): string {
  return formatter('conjunction').format(values);
}
