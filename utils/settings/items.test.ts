import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { apiKeyItem, DEFAULT_SETTINGS, type Settings, settingsItem } from './items';

beforeEach(() => {
  fakeBrowser.reset();
});

const SETTINGS: Settings = {
  apiBaseUrl: 'http://127.0.0.1:8123',
  orgIds: ['org-a', 'org-b'],
  syncIntervalMinutes: 30,
  historyDays: 90,
  gitHosts: [{ origin: 'https://git.example.com', kind: 'github' }],
};

describe('settingsItem', () => {
  it('falls back to the defaults before anything is saved', async () => {
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.apiBaseUrl).toBe('https://api.devin.ai');
  });

  it('round-trips every field through storage.local', async () => {
    await settingsItem.setValue(SETTINGS);
    expect(await settingsItem.getValue()).toEqual(SETTINGS);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: SETTINGS });
  });
});

describe('apiKeyItem', () => {
  it('is null until a key is saved, and null again once forgotten', async () => {
    expect(await apiKeyItem.getValue()).toBeNull();
    await apiKeyItem.setValue('apk_user_abc');
    expect(await apiKeyItem.getValue()).toBe('apk_user_abc');
    await apiKeyItem.removeValue();
    expect(await apiKeyItem.getValue()).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('lives in storage.local only, never in storage.sync', async () => {
    await apiKeyItem.setValue('apk_user_abc');
    expect(await fakeBrowser.storage.local.get('apiKey')).toEqual({ apiKey: 'apk_user_abc' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('is saved with the settings in one write, so a watcher sees both at once', async () => {
    const seen: { key: string | null; base: string }[] = [];
    const unwatch = apiKeyItem.watch(async (key) => {
      seen.push({ key, base: (await settingsItem.getValue()).apiBaseUrl });
    });
    await storage.setItems([
      { item: apiKeyItem, value: 'apk_user_new' },
      { item: settingsItem, value: SETTINGS },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    unwatch();
    expect(seen).toEqual([{ key: 'apk_user_new', base: SETTINGS.apiBaseUrl }]);
  });
});
