import { describe, expect, it } from 'vitest';
import { MAX_ANALYSIS_TEXT, MAX_LIST, MAX_MESSAGE, MAX_TITLE, TRUNCATED_MARK } from './bounds';
import { parseSessionItems as parseItems } from './client';
import { SessionV2Schema } from './schemas';

const parseSessionItems = (items: unknown[]) => parseItems(items, SessionV2Schema);

const base = {
  session_id: 'abc123',
  url: 'https://app.devin.ai/sessions/abc123',
  status: 'exit',
  tags: ['infra'],
  org_id: 'org-1',
  created_at: '2026-01-02T03:04:05.000Z',
  updated_at: '2026-01-02T04:04:05.000Z',
  acus_consumed: 1.5,
  pull_requests: [{ url: 'https://github.com/a/b/pull/1', state: 'merged' }],
  session_analysis: null,
  initial_user_message: 'Fix the build',
  title: 'Fix build',
  user_id: 'user-1',
};

describe('parseSessionItems', () => {
  it('keeps a session with a status this version does not know', () => {
    const { sessions, skipped } = parseSessionItems([{ ...base, status: 'hibernating' }]);
    expect(skipped).toEqual([]);
    expect(sessions[0]?.status).toBe('hibernating');
  });

  it('accepts pr_url/pr_state as well as url/state', () => {
    const { sessions } = parseSessionItems([
      {
        ...base,
        pull_requests: [{ pr_url: 'https://gitlab.com/g/p/-/merge_requests/2', pr_state: 'open' }],
      },
    ]);
    expect(sessions[0]?.pull_requests).toEqual([
      { url: 'https://gitlab.com/g/p/-/merge_requests/2', state: 'open' },
    ]);
  });

  it('keeps devin- prefixed ids as they are', () => {
    const { sessions } = parseSessionItems([{ ...base, session_id: 'devin-abc123' }]);
    expect(sessions[0]?.session_id).toBe('devin-abc123');
  });

  it('reads timestamps without a zone as UTC', () => {
    const { sessions, skipped } = parseSessionItems([
      { ...base, created_at: '2026-01-02T03:04:05.123456' },
    ]);
    expect(skipped).toEqual([]);
    expect(sessions).toHaveLength(1);
  });

  it('fills what optional fields lack and derives the session link', () => {
    const { title, user_id, initial_user_message, url, ...rest } = base;
    const { sessions } = parseSessionItems([{ ...rest, url: '' }]);
    expect(sessions[0]).toMatchObject({ title: null, user_id: null, initial_user_message: null });
    expect(sessions[0]?.url).toBe('https://app.devin.ai/sessions/abc123');
  });

  it('skips only the records that break the schema, saying which and why', () => {
    const { sessions, skipped } = parseSessionItems([
      base,
      { ...base, session_id: 'bad-date', created_at: 'not-a-date' },
      { ...base, session_id: undefined },
      { ...base, session_id: 'bad-acus', acus_consumed: 'lots' },
    ]);
    expect(sessions.map((s) => s.session_id)).toEqual(['abc123']);
    expect(skipped).toHaveLength(3);
    expect(skipped[0]).toMatchObject({ sessionId: 'bad-date' });
    expect(skipped[0]?.reason).toContain('created_at');
    expect(skipped[1]).toMatchObject({ sessionId: null });
    expect(skipped[2]?.reason).toContain('acus_consumed');
  });

  it('reads a full analysis', () => {
    const analysis = {
      issues: [{ issue: 'Tests were flaky', impact: 'high', label: 'flaky_tests' }],
      action_items: [{ action_item: 'Pin the seed', issue_id: '0', type: 'knowledge' }],
      timeline: [{ title: 'Started', description: 'Cloned the repo' }],
      suggested_prompt: {
        original_prompt: 'Fix it',
        suggested_prompt: 'Fix the flaky test in x.spec.ts',
        feedback_items: [{ issue_id: '0', summary: 'Be specific', excerpt: null, details: null }],
      },
    };
    const { sessions } = parseSessionItems([{ ...base, session_analysis: analysis }]);
    expect(sessions[0]?.session_analysis).toEqual(analysis);
  });
});

describe('bounds on what the API sends', () => {
  it('cuts long text with a visible mark and keeps the rest of the record', () => {
    const issue = { issue: 'x'.repeat(100_000), impact: 'high', label: 'l' };
    const { sessions, skipped } = parseSessionItems([
      {
        ...base,
        title: 't'.repeat(5_000),
        initial_user_message: 'm'.repeat(2 * MAX_MESSAGE),
        tags: Array.from({ length: 1_000 }, (_, i) => `tag-${i}`),
        session_analysis: { issues: [issue] },
      },
    ]);
    expect(skipped).toEqual([]);
    const session = sessions[0];
    expect(session?.title).toHaveLength(MAX_TITLE);
    expect(session?.title?.endsWith(TRUNCATED_MARK)).toBe(true);
    expect(session?.initial_user_message).toHaveLength(MAX_MESSAGE);
    expect(session?.tags).toHaveLength(MAX_LIST);
    expect(session?.session_analysis?.issues[0]?.issue).toHaveLength(MAX_ANALYSIS_TEXT);
  });

  it('counts a record with impossible ACUs or a huge id as bad, and keeps the others', () => {
    const { sessions, skipped } = parseSessionItems([
      { ...base, session_id: 'neg', acus_consumed: -1 },
      { ...base, session_id: 'inf', acus_consumed: JSON.parse('1e400') },
      { ...base, session_id: 'x'.repeat(5_000) },
      { ...base, session_id: 'fine', acus_consumed: 2.5 },
    ]);
    expect(sessions.map((s) => s.session_id)).toEqual(['fine']);
    expect(skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/acus_consumed: is negative/),
      expect.stringMatching(/acus_consumed: is not a number/),
      expect.stringMatching(/session_id: is too long/),
    ]);
  });
});
