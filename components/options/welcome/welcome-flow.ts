/**
 * The guided set-up's state, apart from its looks so it can be tested alone: which step is
 * shown, what each step starts with, and what the first sync has done so far.
 */
import type { Organization } from '../../../utils/api';
import type { ConnectionReport } from '../../../utils/connection/test-connection';
import { type SyncView, syncProgress } from '../../shared/sync-state';

export const WELCOME_STEPS = ['key', 'organizations', 'sync', 'done'] as const;

export type WelcomeStep = (typeof WELCOME_STEPS)[number];

/** 1-based, for "Step 2 of 4". */
export function stepNumber(step: WelcomeStep): number {
  return WELCOME_STEPS.indexOf(step) + 1;
}

export function previousStep(step: WelcomeStep): WelcomeStep | null {
  const index = WELCOME_STEPS.indexOf(step);
  return WELCOME_STEPS[index - 1] ?? null;
}

/**
 * The organizations ticked when step 2 opens: what a policy sets, else what is saved, else
 * the only one the key sees (a v3 service user usually belongs to one), else none, so the
 * admin chooses on purpose.
 */
export function initialOrgIds(
  report: ConnectionReport | null,
  saved: readonly string[],
  locked: readonly string[] | undefined,
): string[] {
  if (locked) return [...locked];
  if (saved.length > 0) return [...saved];
  const listed = report?.ok ? report.organizations : [];
  return listed.length === 1 ? listed.map((org) => org.org_id) : [];
}

/** The organizations to offer: those the key sees, then chosen ids it did not list. */
export function orgOptions(
  report: ConnectionReport | null,
  chosen: readonly string[],
): Organization[] {
  const listed = report?.ok ? report.organizations : [];
  const known = new Set(listed.map((org) => org.org_id));
  const typed = chosen
    .filter((id) => !known.has(id))
    .map((id): Organization => ({ org_id: id, org_name: null }));
  return [...listed, ...typed];
}

export type FirstSync =
  | { state: 'waiting' }
  | { state: 'running'; done: number; total: number }
  | { state: 'finished'; stored: number }
  | { state: 'failed'; message: string };

/**
 * Where the first sync stands. `startedAt` is when the organizations were saved: a success or
 * an error older than that belongs to an earlier attempt and says nothing about this one.
 * `stored` is how many sessions the cache holds.
 */
export function firstSync(
  view: SyncView,
  running: boolean,
  startedAt: number,
  stored: number,
): FirstSync {
  const { done, total } = syncProgress(view.states);
  if (running) return { state: 'running', done, total };
  const { status } = view;
  if (status.pausedReason) return { state: 'failed', message: status.pausedReason };
  const lastError = status.lastError;
  if (lastError && lastError.at >= startedAt) {
    return { state: 'failed', message: lastError.message };
  }
  if (status.lastSuccessAt !== null && status.lastSuccessAt >= startedAt) {
    return { state: 'finished', stored };
  }
  return { state: 'waiting' };
}
