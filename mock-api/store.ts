// The in-memory dataset the server reads, plus the mutations that make it "change while it runs"
// (new sessions appear, existing ones progress). Sessions are kept in API order at all times so a
// page is a slice, and a session's position depends only on (created_at, session_id): updates never
// move it, which is what lets a client page through a changing list without gaps.

import type { Dataset } from './data';
import { generateAnalysis } from './dataset/analysis';
import { SessionFactory } from './dataset/session-factory';
import { compareSessions } from './dataset/session-order';
import { iso, toEpochMs } from './dataset/time';
import { Rng, round2 } from './random';
import type {
  MemberResponse,
  OrganizationResponse,
  OrgMemberResponse,
  SessionDetailResponse,
  SessionPullRequest,
  SessionStatus,
} from './types';

/** A session plus the numbers the store sorts and filters on (parsed once, not per request). */
export interface StoredSession {
  session: SessionDetailResponse;
  createdMs: number;
  updatedMs: number;
  /**
   * Stable position in creation order: the initial sessions are numbered in API order, later ones
   * after them. Fault injection uses it to pick the same sessions on every request.
   */
  ordinal: number;
}

/** Filters of the insights endpoints. Times are epoch milliseconds (fractions allowed); bounds are inclusive. */
export interface SessionQuery {
  /** The `{org_id}` of the org-scoped endpoint. */
  orgId?: string | null;
  orgIds?: readonly string[] | null;
  userIds?: readonly string[] | null;
  sessionIds?: readonly string[] | null;
  createdFrom?: number | null;
  createdTo?: number | null;
  updatedFrom?: number | null;
  updatedTo?: number | null;
}

export interface SessionPage {
  items: StoredSession[];
  total: number;
}

export interface StoreOptions {
  /** Wall clock for mutations; defaults to Date.now. Inject one for deterministic timestamps. */
  clock?: () => number;
}

export interface MemberQuery {
  email?: string | null;
}

const ACTIVE: ReadonlySet<SessionStatus> = new Set([
  'new',
  'claimed',
  'running',
  'resuming',
  'suspended',
]);

export class SessionStore {
  private entries: StoredSession[];
  private readonly byId = new Map<string, StoredSession>();
  private readonly factory: SessionFactory;
  private readonly rng: Rng;
  private readonly clock: () => number;
  private lastMutation: number;
  private nextOrdinal: number;
  private readonly orgsById: Map<string, OrganizationResponse>;
  private readonly membersById: Map<string, MemberResponse>;
  private readonly orgMembers = new Map<string, OrgMemberResponse[]>();

  readonly orgs: readonly OrganizationResponse[];
  readonly members: readonly MemberResponse[];
  /** Number of sessions the store started with (fault injection spreads its picks over these). */
  readonly initialSize: number;

