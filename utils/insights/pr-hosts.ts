/**
 * The git hosts of the pull requests in the Insights pass: which host (and kind of git server) a
 * PR URL points at. Apart from the pass because resolving a URL cheaply takes more care than
 * counting it.
 */
import { parsePullRequestUrl } from '../pr-urls';
import type { PrProvider } from './types';

export interface HostInfo {
  provider: PrProvider;
  host: string;
  /** `provider host` */
  key: string;
}

function hostInfo(provider: PrProvider, host: string): HostInfo {
  return { provider, host, key: `${provider} ${host}` };
}

/**
 * `scheme://host/` of a URL, or null without one. A URL starts with another URL's origin
 * prefix exactly when its own prefix is that one (`https://github.com.evil/` is not
 * `https://github.com/`), so prefixes can be compared as whole strings.
 */
export function originPrefix(url: string): string | null {
  const start = url.indexOf('//');
  const end = start < 0 ? -1 : url.indexOf('/', start + 2);
  return end > 0 ? url.slice(0, end + 1) : null;
}

/**
 * The host of one URL on its own: a PR URL names its provider (`pr`), anything else is counted
 * under its host name as `other`.
 */
export function parseHost(url: string): { info: HostInfo; pr: boolean } {
  const ref = parsePullRequestUrl(url);
  if (ref !== null) return { info: hostInfo(ref.provider, ref.host), pr: true };
  try {
    return { info: hostInfo('other', new URL(url).host.toLowerCase() || '(no host)'), pr: false };
  } catch {
    return { info: hostInfo('other', '(invalid URL)'), pr: false };
  }
}

/**
 * The git host of a PR URL within one pass. One host runs one kind of git server: the first PR
 * URL of an origin decides the host of every later URL of that origin. A URL that is no PR is
 * counted under its host name and not remembered, so that a PR URL of the same origin later
 * still names the provider. (The aggregation follows the same rule over its columns, see
 * `HostPass` in host-pass.ts.)
 */
export function createHostResolver(): (url: string) => HostInfo {
  const known = new Map<string, HostInfo>();
  return (url) => {
    const prefix = originPrefix(url);
    const remembered = prefix === null ? undefined : known.get(prefix);
    if (remembered !== undefined) return remembered;
    const { info, pr } = parseHost(url);
    // Case variants of an origin are separate entries that resolve alike.
    if (pr && prefix !== null) known.set(prefix, info);
    return info;
  };
}
