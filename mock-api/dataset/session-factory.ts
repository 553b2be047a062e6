// Makes whole sessions: who ran one, in which organization and repository, its task, status,
// numbers, pull requests, tags and analysis, from the directory of a dataset.

import type { Rng } from '../random';
import { WeightedTable } from '../random';
import type { SessionDetailResponse, SessionPullRequest, SessionStatus } from '../types';
import { generateAnalysis } from './analysis';
import type { Directory } from './directory';
import type { Repository } from './repositories';
import { pullRequestCount, pullRequestState, sessionAcus, sessionUpdatedAt } from './session-draws';
import { generateTask } from './tasks';
import { HOUR, iso } from './time';
import { TAGS } from './vocab-tasks';

function sessionUrl(sessionId: string): string {
  return `https://app.devin.ai/sessions/${sessionId}`;
}

/** Statuses of a session still at work (recent sessions may have them). */
export const ACTIVE_STATUSES: readonly SessionStatus[] = ['running', 'new', 'claimed', 'resuming'];

interface UserProfile {
  userId: string;
  orgIds: string[];
}

/**
 * Builds sessions for a dataset. Used once for the initial data and again by the store for
 * sessions created while the server runs, so both look alike.
 */
export class SessionFactory {
  private readonly users: WeightedTable<UserProfile> | null;
  private readonly orgIds: string[];
  private readonly reposByOrg = new Map<string, Repository[]>();
  private readonly usedIds = new Set<string>();

  constructor(directory: Directory, existingIds: Iterable<string> = []) {
    this.orgIds = directory.orgs.map((o) => o.org_id);
    for (const repo of directory.repositories) {
      const list = this.reposByOrg.get(repo.org_id) ?? [];
      list.push(repo);
      this.reposByOrg.set(repo.org_id, list);
    }
    const orgsByUser = new Map<string, string[]>();
    for (const m of directory.memberships) {
      const list = orgsByUser.get(m.user_id) ?? [];
      list.push(m.org_id);
      orgsByUser.set(m.user_id, list);
    }
    // A few power users run most sessions (Zipf-like, ranks scrambled so they are not simply the
    // first members listed); members who never logged in run none.
    const profiles: UserProfile[] = [];
    const weights: number[] = [];
    directory.members.forEach((member, rank) => {
      const orgIds = orgsByUser.get(member.user_id);
      if (!orgIds || member.login_count === 0) return;
      profiles.push({ userId: member.user_id, orgIds });
      weights.push(1 / (((rank * 7919) % directory.members.length) + 1) ** 0.8);
    });
    this.users = profiles.length > 0 ? new WeightedTable(profiles, weights) : null;
    for (const id of existingIds) this.usedIds.add(id);
  }

  newSessionId(rng: Rng): string {
    let id = rng.hex(32);
    while (this.usedIds.has(id)) id = rng.hex(32);
    this.usedIds.add(id);
    return id;
  }

  /** A PR with a fresh number on `repo`, or on one of the org's repositories when not given. */
  newPullRequest(
    rng: Rng,
    orgId: string,
    state: string | null,
    repo?: Repository,
  ): SessionPullRequest {
    const repos = this.reposByOrg.get(orgId) ?? [];
    const target = repo ?? (repos.length > 0 ? rng.pick(repos) : undefined);
    if (!target) return { url: `https://github.com/unknown/repo/pull/${rng.int(1, 999)}`, state };
    const number = target.next_pr_number;
    target.next_pr_number += rng.int(1, 4);
    return { url: `${target.pr_url_prefix}${number}`, state };
  }

  /** The repository a PR URL belongs to (so follow-up PRs land in the same repository). */
  repositoryOf(orgId: string, prUrl: string): Repository | undefined {
    return this.reposByOrg.get(orgId)?.find((r) => prUrl.startsWith(r.pr_url_prefix));
  }

  /**
   * One session. `status` forces a status (otherwise it follows the session's age); `fresh`
   * makes a just-created session (updated_at = created_at, nothing done yet).
   */
  makeSession(
    rng: Rng,
    createdMs: number,
    nowMs: number,
    options: { status?: SessionStatus; fresh?: boolean } = {},
  ): SessionDetailResponse {
    const userProfile = this.users && !rng.chance(0.05) ? this.users.pick(rng) : null;
    const orgId = userProfile ? rng.pick(userProfile.orgIds) : rng.pick(this.orgIds);
    const repos = this.reposByOrg.get(orgId) ?? [];
    // Earlier repos of an org get most of the work, as in real monorepo-heavy teams.
    const repo =
      repos.length > 0
        ? (repos[Math.floor(repos.length * rng.next() ** 1.7)] ?? repos[0])
        : undefined;
    const task = generateTask(rng, { repo: repo?.display ?? 'monorepo' });

    const ageMs = nowMs - createdMs;
    let status: SessionStatus;
    if (options.status) status = options.status;
    else if (options.fresh)
      status = rng.weighted<SessionStatus>(['new', 'claimed', 'running'], [50, 20, 30]);
    else if (ageMs < 36 * HOUR && rng.chance(0.35))
      status = rng.weighted(ACTIVE_STATUSES, [60, 10, 10, 20]);
    else status = rng.weighted<SessionStatus>(['exit', 'error', 'suspended'], [86, 6, 8]);

    const acus = options.fresh ? 0 : sessionAcus(rng, status);
    const updatedMs = options.fresh
      ? createdMs
      : sessionUpdatedAt(rng, status, createdMs, nowMs, acus);

    const pullRequests: SessionPullRequest[] = [];
    if (!options.fresh) {
      const prCount = pullRequestCount(rng, status);
      for (let i = 0; i < prCount; i++) {
        pullRequests.push(
          // Mostly the repository the task is about; sometimes a second one (a client library, docs).
          this.newPullRequest(
            rng,
            orgId,
            pullRequestState(rng, nowMs - updatedMs),
            i === 0 || rng.chance(0.6) ? repo : undefined,
          ),
        );
      }
    }

    const tags = new Set<string>();
    const tagCount = rng.weighted([0, 1, 2, 3], [30, 35, 25, 10]);
    for (let i = 0; i < tagCount; i++) {
      tags.add(i === 0 && rng.chance(0.7) ? rng.pick(task.tags) : rng.pick(TAGS));
    }

    const message = rng.chance(0.015) ? null : task.message;
    const title = rng.chance(0.08) ? null : task.title;
    const hasAnalysis =
      !options.fresh &&
      status !== 'new' &&
      status !== 'claimed' &&
      rng.chance(status === 'running' || status === 'resuming' ? 0.2 : 0.61);
    const analysis = hasAnalysis
      ? generateAnalysis(rng, task, repo?.display ?? 'monorepo', message ?? task.title)
      : null;

    const sessionId = this.newSessionId(rng);
    // Key order follows the contract's `required` list, then the optional fields.
    return {
      session_id: sessionId,
      url: sessionUrl(sessionId),
      status,
      tags: [...tags],
      org_id: orgId,
      created_at: iso(createdMs),
      updated_at: iso(updatedMs),
      acus_consumed: acus,
      pull_requests: pullRequests,
      session_analysis: analysis,
      initial_user_message: message,
      title,
      user_id: userProfile?.userId ?? null,
    };
  }
}
