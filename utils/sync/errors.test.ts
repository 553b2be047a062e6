/** What a user reads when a sync stops for a reason that is not the API's. */
import { afterEach, describe, expect, it } from 'vitest';
import { useFakeLocale } from '../../tests/fake-i18n';
import { DevinApiError } from '../api';
import { toSyncError } from './errors';

afterEach(() => useFakeLocale('en', 'en-US'));

describe('toSyncError', () => {
  it('keeps the API error’s own sentence and kind', () => {
    useFakeLocale('fr');
    const error = toSyncError(new DevinApiError('timeout'), 5);
    expect(error).toEqual({
      kind: 'timeout',
      message:
        'L’API Devin a mis trop de temps à répondre. La synchronisation réessaiera d’elle-même.',
      at: 5,
    });
  });

  it('says a full disk keeps the cached sessions, in the browser’s language', () => {
    useFakeLocale('de');
    const full = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    expect(toSyncError(full, 1)).toMatchObject({
      kind: 'quota',
      message: expect.stringMatching(/^Der Browser hat keinen Platz mehr/),
    });
  });

  it('names what went wrong unexpectedly inside a translated sentence', () => {
    useFakeLocale('zh_CN');
    expect(toSyncError(new Error('boom'), 1).message).toBe(
      '同步意外停止（boom）。下次同步时会再次尝试；已缓存的会话完好无损。',
    );
    useFakeLocale('en', 'en-US');
    expect(toSyncError(new Error('boom'), 1).message).toBe(
      'Sync stopped unexpectedly (boom). It will try again at the next sync; the cached sessions are intact.',
    );
  });
});
