/// <reference types="chrome" />
/**
 * The list and Insights in Chromium over 3,000 sessions synced from the local API. Filters mean
 * the same everywhere:
 * - each date range of Insights counts exactly the sessions the list shows for that range;
 * - a filter menu counts within the other active filters (Status = Error: the User menu's
 *   counts add up to the errors listed);
 * - "Export these N sessions" saves exactly the N sessions the filtered list shows, with
 *   readable columns.
 * And both pages stay whole at 1024 px: header controls aligned, PR chips in list rows, no
 * Insights figure alone on its row.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import * as v from 'valibot';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { SessionSchema, toSession } from '../../utils/api/schemas';
import { toSessionRow } from '../../utils/db/rows';
import type { SessionRow } from '../../utils/db/types';
import { matchesFilters } from '../../utils/filters/match';
import { emptyFilters, type SessionFilters } from '../../utils/filters/model';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import {
  configure,
  countRows,
  countSessions,
  extensionPage,
  readTable,
  waitUntil,
} from './extension';

const SESSIONS = 3000;
const DAY = 24 * 60 * 60 * 1000;

let api: MockApi;
let browser: ExtensionBrowser;
let server: SessionRow[];

beforeAll(async () => {
  api = await startMockApi({ sessions: SESSIONS, orgs: 3, seed: 7 });
  server = api.store
    .all()
    .map(({ session }) => toSessionRow(toSession(v.parse(SessionSchema, session))));
  browser = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
  const setup = await extensionPage(browser, 'manifest.json');
  await configure(setup, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil(
    `${SESSIONS} sessions cached`,
    async () => (await countSessions(setup)) >= SESSIONS,
    90_000,
  );
  await waitUntil('the sync to finish', async () => {
    const states = await readTable<{ pass: unknown }>(setup, 'syncState');
    return states.length === 3 && states.every((s) => s.pass === null);
  });
  await waitUntil('the directory', async () => (await countRows(setup, 'members')) > 0, 30_000);
  await setup.close();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** The number the list's totals line says it shows, once the filters are applied. */
async function listedCount(list: Page): Promise<number> {
  const total = list.getByTestId('sessions-count');
  await total.waitFor({ timeout: 30_000 });
  return Number(await total.getAttribute('data-count'));
}

/** Server sessions created within a minute of `cutoff` either way: a page's "now" may differ. */
function createdNear(from: number, to: number): number {
  return server.filter((row) => row.created_at >= from - 61_000 && row.created_at <= to + 1_000)
    .length;
}

it('counts each date range of Insights exactly as the session list does', async () => {
  const insights = await extensionPage(browser, 'insights.html');
  const list = await extensionPage(browser, 'sessions.html');
  await expect
    .poll(async () => insights.getByTestId('kpi-sessions').textContent(), { timeout: 30_000 })
    .toBe('3,000');
  const status = insights.getByTestId('insights-status');
  const options = await insights
    .getByTestId('filter-created')
    .locator('option')
    .evaluateAll((all) =>
      all.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })),
    );
  const presets = options.filter((o) => o.value !== 'all' && o.value !== 'custom');
  expect(presets.map((o) => o.label)).toEqual(['Last 24 hours', 'Last 7 days', 'Last 30 days']);

  const durations: Record<string, number> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY };
  let previous = 0;
  for (const preset of presets) {
    const started = Date.now();
    await insights.getByTestId('filter-created').selectOption(preset.value);
    await list.getByLabel('Created date').selectOption(preset.value);
    // Insights says how many sessions its figures cover, once its worker has caught up.
    await expect
      .poll(async () => new URL(insights.url()).searchParams.get('created'))
      .toBe(preset.value);
    await expect
      .poll(async () => status.textContent(), { timeout: 30_000 })
      .not.toContain('Updating');
    const shownInInsights = Number(await status.getAttribute('data-count'));
    const kpi = Number(
      (await insights.getByTestId('kpi-sessions').textContent())?.replace(/\D/g, ''),
    );
    expect(kpi).toBe(shownInInsights);
    await expect.poll(async () => list.url()).toContain(`created=${preset.value}`);
    const listed = await listedCount(list);
    const duration = durations[preset.value] ?? 0;
    // The list counts from the minute (its "now" moves once a minute), Insights from the
    // second: they may differ only by sessions created right at the window's edge.
    const edge = createdNear(started - duration, Date.now() - duration);
    expect(
      Math.abs(listed - shownInInsights),
      `${preset.label}: list ${listed}, Insights ${shownInInsights}`,
    ).toBeLessThanOrEqual(edge);
    // Each range narrows: none is "all time", and a longer one holds more.
    expect(shownInInsights).toBeGreaterThan(previous);
    expect(shownInInsights).toBeLessThan(SESSIONS);
    previous = shownInInsights;
  }
  await insights.close();
  await list.close();
});

