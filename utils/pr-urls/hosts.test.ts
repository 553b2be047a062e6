import { describe, expect, it } from 'vitest';
import { useFakeLocale } from '../../tests/fake-i18n';
import { PULL_REQUEST_URLS } from '../../tests/fixtures/pr-urls';
import {
  builtInPullRequestPagePatterns,
  isSupportedPullRequestPage,
  originToPermissionPattern,
  parseGitHostOrigin,
  pullRequestPagePatterns,
  type SelfHostedGitHost,
} from './hosts';
import { parsePullRequestUrl } from './parse';

/**
 * Test-only: a match pattern as a RegExp over `scheme://host[:port]/path?query`, following
 * Chrome's rules (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns):
 * scheme `*` means http or https; the host is `*`, `*.name` (the name and its subdomains) or a
 * plain name, with no other `*`; no port in the pattern means any port; in the path `*` matches
 * any characters, `/` included, and the path is matched with the query. The fragment never
 * takes part. Throws for a pattern Chrome would reject, and for a port, which Firefox rejects.
 */
function matchPatternToRegExp(pattern: string): RegExp {
  const parts = /^(\*|https?|file):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (parts === null) throw new Error(`Invalid match pattern: ${pattern}`);
  const [, scheme = '', host = '', path = ''] = parts;
  if (host.includes(':')) throw new Error(`A port is not portable (Firefox): ${pattern}`);
  if (host.slice(host.startsWith('*.') ? 2 : host === '*' ? 1 : 0).includes('*')) {
    throw new Error(`A host wildcard is only allowed as a leading "*.": ${pattern}`);
  }
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const schemeSource = scheme === '*' ? 'https?' : escapeRegExp(scheme);
  let hostSource: string;
  if (host === '*') hostSource = '[^/:]+';
  else if (host.startsWith('*.')) hostSource = `(?:[^/:]+\\.)?${escapeRegExp(host.slice(2))}`;
  else hostSource = escapeRegExp(host);
  const pathSource = path.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${schemeSource}:\\/\\/${hostSource}(?::\\d+)?${pathSource}$`);
}

/** What Chrome matches a pattern against: the URL without its fragment. */
function matchable(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search}`;
}

function matchesAny(patterns: readonly string[], url: string): boolean {
  return patterns.some((pattern) => matchPatternToRegExp(pattern).test(matchable(url)));
}

describe('the test-only match-pattern helper', () => {
  it.each([
    ['https://*.example.com/*', 'https://example.com/', true],
    ['https://*.example.com/*', 'https://a.b.example.com/x/y?z=1', true],
    ['https://*.example.com/*', 'https://notexample.com/', false],
    ['*://example.com/a*b', 'http://example.com/a/x/b', true],
    ['*://example.com/a*b', 'https://example.com/a/x/bc', false],
    ['https://example.com/*', 'http://example.com/', false],
    ['https://example.com/*', 'https://example.com:8443/x', true],
    ['https://example.com/x/*', 'https://example.com/x/#frag', true],
  ] as const)('%s against %s -> %s', (pattern, url, expected) => {
    expect(matchPatternToRegExp(pattern).test(matchable(url))).toBe(expected);
  });

  it.each([
    'https://git*.example.com/*',
    'https://example.*/*',
    'https://example.com:8443/*',
    'https://example.com',
    'example.com/*',
  ])('rejects %s', (pattern) => {
    expect(() => matchPatternToRegExp(pattern)).toThrow();
  });
});

