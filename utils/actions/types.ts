/**
 * What the session actions answer a page (see utils/messaging.ts), in plain words: pages show
 * `message` as it is, as text.
 */

export type ActionResult = { ok: true; note?: string } | { ok: false; message: string };

/**
 * Whether to offer "Generate analysis" for a session: `busy` while one is being made for it,
 * `unavailable` (with the reason) when this key cannot have one made.
 */
export type AnalysisOffer =
  | { state: 'offer' }
  | { state: 'busy' }
  | { state: 'unavailable'; message: string };

/** A session's first message: `text` null when it has none; `truncated` when it was cut. */
export type FirstPromptResult =
  | { ok: true; text: string | null; truncated: boolean }
  | { ok: false; message: string };

/** Whether to offer "Stop session", or why not (v2 key, policy, no key). */
export type StopOffer = { state: 'offer' } | { state: 'unavailable'; message: string };
/**
 * A v3 session's conversation, oldest message first. `cut`: the session has more messages than
 * the extension keeps. `stale`: fetched before the session last changed, so it may lack the
 * latest messages.
 */
export interface Conversation {
  messages: { source: string; message: string; createdAt: string }[];
  cut: boolean;
  stale: boolean;
}

/** `conversation` null: none is cached yet (asked without fetching). */
export type ConversationResult =
  | { ok: true; conversation: Conversation | null }
  | { ok: false; message: string };
