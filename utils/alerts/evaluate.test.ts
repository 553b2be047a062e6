import { describe, expect, it } from 'vitest';
import { diffAlerts } from './evaluate';
import type { AlertCandidate, AlertRow } from './types';

const NOW = 1_000_000;

function candidate(id: string, title = `Alert ${id}`): AlertCandidate {
  return {
    id,
    kind: 'error',
    target: { type: 'session', sessionId: id.split(':')[1] ?? id, orgId: 'o' },
    title,
    detail: 'detail',
  };
}

function stored(id: string, overrides: Partial<AlertRow> = {}): AlertRow {
  return { ...candidate(id), state: 'active', raisedAt: 1, snoozedUntil: null, ...overrides };
}

describe('diffAlerts', () => {
  it('raises a new cause once; a cause already stored is not raised again', () => {
    const first = diffAlerts([candidate('error:a')], [], new Set(['a']), NOW);
    expect(first.raised.map((r) => r.id)).toEqual(['error:a']);
    expect(first.put[0]).toMatchObject({ state: 'active', raisedAt: NOW });
    const again = diffAlerts([candidate('error:a')], first.put, new Set(['a']), NOW + 1);
    expect(again).toEqual({ put: [], remove: [], raised: [] });
  });

  it('never raises a dismissed cause again, and forgets it only once its session is gone', () => {
    const dismissed = stored('error:a', { state: 'dismissed' });
    expect(diffAlerts([candidate('error:a')], [dismissed], new Set(['a']), NOW)).toEqual({
      put: [],
      remove: [],
      raised: [],
    });
    // The cause ended but the session is still cached: the dismissal is kept.
    expect(diffAlerts([], [dismissed], new Set(['a']), NOW).remove).toEqual([]);
    expect(diffAlerts([], [dismissed], new Set(), NOW).remove).toEqual(['error:a']);
  });

  it('brings a snoozed alert back (raised again) once its snooze is over', () => {
    const snoozed = stored('error:a', { state: 'snoozed', snoozedUntil: NOW + 10 });
    expect(diffAlerts([candidate('error:a')], [snoozed], new Set(['a']), NOW).raised).toEqual([]);
    const back = diffAlerts([candidate('error:a')], [snoozed], new Set(['a']), NOW + 10);
    expect(back.raised).toHaveLength(1);
    expect(back.put[0]).toMatchObject({ state: 'active', snoozedUntil: null });
  });

  it('removes an active alert whose cause ended, and updates changed words without raising', () => {
    const changes = diffAlerts(
      [candidate('error:b', 'New words')],
      [stored('error:a'), stored('error:b')],
      new Set(['a', 'b']),
      NOW,
    );
    expect(changes.remove).toEqual(['error:a']);
    expect(changes.raised).toEqual([]);
    expect(changes.put).toEqual([expect.objectContaining({ id: 'error:b', title: 'New words' })]);
  });
});
