// Test-only data shared by parse.test.ts and hosts.test.ts (not exported from index.ts).
// Real-world URL shapes as the browser shows them and as Devin stores them.

/** [URL, expected key]. */
export const PULL_REQUEST_URLS: ReadonlyArray<readonly [string, string]> = [
  // GitHub
  ['https://github.com/facebook/react/pull/28000', 'github.com/facebook/react/pull/28000'],
  ['https://github.com/facebook/react/pull/28000/files', 'github.com/facebook/react/pull/28000'],
  ['https://github.com/facebook/react/pull/28000/commits', 'github.com/facebook/react/pull/28000'],
  [
    'https://github.com/facebook/react/pull/28000/commits/1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b',
    'github.com/facebook/react/pull/28000',
  ],
  [
    'https://github.com/microsoft/vscode/pull/201234/changes',
    'github.com/microsoft/vscode/pull/201234',
  ],
  [
    'https://github.com/microsoft/vscode/pull/201234/changes/9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
    'github.com/microsoft/vscode/pull/201234',
  ],
  [
    'https://github.com/microsoft/vscode/pull/201234/checks?check_run_id=20123456789',
    'github.com/microsoft/vscode/pull/201234',
  ],
  [
    'https://github.com/microsoft/vscode/pull/201234/conflicts',
    'github.com/microsoft/vscode/pull/201234',
  ],
  [
    'https://github.com/Microsoft/VSCode/pull/201234#issuecomment-1890000000',
    'github.com/microsoft/vscode/pull/201234',
  ],
  [
    'https://www.github.com/microsoft/vscode/pull/201234/',
    'github.com/microsoft/vscode/pull/201234',
  ],
  ['http://github.com/rust-lang/rust/pull/120000', 'github.com/rust-lang/rust/pull/120000'],
  [
    'https://github.com/rust-lang/rust/pull/120000/files#diff-0a1b2c3d',
    'github.com/rust-lang/rust/pull/120000',
  ],
  [
    'https://github.com/refined-github/refined-github/pull/7000/files?diff=split&w=1',
    'github.com/refined-github/refined-github/pull/7000',
  ],
  ['https://github.com/vercel/next.js/pull/60000', 'github.com/vercel/next.js/pull/60000'],
  ['  https://github.com/vercel/next.js/pull/060000\n', 'github.com/vercel/next.js/pull/60000'],
  // GitHub Enterprise Server / GHE.com
  [
    'https://github.example.com/platform/api-gateway/pull/42',
    'github.example.com/platform/api-gateway/pull/42',
  ],
  [
    'https://ghe.corp.internal:8443/Platform/API-Gateway/pull/42/files',
    'ghe.corp.internal:8443/platform/api-gateway/pull/42',
  ],
  [
    'https://GitHub.Example.com:443/platform/api-gateway/pull/42/',
    'github.example.com/platform/api-gateway/pull/42',
  ],
  [
    'https://octocorp.ghe.com/octocorp/widgets/pull/7/checks',
    'octocorp.ghe.com/octocorp/widgets/pull/7',
  ],
  // GitLab.com
  [
    'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/140000',
    'gitlab.com/gitlab-org/gitlab/-/merge_requests/140000',
  ],
  [
    'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/140000/diffs',
    'gitlab.com/gitlab-org/gitlab/-/merge_requests/140000',
  ],
  [
    'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/140000/commits',
    'gitlab.com/gitlab-org/gitlab/-/merge_requests/140000',
  ],
  [
    'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/140000/pipelines',
    'gitlab.com/gitlab-org/gitlab/-/merge_requests/140000',
  ],
  [
    'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/140000/diffs?commit_id=4f2a9c1#note_1700000000',
    'gitlab.com/gitlab-org/gitlab/-/merge_requests/140000',
  ],
  [
    'https://gitlab.com/gitlab-org/gitlab/merge_requests/140000',
    'gitlab.com/gitlab-org/gitlab/-/merge_requests/140000',
  ],
  [
    'https://www.gitlab.com/gitlab-org/gitlab/-/merge_requests/140000/',
    'gitlab.com/gitlab-org/gitlab/-/merge_requests/140000',
  ],
  [
    'https://gitlab.com/gitlab-org/ci-cd/deploy-stage/environments-group/examples/gitlab-agent/-/merge_requests/3',
    'gitlab.com/gitlab-org/ci-cd/deploy-stage/environments-group/examples/gitlab-agent/-/merge_requests/3',
  ],
  [
    'https://gitlab.com/Group/SubGroup/Project/-/merge_requests/7/',
    'gitlab.com/group/subgroup/project/-/merge_requests/7',
  ],
  [
    'https://gitlab.com/group/subgroup/project/merge_requests/7/diffs',
    'gitlab.com/group/subgroup/project/-/merge_requests/7',
  ],
  // Self-managed GitLab
  [
    'https://gitlab.gnome.org/GNOME/gtk/-/merge_requests/7000',
    'gitlab.gnome.org/gnome/gtk/-/merge_requests/7000',
  ],
  [
    'https://gitlab.freedesktop.org/mesa/mesa/-/merge_requests/25000/diffs#a1b2c3',
    'gitlab.freedesktop.org/mesa/mesa/-/merge_requests/25000',
  ],
  [
    'https://invent.kde.org/plasma/kwin/-/merge_requests/4500/commits',
    'invent.kde.org/plasma/kwin/-/merge_requests/4500',
  ],
  [
    'https://salsa.debian.org/debian/devscripts/merge_requests/300',
    'salsa.debian.org/debian/devscripts/-/merge_requests/300',
  ],
  [
    'https://example.com/gitlab/team/app/-/merge_requests/12',
    'example.com/gitlab/team/app/-/merge_requests/12',
  ],
  // Bitbucket Cloud
  [
    'https://bitbucket.org/atlassian/atlassian-connect-express/pull-requests/123',
    'bitbucket.org/atlassian/atlassian-connect-express/pull-requests/123',
  ],
  [
    'https://bitbucket.org/atlassian/atlassian-connect-express/pull-requests/123/diff',
    'bitbucket.org/atlassian/atlassian-connect-express/pull-requests/123',
  ],
  [
    'https://bitbucket.org/atlassian/atlassian-connect-express/pull-requests/123/commits',
    'bitbucket.org/atlassian/atlassian-connect-express/pull-requests/123',
  ],
  [
    'https://bitbucket.org/atlassian/atlassian-connect-express/pull-requests/123/overview',
    'bitbucket.org/atlassian/atlassian-connect-express/pull-requests/123',
  ],
  [
    'https://bitbucket.org/Atlassian/Atlassian-Connect-Express/pull-requests/123/feature-add-webhooks/diff#chg-index.js',
    'bitbucket.org/atlassian/atlassian-connect-express/pull-requests/123',
  ],
  ['https://bitbucket.org/ws/repo/pull-requests/3?w=1', 'bitbucket.org/ws/repo/pull-requests/3'],
  // Bitbucket Server / Data Center
  [
    'https://bitbucket.example.com/projects/KEY/repos/slug/pull-requests/9',
    'bitbucket.example.com/projects/key/repos/slug/pull-requests/9',
  ],
  [
    'https://bitbucket.example.com/projects/KEY/repos/slug/pull-requests/9/overview',
    'bitbucket.example.com/projects/key/repos/slug/pull-requests/9',
  ],
  [
    'https://bitbucket.example.com/projects/KEY/repos/slug/pull-requests/9/diff#src/main.ts',
    'bitbucket.example.com/projects/key/repos/slug/pull-requests/9',
  ],
  [
    'https://bitbucket.example.com/projects/key/repos/Slug/pull-requests/9/commits/',
    'bitbucket.example.com/projects/key/repos/slug/pull-requests/9',
  ],
  [
    'https://git.example.com/bitbucket/projects/PLAT/repos/api/pull-requests/15/overview',
    'git.example.com/bitbucket/projects/plat/repos/api/pull-requests/15',
  ],
  [
    'https://bitbucket.example.com/users/jdoe/repos/dotfiles/pull-requests/2',
    'bitbucket.example.com/users/jdoe/repos/dotfiles/pull-requests/2',
  ],
  [
    'https://bitbucket.example.com/projects/~JDOE/repos/dotfiles/pull-requests/2/overview',
    'bitbucket.example.com/users/jdoe/repos/dotfiles/pull-requests/2',
  ],
  [
    'https://stash.corp.local:7990/projects/OPS/repos/infra/pull-requests/101/diff',
    'stash.corp.local:7990/projects/ops/repos/infra/pull-requests/101',
  ],
  // Azure DevOps Services
  [
    'https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_git/fiber-web/pullrequest/5',
    'dev.azure.com/fabrikam/fabrikam fiber/_git/fiber-web/pullrequest/5',
  ],
  [
    'https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_git/fiber-web/pullrequest/5?_a=files',
    'dev.azure.com/fabrikam/fabrikam fiber/_git/fiber-web/pullrequest/5',
  ],
  [
    'https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_git/fiber-web/pullrequest/5?_a=files&path=/src/app.ts',
    'dev.azure.com/fabrikam/fabrikam fiber/_git/fiber-web/pullrequest/5',
  ],
  [
    'https://dev.azure.com/Fabrikam/Fabrikam Fiber/_git/Fiber-Web/pullRequest/5/',
    'dev.azure.com/fabrikam/fabrikam fiber/_git/fiber-web/pullrequest/5',
  ],
  [
    'https://fabrikam.visualstudio.com/Fabrikam%20Fiber/_git/fiber-web/pullrequest/5',
    'dev.azure.com/fabrikam/fabrikam fiber/_git/fiber-web/pullrequest/5',
  ],
  [
    'https://Fabrikam.VisualStudio.com/DefaultCollection/Fabrikam%20Fiber/_git/fiber-web/pullrequest/5?_a=commits',
    'dev.azure.com/fabrikam/fabrikam fiber/_git/fiber-web/pullrequest/5',
  ],
  [
    'https://dev.azure.com/contoso/Contoso/_git/Contoso/pullrequest/77',
    'dev.azure.com/contoso/contoso/_git/contoso/pullrequest/77',
  ],
  [
    'https://dev.azure.com/contoso/_git/Contoso/pullrequest/77',
    'dev.azure.com/contoso/contoso/_git/contoso/pullrequest/77',
  ],
  [
    'https://contoso.visualstudio.com/_git/Contoso/pullrequest/77',
    'dev.azure.com/contoso/contoso/_git/contoso/pullrequest/77',
  ],
  [
    'https://dev.azure.com/org/Caf%C3%A9/_git/menu/pullrequest/8',
    'dev.azure.com/org/café/_git/menu/pullrequest/8',
  ],
  // Azure DevOps Server (on-premises): parsed, though no host kind can be added for it yet
  [
    'https://tfs.corp.local/tfs/DefaultCollection/Project/_git/Repo/pullrequest/31?_a=overview',
    'tfs.corp.local/tfs/defaultcollection/project/_git/repo/pullrequest/31',
  ],
];

