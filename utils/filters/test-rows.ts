// Test-only helpers shared by the filter tests and the session browser's component tests.
import type { Session, SessionAnalysis } from '../api';
import type { SessionRow } from '../db/types';

export const TEST_NOW = Date.UTC(2025, 4, 20, 12, 0, 0);
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

let counter = 0;

/** A validated API session with sensible defaults; `overrides` wins. */
export function makeSession(overrides: Partial<Session> = {}): Session {
  counter++;
  const id = overrides.session_id ?? `devin-${String(counter).padStart(4, '0')}`;
  return {
    session_id: id,
    url: `https://app.devin.ai/sessions/${id}`,
    status: 'exit',
    tags: [],
    org_id: 'org-a',
    created_at: new Date(TEST_NOW - 2 * HOUR).toISOString(),
    updated_at: new Date(TEST_NOW - HOUR).toISOString(),
    acus_consumed: 1,
    pull_requests: [],
    session_analysis: null,
    initial_user_message: `Do task ${counter}`,
    title: `Task ${counter}`,
    user_id: 'user-1',
    ...overrides,
  };
}

export function makeAnalysis(overrides: Partial<SessionAnalysis> = {}): SessionAnalysis {
  return { issues: [], action_items: [], timeline: [], suggested_prompt: null, ...overrides };
}

/** A list row directly (for pure filter tests). */
export function makeRow(overrides: Partial<SessionRow> = {}): SessionRow {
  counter++;
  return {
    session_id: `row-${String(counter).padStart(4, '0')}`,
    org_id: 'org-a',
    user_id: 'user-1',
    status: 'exit',
    title: `Row ${counter}`,
    first_line: '',
    created_at: TEST_NOW - 2 * HOUR,
    updated_at: TEST_NOW - HOUR,
    acus_consumed: 1,
    tags: [],
    url: 'https://app.devin.ai/sessions/x',
    pull_requests: [],
    pr_keys: [],
    analysis: null,
    ...overrides,
  };
}
