// Billed ACU consumption, derived from the sessions as they are now (so it follows churn and
// actions). It deliberately differs from the sum of sessions' `acus_consumed`, as Devin's does:
// - a session is billed over the billing days it ran (created_at to updated_at), not on the day
//   it was created, so a cycle also bills what older sessions spent in it;
// - Devin Review bills a share on top, tied to the session's organization and user;
// - other products (Cascade, Terminal) bill a share tied to the user but to no organization,
//   which is why an organization filter leaves them out (documented for the v2 endpoint).
// Every share is drawn from the session id, so the same sessions always bill the same.

import type { SessionDetailResponse } from '../types';
import { DAY, HOUR } from './time';

/** Billing days start at 08:00 UTC (midnight PST), as the API documents. */
const BILLING_DAY_OFFSET_MS = 8 * HOUR;

const PRODUCTS = ['devin', 'cascade', 'terminal', 'review'] as const;
export type Product = (typeof PRODUCTS)[number];

interface ConsumptionEntry {
  /** Start (epoch ms, 08:00 UTC) of the billing day the ACUs are billed on. */
  dayStartMs: number;
  /** Null for products that are not tied to an organization. */
  orgId: string | null;
  userId: string | null;
  product: Product;
  acus: number;
}

/** The start of the billing day that holds `ms`. */
function billingDayStart(ms: number): number {
  return Math.floor((ms - BILLING_DAY_OFFSET_MS) / DAY) * DAY + BILLING_DAY_OFFSET_MS;
}

/** A stable number in [0, 1) from a text (FNV-1a): the session's shares. */
function fraction(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000;
}

/** The review share of a session's ACUs (0 to 10 %). */
export function reviewShare(sessionId: string): number {
  return fraction(`review:${sessionId}`) * 0.1;
}

/** The share other products bill beside a session (0 to 20 %), and which product it is. */
export function otherProductShare(sessionId: string): { product: Product; share: number } {
  const product = fraction(`product:${sessionId}`) < 0.5 ? 'cascade' : 'terminal';
  return { product, share: fraction(`other:${sessionId}`) * 0.2 };
}

/**
 * Each session's billing days, and its entries once a request needed them: the store replaces
 * a session's object when it changes (never edits it), so what is kept stays right for as long
 * as its session object lives. A cycle holds a few weeks of a year's sessions: the others are
 * passed over on their days alone.
 */
const billingOf = new WeakMap<SessionDetailResponse, SessionBilling>();

interface SessionBilling {
  /** The first and last billing day the session's entries fall on. */
  firstDayMs: number;
  lastDayMs: number;
  entries: readonly ConsumptionEntry[] | null;
}

function sessionBilling(session: SessionDetailResponse): SessionBilling {
  let billing = billingOf.get(session);
  if (billing === undefined) {
    const firstDayMs = billingDayStart(Date.parse(session.created_at));
    const lastDayMs = Math.max(firstDayMs, billingDayStart(Date.parse(session.updated_at)));
    billing = { firstDayMs, lastDayMs, entries: null };
    billingOf.set(session, billing);
  }
  return billing;
}

/** What one session makes billed: its own ACUs spread over its days, plus the other shares. */
function deriveEntries(session: SessionDetailResponse): ConsumptionEntry[] {
  const acus = session.acus_consumed;
  if (!(acus > 0)) return [];
  const first = billingDayStart(Date.parse(session.created_at));
  const last = Math.max(first, billingDayStart(Date.parse(session.updated_at)));
  const days = Math.round((last - first) / DAY) + 1;
  const base = { orgId: session.org_id, userId: session.user_id };
  const entries: ConsumptionEntry[] = [];
  for (let day = 0; day < days; day++) {
    entries.push({ ...base, dayStartMs: first + day * DAY, product: 'devin', acus: acus / days });
  }
  entries.push({
    ...base,
    dayStartMs: last,
    product: 'review',
    acus: acus * reviewShare(session.session_id),
  });
  const other = otherProductShare(session.session_id);
  entries.push({
    dayStartMs: first,
    orgId: null,
    userId: session.user_id,
    product: other.product,
    acus: acus * other.share,
  });
  return entries;
}

export interface ConsumptionFilter {
  /** Billing days starting at or after this instant (epoch ms); null: from the first. */
  fromMs: number | null;
  /** Billing days starting before this instant; null: up to the last. */
  toMs: number | null;
  /** Only these organizations' ACUs (which leaves out the products tied to none). */
  orgIds: readonly string[] | null;
  userId?: string | null;
}

export interface ConsumptionSummary {
  total: number;
  byDay: Map<number, { acus: number; byProduct: Record<Product, number> }>;
  byOrg: Map<string, number>;
  byUser: Map<string, number>;
}

export function summarizeConsumption(
  sessions: Iterable<SessionDetailResponse>,
  filter: ConsumptionFilter,
): ConsumptionSummary {
  const orgs = filter.orgIds ? new Set(filter.orgIds) : null;
  const summary: ConsumptionSummary = {
    total: 0,
    byDay: new Map(),
    byOrg: new Map(),
    byUser: new Map(),
  };
  for (const session of sessions) {
    const billing = sessionBilling(session);
    if (filter.fromMs !== null && billing.lastDayMs < filter.fromMs) continue;
    if (filter.toMs !== null && billing.firstDayMs >= filter.toMs) continue;
    billing.entries ??= deriveEntries(session);
    for (const entry of billing.entries) {
      if (filter.fromMs !== null && entry.dayStartMs < filter.fromMs) continue;
      if (filter.toMs !== null && entry.dayStartMs >= filter.toMs) continue;
      if (orgs && (entry.orgId === null || !orgs.has(entry.orgId))) continue;
      if (filter.userId != null && entry.userId !== filter.userId) continue;
      summary.total += entry.acus;
      const day = summary.byDay.get(entry.dayStartMs) ?? {
        acus: 0,
        byProduct: { devin: 0, cascade: 0, terminal: 0, review: 0 },
      };
      day.acus += entry.acus;
      day.byProduct[entry.product] += entry.acus;
      summary.byDay.set(entry.dayStartMs, day);
      if (entry.orgId !== null) {
        summary.byOrg.set(entry.orgId, (summary.byOrg.get(entry.orgId) ?? 0) + entry.acus);
      }
      if (entry.userId !== null) {
        summary.byUser.set(entry.userId, (summary.byUser.get(entry.userId) ?? 0) + entry.acus);
      }
    }
  }
  return summary;
}

/** The mock's default cycle when a request names none: the month's 1st, 08:00 UTC. */
export function defaultCycleStart(nowMs: number): number {
  const date = new Date(nowMs);
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) + BILLING_DAY_OFFSET_MS;
  return nowMs >= start
    ? start
    : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1) + BILLING_DAY_OFFSET_MS;
}
