/**
 * The one place that decides whether the saved key may be sent to an address: only to the
 * origin it was confirmed for, or to the address a policy locks (IT chose it, which counts as
 * confirmed). An address changed any other way (storage edited, a policy taken away) gets no
 * request with the key until the admin confirms the key for it on the options page.
 *
 * The background reads the saved key for requests through `readKeyFor` only.
 */
import { t } from '../i18n';
import { apiKeyItem, apiKeyOriginItem } from './items';
import { readEffectiveSettings, readManagedSettings } from './managed';

/** The kind of the sync error and connection report when the key is held back. */
export const UNCONFIRMED_ORIGIN = 'unconfirmed_origin';

/** The origin of an address, or null when it has none (not a URL, or an opaque one). */
export function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url.trim());
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function unconfirmedOriginMessage(origin: string): string {
  return t('background.settings.unconfirmedOrigin', { origin });
}

/**
 * Null when the key may be sent to `apiBaseUrl`; otherwise the address it may not be sent to,
 * as the admin should read it (its origin, or the text itself when it is not a URL).
 */
export function unconfirmedOrigin(
  apiBaseUrl: string,
  confirmedOrigin: string | null,
  lockedBaseUrl: string | undefined,
): string | null {
  const origin = originOf(apiBaseUrl);
  if (origin === null) return apiBaseUrl.trim();
  if (lockedBaseUrl !== undefined && originOf(lockedBaseUrl) === origin) return null;
  return origin === confirmedOrigin ? null : origin;
}

export interface KeyForRequests {
  /** The saved key, or null when none is saved or it may not be sent to the address. */
  apiKey: string | null;
  /** Why a saved key is held back, in plain words; null when it is not. */
  heldBack: string | null;
}

/**
 * A key with no origin recorded (saved by a version that did not record one, or written by a
 * tool) is bound to the address in force, so an upgrade locks nobody out.
 */
export async function bindUnboundKey(): Promise<void> {
  const [apiKey, confirmed] = await Promise.all([
    apiKeyItem.getValue(),
    apiKeyOriginItem.getValue(),
  ]);
  if (!apiKey || confirmed !== null) return;
  const origin = originOf((await readEffectiveSettings()).apiBaseUrl);
  if (origin !== null) await apiKeyOriginItem.setValue(origin);
}

/** The saved key, if it may be sent to `apiBaseUrl`; otherwise why not. */
export async function readKeyFor(apiBaseUrl: string): Promise<KeyForRequests> {
  await bindUnboundKey();
  const [apiKey, confirmed, managed] = await Promise.all([
    apiKeyItem.getValue(),
    apiKeyOriginItem.getValue(),
    readManagedSettings(),
  ]);
  if (!apiKey) return { apiKey: null, heldBack: null };
  const unconfirmed = unconfirmedOrigin(apiBaseUrl, confirmed, managed.apiBaseUrl);
  return unconfirmed === null
    ? { apiKey, heldBack: null }
    : { apiKey: null, heldBack: unconfirmedOriginMessage(unconfirmed) };
}
