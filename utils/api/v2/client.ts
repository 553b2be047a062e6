/**
 * The v2 API (`apk_user_` / `apk_` keys): one organization's sessions at a time, `skip`/`limit`
 * pages, ISO timestamps. The contract the extension was built on; Devin now calls it legacy.
 */
import * as v from 'valibot';
import {
  type ClientOptions,
  DEFAULT_BASE_URL,
  type DevinClient,
  MAX_PAGE_SIZE,
  parseSessionItems,
} from '../client';
import { ConsumptionV2Schema } from '../consumption';
import { DevinApiError } from '../errors';
import { getJson, type HttpOptions } from '../http';
import { AdaptiveLimiter } from '../limiter';
import { nextSkip, type PageInfo, paginate } from '../paginate';
import { MemberSchema, OrganizationSchema, PageEnvelopeSchema, SessionV2Schema } from '../schemas';

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
  // One limiter per client: every request of a sync shares its window.
  const http: HttpOptions = {
    ...options,
    baseUrl: options.baseUrl || DEFAULT_BASE_URL,
    limiter: options.limiter ?? new AdaptiveLimiter(),
  };
  return {
    version: 'v2',
    async listSessionsPage(orgId, page, query = {}, signal) {
      const limit = Math.min(Math.max(page.limit, 1), MAX_PAGE_SIZE);
      const { body, serverTime } = await getJson(
        http,
        `/v2/enterprise/organizations/${encodeURIComponent(orgId)}/sessions/insights`,
        {
          skip: page.skip,
          limit,
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
      // More items than asked for: the server is not paging as agreed, and a page without a
      // bound could hold anything. Treated as an unreadable answer (retried, then reported).
      if (envelope.items.length > limit) throw new DevinApiError('malformed');
      const info = toPageInfo(envelope);
      const following = nextSkip(info);
      return {
        ...parseSessionItems(envelope.items, SessionV2Schema),
        skip: info.skip,
        itemCount: info.itemCount,
        total: info.total,
        limit: info.limit,
        next: following === null ? null : { skip: following, cursor: null },
        serverTime,
      };
    },
    listOrganizations(signal) {
      return listAll(http, '/v2/enterprise/organizations', OrganizationSchema, signal);
    },
    listMembers(signal) {
      return listAll(http, '/v2/enterprise/members', MemberSchema, signal);
    },
    async getDailyConsumption(range, signal) {
      // One request without `org_ids`: its total keeps the products tied to no organization,
      // and it still breaks the ACUs down per organization and per user.
      const { body } = await getJson(
        http,
        '/v2/enterprise/consumption/daily',
        { start_date: range.start, end_date: range.end },
        signal,
      );
      const parsed = v.safeParse(ConsumptionV2Schema, body);
      if (!parsed.success) throw new DevinApiError('malformed');
      return parsed.output;
    },
  };
}
