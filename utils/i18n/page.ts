/**
 * Pages start with static English HTML; this gives them the title and `lang` of the language
 * the text is actually shown in (English when the browser's language has no translation), so
 * screen readers pronounce it right and tabs are named in that language.
 */
import { t } from './index';

export function localizePage(
  titleKey: 'popup.pageTitle' | 'sessions.pageTitle' | 'options.pageTitle' | 'insights.pageTitle',
): void {
  document.title = t(titleKey);
  document.documentElement.lang = t('common.languageTag');
}
