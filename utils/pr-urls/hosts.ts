// Which hosts the extension acts on: the public git hosts are built in, self-hosted servers
// (GitHub Enterprise, self-managed GitLab, Bitbucket Server / Data Center) are added by the
// user, who grants a host permission for each. The context menu and the badge use these
// helpers; the parser in parse.ts decides what a PR page is.
//
// Match patterns never carry a port: Firefox rejects a port in a match pattern, and Chrome
// treats a missing port as "any port". The port is still checked exactly by
// isSupportedPullRequestPage, which compares the whole origin.

import { t } from '../i18n';
import { type PullRequestProvider, type PullRequestRef, parsePullRequestUrl } from './parse';

export type GitHostKind = 'github' | 'gitlab' | 'bitbucket-server';

/** In the order a settings form would offer them. */
export const GIT_HOST_KINDS: readonly GitHostKind[] = ['github', 'gitlab', 'bitbucket-server'];

export interface SelfHostedGitHost {
  /** `https://git.example.com` (scheme, host, optional port; no path), as parseGitHostOrigin returns it. */
  origin: string;
  kind: GitHostKind;
}

export type ParsedGitHostOrigin = { ok: true; origin: string } | { ok: false; reason: string };

// In a match-pattern path `*` matches any characters including `/`, so these are coarse
// pre-filters (they also match, say, `/merge_requests/new`); parsePullRequestUrl decides.
const BUILT_IN_PATTERNS: readonly string[] = [
  'https://github.com/*/*/pull/*',
  'https://gitlab.com/*/merge_requests/*',
  'https://bitbucket.org/*/*/pull-requests/*',
  'https://dev.azure.com/*/_git/*/pullrequest/*',
  // A leading `*.` is the only host wildcard a match pattern allows.
  'https://*.visualstudio.com/*/pullrequest/*',
];

/** The path part of the pattern for an added host; context paths are covered by the leading `*`. */
const SELF_HOSTED_PATH_PATTERNS: Readonly<Record<GitHostKind, string>> = {
  github: '/*/*/pull/*',
  gitlab: '/*/merge_requests/*',
  'bitbucket-server': '/*/pull-requests/*',
};

/** The provider a PR of an added host of each kind is parsed as. */
const PROVIDER_OF_KIND: Readonly<Record<GitHostKind, PullRequestProvider>> = {
  github: 'github',
  gitlab: 'gitlab',
  'bitbucket-server': 'bitbucket-server',
};

/** Host names that are built in (after parse.ts canonicalization: no `www.`, no visualstudio.com). */
const BUILT_IN_HOST_OF_PROVIDER: Readonly<Record<PullRequestProvider, string | null>> = {
  github: 'github.com',
  gitlab: 'gitlab.com',
  'bitbucket-cloud': 'bitbucket.org',
  'azure-devops': 'dev.azure.com',
  // Bitbucket Server exists only self-hosted.
  'bitbucket-server': null,
};

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1']);

export function builtInPullRequestPagePatterns(): string[] {
  return [...BUILT_IN_PATTERNS];
}

/**
 * The host permissions that reveal the addresses of tabs on the built-in hosts (what the
 * PR-page badge needs). Host permissions ignore the path, so these are whole hosts.
 */
export function builtInHostPermissionPatterns(): string[] {
  return BUILT_IN_PATTERNS.map((pattern) => `${pattern.slice(0, pattern.indexOf('/', 8))}/*`);
}

/** Built-in patterns plus, for each added host, the pattern of its kind. No duplicates. */
export function pullRequestPagePatterns(selfHosted: readonly SelfHostedGitHost[]): string[] {
  const patterns = new Set(BUILT_IN_PATTERNS);
  for (const host of selfHosted) {
    const url = httpUrl(host.origin);
    // A malformed stored entry must not break the menu for every other host.
    if (url === null) continue;
    patterns.add(`${url.protocol}//${url.hostname}${SELF_HOSTED_PATH_PATTERNS[host.kind]}`);
  }
  return [...patterns];
}

/**
 * True when `url` is a PR page the extension should act on: it parses as a PR, and its host is
 * either the built-in host of that provider or an added host of the matching kind (same
 * origin, so scheme and port count). A GitLab-shaped URL on a host added as GitHub is not one.
 */
export function isSupportedPullRequestPage(
  url: string,
  selfHosted: readonly SelfHostedGitHost[],
): boolean {
  const ref = parsePullRequestUrl(url);
  if (ref === null) return false;
  if (isBuiltInHostOf(ref)) return true;
  const pageOrigin = httpUrl(url)?.origin;
  if (pageOrigin === undefined) return false;
  return selfHosted.some(
    (host) =>
      PROVIDER_OF_KIND[host.kind] === ref.provider && httpUrl(host.origin)?.origin === pageOrigin,
  );
}

function isBuiltInHostOf(ref: PullRequestRef): boolean {
  return BUILT_IN_HOST_OF_PROVIDER[ref.provider] === ref.host;
}

/**
 * Reads what a user typed into "add a git server": `https://git.example.com`,
 * `git.example.com`, `git.example.com:8443/some/path`, … and returns just the origin.
 * https only (http is fine for a server on this machine), and not the built-in hosts.
 * Reasons are shown to the user as they are, in the browser's language.
 */
export function parseGitHostOrigin(input: string): ParsedGitHostOrigin {
  const typed = input.trim();
  if (typed === '') {
    return refuse(t('background.settings.gitHostEmpty'));
  }
  // Without a scheme `new URL('git.example.com:8443')` would read `git.example.com:` as one.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return refuse(t('background.settings.gitHostNotAddress', { typed }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse(t('background.settings.httpsOnly'));
  }
  if (url.username !== '' || url.password !== '') {
    return refuse(t('background.settings.gitHostCredentials'));
  }
  const hostname = url.hostname.replace(/\.$/, '');
  if (hostname.startsWith('[')) {
    return refuse(t('background.settings.gitHostIpv6'));
  }
  // Wildcards and other oddities the URL parser lets through would make a broad match pattern.
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(hostname)) {
    return refuse(t('background.settings.gitHostBadName', { host: hostname }));
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(hostname)) {
    return refuse(t('background.settings.gitHostHttp'));
  }
  if (isBuiltInHostname(hostname)) {
    return refuse(t('background.settings.gitHostBuiltIn', { host: hostname }));
  }
  const port = url.port === '' ? '' : `:${url.port}`;
  return { ok: true, origin: `${url.protocol}//${hostname}${port}` };
}

/**
 * The host permission to request for an added origin, e.g. `https://git.example.com/*`.
 * Without the port (see the top of this file), so it covers every port of that host.
 * Throws a TypeError for something that is not an http(s) origin: pass parseGitHostOrigin's output.
 */
export function originToPermissionPattern(origin: string): string {
  const url = httpUrl(origin);
  if (url === null) throw new TypeError(`Not an http(s) origin: ${origin}`);
  return `${url.protocol}//${url.hostname}/*`;
}

function isBuiltInHostname(hostname: string): boolean {
  const bare = hostname.replace(/^www\./, '');
  return (
    bare === 'github.com' ||
    bare === 'gitlab.com' ||
    bare === 'bitbucket.org' ||
    bare === 'dev.azure.com' ||
    bare === 'visualstudio.com' ||
    bare.endsWith('.visualstudio.com')
  );
}

function httpUrl(input: string): URL | null {
  try {
    const url = new URL(input.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function refuse(reason: string): ParsedGitHostOrigin {
  return { ok: false, reason };
}