  constructor(dataset: Dataset, options: StoreOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.rng = new Rng(`${dataset.seed}:store`);
    this.orgs = dataset.orgs;
    this.members = dataset.members;
    this.orgsById = new Map(dataset.orgs.map((o) => [o.org_id, o]));
    this.membersById = new Map(dataset.members.map((m) => [m.user_id, m]));
    // Own copy: the factory advances PR counters, and the caller's dataset must stay untouched.
    const repositories = dataset.repositories.map((r) => ({ ...r }));
    this.factory = new SessionFactory(
      {
        orgs: dataset.orgs,
        members: dataset.members,
        memberships: dataset.memberships,
        repositories,
      },
      dataset.sessions.map((s) => s.session_id),
    );

    let latest = toEpochMs(dataset.now);
    this.entries = dataset.sessions.map((session, ordinal) => {
      const entry: StoredSession = {
        session,
        createdMs: Date.parse(session.created_at),
        updatedMs: Date.parse(session.updated_at),
        ordinal,
      };
      if (entry.updatedMs > latest) latest = entry.updatedMs;
      this.byId.set(session.session_id, entry);
      return entry;
    });
    // The dataset is normally sorted already; sorting again makes hand-built datasets safe too.
    this.entries.sort((a, b) =>
      compareSessions(a.createdMs, a.session.session_id, b.createdMs, b.session.session_id),
    );
    this.lastMutation = latest;
    this.nextOrdinal = this.entries.length;
    this.initialSize = this.entries.length;

    for (const m of dataset.memberships) {
      const org = this.orgsById.get(m.org_id);
      const member = this.membersById.get(m.user_id);
      if (!org || !member) continue;
      const list = this.orgMembers.get(org.org_id) ?? [];
      list.push({
        user_id: member.user_id,
        email: member.email,
        name: member.name,
        org_id: org.org_id,
        org_name: org.org_name,
        org_role: m.org_role,
        enterprise_role: member.enterprise_role,
      });
      this.orgMembers.set(org.org_id, list);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** Timestamp (epoch ms) of the latest mutation, or of the newest data when nothing changed yet. */
  get lastMutationMs(): number {
    return this.lastMutation;
  }

  get orgIds(): string[] {
    return this.orgs.map((o) => o.org_id);
  }

  /** All sessions in API order (created_at desc, session_id asc). Do not mutate. */
  all(): readonly StoredSession[] {
    return this.entries;
  }

  getSession(sessionId: string): StoredSession | undefined {
    return this.byId.get(sessionId);
  }

  getOrg(orgId: string): OrganizationResponse | undefined {
    return this.orgsById.get(orgId);
  }

  getMember(userId: string): MemberResponse | undefined {
    return this.membersById.get(userId);
  }

  listMembers(query: MemberQuery = {}): readonly MemberResponse[] {
    if (query.email == null) return this.members;
    const wanted = query.email.toLowerCase();
    return this.members.filter((m) => m.email.toLowerCase() === wanted);
  }

  listOrgMembers(orgId: string): readonly OrgMemberResponse[] {
    return this.orgMembers.get(orgId) ?? [];
  }

  /** One page of sessions matching `query`, plus the total number that match. */
  querySessions(query: SessionQuery, skip: number, limit: number): SessionPage {
    const end = skip + limit;
    if (!hasFilters(query)) {
      return { items: this.entries.slice(skip, end), total: this.entries.length };
    }
    const orgIds = query.orgIds ? new Set(query.orgIds) : null;
    const userIds = query.userIds ? new Set(query.userIds) : null;
    const sessionIds = query.sessionIds ? new Set(query.sessionIds) : null;
    const { orgId, createdFrom, createdTo, updatedFrom, updatedTo } = query;
    const items: StoredSession[] = [];
    let total = 0;
    for (const entry of this.entries) {
      const s = entry.session;
      if (orgId != null && s.org_id !== orgId) continue;
      if (orgIds && !orgIds.has(s.org_id)) continue;
      if (userIds && (s.user_id === null || !userIds.has(s.user_id))) continue;
      if (sessionIds && !sessionIds.has(s.session_id)) continue;
      if (createdFrom != null && entry.createdMs < createdFrom) continue;
      if (createdTo != null && entry.createdMs > createdTo) continue;
      if (updatedFrom != null && entry.updatedMs < updatedFrom) continue;
      if (updatedTo != null && entry.updatedMs > updatedTo) continue;
      if (total >= skip && total < end) items.push(entry);
      total++;
    }
    return { items, total };
  }

  /**
   * The timestamp for the next mutation: the wall clock, but always at least 1 ms after the
   * previous mutation (and after all existing data), so `updated_date_from=<last seen>` style
   * incremental syncs see every change even when mutations happen within one millisecond.
   */
  private nextMutationTime(): number {
    const t = Math.max(Math.floor(this.clock()), this.lastMutation + 1);
    this.lastMutation = t;
    return t;
  }

  /** Adds `n` new sessions with created_at = updated_at = now; they sort before everything else. */
  createSessions(n: number): SessionDetailResponse[] {
    const count = Math.max(0, Math.floor(n));
    if (count === 0) return [];
    const t = this.nextMutationTime();
    const fresh: StoredSession[] = [];
    for (let i = 0; i < count; i++) {
      const session = this.factory.makeSession(this.rng, t, t, { fresh: true });
      fresh.push({ session, createdMs: t, updatedMs: t, ordinal: 0 });
    }
    fresh.sort((a, b) =>
      compareSessions(a.createdMs, a.session.session_id, b.createdMs, b.session.session_id),
    );
    for (const entry of fresh) {
      entry.ordinal = this.nextOrdinal++;
      this.byId.set(entry.session.session_id, entry);
    }
    this.entries = fresh.concat(this.entries);
    return fresh.map((e) => e.session);
  }

  /**
   * Advances `n` existing sessions (picked by the store's seeded stream, favouring active ones):
   * new status, more ACUs, sometimes a PR or an analysis. All get the same, strictly newer
   * updated_at. Session objects are replaced, never edited, so earlier snapshots stay intact.
   */
  updateSessions(n: number): SessionDetailResponse[] {
    const count = Math.min(Math.max(0, Math.floor(n)), this.entries.length);
    if (count === 0) return [];
    const t = this.nextMutationTime();
    const active: StoredSession[] = [];
    for (const entry of this.entries) if (ACTIVE.has(entry.session.status)) active.push(entry);

    const chosen = new Set<StoredSession>();
    for (let attempts = 0; chosen.size < count && attempts < count * 20; attempts++) {
      const pool = active.length > 0 && this.rng.chance(0.6) ? active : this.entries;
      const entry = this.rng.pick(pool);
      chosen.add(entry);
    }
    // Fall back to a linear pass if random picks kept colliding (tiny stores, large n).
    for (let i = 0; chosen.size < count && i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (entry) chosen.add(entry);
    }

    const updated: SessionDetailResponse[] = [];
    for (const entry of chosen) {
      entry.session = this.advance(entry.session, t);
      entry.updatedMs = t;
      updated.push(entry.session);
    }
    return updated;
  }

  private advance(old: SessionDetailResponse, t: number): SessionDetailResponse {
    const rng = this.rng;
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
      const repo = first ? this.factory.repositoryOf(old.org_id, first.url) : undefined;
      pullRequests = [...pullRequests, this.factory.newPullRequest(rng, old.org_id, 'open', repo)];
    }

    let analysis = old.session_analysis;
    if (analysis === null && (status === 'exit' || status === 'error') && rng.chance(0.5)) {
      const subject = old.title ?? 'the requested change';
      const task = {
        title: subject,
        message: old.initial_user_message ?? subject,
        subject,
        tags: old.tags,
      };
      analysis = generateAnalysis(
        rng,
        task,
        'the repository',
        old.initial_user_message ?? old.title,
      );
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
}

function hasFilters(q: SessionQuery): boolean {
  return (
    q.orgId != null ||
    q.orgIds != null ||
    q.userIds != null ||
    q.sessionIds != null ||
    q.createdFrom != null ||
    q.createdTo != null ||
    q.updatedFrom != null ||
    q.updatedTo != null
  );
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
