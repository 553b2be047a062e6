/**
 * The Devin API as the extension needs it, behind one small interface with one implementation
 * per API generation (v2/, v3/). Sync and the options page depend on `DevinClient` only; the
 * kind of key picks the implementation (create-client.ts). Both map sessions into the one
 * `Session` model, so nothing after the client knows which API filled the cache.
 */
import * as v from 'valibot';
import type { ConsumptionRange, DailyConsumption } from './consumption';
import type { HttpOptions } from './http';
import { describeIssues, type Member, type Organization, type Session } from './schemas';

export type ApiVersion = 'v2' | 'v3';

/** Filters of a session listing; instants are ISO 8601 strings (each client converts). */
export interface SessionQuery {
  createdFrom?: string;
  createdTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
  userIds?: readonly string[];
  sessionIds?: readonly string[];
}

/**
 * Where a page of a walk starts: v2 pages by offset (`skip`), v3 by an opaque cursor. `skip`
 * also counts the sessions before the page on v3, for progress.
 */
export interface PagePosition {
  skip: number;
  cursor: string | null;
}

export const FIRST_PAGE: PagePosition = { skip: 0, cursor: null };

/** A record the API sent that failed validation: it is left out and reported, never stored. */
export interface SkippedRecord {
  sessionId: string | null;
  reason: string;
}

export interface SessionPage {
  sessions: Session[];
  skipped: SkippedRecord[];
  /** Sessions before this page in the walk. */
  skip: number;
  /** Items the server sent, valid or not. */
  itemCount: number;
  /** Sessions matching the query, when the server says (v3 may not). */
  total: number | null;
  limit: number;
  /** Where the next page starts; null after the last page. */
  next: PagePosition | null;
  /** The server's clock (its `Date` header), when it sent one. */
  serverTime: number | undefined;
  /**
   * The server ignored the `updatedFrom` filter (an item older than it came back): the walk
   * reads every session instead of the changes, and the sync says so.
   */
  filterIgnored?: boolean;
}

export interface DevinClient {
  readonly version: ApiVersion;
  listSessionsPage(
    orgId: string,
    page: { skip: number; cursor?: string | null; limit: number },
    query?: SessionQuery,
    signal?: AbortSignal,
  ): Promise<SessionPage>;
  listOrganizations(signal?: AbortSignal): Promise<Organization[]>;
  listMembers(signal?: AbortSignal): Promise<Member[]>;
  /**
   * The name of the service user the token belongs to ("ci-bot"), or '' when the server names
   * none; v3 only (`GET /v3/self`). A name, not a sentence: the page words it in its language.
   */
  describeCaller?(signal?: AbortSignal): Promise<string>;
  /** One session with its analysis as it is now; v3 only (v2 has no such enterprise read). */
  getSession?(sessionId: string, signal?: AbortSignal): Promise<Session>;
  /**
   * Asks Devin to analyse a session in the background; v3 only. Answers `started`, or
   * `already_exists` when one exists or is being made. Poll `getSession` for it.
   */
  generateAnalysis?(sessionId: string, signal?: AbortSignal): Promise<string>;
  /**
   * Stops a session for good (and archives it when asked); answers the session as it is now.
   * v3 only (`DELETE /v3/organizations/{org_id}/sessions/{devin_id}`, ManageOrgSessions).
   */
  terminateSession?(
    orgId: string,
    sessionId: string,
    archive: boolean,
    signal?: AbortSignal,
  ): Promise<Session>;
  /**
   * Billed ACUs of a range of billing days: the enterprise's total, per day, per organization
   * of `range.orgIds` and (v2) per user. A key without billing access gets `forbidden`.
   */
  getDailyConsumption(range: ConsumptionRange, signal?: AbortSignal): Promise<DailyConsumption>;
  /** A page of a session's messages, oldest first; v3 only. */
  listMessages?(
    sessionId: string,
    page: { first: number; after?: string | null },
    signal?: AbortSignal,
  ): Promise<MessagePage>;
}

export interface SessionMessage {
  /** `user` or `devin` (others are kept as sent). */
  source: string;
  message: string;
  /** ISO instant, as every time the client hands on. */
  createdAt: string;
}

export interface MessagePage {
  messages: SessionMessage[];
  /** Where the next page starts; null after the last page. */
  next: string | null;
}

export type ClientOptions = HttpOptions;

export const DEFAULT_BASE_URL = 'https://api.devin.ai';
export const MAX_PAGE_SIZE = 200;

function sessionIdOf(item: unknown): string | null {
  if (typeof item === 'object' && item !== null && 'session_id' in item) {
    const id = (item as { session_id: unknown }).session_id;
    return typeof id === 'string' ? id : null;
  }
  return null;
}

/**
 * Validates each item on its own with `schema` (which also maps it into the one `Session`
 * model), so one bad record never costs the rest of the page.
 */
export function parseSessionItems(
  items: unknown[],
  schema: v.GenericSchema<unknown, Session>,
): { sessions: Session[]; skipped: SkippedRecord[] } {
  const sessions: Session[] = [];
  const skipped: SkippedRecord[] = [];
  for (const item of items) {
    const parsed = v.safeParse(schema, item);
    if (parsed.success) sessions.push(parsed.output);
    else skipped.push({ sessionId: sessionIdOf(item), reason: describeIssues(parsed.issues) });
  }
  return { sessions, skipped };
}