/** The counts a filter menu shows beside its values. */
async function menuCounts(page: Page, menu: string): Promise<Map<string, number>> {
  await page.getByRole('button', { name: new RegExp(`^${menu} filter`) }).click();
  const options = page.locator('.ms-panel .ms-option');
  await options.first().waitFor();
  const counts = new Map<string, number>();
  for (const option of await options.all()) {
    const label = (await option.locator('.ms-label').textContent()) ?? '';
    // Counts are written the locale's way ("1,234" in English): read the digits.
    const count = (await option.locator('.ms-count').textContent()) ?? '';
    counts.set(label, Number(count.replace(/\D/g, '')));
  }
  await page.keyboard.press('Escape');
  return counts;
}

const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

it("counts each menu's values within the other active filters", async () => {
  const list = await extensionPage(browser, 'sessions.html');
  expect(await listedCount(list)).toBe(SESSIONS);
  const everyUser = await menuCounts(list, 'User');
  const withUser = server.filter((row) => row.user_id !== null).length;
  expect(sum(everyUser)).toBe(withUser);

  await list.getByRole('button', { name: 'Status filter' }).click();
  await list.getByRole('checkbox', { name: /^Error/ }).check();
  await list.keyboard.press('Escape');
  const errors = server.filter((row) => row.status === 'error');
  await expect.poll(() => listedCount(list)).toBe(errors.length);
  expect(errors.length).toBeLessThan(SESSIONS / 2);

  // The menus count when the page is idle (within 250 ms of a new result), so a menu opened
  // at once may still show the previous counts for that long: read until they settle.
  // Every error with a user is counted under that user, and no other session is.
  const errorUsers = errors.filter((row) => row.user_id !== null).length;
  await expect.poll(async () => sum(await menuCounts(list, 'User'))).toBe(errorUsers);
  expect(errorUsers).toBeLessThan(sum(everyUser));
  // The Status menu still counts every status (its own choice is not applied to it).
  const statuses = await menuCounts(list, 'Status');
  expect(statuses.get('Error')).toBe(errors.length);
  expect(sum(statuses)).toBe(SESSIONS);
  // Counts follow a second filter too: the organizations count errors by organization.
  const orgs = await menuCounts(list, 'Organization');
  expect(sum(orgs)).toBe(errors.length);
  await list.close();
});

async function downloaded(page: Page, name: RegExp): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return { file, text: readFileSync((await file.path()) ?? '', 'utf8') };
}

