import { describe, expect, it } from 'vitest';
import { normalizePullRequestUrl } from './normalize';
import { repositoryKeyOf, repositoryLabel } from './repository';

describe('the repository of a pull request', () => {
  it.each([
    ['https://github.com/Acme/Web/pull/42/files', 'github.com/acme/web', 'acme/web'],
    [
      'https://gitlab.com/group/sub/project/-/merge_requests/7/diffs',
      'gitlab.com/group/sub/project',
      'group/sub/project',
    ],
    [
      'https://bitbucket.org/team/repo/pull-requests/3/overview',
      'bitbucket.org/team/repo',
      'team/repo',
    ],
    [
      'https://git.example.com/projects/PLAT/repos/api/pull-requests/15/overview',
      'git.example.com/projects/plat/repos/api',
      'plat/api',
    ],
    [
      'https://dev.azure.com/fabrikam/Fiber/_git/web/pullrequest/5',
      'dev.azure.com/fabrikam/fiber/_git/web',
      'fabrikam/fiber/web',
    ],
  ])('%s is in %s (%s)', (url, key, label) => {
    const prKey = normalizePullRequestUrl(url);
    expect(prKey).not.toBeNull();
    expect(repositoryKeyOf(prKey as string)).toBe(key);
    expect(repositoryLabel(key)).toBe(label);
  });
});
