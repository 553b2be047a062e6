import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { apiKeyEndingItem, apiKeyItem, DEFAULT_API_BASE_URL, keyEnding } from './items';
import { removeKey, saveConnection, syncKeyEnding } from './key-storage';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the key ending', () => {
  it('never holds more than the last 4 characters', async () => {
    for (const key of ['apk_user_abcdefgh1234', 'cog_xyz', 'ab', '  apk_user_padded9876  ']) {
      await saveConnection(key, DEFAULT_API_BASE_URL);
      const ending = await apiKeyEndingItem.getValue();
      expect(ending?.length).toBeLessThanOrEqual(4);
      expect(key.trim().endsWith(ending ?? '')).toBe(true);
    }
    expect(keyEnding('apk_user_abcd9876')).toBe('9876');
  });

  it('is written for a key saved before endings existed', async () => {
    await apiKeyItem.setValue('apk_user_old_key_5678');
    await syncKeyEnding();
    expect(await apiKeyEndingItem.getValue()).toBe('5678');
  });

  it('goes with the key when it is removed', async () => {
    await saveConnection('apk_user_abcdefgh1234', DEFAULT_API_BASE_URL);
    await removeKey();
    expect(await apiKeyItem.getValue()).toBeNull();
    expect(await apiKeyEndingItem.getValue()).toBeNull();
  });
});
