// Parses a pull-request URL from any of the supported git hosts into one canonical reference.
//
// The page the user is on and the PR URLs stored on Devin sessions both go through this parser,
// so every view of a PR (overview, files, commits, a query or fragment, a legacy host name)
// has to produce the same `key`. Detection is by the SHAPE of the path, not by the host name,
// so GitHub Enterprise, self-managed GitLab and Bitbucket Server work on whatever host they run.
// Whether a host is one the extension should act on is decided separately, in hosts.ts.

export type PullRequestProvider =
  | 'github'
  | 'gitlab'
  | 'bitbucket-cloud'
  | 'bitbucket-server'
  | 'azure-devops';

export interface PullRequestRef {
  provider: PullRequestProvider;
  /**
   * Lower-case host name plus a non-default port. `www.` is dropped on the big public hosts,
   * and legacy `ORG.visualstudio.com` becomes `dev.azure.com`.
   */
  host: string;
  /**
   * The repository as people write it, decoded and in its original case, for display:
   * `owner/repo`, `group/sub/project`, `workspace/repo`, `KEY/slug` or `~user/slug`,
   * `org/project/repo`.
   */
  repository: string;
  number: number;
  /**
   * The canonical identity of the PR, e.g. `github.com/owner/repo/pull/12`. Everything is
   * lower-cased on purpose: GitHub owners and repos, GitLab namespaces, Bitbucket workspaces,
   * project keys and slugs, and Azure DevOps org/project/repo names are all case-insensitive
   * on their hosts, and the same PR is routinely linked with different casing (Devin stores
   * the casing of the clone URL, the browser shows the casing of whatever link was clicked).
   * Percent-encoding is decoded first, so `Project%20Name` and `Project Name` agree.
   * The key is an index value, not a URL: do not open it.
   */
  key: string;
}

/** Public hosts whose `www.` alias serves (or redirects to) the same pages. */
const WWW_ALIASES: ReadonlySet<string> = new Set([
  'www.github.com',
  'www.gitlab.com',
  'www.bitbucket.org',
]);

const AZURE_HOST = 'dev.azure.com';
/** `ORG.visualstudio.com`: exactly one label before the suffix is the organization. */
const VISUAL_STUDIO_ORG = /^([a-z0-9][a-z0-9-]*)\.visualstudio\.com$/;
/** Legacy visualstudio.com URLs may carry the single collection every org has. */
const DEFAULT_COLLECTION = 'defaultcollection';

export function parsePullRequestUrl(input: string): PullRequestRef | null {
  let url: URL;
  try {
    // No base URL: relative input must fail rather than resolve against some page.
    url = new URL(input.trim());
  } catch {
    return null;
  }
  // javascript:, data:, mailto:, ftp:, chrome-extension: ... are never PR pages.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;

  const segments = pathSegments(url.pathname);
  if (segments === null) return null;
  const host = canonicalHost(url);

  // On the public hosts only their own shape is meaningful; elsewhere the shape decides.
  switch (host) {
    case 'github.com':
      return matchGitHub(host, segments);
    case 'gitlab.com':
      return matchGitLabDashed(host, segments) ?? matchGitLabLegacy(host, segments);
    case 'bitbucket.org':
      return matchBitbucketCloud(host, segments);
    case AZURE_HOST:
      return matchAzureCloud(segments, null);
  }
  const visualStudioOrg = VISUAL_STUDIO_ORG.exec(host)?.[1];
  if (visualStudioOrg !== undefined) return matchAzureCloud(segments, visualStudioOrg);

  // Order: the unambiguous markers (`/-/`, `projects|users/…/repos/…`, `_git`) before
  // GitHub's plain `/pull/`, and GitLab's marker-less legacy form last.
  return (
    matchGitLabDashed(host, segments) ??
    matchBitbucketServer(host, segments) ??
    matchAzureServer(host, segments) ??
    matchGitHub(host, segments) ??
    matchGitLabLegacy(host, segments)
  );
}

