/**
 * A v3 session's conversation, fetched when a person asks for it in the detail view (it can be
 * hundreds of messages: never fetched unasked), then read from the cache
 * (utils/db/conversations.ts) until the session moves on. The fetch is bounded in messages and
 * bytes, so one long session cannot fill the store or the page.
 */
import type { DevinClient, SessionMessage } from '../api/client';
import {
  CONVERSATIONS_MAX_BYTES,
  messageBytes,
  readConversation,
  storeConversation,
} from '../db/conversations';
import type { DevinDatabase } from '../db/schema';
import { newestCachedStamps } from '../db/stamp-lookup';
import { updatedAtOfStamp } from '../db/stamps';
import { IDENTITY_KEY } from '../sync/identity';
import { conversationNeedsV3, describeFailure, notConfigured } from './messages';
import type { ConversationResult } from './types';

/** Messages kept of one conversation: more is more than anyone reads in a popup. */
const CONVERSATION_MAX_MESSAGES = 500;
/** UTF-8 bytes kept of one conversation: a quarter of the store, so four fit at the least. */
export const CONVERSATION_MAX_BYTES = CONVERSATIONS_MAX_BYTES / 4;
/** Pages read at most: a server that keeps sending empty pages still ends the fetch. */
const MAX_PAGES = 25;
const PAGE_SIZE = 200;

export interface ConversationRequest {
  db: DevinDatabase;
  /** Null when no key is saved: only the cache answers then. */
  client: DevinClient | null;
  /** The key's hash (`cacheIdentity`): the conversation is kept only in that key's cache. */
  identity: string | null;
  sessionId: string;
  /** Why there is no client, in words (no key saved, held back...). */
  unavailable?: string;
  /** False: answer from the cache only, with no request (on opening a session). */
  mayFetch: boolean;
  /** The fetch's bounds; the constants above unless given (tests give smaller ones). */
  limits?: Limits;
}

interface Limits {
  messages: number;
  bytes: number;
}

const LIMITS: Limits = { messages: CONVERSATION_MAX_MESSAGES, bytes: CONVERSATION_MAX_BYTES };

interface Fetched {
  messages: SessionMessage[];
  cut: boolean;
}

const CUT_MARK = '… [cut: the conversation is longer than the extension keeps]';

/** The message cut to at most `maxBytes` (as `messageBytes` counts), never inside a character. */
function cutMessage(message: SessionMessage, maxBytes: number): SessionMessage {
  const encoder = new TextEncoder();
  const others = messageBytes({ ...message, message: '' });
  const room = Math.max(0, maxBytes - others - encoder.encode(CUT_MARK).length);
  const { read } = encoder.encodeInto(message.message, new Uint8Array(room));
  return { ...message, message: `${message.message.slice(0, read)}${CUT_MARK}` };
}

/** The session's messages, oldest first, until the last page or a bound. */
async function fetchConversation(
  listMessages: NonNullable<DevinClient['listMessages']>,
  sessionId: string,
  limits: Limits,
): Promise<Fetched> {
  const messages: SessionMessage[] = [];
  let bytes = 0;
  let after: string | null = null;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const room = limits.messages - messages.length;
    const page = await listMessages(sessionId, { first: Math.min(PAGE_SIZE, room), after });
    for (const [i, message] of page.messages.entries()) {
      const size = messageBytes(message);
      const more = i < page.messages.length - 1 || page.next !== null;
      if (bytes + size > limits.bytes) {
        // The message that passes the budget shows its beginning, then the fetch ends.
        messages.push(cutMessage(message, limits.bytes - bytes));
        return { messages, cut: true };
      }
      messages.push(message);
      bytes += size;
      if (messages.length === limits.messages) return { messages, cut: more };
    }
    if (page.next === null) return { messages, cut: false };
    // A server that repeats its cursor or sends empty pages would never end: stop, and say so.
    if (page.next === after || page.messages.length === 0) break;
    after = page.next;
  }
  return { messages, cut: true };
}

/** The `updated_at` (epoch ms) of the cached session; null when it is not cached. */
async function cachedUpdatedAt(db: DevinDatabase, sessionId: string): Promise<number | null> {
  const [stamp] = await newestCachedStamps(db, [sessionId]);
  return stamp ? updatedAtOfStamp(stamp) : null;
}

export async function loadConversation(request: ConversationRequest): Promise<ConversationResult> {
  const { db, client, identity, sessionId } = request;
  const [cached, updatedAt] = await Promise.all([
    readConversation(db, sessionId),
    cachedUpdatedAt(db, sessionId),
  ]);
  const stale = cached !== undefined && updatedAt !== null && cached.entry.updatedAt < updatedAt;
  if (cached && (!stale || !request.mayFetch)) {
    return { ok: true, conversation: { messages: cached.messages, cut: cached.entry.cut, stale } };
  }
  if (!request.mayFetch) return { ok: true, conversation: null };
  if (!client || identity === null) {
    return { ok: false, message: request.unavailable ?? notConfigured() };
  }
  // v2 has no messages endpoint: its sessions are not offered a conversation.
  if (!client.listMessages) return { ok: false, message: conversationNeedsV3() };
  let fetched: Fetched;
  try {
    fetched = await fetchConversation(client.listMessages, sessionId, request.limits ?? LIMITS);
  } catch (error) {
    return { ok: false, message: describeFailure('loading the conversation', error) };
  }
  const conversation = { ...fetched, stale: false };
  // A session the cache does not hold is not this cache's to keep (another key's, or gone).
  if (updatedAt === null) return { ok: true, conversation };
  // Kept only while the cache is still this key's: another key's cache must not receive it.
  await db.transaction('rw', [db.conversations, db.conversationMessages, db.meta], async () => {
    if ((await db.meta.get(IDENTITY_KEY))?.value !== identity) return;
    await storeConversation(db, sessionId, { updatedAt, ...fetched });
  });
  return { ok: true, conversation };
}
