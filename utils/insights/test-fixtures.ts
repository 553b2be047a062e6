// Test-only: six literal sessions whose insights are worked out by hand in the tests.
import type { Session } from '../api';
import { toSessionRow } from '../db/rows';
import type { SessionRow } from '../db/types';
import { analysisExtra } from './extras';
import type { AnalysisExtra } from './types';

type Analysis = NonNullable<Session['session_analysis']>;

function analysis(
  issues: [label: string, impact: string][],
  actionTypes: string[],
  suggested: boolean,
): Analysis {
  return {
    issues: issues.map(([label, impact], i) => ({ issue: `Issue ${i}`, label, impact })),
    action_items: actionTypes.map((type, i) => ({
      action_item: `Do ${i}`,
      issue_id: null,
      type,
    })),
    timeline: [],
    suggested_prompt: suggested
      ? { original_prompt: 'Fix it', suggested_prompt: 'Fix it well', feedback_items: [] }
      : null,
  };
}

function session(
  id: string,
  fields: Pick<Session, 'org_id' | 'user_id' | 'status' | 'created_at' | 'acus_consumed'> &
    Partial<Session>,
): Session {
  return {
    session_id: id,
    url: `https://app.devin.ai/sessions/${id}`,
    tags: [],
    updated_at: fields.created_at,
    pull_requests: [],
    session_analysis: null,
    initial_user_message: `Task ${id}`,
    title: `Title ${id}`,
    ...fields,
  };
}

/**
 * s1 org-a/u1 exit  2025-05-01T09:00Z  4 ACUs  GitHub PRs merged + open; 2 flaky_tests issues
 *    (high, low), a playbook action item, a suggested prompt
 * s2 org-a/u1 error 2025-05-02T02:30Z  1 ACU   GitLab MR closed; a missing_context issue (medium)
 *    (2025-05-01 in New York)
 * s3 org-a/u2 exit  2025-05-02T10:00Z 10 ACUs  no PR, no analysis
 * s4 org-b/u2 error 2025-05-02T12:00Z  2 ACUs  GitHub PR "MERGED", Azure PR without state; two
 *    knowledge action items, a suggested prompt
 * s5 org-b/-- running 2025-05-04T08:00Z 0.5 ACU  a flaky_tests issue (high), a knowledge item
 * s6 org-b/u3 exit  2025-05-04T20:00Z  3 ACUs  GitHub PR merged; an empty analysis
 */
export const SESSIONS: Session[] = [
  session('s1', {
    org_id: 'org-a',
    user_id: 'u1',
    status: 'exit',
    created_at: '2025-05-01T09:00:00Z',
    acus_consumed: 4,
    pull_requests: [
      { url: 'https://github.com/acme/web/pull/1', state: 'merged' },
      { url: 'https://github.com/acme/web/pull/2', state: 'open' },
    ],
    session_analysis: analysis(
      [
        ['flaky_tests', 'high'],
        ['flaky_tests', 'low'],
      ],
      ['playbook'],
      true,
    ),
  }),
  session('s2', {
    org_id: 'org-a',
    user_id: 'u1',
    status: 'error',
    created_at: '2025-05-02T02:30:00Z',
    acus_consumed: 1,
    pull_requests: [{ url: 'https://gitlab.com/g/p/-/merge_requests/5', state: 'closed' }],
    session_analysis: analysis([['missing_context', 'medium']], [], false),
  }),
  session('s3', {
    org_id: 'org-a',
    user_id: 'u2',
    status: 'exit',
    created_at: '2025-05-02T10:00:00Z',
    acus_consumed: 10,
  }),
  session('s4', {
    org_id: 'org-b',
    user_id: 'u2',
    status: 'error',
    created_at: '2025-05-02T12:00:00Z',
    acus_consumed: 2,
    pull_requests: [
      { url: 'https://github.com/acme/api/pull/9', state: 'MERGED' },
      { url: 'https://dev.azure.com/org/proj/_git/repo/pullrequest/3', state: null },
    ],
    session_analysis: analysis([], ['knowledge', 'knowledge'], true),
  }),
  session('s5', {
    org_id: 'org-b',
    user_id: null,
    status: 'running',
    created_at: '2025-05-04T08:00:00Z',
    acus_consumed: 0.5,
    session_analysis: analysis([['flaky_tests', 'high']], ['knowledge'], false),
  }),
  session('s6', {
    org_id: 'org-b',
    user_id: 'u3',
    status: 'exit',
    created_at: '2025-05-04T20:00:00Z',
    acus_consumed: 3,
    pull_requests: [{ url: 'https://github.com/acme/web/pull/3', state: 'merged' }],
    session_analysis: analysis([], [], false),
  }),
];

export const ROWS: SessionRow[] = SESSIONS.map(toSessionRow);

export const EXTRAS: ReadonlyMap<string, AnalysisExtra> = new Map(
  SESSIONS.flatMap((s) => {
    const extra = analysisExtra(s);
    return extra ? [[s.session_id, extra] as const] : [];
  }),
);

/** 2025-05-05T12:00Z: the day after the last session. */
export const NOW = Date.UTC(2025, 4, 5, 12);
