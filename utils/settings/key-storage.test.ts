import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  apiKeyEndingItem,
  apiKeyItem,
  apiKeyOriginItem,
  DEFAULT_API_BASE_URL,
  keyEnding,
  settingsItem,
} from './items';
import { confirmKeyFor, removeKey, saveConnection, syncKeyEnding } from './key-storage';

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

describe('the origin the key is confirmed for', () => {
  it('is recorded with the key and the address it was tested with', async () => {
    await saveConnection('apk_user_abcdefgh1234', 'http://127.0.0.1:8123');
    expect(await apiKeyOriginItem.getValue()).toBe('http://127.0.0.1:8123');
    expect((await settingsItem.getValue()).apiBaseUrl).toBe('http://127.0.0.1:8123');
  });

  it("is the policy's address when one is set, which is not saved as the admin's", async () => {
    await saveConnection('apk_user_abcdefgh1234', 'https://devin.corp.example', true);
    expect(await apiKeyOriginItem.getValue()).toBe('https://devin.corp.example');
    expect((await settingsItem.getValue()).apiBaseUrl).toBe(DEFAULT_API_BASE_URL);
  });

  it('moves to an address the admin confirms, which is saved with it', async () => {
    await saveConnection('apk_user_abcdefgh1234', DEFAULT_API_BASE_URL);
    await confirmKeyFor('https://devin.corp.example');
    expect(await apiKeyOriginItem.getValue()).toBe('https://devin.corp.example');
    expect((await settingsItem.getValue()).apiBaseUrl).toBe('https://devin.corp.example');
    expect(await apiKeyItem.getValue()).toBe('apk_user_abcdefgh1234');
  });

  it('goes with the key when it is removed', async () => {
    await saveConnection('apk_user_abcdefgh1234', DEFAULT_API_BASE_URL);
    await removeKey();
    expect(await apiKeyOriginItem.getValue()).toBeNull();
  });
});
