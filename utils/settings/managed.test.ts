import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, settingsItem } from './items';
import { pickManaged, readEffectiveSettings, readManagedSettings } from './managed';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('pickManaged', () => {
  it('keeps well-typed policy values', () => {
    expect(
      pickManaged({ apiBaseUrl: 'https://devin.corp', orgIds: ['o1'], syncIntervalMinutes: 30 }),
    ).toEqual({ apiBaseUrl: 'https://devin.corp', orgIds: ['o1'], syncIntervalMinutes: 30 });
  });

  it('drops broken values instead of failing', () => {
    expect(pickManaged({ apiBaseUrl: '', orgIds: [1], syncIntervalMinutes: 0 })).toEqual({});
    expect(pickManaged({ apiBaseUrl: 3, orgIds: 'o1', syncIntervalMinutes: '5' })).toEqual({});
  });

  it('rounds the interval to whole minutes', () => {
    expect(pickManaged({ syncIntervalMinutes: 2.6 })).toEqual({ syncIntervalMinutes: 3 });
  });
});

describe('readManagedSettings and readEffectiveSettings', () => {
  it('puts policy values over what was saved', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, orgIds: ['mine'], historyDays: 7 });
    await fakeBrowser.storage.managed.set({ orgIds: ['policy'], syncIntervalMinutes: 60 });
    expect(await readManagedSettings()).toEqual({ orgIds: ['policy'], syncIntervalMinutes: 60 });
    expect(await readEffectiveSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      orgIds: ['policy'],
      syncIntervalMinutes: 60,
      historyDays: 7,
    });
  });

  it('is empty without a policy', async () => {
    expect(await readManagedSettings()).toEqual({});
    expect(await readEffectiveSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
