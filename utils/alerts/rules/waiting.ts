/**
 * A session waiting for its user for N hours. v3 says so in `status_detail`
 * (`waiting_for_user`); v2 has no detail, and a session waiting for its user is `suspended`
 * there. The wait is counted from the session's last change, the closest the API tells.
 */
import type { SessionRow } from '../../db/types';
import { t } from '../../i18n';
import type { AlertCandidate } from '../types';
import { formatHours, HOUR_MS, type RuleContext, sessionCandidate, sessionName } from './context';

function isWaiting(row: SessionRow): boolean {
  // Rows synced over v3 carry a detail (most statuses); rows synced over v2 never do.
  if (row.status_detail !== undefined) return row.status_detail === 'waiting_for_user';
  return row.status === 'suspended';
}

export function waitingAlerts(rows: readonly SessionRow[], context: RuleContext): AlertCandidate[] {
  const hours = context.thresholds.waitingHours;
  if (hours === null) return [];
  return rows
    .filter((row) => isWaiting(row) && context.now - row.updated_at >= hours * HOUR_MS)
    .map((row) =>
      sessionCandidate(
        'waiting',
        row,
        t('alerts.waiting.title', [sessionName(row)]),
        t('alerts.waiting.detail', [formatHours(context.now - row.updated_at)]),
      ),
    );
}
