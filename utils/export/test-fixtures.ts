/** Sessions for the export tests, in the shape the cache holds (validated API sessions). */
import type { Session } from '../api';

export function makeSession(overrides: Partial<Session> = {}): Session {
  return {
    session_id: 'devin-0001',
    url: 'https://app.devin.ai/sessions/devin-0001',
    status: 'exit',
    tags: ['infra', 'ci'],
    org_id: 'org-platform',
    created_at: '2026-03-01T10:00:00.000Z',
    updated_at: '2026-03-01T11:30:00.000Z',
    acus_consumed: 2.75,
    pull_requests: [{ url: 'https://github.com/acme/web/pull/12', state: 'merged' }],
    session_analysis: {
      issues: [{ issue: 'Flaky test', impact: 'low', label: 'testing' }],
      action_items: [{ action_item: 'Pin the seed', issue_id: '0', type: 'fix' }],
      timeline: [{ title: 'Started', description: 'Cloned the repository' }],
      suggested_prompt: null,
    },
    initial_user_message: 'Fix the flaky test in CI',
    title: 'Fix flaky test',
    user_id: 'user-ada',
    ...overrides,
  };
}
