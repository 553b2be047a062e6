/** Checks a threshold typed in the options page: empty turns the rule off. */
import { formatCount } from '../format';
import { t } from '../i18n';

export type CheckedThreshold = { ok: true; value: number | null } | { ok: false; reason: string };

export function checkThreshold(text: string, max: number): CheckedThreshold {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    return {
      ok: false,
      reason: t('background.settings.threshold', { max: formatCount(max) }),
    };
  }
  return { ok: true, value };
}
