import { describe, expect, it } from 'vitest';
import type { OrgSyncState, SyncPass } from '../../utils/db/types';
import { syncProgress } from './sync-state';

function state(orgId: string, pass: Partial<SyncPass> | null): OrgSyncState {
  return {
    org_id: orgId,
    pass: pass && {
      kind: 'backfill',
      startedAt: 0,
      nextSkip: 0,
      updatedFrom: null,
      createdFrom: null,
      pagesDone: 1,
      sessionsDone: 0,
      total: 0,
      ...pass,
    },
    watermark: null,
    lastSuccessAt: null,
    lastError: null,
    skipped: [],
    skippedCount: 0,
  };
}

describe('syncProgress', () => {
  it('adds the passes under way, and never counts past their total', () => {
    const progress = syncProgress([
      state('a', { sessionsDone: 2_520, total: 2_120 }),
      state('b', { sessionsDone: 400, total: 1_000 }),
      state('c', null),
    ]);
    expect(progress).toEqual({ done: 2_920, total: 3_520 });
  });
});
