import { describe, expect, it } from 'vitest';
import { FakeMenus } from '../../tests/fixtures/pr-lookup';
import { builtInPullRequestPagePatterns, type SelfHostedGitHost } from '../pr-urls';
import {
  clickedPullRequestUrl,
  createMenuInstaller,
  LINK_MENU_ID,
  MENU_TITLE,
  PAGE_MENU_ID,
  pullRequestMenus,
} from './menu';

const ADDED: SelfHostedGitHost[] = [
  { origin: 'https://github.acme.corp', kind: 'github' },
  { origin: 'https://gitlab.acme.corp:8443', kind: 'gitlab' },
  { origin: 'https://stash.acme.corp', kind: 'bitbucket-server' },
];

describe('pullRequestMenus', () => {
  it('has a page item and a link item over the built-in hosts', () => {
    const patterns = builtInPullRequestPagePatterns();
    expect(pullRequestMenus([])).toEqual([
      {
        id: PAGE_MENU_ID,
        title: MENU_TITLE,
        contexts: ['page'],
        documentUrlPatterns: patterns,
      },
      { id: LINK_MENU_ID, title: MENU_TITLE, contexts: ['link'], targetUrlPatterns: patterns },
    ]);
    expect(MENU_TITLE).toBe('Find Devin sessions for this pull request');
    expect(patterns).toEqual(
      expect.arrayContaining([
        'https://github.com/*/*/pull/*',
        'https://gitlab.com/*/merge_requests/*',
        'https://bitbucket.org/*/*/pull-requests/*',
        'https://dev.azure.com/*/_git/*/pullrequest/*',
        'https://*.visualstudio.com/*/pullrequest/*',
      ]),
    );
  });

  it('adds the pattern of each added host to both items', () => {
    const [page, link] = pullRequestMenus(ADDED);
    const added = [
      'https://github.acme.corp/*/*/pull/*',
      'https://gitlab.acme.corp/*/merge_requests/*',
      'https://stash.acme.corp/*/pull-requests/*',
    ];
    expect(page?.documentUrlPatterns).toEqual([...builtInPullRequestPagePatterns(), ...added]);
    expect(link?.targetUrlPatterns).toEqual([...builtInPullRequestPagePatterns(), ...added]);
    expect(page?.targetUrlPatterns).toBeUndefined();
    expect(link?.documentUrlPatterns).toBeUndefined();
  });

  it('gives each item its own array', () => {
    const [page, link] = pullRequestMenus([]);
    expect(page?.documentUrlPatterns).not.toBe(link?.targetUrlPatterns);
  });
});

describe('clickedPullRequestUrl', () => {
  const pageUrl = 'https://github.com/acme/web/pull/1';
  const linkUrl = 'https://gitlab.com/acme/api/-/merge_requests/2';

  it('uses the link target for the link item and the page for the page item', () => {
    expect(clickedPullRequestUrl({ menuItemId: LINK_MENU_ID, pageUrl, linkUrl })).toBe(linkUrl);
    expect(clickedPullRequestUrl({ menuItemId: PAGE_MENU_ID, pageUrl, linkUrl })).toBe(pageUrl);
  });

  it('ignores items of other features and clicks without a URL', () => {
    expect(clickedPullRequestUrl({ menuItemId: 'other', pageUrl, linkUrl })).toBeNull();
    expect(clickedPullRequestUrl({ menuItemId: LINK_MENU_ID, pageUrl })).toBeNull();
  });
});

describe('createMenuInstaller', () => {
  it('creates both items on a fresh install', async () => {
    const menus = new FakeMenus();
    await createMenuInstaller(menus, async () => [])();
    expect(menus.page()).toEqual(pullRequestMenus([])[0]);
    expect(menus.link()).toEqual(pullRequestMenus([])[1]);
  });

  it('replaces existing items instead of failing on their ids (worker or browser restart)', async () => {
    const menus = new FakeMenus();
    const install = createMenuInstaller(menus, async () => [])();
    await install;
    await createMenuInstaller(menus, async () => ADDED)();
    expect(menus.items.size).toBe(2);
    expect(menus.page()?.documentUrlPatterns).toContain('https://github.acme.corp/*/*/pull/*');
  });

  it('leaves items of other features alone', async () => {
    const menus = new FakeMenus();
    menus.items.set('someone-else', { ...pullRequestMenus([])[0], id: 'someone-else' } as never);
    await createMenuInstaller(menus, async () => [])();
    expect([...menus.items.keys()].sort()).toEqual(
      ['someone-else', LINK_MENU_ID, PAGE_MENU_ID].sort(),
    );
  });

  it('queues overlapping installs, and the last one reads the latest hosts', async () => {
    const menus = new FakeMenus();
    let hosts: SelfHostedGitHost[] = [];
    const install = createMenuInstaller(menus, async () => hosts);
    const first = install();
    hosts = ADDED;
    const second = install();
    await expect(Promise.all([first, second])).resolves.toBeDefined();
    expect(menus.items.size).toBe(2);
    expect(menus.link()?.targetUrlPatterns).toContain('https://stash.acme.corp/*/pull-requests/*');
    // Strictly one remove/create pair per item per install, never interleaved.
    expect(menus.calls).toEqual([
      `remove ${PAGE_MENU_ID}`,
      `create ${PAGE_MENU_ID}`,
      `remove ${LINK_MENU_ID}`,
      `create ${LINK_MENU_ID}`,
      `remove ${PAGE_MENU_ID}`,
      `create ${PAGE_MENU_ID}`,
      `remove ${LINK_MENU_ID}`,
      `create ${LINK_MENU_ID}`,
    ]);
  });

  it('reports a failure to its caller and keeps working afterwards', async () => {
    const menus = new FakeMenus();
    let fail = true;
    const install = createMenuInstaller(menus, async () => {
      if (fail) throw new Error('storage unavailable');
      return [];
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      await expect(install()).rejects.toThrow('storage unavailable');
      fail = false;
      await install();
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expect(menus.items.size).toBe(2);
  });
});
