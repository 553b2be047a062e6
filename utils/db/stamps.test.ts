import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../mock-api/data';
import { parseSessionItems } from '../api/client';
import { toSessionRow } from './rows';
import { rawStampOf, stampOf } from './stamps';

const FIXED_NOW = Date.parse('2026-11-01T12:00:00Z');

/** The stamp of a record as the sync stores it: validated, then made a row. */
function storedStamp(item: unknown): string | undefined {
  const [session] = parseSessionItems([item]).sessions;
  return session ? stampOf(toSessionRow(session)) : undefined;
}

describe('rawStampOf', () => {
  it('equals the stamp of the stored row for generated sessions', () => {
    const { sessions } = generateDataset({ sessions: 300, orgs: 2, seed: 5, now: FIXED_NOW });
    for (const item of JSON.parse(JSON.stringify(sessions)) as unknown[]) {
      expect(rawStampOf(item)?.stamp).toBe(storedStamp(item));
    }
  });

  it('equals it for the variants the API is known to send', () => {
    const base = {
      session_id: 'devin-1',
      url: 'https://app.devin.ai/sessions/devin-1',
      status: 'exit',
      org_id: 'org-1',
      created_at: '2026-10-01T00:00:00Z',
      updated_at: '2026-10-02T00:00:00.123+02:00',
    };
    const variants: Record<string, unknown>[] = [
      base,
      { ...base, acus_consumed: null, pull_requests: null, tags: null },
      {
        ...base,
        acus_consumed: 2.5,
        pull_requests: [{ pr_url: 'https://x/pull/1', pr_state: 'merged' }],
      },
      { ...base, pull_requests: [{ url: 'https://x/pull/2', state: null, pr_state: 'open' }] },
      {
        ...base,
        pull_requests: [{ url: 'https://x/pull/3' }, { url: 'https://x/pull/4', state: 'closed' }],
      },
    ];
    for (const item of variants) {
      expect(rawStampOf(item)).toEqual({ id: 'devin-1', stamp: storedStamp(item) });
    }
  });

  it('leaves records it cannot read plainly to validation', () => {
    expect(rawStampOf(null)).toBeNull();
    expect(rawStampOf({ session_id: 'a', status: 'exit', updated_at: 'yesterday' })).toBeNull();
    expect(
      rawStampOf({
        session_id: 'a',
        status: 'exit',
        updated_at: '2026-01-01T00:00:00Z',
        acus_consumed: '1',
      }),
    ).toBeNull();
    expect(
      rawStampOf({
        session_id: 'a',
        status: 'exit',
        updated_at: '2026-01-01T00:00:00Z',
        pull_requests: [1],
      }),
    ).toBeNull();
  });
});