/** Different views and spellings of one PR each; every URL of a group must give one key. */
export const SAME_PULL_REQUEST_GROUPS: ReadonlyArray<readonly string[]> = [
  [
    'https://github.com/octo-org/Hello-World/pull/1347',
    'https://github.com/octo-org/hello-world/pull/1347/files',
    'https://github.com/Octo-Org/Hello-World/pull/1347/commits/6dcb09b5b57875f334f61aebed695e2e4193db5e',
    'https://github.com/octo-org/hello-world/pull/1347/changes?w=1#r123',
    'https://www.github.com/octo-org/hello-world/pull/1347/checks/',
    'http://github.com/octo-org/hello-world/pull/1347/conflicts',
  ],
  [
    'https://gitlab.com/acme/platform/billing/-/merge_requests/88',
    'https://gitlab.com/acme/platform/billing/merge_requests/88',
    'https://gitlab.com/ACME/Platform/Billing/-/merge_requests/88/diffs?view=parallel',
    'https://gitlab.com/acme/platform/billing/-/merge_requests/88/pipelines#top',
  ],
  [
    'https://bitbucket.org/acme/web/pull-requests/3',
    'https://bitbucket.org/acme/web/pull-requests/3/fix-login/diff',
    'https://bitbucket.org/ACME/Web/pull-requests/3/overview/',
  ],
  [
    'https://code.acme.io/projects/WEB/repos/portal/pull-requests/9',
    'https://code.acme.io/projects/web/repos/portal/pull-requests/9/overview',
    'https://code.acme.io:443/projects/WEB/repos/Portal/pull-requests/9/diff#README.md',
  ],
  [
    'https://dev.azure.com/acme/Big%20Project/_git/web/pullrequest/41',
    'https://dev.azure.com/acme/Big%20Project/_git/web/pullrequest/41?_a=files&path=%2Fsrc',
    'https://acme.visualstudio.com/Big%20Project/_git/web/pullrequest/41',
    'https://acme.visualstudio.com/DefaultCollection/Big Project/_git/Web/pullrequest/41?_a=overview',
    'https://dev.azure.com/ACME/big project/_git/WEB/PullRequest/41/',
  ],
];