/** Splits one CSV line (quoted fields, doubled quotes inside). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  const pattern = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (const match of line.matchAll(pattern)) {
    const field = match[1] ?? '';
    fields.push(field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field);
    if (match[2] === '') break;
  }
  return fields;
}

it('exports exactly the sessions the filtered list shows, with readable columns', async () => {
  const list = await extensionPage(browser, 'sessions.html');
  await list.getByRole('button', { name: 'Status filter' }).click();
  await list.getByRole('checkbox', { name: /^Error/ }).check();
  await list.getByRole('checkbox', { name: /^Finished/ }).check();
  await list.keyboard.press('Escape');
  await list.getByLabel('Created date').selectOption('30d');
  const filters: SessionFilters = {
    ...emptyFilters(),
    statuses: ['error', 'exit'],
    created: { preset: '30d', from: null, to: null },
  };
  const expected = new Set(
    server.filter((row) => matchesFilters(row, filters, Date.now())).map((r) => r.session_id),
  );
  await expect.poll(() => listedCount(list)).toBe(expected.size);
  const n = expected.size;
  expect(n).toBeGreaterThan(0);

  const csv = await downloaded(
    list,
    new RegExp(`^Export these ${n.toLocaleString('en-US')} sessions as CSV`),
  );
  expect(csv.file.suggestedFilename()).toMatch(/\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines.at(-1)).toBe('');
  const header = csvFields(lines[0] ?? '');
  expect(header).toEqual([
    'session_id',
    'title',
    'status',
    'organization',
    'org_id',
    'user',
    'user_id',
    'created_at',
    'updated_at',
    'acus',
    'repositories',
    'pull_requests',
    'pr_states',
    'issues',
    'url',
  ]);
  const records = lines.slice(1, -1).map(csvFields);
  expect(records.length).toBe(n);
  expect(new Set(records.map((r) => r[0]))).toEqual(expected);
  // Readable: status words, organization and user names from the directory, ISO times.
  expect(new Set(records.map((r) => r[2]))).toEqual(new Set(['Error', 'Finished']));
  for (const record of records) {
    expect(record[3]).toBe(api.store.getOrg(record[4] ?? '')?.org_name);
    expect(Date.parse(record[7] ?? '')).toBeGreaterThan(Date.now() - 31 * DAY);
  }
  expect(records.filter((r) => r[6] !== '').every((r) => r[5] !== '')).toBe(true);

  const json = await downloaded(
    list,
    new RegExp(`^Export these ${n.toLocaleString('en-US')} sessions as JSON`),
  );
  expect(json.file.suggestedFilename()).toMatch(/\.json$/);
  const parsed = JSON.parse(json.text) as { session_id: string; status: string }[];
  expect(new Set(parsed.map((r) => r.session_id))).toEqual(expected);
  expect(parsed.length).toBe(n);
  await list.close();
});

it('keeps the header aligned, PR chips in rows and the figures in even rows at 1024 px', async () => {
  const list = await extensionPage(browser, 'sessions.html');
  await list.setViewportSize({ width: 1024, height: 768 });
  await listedCount(list);
  // "Insights" (a link) reads level with "Sync now" (a button): same box, text on one line.
  const textBox = (name: string, role: 'button' | 'link') =>
    list.getByRole(role, { name }).evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const text = range.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return { textMiddle: text.top + text.height / 2, top: box.top, height: box.height };
    });
  const syncNow = await textBox('Sync now', 'button');
  const insightsLink = await textBox('Insights', 'link');
  expect(Math.abs(insightsLink.textMiddle - syncNow.textMiddle)).toBeLessThanOrEqual(1);
  expect(Math.abs(insightsLink.top - syncNow.top)).toBeLessThanOrEqual(1);
  expect(Math.abs(insightsLink.height - syncNow.height)).toBeLessThanOrEqual(1);
  // Every row with a PR shows it, readable (not cut to a sliver).
  const rows = list.locator('.session-list li');
  await rows.first().waitFor();
  // After the resize the header wraps and fewer rows fit: read them once their number holds.
  await expect
    .poll(async () => {
      const before = await rows.count();
      await list.waitForTimeout(250);
      return before === (await rows.count());
    })
    .toBe(true);
  let withPr = 0;
  for (const row of await rows.all()) {
    const id = (await row.getAttribute('data-session-id')) ?? '';
    const prs = server.find((s) => s.session_id === id)?.pull_requests.length ?? 0;
    if (prs === 0) continue;
    withPr++;
    // The first PR's number and state, shown whole (not hidden, not cut by an ellipsis).
    const chip = row.locator('.pr').first();
    const shown = await chip.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const extras = element.parentElement?.getBoundingClientRect();
      return (
        getComputedStyle(element).display !== 'none' &&
        box.width > 0 &&
        element.scrollWidth <= element.clientWidth + 1 &&
        extras !== undefined &&
        box.right <= extras.right + 1
      );
    });
    expect(shown, `the PR chip of ${id}`).toBe(true);
  }
  expect(withPr).toBeGreaterThan(3);
  await list.close();

  const insights = await extensionPage(browser, 'insights.html');
  await insights.setViewportSize({ width: 1024, height: 768 });
  await insights.getByTestId('kpi-sessions').waitFor({ timeout: 30_000 });
  const tops = await insights
    .locator('.kpis > *')
    .evaluateAll((tiles) => tiles.map((tile) => Math.round(tile.getBoundingClientRect().top)));
  const perRow = [
    ...tops
      .reduce((rows, top) => rows.set(top, (rows.get(top) ?? 0) + 1), new Map<number, number>())
      .values(),
  ];
  expect(perRow.length).toBeGreaterThan(0);
  expect(Math.min(...perRow), `figures per row: ${perRow.join(', ')}`).toBeGreaterThan(1);
  await insights.close();
});
