import { describe, expect, it } from 'vitest';
import { makeAnalysis, makeSession } from '../../tests/fixtures/rows';
import type { SessionAnalysis } from '../api';
import { packFacts, unpackFacts } from './analysis-facts';
import { toSessionRow } from './rows';

function issue(label: string, impact: string) {
  return { issue: `${label} (${impact})`, label, impact };
}

function action(type: string) {
  return { action_item: `Do ${type}`, issue_id: null, type };
}

/** Packs and unpacks through a row, as the sync stores it and Insights reads it. */
function roundTrip(analysis: SessionAnalysis) {
  const digest = toSessionRow(makeSession({ session_analysis: analysis })).analysis;
  if (digest?.facts === undefined) return undefined;
  return unpackFacts(digest.facts, digest.labels);
}

describe('analysis facts', () => {
  it('keep every issue label with its impact and every action item type, repeats included', () => {
    const analysis = makeAnalysis({
      issues: [issue('flaky_tests', 'high'), issue('scope', 'low'), issue('flaky_tests', 'high')],
      action_items: [action('knowledge'), action('playbook'), action('knowledge')],
    });
    expect(roundTrip(analysis)).toEqual({
      issues: [
        { label: 'flaky_tests', impact: 'high' },
        { label: 'scope', impact: 'low' },
        { label: 'flaky_tests', impact: 'high' },
      ],
      actionTypes: ['knowledge', 'playbook', 'knowledge'],
    });
  });

  it('keep issues without action items, action items without issues, and empty values', () => {
    expect(roundTrip(makeAnalysis({ issues: [issue('scope', '')] }))).toEqual({
      issues: [{ label: 'scope', impact: '' }],
      actionTypes: [],
    });
    expect(roundTrip(makeAnalysis({ action_items: [action('')] }))).toEqual({
      issues: [],
      actionTypes: [''],
    });
  });

  it('are left out when there is nothing to count', () => {
    expect(
      toSessionRow(makeSession({ session_analysis: makeAnalysis() })).analysis,
    ).not.toHaveProperty('facts');
  });

  it('are left out for values that hold a separator, or analyses too long to keep in a row', () => {
    const hostile = makeAnalysis({ issues: [issue('scope', 'high\u0002low')] });
    expect(packFacts(hostile, ['scope'])).toBeUndefined();
    const manyItems = makeAnalysis({
      action_items: Array.from({ length: 65 }, () => action('knowledge')),
    });
    expect(packFacts(manyItems, [])).toBeUndefined();
    const longType = makeAnalysis({ action_items: [action('x'.repeat(1_000_000))] });
    expect(packFacts(longType, [])).toBeUndefined();
    // The row keeps its digest all the same: Insights reads these from the details.
    const row = toSessionRow(makeSession({ session_analysis: longType }));
    expect(row.analysis).toMatchObject({ action_item_count: 1 });
    expect(row.analysis).not.toHaveProperty('facts');
  });

  it('unpack to nothing when they do not fit the labels given', () => {
    const packed = packFacts(makeAnalysis({ issues: [issue('scope', 'high')] }), ['scope']);
    expect(packed).toBeDefined();
    expect(unpackFacts(packed as string, [])).toBeNull();
    expect(unpackFacts('no separator', ['scope'])).toBeNull();
  });
});