describe('builtInPullRequestPagePatterns', () => {
  const samples: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
    [
      'https://github.com/*/*/pull/*',
      [
        'https://github.com/facebook/react/pull/28000',
        'https://github.com/facebook/react/pull/28000/files?w=1',
        'https://github.com/facebook/react/pull/28000/commits/1a2b3c4d',
      ],
      ['https://github.com/facebook/react/pulls', 'https://gitlab.com/a/b/pull/1'],
    ],
    [
      'https://gitlab.com/*/merge_requests/*',
      [
        'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/140000',
        'https://gitlab.com/a/b/c/d/-/merge_requests/7/diffs',
        'https://gitlab.com/gitlab-org/gitlab/merge_requests/140000',
      ],
      [
        'https://gitlab.com/gitlab-org/gitlab/-/merge_requests',
        'https://gitlab.example.com/a/b/-/merge_requests/1',
      ],
    ],
    [
      'https://bitbucket.org/*/*/pull-requests/*',
      [
        'https://bitbucket.org/atlassian/aui/pull-requests/123',
        'https://bitbucket.org/atlassian/aui/pull-requests/123/fix-tooltip/diff',
      ],
      [
        'https://bitbucket.org/atlassian/aui/pull-requests',
        'https://bitbucket.org/atlassian/aui/src/main/',
      ],
    ],
    [
      'https://dev.azure.com/*/_git/*/pullrequest/*',
      [
        'https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_git/fiber-web/pullrequest/5',
        'https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_git/fiber-web/pullrequest/5?_a=files',
        'https://dev.azure.com/contoso/_git/Contoso/pullrequest/77',
      ],
      ['https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_git/fiber-web/pullrequests?_a=mine'],
    ],
    [
      'https://*.visualstudio.com/*/pullrequest/*',
      [
        'https://fabrikam.visualstudio.com/Fabrikam%20Fiber/_git/fiber-web/pullrequest/5',
        'https://fabrikam.visualstudio.com/DefaultCollection/Fiber/_git/web/pullrequest/5?_a=commits',
      ],
      ['https://fabrikam.visualstudio.com/Fabrikam%20Fiber/_git/fiber-web/pullrequests'],
    ],
  ];

  it('lists exactly the five public hosts', () => {
    expect(builtInPullRequestPagePatterns()).toEqual(samples.map(([pattern]) => pattern));
  });

  it('returns a fresh array each time', () => {
    const patterns = builtInPullRequestPagePatterns();
    patterns.push('https://evil.example/*');
    expect(builtInPullRequestPagePatterns()).not.toContain('https://evil.example/*');
  });

  it.each(samples)('%s matches PR pages of its host and not others', (pattern, yes, no) => {
    const regExp = matchPatternToRegExp(pattern);
    for (const url of yes) expect(regExp.test(matchable(url)), url).toBe(true);
    for (const url of no) expect(regExp.test(matchable(url)), url).toBe(false);
  });

  // Patterns are case-sensitive in the path, like Chrome's. Azure's own links always say
  // `pullrequest`; a hand-written `pullRequest` parses, but is outside the pattern.
  it('covers every https fixture URL that is a supported page on a built-in host', () => {
    const patterns = builtInPullRequestPagePatterns();
    const covered = PULL_REQUEST_URLS.map(([url]) => url.trim()).filter(
      (url) =>
        url.startsWith('https://') &&
        !new URL(url).hostname.startsWith('www.') &&
        !url.includes('/pullRequest/') &&
        isSupportedPullRequestPage(url, []),
    );
    expect(covered.length).toBeGreaterThan(30);
    for (const url of covered) expect(matchesAny(patterns, url), url).toBe(true);
  });
});

