/** A session that ended in error since alerts were set up (older errors are history). */
import type { SessionRow } from '../../db/types';
import { t } from '../../i18n';
import type { AlertCandidate } from '../types';
import { formatAcus, type RuleContext, sessionCandidate, sessionName } from './context';

export function errorAlerts(rows: readonly SessionRow[], context: RuleContext): AlertCandidate[] {
  return rows
    .filter((row) => row.status === 'error' && row.updated_at >= context.since)
    .map((row) =>
      sessionCandidate(
        'error',
        row,
        t('alerts.error.title', [sessionName(row)]),
        t('alerts.error.detail', [formatAcus(row.acus_consumed)]),
      ),
    );
}
