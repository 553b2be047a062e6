/**
 * The toolbar badge: how many alerts need the admin (utils/alerts), else how many sessions are
 * running now, or a warning mark when the last sync failed. On a pull-request page, the per-tab count of linked sessions takes precedence
 * (browsers show a tab's own badge text over the global one).
 */
import { formatCount } from '../format';
import { t } from '../i18n';
import type { SyncStatus } from '../sync/status';

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

const RUNNING_COLOR = '#2563eb';
const WARNING_COLOR = '#b91c1c';
const ALERT_COLOR = '#c2410c';

function countText(count: number): string {
  return count > 999 ? '999+' : String(count);
}

export function globalBadge(runningCount: number, status: SyncStatus, alertCount = 0): BadgeView {
  if (status.lastError) {
    return {
      text: '!',
      color: WARNING_COLOR,
      title: t('background.badge.syncFailed', [status.lastError.message]),
    };
  }
  if (alertCount > 0) {
    return {
      text: countText(alertCount),
      color: ALERT_COLOR,
      title: t('background.badge.alerts', [
        t('alerts.needYou', alertCount, [formatCount(alertCount)]),
        formatCount(runningCount),
      ]),
    };
  }
  if (runningCount > 0) {
    const text = countText(runningCount);
    const title = t('background.badge.running', [formatCount(runningCount)]);
    return { text, color: RUNNING_COLOR, title };
  }
  return { text: '', color: RUNNING_COLOR, title: t('manifest.actionTitle') };
}

export function pullRequestBadge(linkedCount: number): BadgeView | null {
  if (linkedCount === 0) return null;
  return {
    text: String(linkedCount),
    color: '#047857',
    title: t('background.badge.linked', linkedCount, [formatCount(linkedCount)]),
  };
}