describe('pullRequestPagePatterns', () => {
  const selfHosted: SelfHostedGitHost[] = [
    { origin: 'https://github.example.com', kind: 'github' },
    { origin: 'https://gitlab.example.com:8443', kind: 'gitlab' },
    { origin: 'https://git.example.com', kind: 'bitbucket-server' },
    { origin: 'http://localhost:7990', kind: 'bitbucket-server' },
  ];

  it('adds one pattern per added host, by kind, without ports', () => {
    expect(pullRequestPagePatterns(selfHosted)).toEqual([
      ...builtInPullRequestPagePatterns(),
      'https://github.example.com/*/*/pull/*',
      'https://gitlab.example.com/*/merge_requests/*',
      'https://git.example.com/*/pull-requests/*',
      'http://localhost/*/pull-requests/*',
    ]);
  });

  it('is just the built-ins without added hosts', () => {
    expect(pullRequestPagePatterns([])).toEqual(builtInPullRequestPagePatterns());
  });

  it('drops duplicates and malformed stored entries', () => {
    expect(
      pullRequestPagePatterns([
        { origin: 'https://github.example.com', kind: 'github' },
        { origin: 'https://GitHub.Example.com/', kind: 'github' },
        { origin: 'not an origin', kind: 'gitlab' },
        { origin: 'ftp://files.example.com', kind: 'gitlab' },
      ]),
    ).toEqual([...builtInPullRequestPagePatterns(), 'https://github.example.com/*/*/pull/*']);
  });

  it('produces only valid, portable match patterns', () => {
    for (const pattern of pullRequestPagePatterns(selfHosted)) {
      expect(() => matchPatternToRegExp(pattern), pattern).not.toThrow();
    }
  });

  it.each([
    'https://github.example.com/platform/api/pull/42/files',
    'https://gitlab.example.com:8443/a/b/c/-/merge_requests/3/diffs',
    'https://gitlab.example.com:8443/a/b/merge_requests/3',
    'https://git.example.com/bitbucket/projects/PLAT/repos/api/pull-requests/15/overview',
    'https://git.example.com/users/jdoe/repos/dotfiles/pull-requests/2',
    'http://localhost:7990/projects/OPS/repos/infra/pull-requests/101',
  ])('matches %s', (url) => {
    expect(matchesAny(pullRequestPagePatterns(selfHosted), url)).toBe(true);
    expect(isSupportedPullRequestPage(url, selfHosted)).toBe(true);
  });
});

describe('isSupportedPullRequestPage', () => {
  const selfHosted: SelfHostedGitHost[] = [
    { origin: 'https://github.example.com', kind: 'github' },
    { origin: 'https://gitlab.example.com', kind: 'gitlab' },
    { origin: 'https://git.example.com:7990', kind: 'bitbucket-server' },
  ];

  it.each([
    ['https://github.com/facebook/react/pull/28000/files', true],
    ['https://www.github.com/facebook/react/pull/28000', true],
    ['https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1', true],
    ['https://bitbucket.org/ws/repo/pull-requests/3/diff', true],
    ['https://dev.azure.com/org/project/_git/repo/pullrequest/5?_a=files', true],
    ['https://org.visualstudio.com/project/_git/repo/pullrequest/5', true],
    ['https://github.example.com/platform/api/pull/42', true],
    ['https://gitlab.example.com/a/b/-/merge_requests/3', true],
    ['https://git.example.com:7990/projects/KEY/repos/slug/pull-requests/9/overview', true],
    // not a PR
    ['https://github.com/facebook/react/pulls', false],
    ['https://github.example.com/platform/api/issues/42', false],
    // a PR shape, but the host is not added
    ['https://github.other.com/platform/api/pull/42', false],
    ['https://gitlab.gnome.org/GNOME/gtk/-/merge_requests/7000', false],
    // added, but as another kind
    ['https://github.example.com/a/b/-/merge_requests/3', false],
    ['https://gitlab.example.com/platform/api/pull/42', false],
    ['https://github.example.com/projects/KEY/repos/slug/pull-requests/9', false],
    // added origin differs in port or scheme
    ['https://git.example.com/projects/KEY/repos/slug/pull-requests/9', false],
    ['http://github.example.com/platform/api/pull/42', false],
    // no kind exists for Azure DevOps Server
    ['https://tfs.corp.local/tfs/DefaultCollection/Project/_git/Repo/pullrequest/31', false],
    ['javascript:alert(1)//github.com/a/b/pull/1', false],
  ] as const)('%s -> %s', (url, expected) => {
    expect(isSupportedPullRequestPage(url, selfHosted)).toBe(expected);
  });

  it('accepts added origins stored with a trailing slash or upper case', () => {
    const url = 'https://github.example.com/platform/api/pull/42';
    expect(
      isSupportedPullRequestPage(url, [{ origin: 'https://GitHub.Example.com/', kind: 'github' }]),
    ).toBe(true);
  });

  it('agrees with the parser on every fixture URL of a built-in host', () => {
    for (const [url] of PULL_REQUEST_URLS) {
      const host = parsePullRequestUrl(url)?.host;
      const builtIn = ['github.com', 'gitlab.com', 'bitbucket.org', 'dev.azure.com'].includes(
        host ?? '',
      );
      expect(isSupportedPullRequestPage(url, []), url).toBe(builtIn);
    }
  });
});

