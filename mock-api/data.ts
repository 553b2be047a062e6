// Deterministic, realistic fixture data: organizations, members and sessions in the exact shapes
// of the Devin v2 API. Same seed + same `now` => byte-identical output, because every random
// draw comes from seeded streams and nothing reads the wall clock.

import { generateAnalysis, generateTask } from './content';
import { Rng, round2, WeightedTable } from './random';
import type {
  EnterpriseRole,
  MemberResponse,
  Membership,
  OrganizationResponse,
  OrgRole,
  SessionDetailResponse,
  SessionPullRequest,
  SessionStatus,
} from './types';
import { SESSION_STATUSES } from './types';
import {
  AZURE_PROJECTS,
  COMPANIES,
  FIRST_NAMES,
  GITLAB_SUBGROUPS,
  LAST_NAMES,
  ORG_NAMES,
  REPO_NAMES,
  TAGS,
} from './vocab';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Sessions are spread over this many days before `now`. */
const HISTORY_DAYS = 180;

type GitHost = 'github' | 'gitlab' | 'bitbucket' | 'azure';

/** A repository sessions open pull requests against. Plain data so a dataset stays comparable. */
export interface Repository {
  org_id: string;
  host: GitHost;
  /** e.g. `acme/billing-service`, used in task texts. */
  display: string;
  /** The PR URL without its number, e.g. `https://github.com/acme/web-app/pull/`. */
  pr_url_prefix: string;
  /** The next unused PR number, so PRs added later (store mutations) stay unique. */
  next_pr_number: number;
}

export interface DatasetOptions {
  sessions: number;
  orgs: number;
  /** Number of enterprise members; derived from `sessions` when omitted. */
  users?: number;
  seed: number | string;
  now: Date | number | string;
}

export interface Dataset {
  seed: string;
  /** The reference time (ISO) everything is generated relative to. */
  now: string;
  orgs: OrganizationResponse[];
  members: MemberResponse[];
  memberships: Membership[];
  repositories: Repository[];
  /** Sorted as the API serves them: created_at descending, then session_id ascending. */
  sessions: SessionDetailResponse[];
}

