/** A session that ended in error since alerts were set up (older errors are history). */
import type { SessionRow } from '../../db/types';
import type { AlertCandidate } from '../types';
import { formatAcus, type RuleContext, sessionCandidate, sessionName } from './context';

export function errorAlerts(rows: readonly SessionRow[], context: RuleContext): AlertCandidate[] {
  return rows
    .filter((row) => row.status === 'error' && row.updated_at >= context.since)
    .map((row) =>
      sessionCandidate(
        'error',
        row,
        `Ended in error: ${sessionName(row)}`,
        `${formatAcus(row.acus_consumed)} used. Open it to see what went wrong.`,
      ),
    );
}
