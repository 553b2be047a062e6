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

export const t = i18n.t;
