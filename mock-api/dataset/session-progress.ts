// How a stored session moves on while the server runs: its next status, more ACUs, merged or new
// pull requests, and an analysis once it is done. Kept apart from the store so the store only
// keeps order and time; the draws here come from the stream the store hands in.

import type { Rng } from '../random';
import { round2 } from '../random';
import type {
  SessionAnalysisData,
  SessionDetailResponse,
  SessionPullRequest,
  SessionStatus,
} from '../types';
import { generateAnalysis } from './analysis';
import type { SessionFactory } from './session-factory';
import { iso } from './time';

/** An analysis for a session that has none yet, written from what the session says about itself. */
export function analysisFor(rng: Rng, session: SessionDetailResponse): SessionAnalysisData {
  const subject = session.title ?? 'the requested change';
  const task = {
    title: subject,
    message: session.initial_user_message ?? subject,
    subject,
    tags: session.tags,
  };
  return generateAnalysis(
    rng,
    task,
    'the repository',
    session.initial_user_message ?? session.title,
  );
}

/**
 * The session one step later, at time `t`: new status, more ACUs, sometimes a PR or an analysis.
 * Returns a new object; the old one stays intact for earlier snapshots.
 */
export function advanceSession(
  rng: Rng,
  factory: SessionFactory,
  old: SessionDetailResponse,
  t: number,
): SessionDetailResponse {
  const status = nextStatus(rng, old.status);
  let acus = old.acus_consumed;
  if (status === 'running' || status === 'exit' || status === 'error' || rng.chance(0.3)) {
    acus = round2(acus + Math.max(0.01, rng.lognormal(0.5, 0.8)));
  }

  let pullRequests: SessionPullRequest[] = old.pull_requests;
  if (status === 'exit') {
    // Open PRs of finished sessions get merged or closed over time.
    pullRequests = pullRequests.map((pr) =>
      pr.state === 'open' && rng.chance(0.5)
        ? { ...pr, state: rng.chance(0.8) ? 'merged' : 'closed' }
        : pr,
    );
  }
  if ((status === 'running' || status === 'exit') && pullRequests.length < 3 && rng.chance(0.3)) {
    const first = pullRequests[0];
    const repo = first ? factory.repositoryOf(old.org_id, first.url) : undefined;
    pullRequests = [...pullRequests, factory.newPullRequest(rng, old.org_id, 'open', repo)];
  }

  let analysis = old.session_analysis;
  if (analysis === null && (status === 'exit' || status === 'error') && rng.chance(0.5)) {
    analysis = analysisFor(rng, old);
  }

  return {
    ...old,
    status,
    updated_at: iso(t),
    acus_consumed: acus,
    pull_requests: pullRequests,
    session_analysis: analysis,
  };
}

/** Plausible lifecycle moves: sessions start, run, finish, sleep, wake, get follow-ups. */
function nextStatus(rng: Rng, status: SessionStatus): SessionStatus {
  switch (status) {
    case 'new':
      return rng.chance(0.7) ? 'claimed' : 'running';
    case 'claimed':
      return 'running';
    case 'resuming':
      return 'running';
    case 'running':
      return rng.weighted<SessionStatus>(
        ['exit', 'running', 'error', 'suspended'],
        [60, 20, 8, 12],
      );
    case 'suspended':
      return rng.chance(0.6) ? 'resuming' : 'exit';
    case 'error':
      return rng.chance(0.4) ? 'running' : 'error';
    default:
      // 'exit': a follow-up message restarts the session, or it stays finished with more work billed.
      return rng.chance(0.35) ? 'running' : 'exit';
  }
}
