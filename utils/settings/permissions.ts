/**
 * Host permissions for origins the admin adds: an API base URL other than the default, and
 * self-hosted git servers. The manifest lists them as optional (`https://*\/*` and loopback),
 * so each origin is granted by the person, once, from a click.
 *
 * `requestOriginPermission` must be called straight from the click handler, before awaiting
 * anything else: browsers only show the prompt while handling a user gesture.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_API_BASE_URL } from './items';
import { originPattern } from './validate';

/** The origins the manifest grants up front (`host_permissions`): no prompt is needed. */
export function isBuiltInOrigin(origin: string): boolean {
  return origin === DEFAULT_API_BASE_URL;
}

export function hasOriginPermission(origin: string): Promise<boolean> {
  try {
    return browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Asks the browser (and the person) for `origin`. Resolves false when they decline. */
export function requestOriginPermission(origin: string): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [originPattern(origin)] });
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Gives back a permission nobody needs any more. Never throws: it is only tidying up. */
export async function removeOriginPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.remove({ origins: [originPattern(origin)] });
  } catch {
    // Chrome refuses to remove a permission the manifest requires; that is fine.
    return false;
  }
}