export function toEpochMs(value: Date | number | string): number {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new Error(`invalid time: ${String(value)}`);
  return Math.floor(ms);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function sessionUrl(sessionId: string): string {
  return `https://app.devin.ai/sessions/${sessionId}`;
}

function defaultUserCount(sessions: number, orgs: number): number {
  return Math.max(3, orgs, Math.min(2000, Math.ceil(sessions / 25)));
}

/** API order: newest first; ties broken by id so pages never overlap or skip. */
export function compareSessions(
  aCreatedMs: number,
  aId: string,
  bCreatedMs: number,
  bId: string,
): number {
  if (aCreatedMs !== bCreatedMs) return bCreatedMs - aCreatedMs;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

const HOSTS: readonly GitHost[] = ['github', 'gitlab', 'bitbucket', 'azure'];
const ACTIVE_STATUSES: readonly SessionStatus[] = ['running', 'new', 'claimed', 'resuming'];

function makeRepository(
  rng: Rng,
  orgId: string,
  host: GitHost,
  owner: string,
  name: string,
): Repository {
  let prefix: string;
  let display: string;
  if (host === 'github') {
    prefix = `https://github.com/${owner}/${name}/pull/`;
    display = `${owner}/${name}`;
  } else if (host === 'gitlab') {
    const sub = rng.pick(GITLAB_SUBGROUPS);
    prefix = `https://gitlab.com/${owner}/${sub}/${name}/-/merge_requests/`;
    display = `${owner}/${sub}/${name}`;
  } else if (host === 'bitbucket') {
    prefix = `https://bitbucket.org/${owner}/${name}/pull-requests/`;
    display = `${owner}/${name}`;
  } else {
    const project = rng.pick(AZURE_PROJECTS);
    prefix = `https://dev.azure.com/${owner}/${encodeURIComponent(project)}/_git/${name}/pullrequest/`;
    display = `${project}/${name}`;
  }
  return { org_id: orgId, host, display, pr_url_prefix: prefix, next_pr_number: rng.int(40, 4000) };
}

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

  constructor(
    dataset: Pick<Dataset, 'orgs' | 'memberships' | 'members' | 'repositories'>,
    existingIds: Iterable<string> = [],
  ) {
    this.orgIds = dataset.orgs.map((o) => o.org_id);
    for (const repo of dataset.repositories) {
      const list = this.reposByOrg.get(repo.org_id) ?? [];
      list.push(repo);
      this.reposByOrg.set(repo.org_id, list);
    }
    const orgsByUser = new Map<string, string[]>();
    for (const m of dataset.memberships) {
      const list = orgsByUser.get(m.user_id) ?? [];
      list.push(m.org_id);
      orgsByUser.set(m.user_id, list);
    }
    // A few power users run most sessions (Zipf-like, ranks scrambled so they are not simply the
    // first members listed); members who never logged in run none.
    const profiles: UserProfile[] = [];
    const weights: number[] = [];
    dataset.members.forEach((member, rank) => {
      const orgIds = orgsByUser.get(member.user_id);
      if (!orgIds || member.login_count === 0) return;
      profiles.push({ userId: member.user_id, orgIds });
      weights.push(1 / (((rank * 7919) % dataset.members.length) + 1) ** 0.8);
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

function sessionAcus(rng: Rng, status: SessionStatus): number {
  if (status === 'new' || status === 'claimed')
    return rng.chance(0.7) ? 0 : round2(rng.next() * 0.2);
  // Log-normal: median ~2.5 ACUs, 80% between 0.5 and 10, a thin tail past 100.
  const median =
    status === 'running' || status === 'resuming' ? 1.5 : status === 'error' ? 1.2 : 2.5;
  return Math.max(0.01, round2(rng.lognormal(median, 1.15)));
}

function sessionUpdatedAt(
  rng: Rng,
  status: SessionStatus,
  createdMs: number,
  nowMs: number,
  acus: number,
): number {
  let updated: number;
  if (status === 'new') updated = createdMs + rng.int(0, 30_000);
  else if (status === 'claimed') updated = createdMs + rng.int(5_000, 60_000);
  else if (status === 'running') updated = nowMs - rng.int(0, 15 * MINUTE);
  else if (status === 'resuming') updated = nowMs - rng.int(0, 2 * MINUTE);
  else {
    // Roughly 8-20 minutes of work per ACU, plus occasional follow-ups days later.
    updated = createdMs + Math.round((acus * rng.int(8, 20) + rng.int(1, 10)) * MINUTE);
    if (rng.chance(0.1)) updated += rng.int(1, 20) * DAY;
  }
  return Math.min(nowMs, Math.max(createdMs, updated));
}

function pullRequestCount(rng: Rng, status: SessionStatus): number {
  const counts = [0, 1, 2, 3];
  if (status === 'exit') return rng.weighted(counts, [35, 45, 14, 6]);
  if (status === 'error') return rng.weighted(counts, [70, 25, 5, 0]);
  if (status === 'suspended') return rng.weighted(counts, [50, 38, 10, 2]);
  if (status === 'running' || status === 'resuming') return rng.weighted(counts, [55, 40, 5, 0]);
  return 0;
}

function pullRequestState(rng: Rng, sinceUpdateMs: number): string | null {
  // State can lag or be unknown (null); old PRs are mostly resolved, recent ones mostly open.
  if (sinceUpdateMs > 14 * DAY)
    return rng.weighted(['merged', 'closed', 'open', null], [65, 20, 8, 7]);
  return rng.weighted(['open', 'merged', 'closed', null], [55, 30, 8, 7]);
}

/** Created times over the last HISTORY_DAYS: denser recently, quieter on weekends, daytime-heavy. */
function sampleCreatedAt(rng: Rng, nowMs: number): number {
  let t = nowMs - 1;
  for (let attempt = 0; attempt < 3; attempt++) {
    t = nowMs - Math.floor(HISTORY_DAYS * DAY * rng.next() ** 1.3) - 1;
    const weekday = new Date(t).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.chance(0.65)) continue;
    break;
  }
  const dayStart = t - (t % DAY);
  const hour = Math.min(23.99, Math.max(0, 15 + 4 * rng.normal()));
  const shifted = dayStart + Math.floor(hour * HOUR) + rng.int(0, 999);
  return shifted < nowMs ? shifted : t;
}

function generateOrgsAndMembers(rng: Rng, options: DatasetOptions, nowMs: number) {
  const company = rng.pick(COMPANIES);
  const orgCount = Math.max(1, Math.floor(options.orgs));
  const userCount = Math.max(
    1,
    Math.floor(options.users ?? defaultUserCount(options.sessions, orgCount)),
  );

  const orgNames = rng.sample(ORG_NAMES, orgCount);
  const orgs: OrganizationResponse[] = [];
  const repositories: Repository[] = [];
  for (let i = 0; i < orgCount; i++) {
    const orgId = `org-${rng.hex(32)}`;
    const baseName = orgNames[i] ?? `Team ${i + 1}`;
    orgs.push({
      org_id: orgId,
      org_name: `${company.name} ${baseName}`,
      created_at: iso(nowMs - rng.int(200, 1200) * DAY - rng.int(0, DAY)),
      max_cycle_acu_limit: rng.chance(0.6) ? rng.pick([1000, 2500, 5000, 10000, 25000]) : null,
      max_session_acu_limit: rng.chance(0.7) ? rng.pick([10, 25, 50, 100, 250]) : null,
      org_admin_count: 0,
      org_member_count: 0,
      org_user_count: 0,
    });
    // Each org mostly uses one git host; the first org covers all four so every URL shape exists.
    const primary: GitHost = i === 0 ? 'github' : rng.weighted(HOSTS, [55, 20, 12, 13]);
    const repoNames = rng.sample(REPO_NAMES, rng.int(4, 8));
    repoNames.forEach((name, j) => {
      const host =
        i === 0 && j < HOSTS.length
          ? (HOSTS[j] ?? primary)
          : rng.chance(0.7)
            ? primary
            : rng.pick(HOSTS);
      repositories.push(makeRepository(rng, orgId, host, company.slug, name));
    });
  }
  orgs.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));

  const members: MemberResponse[] = [];
  const memberships: Membership[] = [];
  const emails = new Set<string>();
  const orgWeights = orgs.map(() => rng.int(1, 5));
  for (let i = 0; i < userCount; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let email = `${first}.${last}@${company.domain}`.toLowerCase();
    for (let n = 2; emails.has(email); n++)
      email = `${first}.${last}${n}@${company.domain}`.toLowerCase();
    emails.add(email);
    const neverLoggedIn = i > 0 && rng.chance(0.08);
    const role: EnterpriseRole = i === 0 || rng.chance(0.03) ? 'admin' : 'member';
    members.push({
      user_id: `user-${rng.hex(32)}`,
      email,
      name: `${first} ${last}`,
      enterprise_role: role,
      created_at: iso(nowMs - rng.int(HISTORY_DAYS + 1, 900) * DAY - rng.int(0, DAY)),
      last_login: neverLoggedIn ? null : iso(nowMs - rng.int(0, 14 * DAY)),
      login_count: neverLoggedIn ? 0 : Math.round(rng.lognormal(60, 1)) + 1,
    });
  }

  // Every org gets at least one user (the first `orgCount` users), then by org weight.
  members.forEach((member, i) => {
    const primary = i < orgs.length ? orgs[i] : rng.weighted(orgs, orgWeights);
    const orgIds = [primary?.org_id ?? ''];
    if (orgs.length > 1 && rng.chance(0.2)) {
      const other = rng.pick(orgs).org_id;
      if (other !== orgIds[0]) orgIds.push(other);
    }
    for (const orgId of orgIds) {
      const orgRole: OrgRole =
        member.enterprise_role === 'admin' || rng.chance(0.04) ? 'admin' : 'member';
      memberships.push({ user_id: member.user_id, org_id: orgId, org_role: orgRole });
    }
  });
  const byId = new Map(orgs.map((o) => [o.org_id, o]));
  for (const m of memberships) {
    const org = byId.get(m.org_id);
    if (!org) continue;
    if (m.org_role === 'admin') org.org_admin_count++;
    else org.org_member_count++;
    org.org_user_count++;
  }
  return { orgs, members, memberships, repositories };
}

export function generateDataset(options: DatasetOptions): Dataset {
  const nowMs = toEpochMs(options.now);
  const seed = String(options.seed);
  // Separate streams: changing how many sessions are made does not change the orgs or users.
  const directoryRng = new Rng(`${seed}:directory`);
  const sessionRng = new Rng(`${seed}:sessions`);
  const { orgs, members, memberships, repositories } = generateOrgsAndMembers(
    directoryRng,
    options,
    nowMs,
  );

  const factory = new SessionFactory({ orgs, members, memberships, repositories });
  const count = Math.max(0, Math.floor(options.sessions));
  const sessions: SessionDetailResponse[] = new Array(count);
  const createdMs = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    // The first sessions take each status once, so every enum value exists even in tiny datasets.
    const forced = i < SESSION_STATUSES.length ? SESSION_STATUSES[i] : undefined;
    const recent = forced !== undefined && ACTIVE_STATUSES.includes(forced);
    const created = recent
      ? nowMs - sessionRng.int(MINUTE, 6 * HOUR)
      : sampleCreatedAt(sessionRng, nowMs);
    createdMs[i] = created;
    sessions[i] = factory.makeSession(sessionRng, created, nowMs, forced ? { status: forced } : {});
  }

  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) =>
    compareSessions(
      createdMs[a] ?? 0,
      sessions[a]?.session_id ?? '',
      createdMs[b] ?? 0,
      sessions[b]?.session_id ?? '',
    ),
  );
  return {
    seed,
    now: iso(nowMs),
    orgs,
    members,
    memberships,
    repositories,
    sessions: order.map((i) => sessions[i] as SessionDetailResponse),
  };
}

/** Deterministic default API key for a seed, shaped like a real enterprise admin key. */
export function deriveApiKey(seed: number | string, role: 'admin' | 'user'): string {
  return `apk_user_${new Rng(`${seed}:api-key:${role}`).hex(40)}`;
}
