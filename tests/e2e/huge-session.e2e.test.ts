/**
 * A session as large as the API may send (a 1 MB first message and original prompt, 40
 * analysis issues of 64 KB) opens in the full tab, from a `?session=` link, showing only the
 * beginning of each text and the first entries of each list, each with a "Show all" that gives
 * the whole of it. (The main-thread cost of opening it is the benchmark's open_huge_session.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, countSessions, extensionPage, waitUntil } from './extension';

const MB = 1_048_576;
const ANALYSIS_TEXT = 65_536;
const WAIT = 20_000;

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: 40, orgs: 1, seed: 'huge-session-e2e' });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** Prose of `length` characters that ends in a marker, so "the whole text" can be checked. */
function prose(length: number, end: string): string {
  const sentence = 'Refactor the payment retry loop so a failed charge is tried again later. ';
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length - end.length) + end;
}

it('opens a 1 MB session showing the beginnings, and everything on "Show all"', async () => {
  const [target] = api.store.all();
  if (!target) throw new Error('The mock API has no sessions');
  const id = target.session.session_id;
  const issueText = prose(ANALYSIS_TEXT, 'END-OF-ISSUE');
  api.store.patchSession(id, {
    title: 'A huge session',
    status: 'exit',
    initial_user_message: prose(MB, 'END-OF-MESSAGE'),
    session_analysis: {
      issues: Array.from({ length: 40 }, (_, i) => ({
        issue: issueText,
        impact: 'high',
        label: `label_${i}`,
      })),
      action_items: [],
      timeline: [],
      suggested_prompt: {
        original_prompt: prose(MB, 'END-OF-PROMPT'),
        suggested_prompt: 'Refactor the retry loop.',
        feedback_items: [],
      },
    },
  });

  const setup = await extensionPage(browser);
  await configure(setup, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil('the first sync', async () => (await countSessions(setup)) === 40, 60_000);

  const tab = await extensionPage(browser, `sessions.html?session=${encodeURIComponent(id)}`);
  const detail = tab.locator('.detail');
  await detail.locator('.detail-title', { hasText: 'A huge session' }).waitFor({ timeout: WAIT });
  await detail.locator('.issue').first().waitFor({ timeout: WAIT });

  // The first message: its beginning, and a button that says how long the whole is.
  const message = detail.locator('#section-first-message').locator('..');
  const showMessage = message.getByRole('button', { name: 'Show all (1,048,576 characters)' });
  await showMessage.waitFor({ timeout: WAIT });
  const preview = (await message.locator('pre').first().textContent()) ?? '';
  expect(preview.length).toBeLessThanOrEqual(4_001);
  expect(preview).not.toContain('END-OF-MESSAGE');

  // Eight issues of 40, each its beginning; the page holds a bounded amount of text.
  expect(await detail.locator('.issue').count()).toBe(8);
  const firstIssue = (await detail.locator('.issue-text').first().textContent()) ?? '';
  expect(firstIssue.length).toBeLessThanOrEqual(601);
  const rendered = await tab.evaluate(() => document.body.textContent?.length ?? 0);
  expect(rendered).toBeLessThan(60_000);

  // "Show all" gives the whole of each: the message, the issue list, one issue's text.
  await showMessage.click();
  await expect
    .poll(() => message.locator('pre').first().textContent(), { timeout: WAIT })
    .toMatch(/END-OF-MESSAGE$/);
  await detail.getByRole('button', { name: 'Show all 40 issues' }).click();
  await expect.poll(() => detail.locator('.issue').count()).toBe(40);
  await detail
    .locator('.issue')
    .first()
    .getByRole('button', { name: 'Show all (65,536 characters)' })
    .click();
  await expect
    .poll(() => detail.locator('.issue-text').first().textContent())
    .toMatch(/END-OF-ISSUE$/);
  await tab.close();
});
