import { describe, expect, it } from 'vitest';
import type { OrgSyncState } from '../../../utils/db/types';
import { EMPTY_SYNC_STATUS } from '../../../utils/sync/status';
import type { SyncView } from '../../shared/sync-state';
import {
  firstSync,
  initialOrgIds,
  orgOptions,
  previousStep,
  stepNumber,
  WELCOME_STEPS,
} from './welcome-flow';

const twoOrgs = {
  ok: true as const,
  organizations: [
    { org_id: 'org-a', org_name: 'Alpha' },
    { org_id: 'org-b', org_name: 'Beta' },
  ],
  directoryForbidden: false,
  connectedAs: 'Connected.',
  message: 'Connected.',
};

function view(change: Partial<SyncView['status']>, states: OrgSyncState[] = []): SyncView {
  return { loaded: true, states, status: { ...EMPTY_SYNC_STATUS, ...change }, lease: null };
}

function passing(orgId: string, sessionsDone: number, total: number): OrgSyncState {
  return {
    org_id: orgId,
    pass: {
      kind: 'backfill',
      startedAt: 0,
      nextSkip: 0,
      updatedFrom: null,
      createdFrom: null,
      pagesDone: 1,
      sessionsDone,
      total,
    },
    watermark: null,
    lastSuccessAt: null,
    lastError: null,
    skipped: [],
    skippedCount: 0,
  };
}

describe('the steps', () => {
  it('are numbered from 1 and go back one at a time, not before the first', () => {
    expect(WELCOME_STEPS.map(stepNumber)).toEqual([1, 2, 3, 4]);
    expect(previousStep('organizations')).toBe('key');
    expect(previousStep('key')).toBeNull();
  });
});

describe('initialOrgIds', () => {
  it('ticks the only organization a service user sees', () => {
    const one = { ...twoOrgs, organizations: [{ org_id: 'org-solo', org_name: 'Solo' }] };
    expect(initialOrgIds(one, [], undefined)).toEqual(['org-solo']);
  });

  it('ticks none of several, so the admin chooses', () => {
    expect(initialOrgIds(twoOrgs, [], undefined)).toEqual([]);
  });

  it('keeps what was saved, and what a policy sets above all', () => {
    expect(initialOrgIds(twoOrgs, ['org-b'], undefined)).toEqual(['org-b']);
    expect(initialOrgIds(twoOrgs, ['org-b'], ['org-policy'])).toEqual(['org-policy']);
  });
});

describe('orgOptions', () => {
  it('lists what the key sees, then ids typed by hand', () => {
    expect(orgOptions(twoOrgs, ['org-b', 'org-typed']).map((org) => org.org_id)).toEqual([
      'org-a',
      'org-b',
      'org-typed',
    ]);
  });

  it('offers only typed ids when the key may not list organizations', () => {
    const failed = { ok: false as const, kind: 'forbidden', message: 'No.' };
    expect(orgOptions(failed, ['org-x'])).toEqual([{ org_id: 'org-x', org_name: null }]);
  });
});

describe('firstSync', () => {
  const started = 1_000;

  it('waits until the background starts', () => {
    expect(firstSync(view({}), false, started, 0)).toEqual({ state: 'waiting' });
  });

  it('counts the sessions of every organization while running', () => {
    const states = [passing('org-a', 100, 300), passing('org-b', 50, 40)];
    expect(firstSync(view({}, states), true, started, 0)).toEqual({
      state: 'running',
      done: 150,
      total: 350,
    });
  });

  it('finishes with the sessions stored, once a sync succeeded after the save', () => {
    expect(firstSync(view({ lastSuccessAt: started + 5 }), false, started, 42)).toEqual({
      state: 'finished',
      stored: 42,
    });
  });

  it('ignores a success or an error from before the save', () => {
    const old = view({
      lastSuccessAt: started - 5,
      lastError: { kind: 'network', message: 'Old.', at: started - 1 },
    });
    expect(firstSync(old, false, started, 10)).toEqual({ state: 'waiting' });
  });

  it('fails with the reason of a refused key or a new error', () => {
    expect(firstSync(view({ pausedReason: 'The key was refused.' }), false, started, 0)).toEqual({
      state: 'failed',
      message: 'The key was refused.',
    });
    const failed = view({ lastError: { kind: 'network', message: 'Offline.', at: started + 1 } });
    expect(firstSync(failed, false, started, 0)).toEqual({ state: 'failed', message: 'Offline.' });
  });
});
