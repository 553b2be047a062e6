/**
 * A session's first message when the API sends none with the session (v3 sends it only inside
 * an analysis): fetched from its messages the first time it is opened, then read from the
 * cache (utils/db/first-prompts.ts), with no request.
 */
import type { DevinClient, SessionMessage } from '../api/client';
import { readFirstPrompt, storeFirstPrompt } from '../db/first-prompts';
import type { DevinDatabase } from '../db/schema';
import type { FirstPromptRow } from '../db/types';
import { IDENTITY_KEY } from '../sync/identity';
import { describeFailure } from './messages';
import type { FirstPromptResult } from './types';

export interface FirstPromptRequest {
  db: DevinDatabase;
  /** Null when no key is saved: only the cache answers then. */
  client: DevinClient | null;
  /** The key's hash (`cacheIdentity`): the message is kept only in that key's cache. */
  identity: string | null;
  sessionId: string;
}

/** Enough messages to pass Devin's first replies, should one come before the user's. */
const LOOK_FURTHER = 20;

const answer = (row: Pick<FirstPromptRow, 'text' | 'truncated'>): FirstPromptResult => ({
  ok: true,
  text: row.text,
  truncated: row.truncated,
});

function firstFromUser(messages: readonly SessionMessage[]): string | null {
  return messages.find((m) => m.source === 'user')?.message ?? null;
}

/** The first user message of the session, asking for one message when that is enough. */
async function fetchFirstPrompt(
  listMessages: NonNullable<DevinClient['listMessages']>,
  sessionId: string,
): Promise<string | null> {
  // Messages come oldest first, and a session starts with the user's message: one is enough.
  const first = await listMessages(sessionId, { first: 1 });
  if (first.messages.length === 0) return null;
  const found = firstFromUser(first.messages);
  if (found !== null || first.next === null) return found;
  return firstFromUser((await listMessages(sessionId, { first: LOOK_FURTHER })).messages);
}

export async function loadFirstPrompt(request: FirstPromptRequest): Promise<FirstPromptResult> {
  const { db, client, identity, sessionId } = request;
  const cached = await readFirstPrompt(db, sessionId);
  if (cached) return answer(cached);
  // v2 sends the first message with the session; it has no messages to look at.
  if (!client?.listMessages || identity === null) return { ok: true, text: null, truncated: false };
  let text: string | null;
  try {
    text = await fetchFirstPrompt(client.listMessages, sessionId);
  } catch (error) {
    return { ok: false, message: describeFailure('loading the first message', error) };
  }
  // Kept only while the cache is still this key's: another key's cache must not receive it.
  return db.transaction('rw', [db.firstPrompts, db.meta], async () => {
    if ((await db.meta.get(IDENTITY_KEY))?.value !== identity) {
      return { ok: true, text, truncated: false };
    }
    return answer(await storeFirstPrompt(db, sessionId, text));
  });
}
