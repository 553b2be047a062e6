import { describe, expect, it } from 'vitest';
import { EMPTY_SYNC_STATUS } from '../sync/status';
import { globalBadge, pullRequestBadge } from './badge';

describe('globalBadge', () => {
  it('shows how many sessions are running', () => {
    expect(globalBadge(3, EMPTY_SYNC_STATUS)).toMatchObject({
      text: '3',
      title: expect.stringContaining('3 running'),
    });
    expect(globalBadge(12_345, EMPTY_SYNC_STATUS).text).toBe('999+');
  });

  it('counts the alerts that need the admin, before the running sessions', () => {
    const view = globalBadge(3, EMPTY_SYNC_STATUS, 2);
    expect(view).toMatchObject({ text: '2', title: expect.stringContaining('2 alerts need you') });
    expect(view.title).toContain('3 running');
    expect(globalBadge(3, EMPTY_SYNC_STATUS, 0).text).toBe('3');
  });

  it('is empty when nothing runs', () => {
    expect(globalBadge(0, EMPTY_SYNC_STATUS).text).toBe('');
  });

  it('turns to a warning mark, with the reason on hover, when the last sync failed', () => {
    const status = {
      ...EMPTY_SYNC_STATUS,
      lastError: {
        kind: 'network' as const,
        message: 'The Devin API could not be reached.',
        at: 1,
      },
    };
    expect(globalBadge(3, status)).toMatchObject({
      text: '!',
      title: expect.stringContaining('could not be reached'),
    });
  });
});

describe('pullRequestBadge', () => {
  it('counts linked sessions and shows nothing for none', () => {
    expect(pullRequestBadge(2)?.text).toBe('2');
    expect(pullRequestBadge(0)).toBeNull();
  });
});
