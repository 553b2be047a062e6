/**
 * The budget of each organization in a billing cycle: what was billed, its limit, the share
 * used, and where the cycle ends at the current rate. Pure: the sync stores the billed figures
 * (refresh.ts), the cache gives the sessions, and this puts them side by side.
 *
 * Billed ACUs are the figure to plan with; the sum of the cached sessions' ACUs is shown beside
 * it because the two differ (other products bill too, and sessions bill on the days they run).
 * When the key cannot read billing, the session sum stands in and `source` says so.
 */
import { type BillingCycle, cycleDays, daysLeft, elapsedDays } from './cycle';

/** What the sync stored of a cycle's billed consumption. */
interface BilledFigures {
  totalAcus: number;
  byOrg: Readonly<Record<string, number>>;
  /** Null when the API gives no per-user breakdown (v3). */
  byUser: Readonly<Record<string, number>> | null;
}

export interface SessionSums {
  total: number;
  byOrg: ReadonlyMap<string, number>;
  byUser: ReadonlyMap<string, number>;
}

interface BudgetOrganization {
  org_id: string;
  org_name: string | null;
  max_cycle_acu_limit?: number | null;
}

export interface BudgetInputs {
  now: number;
  cycle: BillingCycle;
  /** This cycle's billed figures; null when they could not be read. */
  billed: BilledFigures | null;
  /** The previous cycle's, for comparison; null when unknown. */
  previous: BilledFigures | null;
  /** The organizations to show, in order, with their limits when known. */
  organizations: readonly BudgetOrganization[];
  /** ACUs of the cached sessions created in the cycle. */
  sessions: SessionSums;
}

export interface OrgBudget {
  orgId: string;
  name: string | null;
  /** Billed ACUs, or the session sum when billing could not be read. */
  usedAcus: number;
  billedAcus: number | null;
  sessionAcus: number;
  /** The cycle's ACU limit; null: none set. */
  limit: number | null;
  /** `usedAcus` as a share of the limit (0-100+); null without a limit. */
  percentUsed: number | null;
  /** `usedAcus` at the current daily rate over the whole cycle. */
  forecastAcus: number;
  forecastOverLimit: boolean;
  previousAcus: number | null;
}

interface UserBudget {
  userId: string;
  billedAcus: number | null;
  sessionAcus: number;
}

export interface Budget {
  cycle: BillingCycle;
  days: number;
  daysElapsed: number;
  daysLeft: number;
  source: 'billed' | 'sessions';
  orgs: OrgBudget[];
  enterprise: {
    billedAcus: number | null;
    sessionAcus: number;
    forecastAcus: number;
    previousAcus: number | null;
  };
  /** Every user with ACUs this cycle, biggest first (billed when known, else sessions). */
  users: UserBudget[];
}

/** The cycle's ACUs at the rate of the days begun so far. */
function forecast(used: number, cycle: BillingCycle, now: number): number {
  return (used / elapsedDays(cycle, now)) * cycleDays(cycle);
}

/** Sums the ACUs of sessions created in the cycle, per organization and per user. */
export function sumSessions(
  rows: Iterable<{
    org_id: string;
    user_id: string | null;
    created_at: number;
    acus_consumed: number;
  }>,
  cycle: BillingCycle,
): SessionSums {
  const byOrg = new Map<string, number>();
  const byUser = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    if (row.created_at < cycle.start || row.created_at >= cycle.end) continue;
    total += row.acus_consumed;
    byOrg.set(row.org_id, (byOrg.get(row.org_id) ?? 0) + row.acus_consumed);
    if (row.user_id !== null) {
      byUser.set(row.user_id, (byUser.get(row.user_id) ?? 0) + row.acus_consumed);
    }
  }
  return { total, byOrg, byUser };
}

export function computeBudget(inputs: BudgetInputs): Budget {
  const { now, cycle, billed, previous, sessions } = inputs;
  const orgs = inputs.organizations.map((org): OrgBudget => {
    const billedAcus = billed ? (billed.byOrg[org.org_id] ?? 0) : null;
    const sessionAcus = sessions.byOrg.get(org.org_id) ?? 0;
    const usedAcus = billedAcus ?? sessionAcus;
    const limit = org.max_cycle_acu_limit ?? null;
    const forecastAcus = forecast(usedAcus, cycle, now);
    return {
      orgId: org.org_id,
      name: org.org_name,
      usedAcus,
      billedAcus,
      sessionAcus,
      // A limit of 0 allows nothing: any use is over it.
      limit,
      percentUsed:
        limit === null ? null : limit > 0 ? (usedAcus / limit) * 100 : usedAcus > 0 ? Infinity : 0,
      forecastAcus,
      forecastOverLimit: limit !== null && forecastAcus > limit,
      previousAcus: previous ? (previous.byOrg[org.org_id] ?? 0) : null,
    };
  });
  const userIds = new Set<string>([
    ...sessions.byUser.keys(),
    ...Object.keys(billed?.byUser ?? {}),
  ]);
  const users = [...userIds]
    .map(
      (userId): UserBudget => ({
        userId,
        billedAcus: billed?.byUser ? (billed.byUser[userId] ?? 0) : null,
        sessionAcus: sessions.byUser.get(userId) ?? 0,
      }),
    )
    .sort(
      (a, b) =>
        (b.billedAcus ?? b.sessionAcus) - (a.billedAcus ?? a.sessionAcus) ||
        (a.userId < b.userId ? -1 : 1),
    );
  const enterpriseUsed = billed?.totalAcus ?? sessions.total;
  return {
    cycle,
    days: cycleDays(cycle),
    daysElapsed: elapsedDays(cycle, now),
    daysLeft: daysLeft(cycle, now),
    source: billed ? 'billed' : 'sessions',
    orgs,
    enterprise: {
      billedAcus: billed?.totalAcus ?? null,
      sessionAcus: sessions.total,
      forecastAcus: forecast(enterpriseUsed, cycle, now),
      previousAcus: previous?.totalAcus ?? null,
    },
    users,
  };
}
