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

/** What produced them: tests give the fake browser another language by replacing it. */
let producer: unknown = null;

/**
 * The browser's `i18n.getMessage`, read from the globals rather than `wxt/browser`: that is the
 * extension polyfill, which refuses to load in the Insights worker, where t() runs too.
 */
function currentProducer(): unknown {
  type Scope = { i18n?: { getMessage?: unknown } };
  const scope = globalThis as { browser?: Scope; chrome?: Scope };
  return (scope.browser?.i18n ?? scope.chrome?.i18n)?.getMessage;
}

/**
 * `i18n.t`, remembering its answers: each `getMessage` is a call into the browser's extension
 * bindings, a list row asks for several texts, and a keystroke in the search repaints dozens of
 * rows. The language cannot change while a page is open.
 */
export const t: typeof i18n.t = ((...args: unknown[]): string => {
  // A key alone is its own id; a JSON array cannot be mistaken for a key.
  const id = args.length === 1 ? (args[0] as string) : JSON.stringify(args);
  const source = currentProducer();
  if (source !== producer) {
    produced.clear();
    producer = source;
  }
  let text = produced.get(id);
  if (text === undefined) {
    text = (i18n.t as (...all: unknown[]) => string)(...args);
    if (produced.size >= MAX_PRODUCED) produced.clear();
    produced.set(id, text);
  }
  return text;
}) as typeof i18n.t;