/** Lower-case host (the URL parser already lower-cases and drops default ports). */
function canonicalHost(url: URL): string {
  // A trailing dot (`github.com.`) is the same DNS name.
  let hostname = url.hostname.replace(/\.$/, '');
  if (WWW_ALIASES.has(hostname)) hostname = hostname.slice('www.'.length);
  return url.port === '' ? hostname : `${hostname}:${url.port}`;
}

/**
 * Non-empty, percent-decoded path segments. Empty segments (trailing or doubled slashes)
 * carry no meaning on any of the hosts. Returns null for malformed percent-encoding, and for a
 * segment that decodes to a slash, which no real name contains and which would let two
 * different paths share one key.
 */
function pathSegments(pathname: string): string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let decoded = raw;
    // Most segments hold no escape: decoding them changes nothing, and costs a sync 50,000 calls.
    if (raw.includes('%')) {
      try {
        decoded = decodeURIComponent(raw);
      } catch {
        return null;
      }
    }
    if (decoded.includes('/')) return null;
    segments.push(decoded);
  }
  return segments;
}

/** PR numbers are positive decimal integers; `new`, `abc`, `12.diff` are other pages. */
function parsePrNumber(segment: string | undefined): number | null {
  if (segment === undefined || !/^\d+$/.test(segment)) return null;
  const value = Number(segment);
  return value >= 1 && Number.isSafeInteger(value) ? value : null;
}

function ref(
  provider: PullRequestProvider,
  host: string,
  repository: string,
  number: number,
  canonicalPath: string,
): PullRequestRef {
  return {
    provider,
    host,
    repository,
    number,
    key: `${host}/${canonicalPath}`.toLowerCase(),
  };
}

/** GitHub and GitHub Enterprise: `/OWNER/REPO/pull/N[/files|/commits/SHA|…]`. */
function matchGitHub(host: string, segments: string[]): PullRequestRef | null {
  const [owner, repo, marker, id] = segments;
  if (owner === undefined || repo === undefined || marker !== 'pull') return null;
  const number = parsePrNumber(id);
  if (number === null) return null;
  const repository = `${owner}/${repo}`;
  return ref('github', host, repository, number, `${repository}/pull/${number}`);
}

/**
 * GitLab's current form: `/GROUP[/SUB…]/PROJECT/-/merge_requests/N[/diffs|…]`. Everything
 * before the first `-` segment is the namespace; GitLab reserves `-` for exactly this.
 */
function matchGitLabDashed(host: string, segments: string[]): PullRequestRef | null {
  const dash = segments.indexOf('-');
  if (dash === -1) return null;
  return gitLabRef(host, segments.slice(0, dash), segments.slice(dash + 1));
}

/** GitLab's older form without `/-/`: `/GROUP[/SUB…]/PROJECT/merge_requests/N`. */
function matchGitLabLegacy(host: string, segments: string[]): PullRequestRef | null {
  const marker = segments.indexOf('merge_requests');
  if (marker === -1) return null;
  return gitLabRef(host, segments.slice(0, marker), segments.slice(marker));
}

function gitLabRef(host: string, namespace: string[], route: string[]): PullRequestRef | null {
  // At least a group and a project; `-` inside the namespace means this was not the MR route.
  if (namespace.length < 2 || namespace.includes('-') || route[0] !== 'merge_requests') {
    return null;
  }
  const number = parsePrNumber(route[1]);
  if (number === null) return null;
  const repository = namespace.join('/');
  return ref('gitlab', host, repository, number, `${repository}/-/merge_requests/${number}`);
}

/** Bitbucket Cloud (bitbucket.org only): `/WORKSPACE/REPO/pull-requests/N[/title-slug/diff|…]`. */
function matchBitbucketCloud(host: string, segments: string[]): PullRequestRef | null {
  const [workspace, repo, marker, id] = segments;
  if (workspace === undefined || repo === undefined || marker !== 'pull-requests') return null;
  const number = parsePrNumber(id);
  if (number === null) return null;
  const repository = `${workspace}/${repo}`;
  return ref('bitbucket-cloud', host, repository, number, `${repository}/pull-requests/${number}`);
}

