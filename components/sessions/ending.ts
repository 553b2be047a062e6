/**
 * What the top of a session's detail says about how it ended or where it stands: how long it
 * ran, and for a session that ended in error, what explains it (the v3 status detail, and the
 * analysis issue of the highest impact).
 */
import type { Session } from '../../utils/api/schemas';
import { toEpochMs } from '../../utils/api/time';
import { humanize } from '../shared/labels';
import { type AnalysisIssue, leadingIssue } from './analysis';

/** Statuses of a session that still runs or may run again: its duration grows until now. */
const LIVE_STATUSES = new Set(['new', 'claimed', 'running', 'resuming']);

/** Milliseconds the session has run: until its last update, or until now while it is live. */
export function sessionDuration(session: Session, now: number): number {
  const created = toEpochMs(session.created_at);
  const end = LIVE_STATUSES.has(session.status) ? now : toEpochMs(session.updated_at);
  return Math.max(0, end - created);
}

export interface EndingExplanation {
  /** The v3 status detail in words ("Usage limit exceeded"), when the API gave one. */
  detail: string | null;
  /** The analysis issue that explains it best, when the session has an analysis. */
  issue: AnalysisIssue | null;
}

/** Why an errored session ended, from what the API reports; null for any other status. */
export function explainError(session: Session): EndingExplanation | null {
  if (session.status !== 'error') return null;
  const detail = session.status_detail ? humanize(session.status_detail) : null;
  const issue = session.session_analysis ? leadingIssue(session.session_analysis.issues) : null;
  return detail || issue ? { detail, issue } : null;
}
