/**
 * The v3 calls about one session, used by the actions a person starts from a session's detail
 * (utils/actions): read it as it is now, start its analysis, read its first messages. Ids go
 * into the path encoded, so an id can never reach another endpoint.
 */
import * as v from 'valibot';
import type { DevinClient, MessagePage } from '../client';
import { MAX_PAGE_SIZE } from '../client';
import { DevinApiError } from '../errors';
import { getJson, type HttpOptions, requestJson } from '../http';
import {
  CursorPageSchema,
  GenerateAnswerSchema,
  MessageV3Schema,
  SessionV3Schema,
} from './schemas';

const sessionPath = (sessionId: string) =>
  `/v3/enterprise/sessions/${encodeURIComponent(sessionId)}`;

function parse<T>(schema: v.GenericSchema<unknown, T>, body: unknown): T {
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) throw new DevinApiError('malformed');
  return parsed.output;
}

export function sessionCalls(
  http: HttpOptions,
): Required<
  Pick<DevinClient, 'getSession' | 'generateAnalysis' | 'listMessages' | 'terminateSession'>
> {
  return {
    async getSession(sessionId, signal) {
      const { body } = await getJson(http, `${sessionPath(sessionId)}/insights`, {}, signal);
      return parse(SessionV3Schema, body);
    },
    async generateAnalysis(sessionId, signal) {
      const path = `${sessionPath(sessionId)}/insights/generate`;
      const { body } = await requestJson(http, 'POST', path, {}, signal);
      return parse(GenerateAnswerSchema, body).status;
    },
    async terminateSession(orgId, sessionId, archive, signal) {
      const path = `/v3/organizations/${encodeURIComponent(orgId)}/sessions/${encodeURIComponent(sessionId)}`;
      const query = { archive: archive ? 'true' : 'false' };
      const { body } = await requestJson(http, 'DELETE', path, query, signal);
      return parse(SessionV3Schema, body);
    },
    async listMessages(sessionId, page, signal): Promise<MessagePage> {
      const first = Math.min(Math.max(page.first, 1), MAX_PAGE_SIZE);
      const query = { first, after: page.after ?? null };
      const { body } = await getJson(http, `${sessionPath(sessionId)}/messages`, query, signal);
      const list = parse(CursorPageSchema, body);
      // One unreadable message is left out, as one bad session is left out of a page.
      const messages = list.items.flatMap((item) => {
        const parsed = v.safeParse(MessageV3Schema, item);
        return parsed.success ? [parsed.output] : [];
      });
      return { messages, next: list.has_next_page ? list.end_cursor : null };
    },
  };
}
