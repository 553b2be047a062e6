/**
 * The session browser in Firefox ESR after a full sync from the local API: the popup lists
 * the whole cache, searches from the keyboard, opens a session's detail with its analysis,
 * filters by status, and "Open in tab" shows the same view in sessions.html, whose URL
 * contract (`?session=`) other features rely on. Counts are checked against the server's data
 * run through the extension's own filter code.
 */
import * as v from 'valibot';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../../mock-api/server';
import { type Session, SessionSchema, toSession } from '../../../utils/api/schemas';
import { toSearchText, toSessionRow } from '../../../utils/db/rows';
import type { SessionRow } from '../../../utils/db/types';
import { matchesFilters } from '../../../utils/filters/match';
import { emptyFilters, type SessionFilters } from '../../../utils/filters/model';
import { sortRows } from '../../../utils/filters/sort';
import { configure, countSessions, readTable, waitUntil } from '../extension';
import { button, byLabel, element, waitForText } from './dom';
import {
  EXTENSION_ORIGIN,
  evaluator,
  type FirefoxExtension,
  launchFirefoxWithExtension,
  locationOf,
  waitForTab,
} from './firefox';

const SESSIONS = 2000;
const POPUP = { width: 780, height: 580 };

let api: MockApi;
let firefox: FirefoxExtension;
let server: { session: Session; row: SessionRow; text: string }[];

beforeAll(async () => {
  api = await startMockApi({ sessions: SESSIONS, orgs: 2, seed: 'firefox-sessions' });
  firefox = await launchFirefoxWithExtension();
  server = api.store.all().map(({ session: raw }) => {
    const session = toSession(v.parse(SessionSchema, raw));
    return { session, row: toSessionRow(session), text: toSearchText(session).text };
  });
});

afterAll(async () => {
  await firefox?.close();
  await api?.close();
});

function expectedCount(filters: SessionFilters): number {
  const now = Date.now();
  return server.filter((s) => matchesFilters(s.row, filters, now, s.text)).length;
}

/** Waits for the totals line to say `count` sessions. */
async function expectShown(page: import('puppeteer-core').Page, count: number): Promise<void> {
  const words = `${count.toLocaleString('en-US')} session${count === 1 ? '' : 's'}`;
  let shown = '';
  await waitUntil(`the list to count ${words}`, async () => {
    shown = await page
      .evaluate(() => document.querySelector('.totals-main strong')?.textContent ?? '')
      .catch(() => '');
    return shown.startsWith(words);
  }).catch((error: Error) => {
    throw new Error(`${error.message}; it shows "${shown}"`);
  });
}

/** A session with an analysis that has issues, action items and a suggested prompt. */
function analyzedSession(): Session {
  const found = server.find(({ session }) => {
    const analysis = session.session_analysis;
    return (
      analysis !== null &&
      analysis.issues.length >= 2 &&
      analysis.action_items.length > 0 &&
      analysis.suggested_prompt !== null &&
      session.title !== null
    );
  });
  if (!found) throw new Error('The mock data has no analyzed session');
  return found.session;
}

it('lists, searches, opens and filters the synced sessions in the popup and the full tab', async () => {
  const popup = await firefox.open('popup.html', POPUP);
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(String(error)));
  await configure(evaluator(popup), {
    apiKey: api.apiKey,
    apiBaseUrl: api.baseUrl,
    orgIds: api.orgIds,
  });

  // The event page syncs when the settings change.
  await waitUntil(
    `${SESSIONS} sessions cached`,
    async () => (await countSessions(evaluator(popup))) >= SESSIONS,
    90_000,
  );
  await waitUntil('the sync to finish', async () => {
    const states = await readTable<{ pass: unknown }>(evaluator(popup), 'syncState');
    return states.length === 2 && states.every((s) => s.pass === null);
  });

  // The whole cache, newest update first.
  await expectShown(popup, SESSIONS);
  const newest = sortRows(
    server.map((s) => s.row),
    emptyFilters().sort,
  )[0];
  const firstRow = await element(popup, '.session-list li');
  expect(await firstRow.evaluate((li) => li.getAttribute('data-session-id'))).toBe(
    newest?.session_id,
  );

  // "/" focuses the search box; ArrowDown then Enter opens the only match.
  const target = analyzedSession();
  await (await element(popup, 'h1, header')).click();
  await popup.keyboard.press('/');
  await waitUntil('the search box to have focus', () =>
    popup.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Search sessions'),
  );
  await popup.keyboard.type(target.session_id);
  await expectShown(popup, 1);
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('Enter');

  // The detail, with its analysis rendered as text.
  const title = await element(popup, '.detail-title');
  await waitUntil('the detail of the session', async () => {
    return (await title.evaluate((node) => node.textContent)) === target.title;
  });
  const analysis = target.session_analysis;
  if (!analysis?.suggested_prompt) throw new Error('unreachable');
  // The title shows from the list row at once; the analysis follows once the record is read.
  await waitUntil('the analysis of the session', () =>
    popup.evaluate(() => document.querySelectorAll('.detail .issue-text').length > 0),
  );
  expect(
    await popup.evaluate(() =>
      [...document.querySelectorAll('.detail .issue-text')].map((node) => node.textContent),
    ),
  ).toEqual(analysis.issues.map((issue) => issue.issue));
  expect(
    await popup.evaluate(
      () => document.querySelector('.prompt-column.suggested .prompt-text')?.textContent,
    ),
  ).toBe(analysis.suggested_prompt.suggested_prompt);

  // Esc goes back to the list, to the session's row.
  await popup.keyboard.press('Escape');
  await waitUntil('the list again', () =>
    popup.evaluate(
      (id) =>
        document.querySelector('.detail') === null &&
        document.activeElement?.closest('li')?.dataset.sessionId === id,
      target.session_id,
    ),
  );

  // A status filter from its menu.
  const search = await byLabel(popup, 'Search sessions');
  await search.click({ count: 3 });
  await popup.keyboard.press('Backspace');
  await (await button(popup, 'Status filter')).click();
  await (await byLabel(popup, 'Error', { prefix: true })).click();
  await popup.keyboard.press('Escape');
  const errorsOnly: SessionFilters = { ...emptyFilters(), statuses: ['error'] };
  const count = expectedCount(errorsOnly);
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(SESSIONS);
  await expectShown(popup, count);

  // "Open in tab": the same view in sessions.html, its URL holding the filter.
  await (await button(popup, /^Open in tab/)).click();
  const tab = await waitForTab(firefox.browser, `${EXTENSION_ORIGIN}/sessions.html`);
  expect(new URL(await locationOf(tab)).searchParams.get('status')).toBe('error');
  await expectShown(tab, count);

  // The URL contract: `?session=` opens that session's detail beside the list.
  tab.goto(`${EXTENSION_ORIGIN}/sessions.html?session=${target.session_id}`).catch(() => undefined);
  await waitForText(tab, target.title ?? '');
  await waitUntil('the detail in the tab', () =>
    tab.evaluate(
      (id) =>
        document.querySelector('.detail-title')?.textContent !== undefined &&
        document.querySelector('.row.open')?.getAttribute('data-session-id') === id,
      target.session_id,
    ),
  );
  expect(errors).toEqual([]);
});
