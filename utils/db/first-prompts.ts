/**
 * Sessions' first messages fetched from the API, kept so that opening a session again asks
 * nothing. The store is bounded: one message is cut to a quarter of the bound, and the oldest
 * entries go once the total passes it, so it never grows with the history.
 */
import type { DevinDatabase } from './schema';
import type { FirstPromptRow } from './types';

/** The store's bound, in UTF-8 bytes of the messages kept. */
export const FIRST_PROMPTS_MAX_BYTES = 1024 * 1024;
const ENTRY_MAX_BYTES = FIRST_PROMPTS_MAX_BYTES / 4;

export function readFirstPrompt(
  db: DevinDatabase,
  sessionId: string,
): Promise<FirstPromptRow | undefined> {
  return db.firstPrompts.get(sessionId);
}

/** The text cut to at most `maxBytes` of UTF-8, never inside a character. */
function cutToBytes(text: string, maxBytes: number): { text: string; bytes: number; cut: boolean } {
  const buffer = new Uint8Array(maxBytes);
  const { read, written } = new TextEncoder().encodeInto(text, buffer);
  return { text: text.slice(0, read), bytes: written, cut: read < text.length };
}

/** Stores a session's first message (null: it has none), then drops the oldest over the bound. */
export async function storeFirstPrompt(
  db: DevinDatabase,
  sessionId: string,
  message: string | null,
  now = Date.now(),
): Promise<FirstPromptRow> {
  const kept = message === null ? null : cutToBytes(message, ENTRY_MAX_BYTES);
  const row: FirstPromptRow = {
    session_id: sessionId,
    text: kept?.text ?? null,
    truncated: kept?.cut ?? false,
    bytes: kept?.bytes ?? 0,
    storedAt: now,
  };
  await db.transaction('rw', db.firstPrompts, async () => {
    await db.firstPrompts.put(row);
    // The new entry stays; of the others, newest first, whatever passes the bound goes.
    let total = row.bytes;
    const over: string[] = [];
    await db.firstPrompts
      .orderBy('storedAt')
      .reverse()
      .each((entry) => {
        if (entry.session_id === sessionId) return;
        total += entry.bytes;
        if (total > FIRST_PROMPTS_MAX_BYTES) over.push(entry.session_id);
      });
    await db.firstPrompts.bulkDelete(over);
  });
  return row;
}
