/**
 * Words for the API's enumerated values that the session views show: the known ones come
 * from the locale files; a value the API adds later is still shown, humanized, rather than
 * hidden (the API notes ask to tolerate unknown values).
 */
import { t } from '../../utils/i18n';
import { humanize } from '../shared/labels';

export function prStateWord(state: string): string {
  switch (state.toLowerCase()) {
    case 'open':
      return t('sessions.values.prState.open');
    case 'merged':
      return t('sessions.values.prState.merged');
    case 'closed':
      return t('sessions.values.prState.closed');
    default:
      return humanize(state);
  }
}

export function impactWord(impact: string): string {
  switch (impact.toLowerCase()) {
    case 'high':
      return t('sessions.values.impact.high');
    case 'medium':
      return t('sessions.values.impact.medium');
    case 'low':
      return t('sessions.values.impact.low');
    default:
      return humanize(impact);
  }
}
