/// <reference types="chrome" />
/**
 * The Cost view in Chromium over 2,000 sessions synced from the local API: the repository totals
 * it shows are those the server's data gives (worked out here from the dataset's own repository
 * list), a figure opens the list with exactly those sessions, and the CSV and JSON files of the
 * table carry the same figures.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Dataset, generateDataset } from '../../mock-api/data';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { normalizePullRequestUrl } from '../../utils/pr-urls';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, countSessions, extensionPage, waitUntil } from './extension';

const SESSIONS = 2000;

let api: MockApi;
let browser: ExtensionBrowser;
let dataset: Dataset;

beforeAll(async () => {
  dataset = generateDataset({ sessions: SESSIONS, orgs: 3, seed: 7, now: Date.now() });
  api = await startMockApi({ dataset });
  browser = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

interface RepoTotal {
  sessions: number;
  acus: number;
  merged: number;
}

/** Repository key -> totals, from the dataset: a session's ACUs split over its repositories. */
function repositoryTotals(): Map<string, RepoTotal> {
  const keyOf = (url: string) => {
    const repo = dataset.repositories.find((r) => url.startsWith(r.pr_url_prefix));
    const prefix = repo ? repo.pr_url_prefix : url.replace(/\d+$/, '');
    // The key the extension shows for a repository, from an example PR of it.
    const key = normalizePullRequestUrl(`${prefix}1`) ?? '';
    return key.replace(/\/[^/]+\/\d+$/, '').replace(/\/-$/, '');
  };
  const totals = new Map<string, RepoTotal>();
  for (const s of dataset.sessions) {
    const repos = new Set(s.pull_requests.map((pr) => keyOf(pr.url)));
    if (repos.size === 0) repos.add('');
    for (const repo of repos) {
      const total = totals.get(repo) ?? { sessions: 0, acus: 0, merged: 0 };
      total.sessions++;
      total.acus += s.acus_consumed / repos.size;
      total.merged += s.pull_requests.filter(
        (pr) => pr.state === 'merged' && (repo === '' || keyOf(pr.url) === repo),
      ).length;
      totals.set(repo, total);
    }
  }
  return totals;
}

/** "1,234.57" -> 1234.57 */
function numberIn(text: string | null): number {
  const value = Number((text ?? '').replace(/[^\d.-]/g, ''));
  if (!Number.isFinite(value) || (text ?? '').trim() === '') throw new Error(`No number: ${text}`);
  return value;
}

async function listedCount(list: Page): Promise<number> {
  const total = list.getByTestId('sessions-count');
  await total.waitFor({ timeout: 30_000 });
  return Number(await total.getAttribute('data-count'));
}

it('shows the repository totals of the server data, opens their sessions and exports them', async () => {
  const setup = await extensionPage(browser, 'manifest.json');
  await configure(setup, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil(
    `${SESSIONS} sessions cached`,
    async () => (await countSessions(setup)) >= SESSIONS,
    90_000,
  );

  const page = await extensionPage(browser, 'insights.html');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const table = page.getByTestId('table-cost-repositories');
  await table.waitFor({ timeout: 30_000 });
  await expect
    .poll(async () => page.getByTestId('insights-status').getAttribute('data-count'), {
      timeout: 30_000,
    })
    .toBe(String(SESSIONS));

  const expected = repositoryTotals();
  const show = table.locator('xpath=..').getByRole('button', { name: /Show all/ });
  if (await show.count()) await show.click();
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBe(expected.size);
  for (let i = 0; i < expected.size; i++) {
    const row = rows.nth(i);
    const key = (await row.getAttribute('data-key')) ?? '';
    const total = expected.get(key);
    expect(total, key).toBeDefined();
    const cell = (column: string) => row.locator(`[data-column="${column}"]`).textContent();
    expect(numberIn(await cell('Sessions'))).toBe(total?.sessions);
    expect(Math.abs(numberIn(await cell('ACUs')) - (total?.acus ?? 0))).toBeLessThan(0.006);
    expect(numberIn(await cell('Merged PRs'))).toBe(total?.merged);
  }

  // The costliest repository's sessions figure opens exactly its sessions.
  const top = rows.first();
  const topKey = (await top.getAttribute('data-key')) ?? '';
  const [list] = await Promise.all([
    browser.context.waitForEvent('page'),
    top.locator('[data-column="Sessions"] a').click(),
  ]);
  await list.waitForLoadState('domcontentloaded');
  expect(new URL(list.url()).pathname).toBe('/sessions.html');
  expect(await listedCount(list)).toBe(expected.get(topKey)?.sessions);
  await list.close();

  // Sessions whose best PR is open: an id list, exactly as many as the table says.
  const open = page.getByTestId('table-cost-outcomes').locator('tbody tr[data-key="open"]');
  const openCount = numberIn(await open.locator('[data-column="Sessions"]').textContent());
  const expectedOpen = dataset.sessions.filter(
    (s) =>
      s.pull_requests.length > 0 &&
      !s.pull_requests.some((pr) => pr.state === 'merged') &&
      s.pull_requests.some((pr) => pr.state !== 'closed'),
  ).length;
  expect(openCount).toBe(expectedOpen);
  const [openList] = await Promise.all([
    browser.context.waitForEvent('page'),
    open.locator('[data-column="ACUs"] a').click(),
  ]);
  expect(await listedCount(openList)).toBe(expectedOpen);
  await openList.close();

  // The CSV and JSON files carry the same figures, every repository included.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('csv-cost-repositories').click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^devin-insights-cost-repositories-.*\.csv$/);
  const lines = readFileSync((await csvDownload.path()) ?? '', 'utf8')
    .trim()
    .split('\r\n');
  const header = (lines[0] ?? '').split(',').map((cell) => JSON.parse(cell) as string);
  expect(lines).toHaveLength(expected.size + 1);
  const keyColumn = header.indexOf('Repository key');
  const acusColumn = header.indexOf('ACUs');
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const key = JSON.parse(cells[keyColumn] ?? '""') as string;
    expect(Math.abs(Number(cells[acusColumn]) - (expected.get(key)?.acus ?? -1))).toBeLessThan(
      0.006,
    );
  }

  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('json-cost-repositories').click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
  const json = JSON.parse(readFileSync((await jsonDownload.path()) ?? '', 'utf8')) as Record<
    string,
    string | number
  >[];
  expect(json).toHaveLength(expected.size);
  for (const row of json) {
    const total = expected.get(String(row['Repository key']));
    expect(row.Sessions).toBe(total?.sessions);
    expect(Math.abs(Number(row.ACUs) - (total?.acus ?? -1))).toBeLessThan(0.006);
  }
  expect(errors).toEqual([]);
});
