import { describe, expect, it } from 'vitest';
import {
  NOT_PULL_REQUEST_URLS,
  PULL_REQUEST_URLS,
  SAME_PULL_REQUEST_GROUPS,
} from '../../tests/fixtures/pr-urls';
import { normalizePullRequestUrl } from './normalize';
import { parsePullRequestUrl } from './parse';

describe('parsePullRequestUrl', () => {
  it.each(PULL_REQUEST_URLS)('%s -> %s', (url, key) => {
    expect(parsePullRequestUrl(url)?.key).toBe(key);
  });

  it.each(NOT_PULL_REQUEST_URLS)('%j is not a pull request', (url) => {
    expect(parsePullRequestUrl(url)).toBeNull();
  });

  it.each(SAME_PULL_REQUEST_GROUPS.map((group) => [group[0], group] as const))(
    'every view of %s shares one key',
    (_first, group) => {
      const keys = new Set(group.map((url) => parsePullRequestUrl(url)?.key));
      expect(keys.size).toBe(1);
      expect([...keys][0]).toEqual(expect.any(String));
    },
  );

  it('gives different PRs, repos and hosts different keys', () => {
    const urls = [
      'https://github.com/acme/web/pull/1',
      'https://github.com/acme/web/pull/2',
      'https://github.com/acme/api/pull/1',
      'https://github.example.com/acme/web/pull/1',
      'https://github.example.com:8443/acme/web/pull/1',
      'https://gitlab.com/acme/web/-/merge_requests/1',
      'https://gitlab.com/acme/sub/web/-/merge_requests/1',
      'https://bitbucket.org/acme/web/pull-requests/1',
      'https://code.acme.io/projects/ACME/repos/web/pull-requests/1',
      'https://code.acme.io/users/acme/repos/web/pull-requests/1',
      'https://dev.azure.com/acme/web/_git/web/pullrequest/1',
      'https://dev.azure.com/acme/other/_git/web/pullrequest/1',
    ];
    const keys = new Set(urls.map((url) => parsePullRequestUrl(url)?.key));
    expect(keys.size).toBe(urls.length);
  });

  it.each([
    [
      'https://github.com/Octo-Org/Hello-World/pull/1347/files',
      {
        provider: 'github',
        host: 'github.com',
        repository: 'Octo-Org/Hello-World',
        number: 1347,
        key: 'github.com/octo-org/hello-world/pull/1347',
      },
    ],
    [
      'https://gitlab.example.com/Platform/Team/Service/merge_requests/12/diffs',
      {
        provider: 'gitlab',
        host: 'gitlab.example.com',
        repository: 'Platform/Team/Service',
        number: 12,
        key: 'gitlab.example.com/platform/team/service/-/merge_requests/12',
      },
    ],
    [
      'https://bitbucket.org/Acme/Web/pull-requests/3/overview',
      {
        provider: 'bitbucket-cloud',
        host: 'bitbucket.org',
        repository: 'Acme/Web',
        number: 3,
        key: 'bitbucket.org/acme/web/pull-requests/3',
      },
    ],
    [
      'https://git.example.com/bitbucket/projects/PLAT/repos/api/pull-requests/15/overview',
      {
        provider: 'bitbucket-server',
        host: 'git.example.com',
        repository: 'PLAT/api',
        number: 15,
        key: 'git.example.com/bitbucket/projects/plat/repos/api/pull-requests/15',
      },
    ],
    [
      'https://git.example.com/projects/~JDoe/repos/dotfiles/pull-requests/2',
      {
        provider: 'bitbucket-server',
        host: 'git.example.com',
        repository: '~JDoe/dotfiles',
        number: 2,
        key: 'git.example.com/users/jdoe/repos/dotfiles/pull-requests/2',
      },
    ],
    [
      'https://Fabrikam.visualstudio.com/DefaultCollection/Fabrikam%20Fiber/_git/Web/pullrequest/5?_a=files',
      {
        provider: 'azure-devops',
        host: 'dev.azure.com',
        repository: 'fabrikam/Fabrikam Fiber/Web',
        number: 5,
        key: 'dev.azure.com/fabrikam/fabrikam fiber/_git/web/pullrequest/5',
      },
    ],
  ] as const)('describes %s', (url, expected) => {
    expect(parsePullRequestUrl(url)).toEqual(expected);
  });

  it('does not let a GitHub-shaped path on gitlab.com or bitbucket.org count', () => {
    expect(parsePullRequestUrl('https://gitlab.com/acme/web/pull/1')).toBeNull();
    expect(parsePullRequestUrl('https://bitbucket.org/acme/web/pull/1')).toBeNull();
    expect(parsePullRequestUrl('https://github.com/acme/web/-/merge_requests/1')).toBeNull();
  });
});

describe('normalizePullRequestUrl', () => {
  it.each(PULL_REQUEST_URLS)('%s -> %s', (url, key) => {
    expect(normalizePullRequestUrl(url)).toBe(key);
  });

  it.each(NOT_PULL_REQUEST_URLS)('%j -> null', (url) => {
    expect(normalizePullRequestUrl(url)).toBeNull();
  });

  it('is idempotent on the https form of its own output', () => {
    for (const [, key] of PULL_REQUEST_URLS) {
      expect(normalizePullRequestUrl(`https://${key}`)).toBe(key);
    }
  });
});