/** URLs that look close to a PR page but are not one. */
export const NOT_PULL_REQUEST_URLS: readonly string[] = [
  // GitHub
  'https://github.com/facebook/react/pulls',
  'https://github.com/facebook/react/pulls?q=is%3Aopen',
  'https://github.com/pulls',
  'https://github.com/facebook/react/pull/new/feature-branch',
  'https://github.com/facebook/react/pull/abc',
  'https://github.com/facebook/react/pull/',
  'https://github.com/facebook/react/pull/0',
  'https://github.com/facebook/react/pull/28000.diff',
  'https://github.com/facebook/react/issues/28000',
  'https://github.com/facebook/react/commit/1a2b3c4d',
  'https://github.com/facebook/react/commits/main',
  'https://github.com/facebook/react/compare/main...feature',
  'https://github.com/facebook/react',
  'https://api.github.com/repos/facebook/react/pulls/28000',
  'https://github.com/a%2Fb/c/pull/1',
  // GitLab
  'https://gitlab.com/gitlab-org/gitlab/-/merge_requests',
  'https://gitlab.com/gitlab-org/gitlab/-/merge_requests?state=opened',
  'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/new',
  'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/new/diffs',
  'https://gitlab.com/gitlab-org/gitlab/-/issues/42',
  'https://gitlab.com/dashboard/merge_requests',
  'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/7.diff',
  'https://gitlab.com/gitlab-org/gitlab/pull/7',
  // Bitbucket
  'https://bitbucket.org/ws/repo/pull-requests/',
  'https://bitbucket.org/ws/repo/pull-requests/new',
  'https://bitbucket.org/dashboard/pullrequests',
  'https://bitbucket.org/ws/repo/commits/abc123',
  'https://bitbucket.example.com/projects/KEY/repos/slug/pull-requests',
  'https://bitbucket.example.com/projects/KEY/repos/slug/pull-requests?create',
  'https://bitbucket.example.com/projects/KEY/repos/slug/browse',
  // Azure DevOps
  'https://dev.azure.com/org/project/_git/repo/pullrequests?_a=mine',
  'https://dev.azure.com/org/project/_git/repo/pullrequestcreate?sourceRef=feature',
  'https://dev.azure.com/org/project/_git/repo',
  'https://dev.azure.com/org/project/_git/repo/pullrequest/new',
  'https://dev.azure.com/org/project/_workitems/edit/5',
  'https://dev.azure.com/org/project/extra/_git/repo/pullrequest/5',
  // Not http(s), not absolute, not a URL
  'javascript:alert(1)//github.com/a/b/pull/1',
  'mailto:dev@example.com?subject=https://github.com/a/b/pull/1',
  'ftp://github.com/a/b/pull/1',
  'data:text/html,https://github.com/a/b/pull/1',
  'chrome-extension://abcdefghijklmnop/github.com/a/b/pull/1',
  'view-source:https://github.com/a/b/pull/1',
  '/facebook/react/pull/1',
  '//github.com/facebook/react/pull/1',
  'github.com/facebook/react/pull/1',
  'https://github.com/a%E0%A4%A/b/pull/1',
  'not a url',
  '',
];
