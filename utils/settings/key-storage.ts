/**
 * Writing and forgetting the API key. Pages may write a new key but never read one back: they
 * see only its ending (apiKeyEndingItem), written in the same storage write as the key.
 */
import { storage } from 'wxt/utils/storage';
import {
  apiKeyEndingItem,
  apiKeyItem,
  apiKeyOriginItem,
  DEFAULT_SETTINGS,
  keyEnding,
  settingsItem,
} from './items';
import { originOf } from './key-binding';

function requireOrigin(apiBaseUrl: string): string {
  const origin = originOf(apiBaseUrl);
  if (origin === null) throw new Error(`${apiBaseUrl} is not an address the key can be sent to.`);
  return origin;
}

/**
 * Saves the key, its ending, the origin it is confirmed for and the base URL in one storage
 * write: the background reacts to the change once, with all new values, and never sends the
 * new key to the old address. `apiBaseUrl` is where the key was tested; when a policy sets
 * the address (`lockedByPolicy`), it is not saved as the admin's own.
 */
export async function saveConnection(
  apiKey: string,
  apiBaseUrl: string,
  lockedByPolicy = false,
): Promise<void> {
  const current = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
  await storage.setItems([
    { item: apiKeyItem, value: apiKey },
    { item: apiKeyEndingItem, value: keyEnding(apiKey) },
    { item: apiKeyOriginItem, value: requireOrigin(apiBaseUrl) },
    { item: settingsItem, value: lockedByPolicy ? current : { ...current, apiBaseUrl } },
  ]);
}

/**
 * The admin's deliberate click: the saved key may go to `apiBaseUrl`, which becomes the saved
 * address too (unless a policy sets it), in one write, so sync starts once, already allowed.
 */
export async function confirmKeyFor(apiBaseUrl: string, lockedByPolicy = false): Promise<void> {
  const origin = requireOrigin(apiBaseUrl);
  const current = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
  await storage.setItems([
    { item: apiKeyOriginItem, value: origin },
    ...(lockedByPolicy || current.apiBaseUrl === apiBaseUrl
      ? []
      : [{ item: settingsItem, value: { ...current, apiBaseUrl } }]),
  ]);
}

/** Removes the key, its ending and its origin together. */
export async function removeKey(): Promise<void> {
  await storage.removeItems([apiKeyItem, apiKeyEndingItem, apiKeyOriginItem]);
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
