/**
 * What is saved (settings, the key's ending — never the key) and what policy sets, kept current while the page is open.
 * Sections keep their own drafts and compare them with this to know what is unsaved.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  apiKeyEndingItem,
  apiKeyOriginItem,
  DEFAULT_SETTINGS,
  type ManagedSettings,
  readManagedSettings,
  type Settings,
  settingsItem,
} from '../../utils/settings';
import { watchSettings } from '../shared/watch-settings';

export interface StoredConfig {
  settings: Settings;
  /** The last 4 characters of the saved key, or null when none is saved. */
  keyEnding: string | null;
  /** The origin the saved key is confirmed for (not a secret); null when none is recorded. */
  keyOrigin: string | null;
  managed: ManagedSettings;
}

async function readStoredConfig(): Promise<StoredConfig> {
  const [settings, keyEnding, keyOrigin, managed] = await Promise.all([
    settingsItem.getValue(),
    apiKeyEndingItem.getValue(),
    apiKeyOriginItem.getValue(),
    readManagedSettings(),
  ]);
  return { settings: { ...DEFAULT_SETTINGS, ...settings }, keyEnding, keyOrigin, managed };
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
