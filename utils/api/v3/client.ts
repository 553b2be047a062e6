/**
 * The v3 API (`cog_` service-user tokens): the enterprise-wide session listing filtered by
 * organization, cursor pages (`first`/`after`), Unix-second filters, problem-details errors.
 *
 * Two things v3 leaves to the caller are checked here. "More pages" without a cursor ends the
 * walk (`pagination`) instead of looping. And since unknown query parameters are ignored
 * silently, an incremental page is checked against its `updated_after`: an older item means
 * the filter did not take effect (`filterIgnored`).
 */
import * as v from 'valibot';
import {
  type ClientOptions,
  DEFAULT_BASE_URL,
  type DevinClient,
  MAX_PAGE_SIZE,
  parseSessionItems,
} from '../client';
import { ConsumptionV3Schema } from '../consumption';
import { DevinApiError } from '../errors';
import { getJson, type HttpOptions, type Query } from '../http';
import { AdaptiveLimiter } from '../limiter';
import { toEpochMs } from '../time';
import {
  CursorPageSchema,
  MemberV3Schema,
  OrganizationV3Schema,
  SelfSchema,
  SessionV3Schema,
} from './schemas';
import { sessionCalls } from './session-calls';

const SESSIONS_PATH = '/v3/enterprise/sessions/insights';
const CONSUMPTION_PATH = '/v3/enterprise/consumption/daily';

/** An ISO instant as the whole Unix seconds v3 filters take (rounded down: never later). */
function toUnixSeconds(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = toEpochMs(iso);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

function parseCursorPage(body: unknown) {
  const page = v.safeParse(CursorPageSchema, body);
  if (!page.success) throw new DevinApiError('malformed');
  return page.output;
}

/** Reads every cursor page of a directory listing, keeping the entries that validate. */
async function listAll<T>(
  http: HttpOptions,
  path: string,
  schema: v.GenericSchema<unknown, T>,
  signal?: AbortSignal,
): Promise<T[]> {
  const entries: T[] = [];
  const seen = new Set<string>();
  let after: string | null = null;
  do {
    const { body } = await getJson(http, path, { first: MAX_PAGE_SIZE, after }, signal);
    const page = parseCursorPage(body);
    for (const item of page.items) {
      const parsed = v.safeParse(schema, item);
      if (parsed.success) entries.push(parsed.output);
    }
    after = page.has_next_page ? page.end_cursor : null;
    if (page.has_next_page && (after === null || seen.has(after))) {
      throw new DevinApiError('pagination');
    }
    if (after !== null) seen.add(after);
  } while (after !== null);
  return entries;
}

export function createV3Client(options: ClientOptions): DevinClient {
  // One limiter per client: every request of a sync shares its window.
  const http: HttpOptions = {
    ...options,
    baseUrl: options.baseUrl || DEFAULT_BASE_URL,
    limiter: options.limiter ?? new AdaptiveLimiter(),
  };
  return {
    version: 'v3',
    async listSessionsPage(orgId, page, query = {}, signal) {
      const after = page.cursor ?? null;
      const first = Math.min(Math.max(page.limit, 1), MAX_PAGE_SIZE);
      const updatedAfter = toUnixSeconds(query.updatedFrom);
      const params: Query = {
        first,
        after,
        org_ids: orgId ? [orgId] : undefined,
        created_after: toUnixSeconds(query.createdFrom),
        created_before: toUnixSeconds(query.createdTo),
        updated_after: updatedAfter,
        updated_before: toUnixSeconds(query.updatedTo),
        user_ids: query.userIds,
        session_ids: query.sessionIds,
      };
      let response: Awaited<ReturnType<typeof getJson>>;
      try {
        response = await getJson(http, SESSIONS_PATH, params, signal);
      } catch (error) {
        // A stored cursor the server no longer accepts (it expired): the caller starts over.
        if (after !== null && error instanceof DevinApiError && error.status === 400) {
          throw new DevinApiError('cursor_expired', { status: 400, cause: error });
        }
        throw error;
      }
      const body = parseCursorPage(response.body);
      // More items than asked for: not the paging agreed on (see the v2 client).
      if (body.items.length > first) throw new DevinApiError('malformed');
      const parsed = parseSessionItems(body.items, SessionV3Schema);
      // "More pages" without a cursor cannot be followed. (A cursor that repeats is caught by
      // the walk, iterateSessionPages, as for any position seen twice.)
      if (body.has_next_page && body.end_cursor === null) throw new DevinApiError('pagination');
      const filterIgnored =
        updatedAfter !== undefined &&
        parsed.sessions.some((s) => toEpochMs(s.updated_at) < updatedAfter * 1000);
      return {
        ...parsed,
        skip: page.skip,
        itemCount: body.items.length,
        total: body.total,
        limit: page.limit,
        next:
          body.has_next_page && body.end_cursor !== null
            ? { skip: page.skip + body.items.length, cursor: body.end_cursor }
            : null,
        serverTime: response.serverTime,
        filterIgnored,
      };
    },
    listOrganizations(signal) {
      return listAll(http, '/v3/enterprise/organizations', OrganizationV3Schema, signal);
    },
    listMembers(signal) {
      return listAll(http, '/v3/enterprise/members/users', MemberV3Schema, signal);
    },
    async describeCaller(signal) {
      const { body } = await getJson(http, '/v3/self', undefined, signal);
      const self = v.safeParse(SelfSchema, body);
      if (!self.success) throw new DevinApiError('malformed');
      const name = self.output.service_user_name ?? self.output.service_user_id;
      return name ?? '';
    },
    async getDailyConsumption(range, signal) {
      const window = {
        time_after: toUnixSeconds(range.start),
        time_before: toUnixSeconds(range.end),
      };
      const read = async (path: string) => {
        const { body } = await getJson(http, path, window, signal);
        const parsed = v.safeParse(ConsumptionV3Schema, body);
        if (!parsed.success) throw new DevinApiError('malformed');
        return parsed.output;
      };
      const enterprise = await read(CONSUMPTION_PATH);
      // One request per organization (v3 has no breakdown in the enterprise answer); an
      // organization that is gone (404) is left out rather than failing the others.
      const byOrg: Record<string, number> = {};
      for (const orgId of range.orgIds) {
        try {
          byOrg[orgId] = (
            await read(`${CONSUMPTION_PATH}/organizations/${encodeURIComponent(orgId)}`)
          ).totalAcus;
        } catch (error) {
          if (!(error instanceof DevinApiError && error.kind === 'not_found')) throw error;
        }
      }
      return { totalAcus: enterprise.totalAcus, byDate: enterprise.byDate, byOrg, byUser: null };
    },
    ...sessionCalls(http),
  };
}
