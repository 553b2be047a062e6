/** A session still running N hours after it was created. */
import type { SessionRow } from '../../db/types';
import { t } from '../../i18n';
import type { AlertCandidate } from '../types';
import {
  formatAcus,
  formatHours,
  HOUR_MS,
  type RuleContext,
  sessionCandidate,
  sessionName,
} from './context';

export function longRunningAlerts(
  rows: readonly SessionRow[],
  context: RuleContext,
): AlertCandidate[] {
  const hours = context.thresholds.runningHours;
  if (hours === null) return [];
  return rows
    .filter((row) => row.status === 'running' && context.now - row.created_at >= hours * HOUR_MS)
    .map((row) =>
      sessionCandidate(
        'long_running',
        row,
        t('alerts.longRunning.title', [
          formatHours(context.now - row.created_at),
          sessionName(row),
        ]),
        t('alerts.longRunning.detail', [formatAcus(row.acus_consumed)]),
      ),
    );
}
