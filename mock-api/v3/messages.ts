// The messages of a session, made up on request and the same every time: the user's initial
// message from the dataset first, then Devin's replies and the user's follow-ups, as many of
// each as the session's `num_user_messages` / `num_devin_messages` say, spread between its
// creation and its last update.

import { Rng } from '../random';
import type { SessionDetailResponse } from '../types';
import type { SessionTraits } from './traits';

export interface SessionMessage {
  event_id: string;
  source: 'user' | 'devin';
  message: string;
  created_at: number;
}

const DEVIN_REPLIES = [
  "I'll start by exploring the repository to understand the current setup.",
  'I found the relevant code and am making the change now.',
  'The tests pass locally. Running the linter next.',
  'I ran into a failing check in CI; looking into it.',
  'Quick question: should this also cover the legacy code path?',
  'I updated the implementation based on your feedback.',
  'The change is done. Here is a summary of what I did.',
  'I could not reproduce the issue with the current data; trying another approach.',
];

const USER_FOLLOW_UPS = [
  'Thanks! Can you also add a test for the edge case?',
  'Yes, please cover the legacy path too.',
  'Looks good, go ahead.',
  'Please keep the public API unchanged.',
  'Can you split this into two commits?',
  'CI is red on main as well, you can ignore that job.',
];

/** Every message of `session`, oldest first. */
export function sessionMessages(
  session: SessionDetailResponse,
  traits: SessionTraits,
  createdMs: number,
  updatedMs: number,
): SessionMessage[] {
  const rng = new Rng(`v3:messages:${session.session_id}`);
  const users = traits.numUserMessages;
  const count = users + traits.numDevinMessages;
  // Follow-ups (users - 1 of them) spread evenly among the positions after the first.
  const userAt = new Set<number>([0]);
  for (let k = 1; k < users; k++) userAt.add(Math.round((k * count) / users));
  const prs = session.pull_requests;

  const messages: SessionMessage[] = [];
  const span = Math.max(0, updatedMs - createdMs);
  for (let i = 0; i < count; i++) {
    const source = userAt.has(i) ? 'user' : 'devin';
    let message: string;
    if (i === 0) message = session.initial_user_message ?? session.title ?? 'Start a new session';
    else if (source === 'user') message = rng.pick(USER_FOLLOW_UPS);
    else if (i === count - 1 && prs.length > 0)
      message = `I opened a pull request: ${prs[prs.length - 1]?.url}`;
    else message = rng.pick(DEVIN_REPLIES);
    messages.push({
      event_id: `event-${session.session_id.slice(0, 12)}-${String(i).padStart(4, '0')}`,
      source,
      message,
      created_at: Math.floor((createdMs + (span * i) / Math.max(1, count)) / 1000),
    });
  }
  return messages;
}
