/**
 * Writing and forgetting the API key. Pages may write a new key but never read one back: they
 * see only its ending (apiKeyEndingItem), written in the same storage write as the key.
 */
import { storage } from 'wxt/utils/storage';
import { apiKeyEndingItem, apiKeyItem, DEFAULT_SETTINGS, keyEnding, settingsItem } from './items';

/**
 * Saves the key, its ending and the base URL in one storage write: the background reacts to
 * the change once, with both new values, and never sends the new key to the old address.
 */
export async function saveConnection(apiKey: string, apiBaseUrl: string | null): Promise<void> {
  const current = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
  await storage.setItems([
    { item: apiKeyItem, value: apiKey },
    { item: apiKeyEndingItem, value: keyEnding(apiKey) },
    { item: settingsItem, value: apiBaseUrl === null ? current : { ...current, apiBaseUrl } },
  ]);
}

/** Removes the key and its ending together. */
export async function removeKey(): Promise<void> {
  await storage.removeItems([apiKeyItem, apiKeyEndingItem]);
}

/**
 * Keeps the ending in step with the key when the key was written without one (saved before
 * endings existed, or set by a test or another tool): pages only ever see the ending.
 */
export async function syncKeyEnding(): Promise<void> {
  const [apiKey, ending] = await Promise.all([apiKeyItem.getValue(), apiKeyEndingItem.getValue()]);
  const expected = apiKey ? keyEnding(apiKey) : null;
  if (ending !== expected) await apiKeyEndingItem.setValue(expected);
}
