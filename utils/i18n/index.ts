/**
 * The one way UI text is produced: `t('area.key')`, typed from locales/en.yml (WXT generates
 * the key list into .wxt/i18n when it prepares or builds). Text comes from
 * `browser.i18n.getMessage`, so it follows the browser's language, falling back to English.
 *
 *   t('alerts.heading')                          plain text
 *   t('common.sessionCount', n, [formatCount(n)]) plural form chosen by n, $1 = formatted n
 *   t('some.key', ['a', 'b'])                     positional $1, $2
 *   t('some.key', { name: 'x' })                  named {name}
 *
 * Numbers, dates and durations inside messages come from utils/format, never String(n).
 */
import { i18n } from '#i18n';

/** Texts already produced, by key and substitutions; bounded, as they include numbers and names. */
const produced = new Map<string, string>();
const MAX_PRODUCED = 5000;

/**
 * Forgets the texts produced so far: for tests, which give the fake browser another language.
 * (Not by reading `wxt/browser` here: that is the polyfill, which refuses to load in the
 * Insights worker, where t() runs too.)
 */
export function forgetProducedTexts(): void {
  produced.clear();
}

/**
 * `i18n.t`, remembering its answers: each `getMessage` is a call into the browser's extension
 * bindings, a list row asks for several texts, and a keystroke in the search repaints dozens of
 * rows. The language cannot change while a page is open.
 */
export const t: typeof i18n.t = ((...args: unknown[]): string => {
  // A key alone is its own id; a JSON array cannot be mistaken for a key.
  const id = args.length === 1 ? (args[0] as string) : JSON.stringify(args);
  let text = produced.get(id);
  if (text === undefined) {
    text = (i18n.t as (...all: unknown[]) => string)(...args);
    if (produced.size >= MAX_PRODUCED) produced.clear();
    produced.set(id, text);
  }
  return text;
}) as typeof i18n.t;
