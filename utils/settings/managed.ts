/**
 * Values IT set by policy (`storage.managed`, schema in public/managed-schema.json). They take
 * precedence over what the admin typed, and the options page shows them as locked.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings, settingsItem } from './items';

export type ManagedSettings = Partial<
  Pick<Settings, 'apiBaseUrl' | 'orgIds' | 'syncIntervalMinutes'>
> & {
  /** Forgetting the key always deletes the cached sessions, prompts and member e-mails too. */
  forgetDataWithKey?: boolean;
};

/** Keeps only well-typed values: a broken policy must not break the extension. */
export function pickManaged(raw: Record<string, unknown>): ManagedSettings {
  const managed: ManagedSettings = {};
  if (typeof raw.apiBaseUrl === 'string' && raw.apiBaseUrl !== '')
    managed.apiBaseUrl = raw.apiBaseUrl;
  if (Array.isArray(raw.orgIds) && raw.orgIds.every((id) => typeof id === 'string')) {
    managed.orgIds = raw.orgIds as string[];
  }
  if (typeof raw.syncIntervalMinutes === 'number' && raw.syncIntervalMinutes >= 1) {
    managed.syncIntervalMinutes = Math.round(raw.syncIntervalMinutes);
  }
  if (raw.forgetDataWithKey === true) managed.forgetDataWithKey = true;
  return managed;
}

export async function readManagedSettings(): Promise<ManagedSettings> {
  try {
    // Absent on browsers or profiles without a policy; that is the usual case.
    const raw = await browser.storage.managed.get();
    return pickManaged(raw);
  } catch {
    return {};
  }
}

/** The settings in force: what was saved, with policy values on top. */
export async function readEffectiveSettings(): Promise<Settings> {
  const [saved, managed] = await Promise.all([settingsItem.getValue(), readManagedSettings()]);
  // Not a setting: only the forget action reads it.
  const { forgetDataWithKey: _, ...values } = managed;
  return { ...DEFAULT_SETTINGS, ...saved, ...values };
}