describe('parseGitHostOrigin', () => {
  it.each([
    ['https://git.example.com', 'https://git.example.com'],
    ['git.example.com', 'https://git.example.com'],
    ['  GIT.Example.com  ', 'https://git.example.com'],
    ['https://git.example.com/', 'https://git.example.com'],
    ['https://git.example.com/gitlab/group/project?tab=readme#top', 'https://git.example.com'],
    ['git.example.com:8443', 'https://git.example.com:8443'],
    ['git.example.com:8443/bitbucket', 'https://git.example.com:8443'],
    ['https://git.example.com:443', 'https://git.example.com'],
    ['https://git.example.com.', 'https://git.example.com'],
    ['https://octocorp.ghe.com', 'https://octocorp.ghe.com'],
    ['https://git', 'https://git'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://127.0.0.1:3000/', 'http://127.0.0.1:3000'],
    ['https://10.0.0.12', 'https://10.0.0.12'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('%j -> %s', (input, origin) => {
    expect(parseGitHostOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', /enter the address/i],
    ['   ', /enter the address/i],
    ['http://git.example.com', /only https/i],
    ['http://10.0.0.12', /only https/i],
    ['ftp://git.example.com', /https/i],
    ['javascript:alert(1)', /not a web address|https/i],
    ['https://', /not a web address/i],
    ['https://git.example.com:99999', /not a web address/i],
    ['https://user:secret@git.example.com', /user name and password/i],
    ['https://*.example.com', /not a valid server name/i],
    ['https://[::1]:8080', /ipv6/i],
    ['github.com', /supported already/i],
    ['https://www.github.com', /supported already/i],
    ['https://GitLab.com/', /supported already/i],
    ['bitbucket.org', /supported already/i],
    ['https://dev.azure.com/fabrikam', /supported already/i],
    ['https://fabrikam.visualstudio.com', /supported already/i],
  ])('refuses %j', (input, reason) => {
    const result = parseGitHostOrigin(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('originToPermissionPattern', () => {
  it.each([
    ['https://git.example.com', 'https://git.example.com/*'],
    ['https://git.example.com:8443', 'https://git.example.com/*'],
    ['http://localhost:8080', 'http://localhost/*'],
    ['https://GIT.example.com/', 'https://git.example.com/*'],
  ])('%s -> %s', (origin, pattern) => {
    expect(originToPermissionPattern(origin)).toBe(pattern);
    expect(() => matchPatternToRegExp(pattern)).not.toThrow();
    expect(matchPatternToRegExp(pattern).test(matchable(`${origin.replace(/\/$/, '')}/a/b`))).toBe(
      true,
    );
  });

  it('works on what parseGitHostOrigin returns', () => {
    const parsed = parseGitHostOrigin('git.example.com:8443/bitbucket');
    expect(parsed.ok && originToPermissionPattern(parsed.origin)).toBe('https://git.example.com/*');
  });

  it.each(['not an origin', 'ftp://git.example.com'])('throws for %j', (origin) => {
    expect(() => originToPermissionPattern(origin)).toThrow(TypeError);
  });
});

describe('parseGitHostOrigin in the browser’s language', () => {
  it('says why an address is refused in Spanish, naming what was typed', () => {
    useFakeLocale('es');
    try {
      expect(parseGitHostOrigin('git example')).toEqual({
        ok: false,
        reason:
          '«git example» no es una dirección web. Introduzca una como https://git.example.com.',
      });
      expect(parseGitHostOrigin('https://github.com')).toEqual({
        ok: false,
        reason: 'github.com ya es compatible; no hace falta añadirlo.',
      });
    } finally {
      useFakeLocale('en', 'en-US');
    }
  });
});
