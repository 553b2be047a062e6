/**
 * What is saved (settings, key) and what policy sets, kept current while the page is open.
 * Sections keep their own drafts and compare them with this to know what is unsaved.
 */
import { useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import {
  apiKeyItem,
  DEFAULT_SETTINGS,
  type ManagedSettings,
  readManagedSettings,
  type Settings,
  settingsItem,
} from '../../utils/settings';
import { watchSettings } from '../shared/watch-settings';

export interface StoredConfig {
  settings: Settings;
  apiKey: string | null;
  managed: ManagedSettings;
}

async function readStoredConfig(): Promise<StoredConfig> {
  const [settings, apiKey, managed] = await Promise.all([
    settingsItem.getValue(),
    apiKeyItem.getValue(),
    readManagedSettings(),
  ]);
  return { settings: { ...DEFAULT_SETTINGS, ...settings }, apiKey, managed };
}

export function useStoredConfig(): StoredConfig | null {
  const [config, setConfig] = useState<StoredConfig | null>(null);
  useEffect(() => watchSettings(readStoredConfig, setConfig), []);
  return config;
}

/** Saves some settings, keeping the others as they are stored. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()), ...change };
  await settingsItem.setValue(next);
  return next;
}

/**
 * Saves the key and the base URL in one storage write: the background reacts to the change
 * once, with both new values, and never sends the new key to the old address or the reverse.
 */
export async function saveConnection(apiKey: string, apiBaseUrl: string | null): Promise<void> {
  const current = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
  await storage.setItems([
    { item: apiKeyItem, value: apiKey },
    { item: settingsItem, value: apiBaseUrl === null ? current : { ...current, apiBaseUrl } },
  ]);
}
