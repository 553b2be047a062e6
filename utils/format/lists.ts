/**
 * Lists of values in a sentence ("a, b or c"), the way the browser's UI language writes them:
 * the word for "or" and the separators differ between languages, so they are not joined by hand.
 */
import { cached } from './locale';

function formatter(type: 'conjunction' | 'disjunction'): Intl.ListFormat {
  return cached(`list:${type}`, (locale) => new Intl.ListFormat(locale, { type, style: 'long' }));
}

/** "a, b or c": one of the values. */
export function anyOf(values: readonly string[]): string {
  return formatter('disjunction').format(values);
}

/** "a, b and c": all of the values. */
export function allOf(values: readonly string[]): string {
  return formatter('conjunction').format(values);
}