/**
 * Bitbucket Server / Data Center on any host, optionally under a context path
 * (`/bitbucket/projects/…`): `/projects/KEY/repos/SLUG/pull-requests/N[/overview|/diff|…]` and
 * personal repositories `/users/NAME/repos/SLUG/pull-requests/N`. Bitbucket also addresses a
 * personal repository as project `~NAME`; both spellings give the `users/NAME` key.
 * The context path stays in the key: it is part of where that server lives.
 */
function matchBitbucketServer(host: string, segments: string[]): PullRequestRef | null {
  for (let start = 0; start + 5 < segments.length; start++) {
    const [scope, owner, reposMarker, slug, prMarker, id] = segments.slice(start, start + 6);
    if (scope !== 'projects' && scope !== 'users') continue;
    if (reposMarker !== 'repos' || prMarker !== 'pull-requests') continue;
    if (owner === undefined || slug === undefined) continue;
    const number = parsePrNumber(id);
    if (number === null) continue;

    const personal = scope === 'users' || owner.startsWith('~');
    const user = owner.replace(/^~/, '');
    if (user === '') continue;
    const contextPath = segments
      .slice(0, start)
      .map((segment) => `${segment}/`)
      .join('');
    const ownerPath = personal ? `users/${user}` : `projects/${owner}`;
    const repository = `${personal ? `~${user}` : owner}/${slug}`;
    const canonicalPath = `${contextPath}${ownerPath}/repos/${slug}/pull-requests/${number}`;
    return ref('bitbucket-server', host, repository, number, canonicalPath);
  }
  return null;
}

/**
 * Azure DevOps routes are case-insensitive (including `_git` and `pullRequest`), so the
 * markers are compared in lower case. Returns the segments before `_git`, the repo and the
 * number of `…/_git/REPO/pullrequest/N`.
 */
function splitAzurePath(
  segments: string[],
): { prefix: string[]; repo: string; number: number } | null {
  const git = segments.findIndex((segment) => segment.toLowerCase() === '_git');
  if (git === -1) return null;
  const [repo, marker, id] = segments.slice(git + 1, git + 4);
  if (repo === undefined || marker?.toLowerCase() !== 'pullrequest') return null;
  const number = parsePrNumber(id);
  if (number === null) return null;
  return { prefix: segments.slice(0, git), repo, number };
}

/**
 * Azure DevOps Services, on `dev.azure.com/ORG/…` (org = null: the org is the first segment)
 * or on legacy `ORG.visualstudio.com/[DefaultCollection/]…`. Both canonicalize to
 * `dev.azure.com/ORG/PROJECT/_git/REPO/pullrequest/N`, so links from either era agree.
 * When a repository has the same name as its project, Azure omits the project segment
 * (`…/ORG/_git/REPO/…`); the project is then the repo name, and is written out in the key.
 */
function matchAzureCloud(segments: string[], org: string | null): PullRequestRef | null {
  const parts = splitAzurePath(segments);
  if (parts === null) return null;
  let prefix = parts.prefix;
  if (org === null) {
    const [pathOrg, ...rest] = prefix;
    if (pathOrg === undefined) return null;
    org = pathOrg;
    prefix = rest;
  } else if (prefix[0]?.toLowerCase() === DEFAULT_COLLECTION) {
    prefix = prefix.slice(1);
  }
  if (prefix.length > 1) return null;
  const project = prefix[0] ?? parts.repo;
  const repository = `${org}/${project}/${parts.repo}`;
  const canonicalPath = `${org}/${project}/_git/${parts.repo}/pullrequest/${parts.number}`;
  return ref('azure-devops', AZURE_HOST, repository, parts.number, canonicalPath);
}

/**
 * Azure DevOps Server (on-premises, any host): `/[tfs/]COLLECTION/PROJECT/_git/REPO/pullrequest/N`.
 * Virtual directories and collections vary per install, so the path before `_git` is kept as is.
 */
function matchAzureServer(host: string, segments: string[]): PullRequestRef | null {
  const parts = splitAzurePath(segments);
  if (parts === null || parts.prefix.length === 0) return null;
  const repository = [...parts.prefix, parts.repo].join('/');
  const canonicalPath = `${parts.prefix.join('/')}/_git/${parts.repo}/pullrequest/${parts.number}`;
  return ref('azure-devops', host, repository, parts.number, canonicalPath);
}
