/**
 * The Devin API as the extension needs it, behind one small interface. Sync and the options
 * page depend on `DevinClient` only, so a v3 adapter can be added beside `createV2Client`.
 */
import * as v from 'valibot';
import { DevinApiError } from './errors';
import { getJson, type HttpOptions } from './http';
import { type PageInfo, paginate } from './paginate';
import {
  describeIssues,
  type Member,
  MemberSchema,
  type Organization,
  OrganizationSchema,
  PageEnvelopeSchema,
  type Session,
  SessionSchema,
  toSession,
} from './schemas';

const DEFAULT_BASE_URL = 'https://api.devin.ai';
const MAX_PAGE_SIZE = 200;

export interface SessionQuery {
  createdFrom?: string;
  createdTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
  userIds?: readonly string[];
  sessionIds?: readonly string[];
}

/** A record the API sent that failed validation: it is left out and reported, never stored. */
export interface SkippedRecord {
  sessionId: string | null;
  reason: string;
}

export interface SessionPage extends PageInfo {
  sessions: Session[];
  skipped: SkippedRecord[];
  serverTime: number | undefined;
}

export interface DevinClient {
  listSessionsPage(
    orgId: string,
    page: { skip: number; limit: number },
    query?: SessionQuery,
    signal?: AbortSignal,
  ): Promise<SessionPage>;
  listOrganizations(signal?: AbortSignal): Promise<Organization[]>;
  listMembers(signal?: AbortSignal): Promise<Member[]>;
}

export type ClientOptions = HttpOptions;

function parseEnvelope(body: unknown) {
  const envelope = v.safeParse(PageEnvelopeSchema, body);
  if (!envelope.success) throw new DevinApiError('malformed');
  return envelope.output;
}

function toPageInfo(envelope: v.InferOutput<typeof PageEnvelopeSchema>): PageInfo {
  return {
    itemCount: envelope.items.length,
    total: envelope.total,
    skip: envelope.skip,
    limit: envelope.limit,
    hasMore: envelope.has_more,
    nextCursor: envelope.next_cursor,
  };
}

function sessionIdOf(item: unknown): string | null {
  if (typeof item === 'object' && item !== null && 'session_id' in item) {
    const id = (item as { session_id: unknown }).session_id;
    return typeof id === 'string' ? id : null;
  }
  return null;
}

/** Validates each item on its own, so one bad record never costs the rest of the page. */
export function parseSessionItems(items: unknown[]): {
  sessions: Session[];
  skipped: SkippedRecord[];
} {
  const sessions: Session[] = [];
  const skipped: SkippedRecord[] = [];
  for (const item of items) {
    const parsed = v.safeParse(SessionSchema, item);
    if (parsed.success) sessions.push(toSession(parsed.output));
    else skipped.push({ sessionId: sessionIdOf(item), reason: describeIssues(parsed.issues) });
  }
  return { sessions, skipped };
}

/** Reads every page of a directory listing, keeping the entries that validate. */
async function listAll<T>(
  http: HttpOptions,
  path: string,
  schema: v.GenericSchema<unknown, T>,
  signal?: AbortSignal,
): Promise<T[]> {
  const entries: T[] = [];
  const pages = paginate(async (skip) => {
    const { body } = await getJson(http, path, { skip, limit: MAX_PAGE_SIZE }, signal);
    const envelope = parseEnvelope(body);
    const valid = envelope.items.flatMap((item) => {
      const parsed = v.safeParse(schema, item);
      return parsed.success ? [parsed.output] : [];
    });
    return { ...toPageInfo(envelope), valid };
  });
  for await (const page of pages) entries.push(...page.valid);
  return entries;
}

export function createV2Client(options: ClientOptions): DevinClient {
  const http: HttpOptions = { ...options, baseUrl: options.baseUrl || DEFAULT_BASE_URL };
  return {
    async listSessionsPage(orgId, page, query = {}, signal) {
      const { body, serverTime } = await getJson(
        http,
        `/v2/enterprise/organizations/${encodeURIComponent(orgId)}/sessions/insights`,
        {
          skip: page.skip,
          limit: Math.min(Math.max(page.limit, 1), MAX_PAGE_SIZE),
          created_date_from: query.createdFrom,
          created_date_to: query.createdTo,
          updated_date_from: query.updatedFrom,
          updated_date_to: query.updatedTo,
          user_ids: query.userIds,
          session_ids: query.sessionIds,
        },
        signal,
      );
      const envelope = parseEnvelope(body);
      return { ...toPageInfo(envelope), ...parseSessionItems(envelope.items), serverTime };
    },
    listOrganizations(signal) {
      return listAll(http, '/v2/enterprise/organizations', OrganizationSchema, signal);
    },
    listMembers(signal) {
      return listAll(http, '/v2/enterprise/members', MemberSchema, signal);
    },
  };
}

/** Every session of one organization matching `query`, page by page. */
export function iterateSessionPages(
  client: DevinClient,
  orgId: string,
  options: { query?: SessionQuery; startSkip?: number; limit?: number; signal?: AbortSignal } = {},
): AsyncGenerator<SessionPage> {
  const limit = options.limit ?? MAX_PAGE_SIZE;
  return paginate(
    (skip) => client.listSessionsPage(orgId, { skip, limit }, options.query, options.signal),
    options.startSkip,
  );
}
