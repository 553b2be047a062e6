/**
 * Whether policy turns the session actions that change things in Devin (stop, archive) off:
 * `disableSessionActions: true` in public/managed-schema.json. Read each time: policies change.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';

/** Why the actions are not offered; a function so it is read in the browser's language. */
export function actionsOffByPolicy(): string {
  return t('background.actions.offByPolicy');
}

export async function actionsDisabledByPolicy(): Promise<boolean> {
  try {
    return (
      (await browser.storage.managed.get('disableSessionActions')).disableSessionActions === true
    );
  } catch {
    // No policy on this browser or profile.
    return false;
  }
}
