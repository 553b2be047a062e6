/**
 * The browser access the PR-page badge needs, asked for when the person turns the badge on.
 *
 * Why host permissions rather than `tabs`: to tell a PR page the badge must know each tab's
 * address. `tabs` reveals the address of every tab on every site, which the browser announces
 * at install as "Read your browsing history". A host permission reveals the addresses of tabs
 * on that host only, so the badge asks for just the public git hosts and the servers the admin
 * added. The browser words it as access to those sites' data; the extension has no content
 * script and no scripting permission, so it never reads or changes the pages themselves.
 *
 * The context-menu lookup needs none of this: a menu click hands over the page's address.
 */
import { browser } from 'wxt/browser';
import {
  builtInHostPermissionPatterns,
  originToPermissionPattern,
  type SelfHostedGitHost,
} from '../pr-urls';

function patternOf(origin: string): string | null {
  try {
    return originToPermissionPattern(origin);
  } catch {
    // A malformed stored entry must not keep the badge from every other host.
    return null;
  }
}

/** The public git hosts, then each added server; no duplicates. */
export function badgeAccessPatterns(gitHosts: readonly SelfHostedGitHost[]): string[] {
  const patterns = new Set(builtInHostPermissionPatterns());
  for (const host of gitHosts) {
    const pattern = patternOf(host.origin);
    if (pattern !== null) patterns.add(pattern);
  }
  return [...patterns];
}

/**
 * Asks the browser (and the person) for the badge's access; resolves false when they decline.
 * Call it straight from the click handler, before awaiting anything: browsers show the prompt
 * only while handling a user gesture.
 */
export function requestBadgeAccess(gitHosts: readonly SelfHostedGitHost[]): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: badgeAccessPatterns(gitHosts) });
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Whether the badge can work: the browser shows the extension the addresses of tabs on the
 * public git hosts. An added server without access just shows no badge on its pages.
 */
export async function hasBadgeAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: builtInHostPermissionPatterns() });
  } catch {
    return false;
  }
}

/**
 * Gives the badge's access back (the badge was turned off). The API's own origin is kept when
 * an added server shares it. One call per pattern: Chrome refuses a whole removal when one of
 * its patterns is required by the manifest. Never throws: it is only tidying up.
 */
export async function releaseBadgeAccess(
  gitHosts: readonly SelfHostedGitHost[],
  apiBaseUrl: string,
): Promise<void> {
  const keep = patternOf(apiBaseUrl);
  const release = badgeAccessPatterns(gitHosts).filter((pattern) => pattern !== keep);
  await Promise.all(
    release.map(async (pattern) => {
      try {
        await browser.permissions.remove({ origins: [pattern] });
      } catch {
        // Required by the manifest (a test build's loopback) or already gone: nothing to do.
      }
    }),
  );
}
