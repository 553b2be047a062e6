/** Every rule over the cache, at once: what needs the admin now. */
import type { OrganizationRow, SessionRow } from '../db/types';
import type { RuleContext } from './rules/context';
import { errorAlerts } from './rules/error';
import { longRunningAlerts } from './rules/long-running';
import { cycleUsage, orgBudgetAlerts, orgBudgetId } from './rules/org-budget';
import { overAcusAlerts } from './rules/over-acus';
import { waitingAlerts } from './rules/waiting';
import type { AlertCandidate } from './types';

export function findCandidates(
  rows: readonly SessionRow[],
  organizations: readonly OrganizationRow[],
  context: RuleContext,
): AlertCandidate[] {
  return [
    ...sessionCandidates(rows, context),
    ...orgBudgetAlerts(
      cycleUsage(rows, context.now, context.cycleStartDay),
      organizations,
      context,
    ),
  ];
}

/** The rules about one session each (all but the organizations' budgets). */
export function sessionCandidates(
  rows: readonly SessionRow[],
  context: RuleContext,
): AlertCandidate[] {
  return [
    ...errorAlerts(rows, context),
    ...waitingAlerts(rows, context),
    ...longRunningAlerts(rows, context),
    ...overAcusAlerts(rows, context),
  ];
}

/**
 * What a dismissed alert may still refer to: cached sessions, and each organization in the
 * current cycle. A dismissal is forgotten once its subject is gone, never before.
 */
export function liveSubjects(
  cachedSessionIds: Iterable<string>,
  organizations: readonly OrganizationRow[],
  now: number,
  cycleStartDay?: number,
): Set<string> {
  const subjects = new Set(cachedSessionIds);
  for (const org of organizations) subjects.add(orgBudgetId(org.org_id, now, cycleStartDay));
  return subjects;
}
