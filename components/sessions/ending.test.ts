import { describe, expect, it } from 'vitest';
import { HOUR, makeAnalysis, makeSession } from '../../tests/fixtures/rows';
import { explainError, sessionDuration } from './ending';

const now = Date.parse('2026-03-10T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('sessionDuration', () => {
  it('runs until the last update once a session has ended', () => {
    const session = makeSession({
      status: 'exit',
      created_at: iso(now - 5 * HOUR),
      updated_at: iso(now - 2 * HOUR),
    });
    expect(sessionDuration(session, now)).toBe(3 * HOUR);
  });

  it('runs until now while a session is live', () => {
    const session = makeSession({
      status: 'running',
      created_at: iso(now - 5 * HOUR),
      updated_at: iso(now - 4 * HOUR),
    });
    expect(sessionDuration(session, now)).toBe(5 * HOUR);
  });

  it('is never negative when the clocks disagree', () => {
    const session = makeSession({ status: 'running', created_at: iso(now + HOUR) });
    expect(sessionDuration(session, now)).toBe(0);
  });
});

describe('explainError', () => {
  const issues = [
    { issue: 'Tests were slow.', impact: 'low', label: 'slow' },
    { issue: 'The repository was not accessible.', impact: 'high', label: 'access' },
    { issue: 'Another high one.', impact: 'high', label: 'other' },
  ];

  it('names the status detail and the first issue of the highest impact', () => {
    const session = makeSession({
      status: 'error',
      status_detail: 'usage_limit_exceeded',
      session_analysis: makeAnalysis({ issues }),
    });
    const why = explainError(session);
    expect(why?.detail).toBe('Usage limit exceeded');
    expect(why?.issue?.issue).toBe('The repository was not accessible.');
  });

  it('explains with the analysis alone on v2, where there is no status detail', () => {
    const session = makeSession({ status: 'error', session_analysis: makeAnalysis({ issues }) });
    expect(explainError(session)).toEqual({ detail: null, issue: issues[1] });
  });

  it('has nothing to say for an error without detail or analysis, or for another status', () => {
    expect(explainError(makeSession({ status: 'error', session_analysis: null }))).toBeNull();
    expect(
      explainError(makeSession({ status: 'exit', session_analysis: makeAnalysis({ issues }) })),
    ).toBeNull();
  });
});
