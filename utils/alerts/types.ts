/** What an alert is, as the rules produce it and as the `alerts` table keeps it. */

/** One kind per rule; each can have its browser notifications turned on or off. */
export type AlertKind = 'error' | 'waiting' | 'long_running' | 'over_acus' | 'org_budget';

export const ALERT_KINDS: readonly AlertKind[] = [
  'error',
  'waiting',
  'long_running',
  'over_acus',
  'org_budget',
];

/** What an alert opens: a session in the session view, or an organization's sessions. */
export type AlertTarget =
  | { type: 'session'; sessionId: string; orgId: string }
  | { type: 'organization'; orgId: string };

/** A condition a rule found in the cache now. Plain text only: the UI renders it as text. */
export interface AlertCandidate {
  /**
   * The cause: kind and subject (and, for a budget, the billing cycle). An alert dismissed is
   * remembered under this id, so the same cause is never raised again.
   */
  id: string;
  kind: AlertKind;
  target: AlertTarget;
  title: string;
  detail: string;
}

/**
 * - `active`: shown in the lists and counted on the badge.
 * - `snoozed`: hidden until `snoozedUntil`, then active again (and notified again).
 * - `dismissed`: hidden for good; kept while its subject is cached so it is not raised again.
 */
type AlertState = 'active' | 'snoozed' | 'dismissed';

export interface AlertRow extends AlertCandidate {
  state: AlertState;
  /** When the cause was first found (epoch ms). */
  raisedAt: number;
  snoozedUntil: number | null;
}
