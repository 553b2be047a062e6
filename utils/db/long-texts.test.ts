/**
 * Long texts stored apart: a session as stored keeps the beginning of each long text the
 * detail view previews, and the cut texts put back give the session as the API sent it.
 */
import { describe, expect, it } from 'vitest';
import { makeSession } from '../../tests/fixtures/rows';
import type { Session } from '../api';
import {
  ANALYSIS_TEXT_PREVIEW_CHARS,
  cutLongTexts,
  joinLongTexts,
  MESSAGE_PREVIEW_CHARS,
  PROMPT_DIFF_MAX_CHARS,
  textAt,
} from './long-texts';

const MB = 1_048_576;

function hugeSession(): Session {
  const issue = `${'i'.repeat(65_536 - 3)}END`;
  return makeSession({
    session_id: 'huge',
    initial_user_message: `${'m'.repeat(MB - 3)}END`,
    session_analysis: {
      issues: [
        { issue, impact: 'high', label: 'a' },
        { issue: 'short issue', impact: 'low', label: 'b' },
      ],
      action_items: [{ action_item: issue, issue_id: null, type: 't' }],
      timeline: [{ title: 'Step', description: issue }],
      suggested_prompt: {
        original_prompt: `${'p'.repeat(MB - 3)}END`,
        suggested_prompt: 'Shorter.',
        feedback_items: [{ issue_id: null, summary: issue, excerpt: null, details: 'fine' }],
      },
    },
  });
}

describe('cutLongTexts', () => {
  it('keeps the beginning of each long text, with its full length, and the whole apart', () => {
    const session = hugeSession();
    const stored = cutLongTexts(session);
    expect(stored.session.initial_user_message).toHaveLength(MESSAGE_PREVIEW_CHARS);
    const analysis = stored.session.session_analysis;
    expect(analysis?.issues[0]?.issue).toHaveLength(ANALYSIS_TEXT_PREVIEW_CHARS);
    expect(analysis?.issues[1]?.issue).toBe('short issue');
    expect(analysis?.action_items[0]?.action_item).toHaveLength(ANALYSIS_TEXT_PREVIEW_CHARS);
    expect(analysis?.timeline[0]?.description).toHaveLength(ANALYSIS_TEXT_PREVIEW_CHARS);
    expect(analysis?.timeline[0]?.title).toBe('Step');
    expect(analysis?.suggested_prompt?.original_prompt).toHaveLength(MESSAGE_PREVIEW_CHARS);
    expect(analysis?.suggested_prompt?.suggested_prompt).toBe('Shorter.');
    expect(analysis?.suggested_prompt?.feedback_items[0]?.summary).toHaveLength(
      ANALYSIS_TEXT_PREVIEW_CHARS,
    );
    expect(stored.cut).toEqual({
      initial_user_message: MB,
      'session_analysis.issues.0.issue': 65_536,
      'session_analysis.action_items.0.action_item': 65_536,
      'session_analysis.timeline.0.description': 65_536,
      'session_analysis.suggested_prompt.original_prompt': MB,
      'session_analysis.suggested_prompt.feedback_items.0.summary': 65_536,
    });
    // The stored form is small: what opening the session reads.
    expect(JSON.stringify(stored.session).length).toBeLessThan(20_000);
    // The session given is left as it is.
    expect(session.initial_user_message).toHaveLength(MB);
  });

  it('puts the whole texts back: the session as the API sent it', () => {
    const session = hugeSession();
    const stored = cutLongTexts(session);
    const joined = joinLongTexts(stored.session, stored.whole, stored.cut);
    expect(joined).toEqual(session);
    expect(textAt(joined, 'initial_user_message')).toMatch(/END$/);
    // Cut texts whose whole is missing are refused, never passed off as whole.
    expect(() => joinLongTexts(stored.session, undefined, stored.cut)).toThrow(
      /missing from the cache\. Clear the cache/,
    );
  });

  it('leaves ordinary sessions and texts a little over their preview whole', () => {
    const ordinary = makeSession({ initial_user_message: 'Fix the build.' });
    expect(cutLongTexts(ordinary)).toEqual({ session: ordinary, cut: null, whole: null });
    const near = makeSession({ initial_user_message: 'x'.repeat(MESSAGE_PREVIEW_CHARS + 10) });
    expect(cutLongTexts(near).cut).toBeNull();
  });

  it('keeps prompts that can still be compared word by word whole', () => {
    const prompt = 'p'.repeat(PROMPT_DIFF_MAX_CHARS / 2);
    const session = makeSession({
      session_analysis: {
        issues: [],
        action_items: [],
        timeline: [],
        suggested_prompt: { original_prompt: prompt, suggested_prompt: 'x', feedback_items: [] },
      },
    });
    expect(cutLongTexts(session).cut).toBeNull();
  });

  it('never ends a kept beginning on half of a surrogate pair', () => {
    // One character first, so the preview's last place falls on the first half of a pair.
    const text = `a${'😀'.repeat(MESSAGE_PREVIEW_CHARS * 2)}`;
    const { session } = cutLongTexts(makeSession({ initial_user_message: text }));
    const kept = session.initial_user_message ?? '';
    expect(kept.length).toBe(MESSAGE_PREVIEW_CHARS - 1);
    expect(kept.endsWith('😀')).toBe(true);
  });

  it('puts back nothing where the stored copy has no text', () => {
    const session = makeSession({ initial_user_message: null });
    const cut = { 'session_analysis.issues.3.issue': 10_000 };
    expect(joinLongTexts(session, { 'session_analysis.issues.3.issue': 'x' }, cut)).toEqual(
      session,
    );
  });
});
