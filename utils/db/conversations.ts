/**
 * v3 sessions' conversations fetched from the API, kept so that opening a session again asks
 * nothing while it has not moved on. The store is bounded in entries and bytes: the least
 * recently used conversations go once either bound is passed, so it never grows with the
 * history. Each conversation is already bounded by the fetch (utils/actions/conversation.ts).
 */
import type { SessionMessage } from '../api';
import type { DevinDatabase } from './schema';
import type { ConversationEntry } from './types';

/** The store's bounds: conversations kept, and UTF-8 bytes of their messages. */
export const CONVERSATIONS_MAX_ENTRIES = 50;
export const CONVERSATIONS_MAX_BYTES = 8 * 1024 * 1024;

export interface CachedConversation {
  entry: ConversationEntry;
  messages: SessionMessage[];
}

/** A message's size as counted against the bounds: its texts in UTF-8. */
export function messageBytes(message: SessionMessage): number {
  const encoder = new TextEncoder();
  return (
    encoder.encode(message.message).length +
    encoder.encode(message.source).length +
    message.createdAt.length
  );
}

/** The cached conversation of a session, marked as used now; undefined when none is kept. */
export async function readConversation(
  db: DevinDatabase,
  sessionId: string,
  now = Date.now(),
): Promise<CachedConversation | undefined> {
  return db.transaction('rw', [db.conversations, db.conversationMessages], async () => {
    const entry = await db.conversations.get(sessionId);
    const messages = await db.conversationMessages.get(sessionId);
    if (!entry || !messages) return undefined;
    // Only the small entry is rewritten: the messages stay where they are.
    await db.conversations.update(sessionId, { usedAt: now });
    return { entry: { ...entry, usedAt: now }, messages };
  });
}

/** Stores a session's conversation in place of any older one, then drops what passes the bounds. */
export async function storeConversation(
  db: DevinDatabase,
  sessionId: string,
  fetched: { updatedAt: number; messages: SessionMessage[]; cut: boolean },
  now = Date.now(),
): Promise<ConversationEntry> {
  const entry: ConversationEntry = {
    session_id: sessionId,
    updatedAt: fetched.updatedAt,
    count: fetched.messages.length,
    cut: fetched.cut,
    bytes: fetched.messages.reduce((sum, message) => sum + messageBytes(message), 0),
    usedAt: now,
  };
  await db.transaction('rw', [db.conversations, db.conversationMessages], async () => {
    await db.conversations.put(entry);
    await db.conversationMessages.put(fetched.messages, sessionId);
    // The new entry stays; of the others, most recently used first, those that fit stay.
    let total = entry.bytes;
    let kept = 1;
    const over: string[] = [];
    await db.conversations
      .orderBy('usedAt')
      .reverse()
      .each((other) => {
        if (other.session_id === sessionId) return;
        if (total + other.bytes > CONVERSATIONS_MAX_BYTES || kept >= CONVERSATIONS_MAX_ENTRIES) {
          over.push(other.session_id);
          return;
        }
        total += other.bytes;
        kept += 1;
      });
    await db.conversations.bulkDelete(over);
    await db.conversationMessages.bulkDelete(over);
  });
  return entry;
}
