// The in-memory dataset the server reads, plus the mutations that make it "change while it runs"
// (new sessions appear, existing ones progress, v3 calls analyse or terminate one). Sessions are
// kept in API order at all times so a page is a slice, and a session's position depends only on
// (created_at, session_id): updates never move it, which is what lets a client page through a
// changing list without gaps (by offset in v2, by cursor in v3).

import type { Dataset } from './data';
import { SessionFactory } from './dataset/session-factory';
import { compareSessions } from './dataset/session-order';
import { advanceSession, analysisFor } from './dataset/session-progress';
import { iso, toEpochMs } from './dataset/time';
import { Rng } from './random';
import type {
  MemberResponse,
  OrganizationResponse,
  OrgMemberResponse,
  SessionDetailResponse,
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
  /** Filters on what a caller derives from a session (the v3 fields the store does not keep). */
  where?: ((entry: StoredSession) => boolean) | null;
}

/** Where a cursor stopped: the sort key of the last session a page showed. */
export interface SessionKey {
  createdMs: number;
  sessionId: string;
}

export interface SessionPage {
  items: StoredSession[];
  total: number;
}

export interface SessionCursorPage extends SessionPage {
  /** More matching sessions follow the page. */
  hasMore: boolean;
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
  private readonly seed: string;
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
    this.seed = dataset.seed;
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

  /** The store's clock: what "now" is for answers that default to the current time. */
  now(): number {
    return this.clock();
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
    const matches = matcher(query);
    const items: StoredSession[] = [];
    let total = 0;
    for (const entry of this.entries) {
      if (!matches(entry)) continue;
      if (total >= skip && total < end) items.push(entry);
      total++;
    }
    return { items, total };
  }

  /**
   * Cursor paging: the first `first` sessions matching `query` that sort after `after` (API
   * order), the number that match in all, and whether more follow. Sessions created meanwhile
   * sort before any cursor, so they never shift the pages of a walk under way.
   */
  querySessionsAfter(
    query: SessionQuery,
    after: SessionKey | null,
    first: number,
  ): SessionCursorPage {
    const matches = hasFilters(query) ? matcher(query) : null;
    const items: StoredSession[] = [];
    let total = 0;
    let hasMore = false;
    for (const entry of this.entries) {
      if (matches && !matches(entry)) continue;
      total++;
      if (
        after &&
        compareSessions(
          entry.createdMs,
          entry.session.session_id,
          after.createdMs,
          after.sessionId,
        ) <= 0
      ) {
        continue;
      }
      if (items.length < first) items.push(entry);
      else hasMore = true;
    }
    return { items, total, hasMore };
  }

  /**
   * Gives a session without analysis one (deterministic per seed and session) and moves its
   * updated_at. Returns the new session, or undefined when unknown or already analysed.
   */
  completeAnalysis(sessionId: string): SessionDetailResponse | undefined {
    const entry = this.byId.get(sessionId);
    if (!entry || entry.session.session_analysis !== null) return undefined;
    const rng = new Rng(`${this.seed}:analysis:${sessionId}`);
    return this.touch(entry, { session_analysis: analysisFor(rng, entry.session) });
  }

  /** Changes fields of a session, as Devin would (updated_at moves); the benchmark's hostile data. */
  patchSession(
    sessionId: string,
    patch: Partial<SessionDetailResponse>,
  ): SessionDetailResponse | undefined {
    const entry = this.byId.get(sessionId);
    return entry ? this.touch(entry, patch) : undefined;
  }

  /** Ends a session for good: status `exit`, updated_at moves. Undefined when unknown. */
  terminate(sessionId: string): SessionDetailResponse | undefined {
    const entry = this.byId.get(sessionId);
    return entry ? this.touch(entry, { status: 'exit' }) : undefined;
  }

  private touch(
    entry: StoredSession,
    patch: Partial<SessionDetailResponse>,
  ): SessionDetailResponse {
    const t = this.nextMutationTime();
    entry.session = { ...entry.session, ...patch, updated_at: iso(t) };
    entry.updatedMs = t;
    return entry.session;
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
      entry.session = advanceSession(this.rng, this.factory, entry.session, t);
      entry.updatedMs = t;
      updated.push(entry.session);
    }
    return updated;
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
    q.updatedTo != null ||
    q.where != null
  );
}

/** The test `querySessions` applies to each session; bounds are inclusive. */
function matcher(query: SessionQuery): (entry: StoredSession) => boolean {
  const orgIds = query.orgIds ? new Set(query.orgIds) : null;
  const userIds = query.userIds ? new Set(query.userIds) : null;
  const sessionIds = query.sessionIds ? new Set(query.sessionIds) : null;
  const { orgId, createdFrom, createdTo, updatedFrom, updatedTo, where } = query;
  return (entry) => {
    const s = entry.session;
    if (orgId != null && s.org_id !== orgId) return false;
    if (orgIds && !orgIds.has(s.org_id)) return false;
    if (userIds && (s.user_id === null || !userIds.has(s.user_id))) return false;
    if (sessionIds && !sessionIds.has(s.session_id)) return false;
    if (createdFrom != null && entry.createdMs < createdFrom) return false;
    if (createdTo != null && entry.createdMs > createdTo) return false;
    if (updatedFrom != null && entry.updatedMs < updatedFrom) return false;
    if (updatedTo != null && entry.updatedMs > updatedTo) return false;
    return where == null || where(entry);
  };
}
