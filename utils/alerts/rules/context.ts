/** What every rule reads besides the cached rows. */
import type { SessionRow } from '../../db/types';
import { formatDuration, formatAcus as formatNumber } from '../../format';
import { t } from '../../i18n';
import type { AlertThresholds } from '../settings';
import type { AlertCandidate, AlertKind } from '../types';

export interface RuleContext {
  now: number;
  /** Alerts began here (set-up); events before it are history, not news. */
  since: number;
  thresholds: AlertThresholds;
  /** The billing cycle's first day of the month (settings); the 1st when absent. */
  cycleStartDay?: number;
  /**
   * Billed ACUs per organization in the current cycle (utils/budget/refresh.ts); null or absent
   * when billing could not be read, and the budget rule estimates from the cached sessions.
   */
  billedByOrg?: Readonly<Record<string, number>> | null;
}

export const HOUR_MS = 60 * 60 * 1000;

/** How a session is named in an alert: its title, else its first line, else its id. */
export function sessionName(row: SessionRow): string {
  const name = row.title?.trim() || row.first_line.trim() || row.session_id;
  return name.length > 80 ? `${name.slice(0, 79)}…` : name;
}

/** A wait or a run, to the whole hour ("5h", "2d 3h"): alerts are about hours, not minutes. */
export function formatHours(ms: number): string {
  return formatDuration(Math.floor(ms / HOUR_MS) * HOUR_MS);
}

/** "12.5 ACUs", in the browser's language and number format. */
export function formatAcus(acus: number): string {
  return t('alerts.acus', [formatNumber(acus)]);
}

/** A session alert; its id is the cause: the kind and the session. */
export function sessionCandidate(
  kind: AlertKind,
  row: SessionRow,
  title: string,
  detail: string,
): AlertCandidate {
  return {
    id: `${kind}:${row.session_id}`,
    kind,
    target: { type: 'session', sessionId: row.session_id, orgId: row.org_id },
    title,
    detail,
  };
}
