/**
 * Whether policy turns the session actions that change things in Devin (stop, archive) off:
 * `disableSessionActions: true` in public/managed-schema.json. Read each time: policies change.
 */
import { browser } from 'wxt/browser';

export const ACTIONS_OFF_BY_POLICY =
  "Your organization's policy turns session actions off in this extension. Stop the session in Devin instead, or ask your IT team.";

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
