// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { putSessions } from '../../tests/fixtures/db';
import { DAY, HOUR, makeAnalysis, makeSession } from '../../tests/fixtures/rows';
import { Harness, makeDatabase, makeEnv } from '../../tests/fixtures/session-browser';
import type { Session } from '../../utils/api/schemas';
import { emptyFilters, type SessionFilters } from '../../utils/filters/model';

const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

function sessions(): Session[] {
  return [
    makeSession({
      session_id: 'devin-login',
      title: 'Fix login redirect',
      status: 'error',
      org_id: 'org-a',
      user_id: 'u-ada',
      tags: ['auth'],
      acus_consumed: 7.5,
      created_at: iso(now - 3 * HOUR),
      updated_at: iso(now - HOUR),
      initial_user_message: 'Fix the login redirect loop on Safari.',
      pull_requests: [{ url: 'https://github.com/acme/web/pull/42', state: 'merged' }],
      session_analysis: makeAnalysis({
        issues: [
          {
            issue: 'The prompt did not name the auth service.',
            impact: 'high',
            label: 'missing_context',
          },
          { issue: 'Tests were flaky in CI.', impact: 'low', label: 'flaky_tests' },
        ],
        action_items: [
          {
            action_item: 'Name the service in the first message.',
            issue_id: '0',
            type: 'prompt_improvement',
          },
          {
            action_item: 'Quarantine the flaky suite.',
            issue_id: 'flaky_tests',
            type: 'knowledge',
          },
          { action_item: 'Add a playbook.', issue_id: '9', type: 'playbook' },
        ],
        timeline: [
          { title: 'Explored the repo', description: 'Read the auth module.' },
          { title: 'Opened a PR', description: 'PR #42 with the fix.' },
        ],
        suggested_prompt: {
          original_prompt: 'Fix the login redirect loop on Safari.',
          suggested_prompt:
            'Fix the login redirect loop on Safari in the auth service.\nAdd a regression test.',
          feedback_items: [
            {
              issue_id: '0',
              summary: 'Address: missing context',
              excerpt: 'Fix the login redirect',
              details: 'Say which service owns the redirect.',
            },
          ],
        },
      }),
    }),
    makeSession({
      session_id: 'devin-react',
      title: 'Upgrade React to 19',
      status: 'exit',
      org_id: 'org-b',
      user_id: 'u-unknown',
      acus_consumed: 2,
      created_at: iso(now - 10 * DAY),
      updated_at: iso(now - 9 * DAY),
      initial_user_message: 'Upgrade React and fix the breaking changes in the dashboard.',
    }),
    makeSession({
      session_id: 'devin-creds',
      title: null,
      status: 'running',
      org_id: 'org-a',
      user_id: 'u-ada',
      acus_consumed: 0.5,
      url: 'javascript:alert(1)',
      created_at: iso(now - 2 * HOUR),
      updated_at: iso(now - 5 * 60_000),
      initial_user_message: 'Rotate the staging database credentials\nand update the vault.',
      pull_requests: [{ url: 'javascript:alert(2)', state: 'open' }],
    }),
  ];
}

const directory = {
  organizations: [{ org_id: 'org-a', org_name: 'Platform team' }],
  members: [{ user_id: 'u-ada', name: 'Ada Lovelace', email: 'ada@example.com' }],
};

async function setup(
  options: {
    filters?: SessionFilters;
    openId?: string;
    layout?: 'popup' | 'tab';
    data?: Session[];
    configured?: boolean;
  } = {},
) {
  const db = await makeDatabase(options.data ?? sessions(), directory);
  const env = makeEnv(db, options.configured ?? true);
  const views: { filters: SessionFilters; openId: string | null }[] = [];
  render(
    <Harness
      env={env}
      layout={options.layout}
      initialFilters={options.filters}
      initialOpenId={options.openId}
      onView={(view) => views.push(view)}
    />,
  );
  return { db, env, views, lastView: () => views[views.length - 1] };
}

function listedIds(): string[] {
  return [...document.querySelectorAll<HTMLElement>('.session-list [data-session-id]')].map(
    (row) => row.dataset.sessionId ?? '',
  );
}

/** Waits for exactly these rows, read from the full list (not the first-screen preview). */
async function waitForRows(expected: string[]) {
  await waitFor(() => {
    expect(document.querySelector('.totals-main')).not.toBeNull();
    expect(listedIds()).toEqual(expected);
  });
}

afterEach(() => cleanup());

describe('session list', () => {
  it('lists cached sessions, newest update first, with names, status text and totals', async () => {
    await setup();
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    const login = document.querySelector('[data-session-id="devin-login"]') as HTMLElement;
    expect(within(login).getByText('Fix login redirect')).toBeTruthy();
    expect(within(login).getByText('Error')).toBeTruthy();
    expect(await within(login).findByText('Platform team')).toBeTruthy();
    expect(within(login).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(login).getByText('auth')).toBeTruthy();
    // The tab's list is narrower than the popup's: a PR shows as its number, the URL on hover.
    const pr = within(login).getByText('#42');
    expect(pr.closest('a')?.getAttribute('href')).toBe('https://github.com/acme/web/pull/42');
    expect(pr.closest('.pr')?.getAttribute('title')).toBe('https://github.com/acme/web/pull/42');
    expect(within(login).getByText('Merged')).toBeTruthy();
    const time = login.querySelector('time') as HTMLTimeElement;
    expect(time.getAttribute('datetime')).toBe(iso(now - 3 * HOUR));
    expect(time.getAttribute('title')).toMatch(/^Created /);
    expect(time.textContent).toBe('3h ago');

    // Unknown names fall back to ids; a session without a title shows its first line.
    const react = document.querySelector('[data-session-id="devin-react"]') as HTMLElement;
    expect(within(react).getByText('org-b')).toBeTruthy();
    expect(within(react).getByText('u-unknown')).toBeTruthy();
    const creds = document.querySelector('[data-session-id="devin-creds"]') as HTMLElement;
    expect(within(creds).getByText('Rotate the staging database credentials')).toBeTruthy();

    const totals = document.getElementById('sessions-totals') as HTMLElement;
    await waitFor(() => expect(totals.textContent).toContain('3 sessions'));
    expect(totals.textContent).toContain('10 ACUs');
    expect(totals.textContent).toContain('Error 1');
  });

  it('narrows the list as the search text changes, using the full search text', async () => {
    const { lastView } = await setup();
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    const search = screen.getByLabelText('Search sessions');
    fireEvent.input(search, { target: { value: 'dashboard' } });
    await waitForRows(['devin-react']);
    // Only in the analysis issues, and "vault" only past the first line: both need the index.
    fireEvent.input(search, { target: { value: 'auth service' } });
    await waitForRows(['devin-login']);
    expect(lastView()?.filters.text).toBe('auth service');
    fireEvent.input(search, { target: { value: 'vault' } });
    await waitForRows(['devin-creds']);
  });

  it('counts every match of a search, beyond the rows its first pass shows at once', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      makeSession({
        session_id: `devin-many-${i}`,
        title: i % 2 === 0 ? `Weekly report ${i}` : `Daily report ${i}`,
        updated_at: iso(now - i * HOUR),
        acus_consumed: 1,
      }),
    );
    await setup({ data: many });
    await waitFor(() =>
      expect(screen.getByTestId('sessions-count').textContent).toBe('120 sessions'),
    );
    const search = screen.getByLabelText('Search sessions');
    fireEvent.input(search, { target: { value: 'repo' } });
    fireEvent.input(search, { target: { value: 'weekly report' } });
    await waitFor(() => {
      expect(screen.getByTestId('sessions-count').textContent).toBe('60 sessions');
      expect(listedIds()[0]).toBe('devin-many-0');
    });
    const first = document.querySelector('.session-list [data-session-id]') as HTMLElement;
    expect(first.getAttribute('aria-setsize')).toBe('60');
    expect(document.getElementById('sessions-totals')?.textContent).toContain('60 ACUs');
  });

  it('filters by status through the status control', async () => {
    await setup();
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    fireEvent.click(screen.getByRole('button', { name: 'Status filter' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Error/ }));
    await waitForRows(['devin-login']);
    fireEvent.click(screen.getByRole('checkbox', { name: /Running/ }));
    await waitForRows(['devin-creds', 'devin-login']);
    const totals = document.getElementById('sessions-totals') as HTMLElement;
    expect(totals.textContent).toContain('2 sessions of 3');
  });

  it('filters by creation date, organization, PRs and analysis', async () => {
    await setup();
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    fireEvent.change(screen.getByLabelText('Created date'), { target: { value: '7d' } });
    await waitForRows(['devin-creds', 'devin-login']);
    fireEvent.change(screen.getByLabelText('Analysis'), { target: { value: 'has-issues' } });
    await waitForRows(['devin-login']);
    fireEvent.change(screen.getByLabelText('Analysis'), { target: { value: 'any' } });
    fireEvent.change(screen.getByLabelText('Created date'), { target: { value: 'any' } });
    fireEvent.change(screen.getByLabelText('Pull requests'), { target: { value: 'no' } });
    await waitForRows(['devin-react']);
    fireEvent.change(screen.getByLabelText('Pull requests'), { target: { value: 'any' } });
    fireEvent.click(screen.getByRole('button', { name: 'Organization filter' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /org-b/ }));
    await waitForRows(['devin-react']);
  });

  it('filters by repository and by what only v3 reports, and shows the status detail', async () => {
    const base = sessions();
    const v3 = makeSession({
      session_id: 'devin-v3',
      title: 'Waiting on a reply',
      status: 'running',
      status_detail: 'waiting_for_user',
      org_id: 'org-a',
      updated_at: iso(now - 60_000),
      is_archived: true,
      classification: {
        category: 'Bug fix',
        programming_languages: ['Go'],
        tools_and_frameworks: [],
      },
      pull_requests: [{ url: 'https://github.com/acme/api/pull/9', state: 'open' }],
    });
    await setup({ data: [...base, v3] });
    await waitForRows(['devin-v3', 'devin-creds', 'devin-login', 'devin-react']);
    expect(screen.getByText(/· Waiting for user/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Status detail filter' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Waiting for user/ }));
    await waitForRows(['devin-v3']);
    fireEvent.click(screen.getByRole('checkbox', { name: /Waiting for user/ }));
    fireEvent.change(screen.getByLabelText('Archived sessions'), { target: { value: 'no' } });
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    fireEvent.change(screen.getByLabelText('Archived sessions'), { target: { value: 'any' } });
    fireEvent.click(screen.getByRole('button', { name: 'Repository filter' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /acme\/api/ }));
    await waitForRows(['devin-v3']);
  });

  it('filters by a status in one click on its count, and clears it with another', async () => {
    await setup();
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    const errorCount = await screen.findByRole('button', { name: /^Error 1$/ });
    fireEvent.click(errorCount);
    await waitForRows(['devin-login']);
    expect(screen.getByRole('button', { name: /^Error 1$/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    fireEvent.click(screen.getByRole('button', { name: /^Error 1$/ }));
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
  });

  it('opens the popup ready to search', async () => {
    await setup({ layout: 'popup' });
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search sessions' }));
  });

  it('saves the filters in force as a named view and brings them back in one click', async () => {
    await setup({ layout: 'popup' });
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    fireEvent.click(screen.getByRole('button', { name: 'Status filter' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Error/ }));
    await waitForRows(['devin-login']);
    fireEvent.click(screen.getByRole('button', { name: 'Saved views' }));
    fireEvent.input(screen.getByLabelText('Name for the current filters'), {
      target: { value: 'Errors' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save view' }));
    // The menu's button now names the view in force.
    await screen.findByRole('button', { name: 'Saved views, showing Errors' });

    fireEvent.click(screen.getByRole('checkbox', { name: /Error/ }));
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    fireEvent.click(screen.getByRole('button', { name: 'Saved views' }));
    fireEvent.click(screen.getByRole('button', { name: 'Errors' }));
    await waitForRows(['devin-login']);
    fireEvent.click(screen.getByRole('button', { name: 'Saved views, showing Errors' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete the view Errors' }));
    await screen.findByText(/No saved views yet/);
  });

  it('shows Organization beside Status in the popup, and the sort order under More', async () => {
    await setup({ layout: 'popup' });
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    const firstRow = document.querySelector('.filter-row') as HTMLElement;
    expect(within(firstRow).getByRole('button', { name: 'Organization filter' })).toBeTruthy();
    expect(screen.queryByLabelText('Sort by')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /More/ }));
    expect(screen.getByLabelText('Sort by')).toBeTruthy();
  });

  it('sorts by ACUs', async () => {
    await setup();
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'acus-desc' } });
    await waitForRows(['devin-login', 'devin-react', 'devin-creds']);
  });

  it('applies the URL filters for ids and PR keys', async () => {
    await setup({ filters: { ...emptyFilters(), sessionIds: ['devin-react', 'devin-creds'] } });
    await waitForRows(['devin-creds', 'devin-react']);
    cleanup();
    await setup({ filters: { ...emptyFilters(), prKey: 'github.com/acme/web/pull/42' } });
    await waitForRows(['devin-login']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the pull request filter' }));
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
  });

  it('says plainly when no session is linked to a pull request, with the last sync and Sync now', async () => {
    await setup({ filters: { ...emptyFilters(), prKey: 'github.com/acme/web/pull/999' } });
    const heading = await screen.findByText('No Devin session is linked to this pull request');
    const answer = heading.parentElement as HTMLElement;
    expect(within(answer).getByRole('button', { name: 'Sync now' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all sessions' }));
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
  });

  it('says when nothing matches and clears the filters', async () => {
    const { lastView } = await setup({ filters: { ...emptyFilters(), text: 'no such thing' } });
    await screen.findByText('No sessions match');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    expect(lastView()?.filters).toEqual(emptyFilters());
  });

  it('asks for a key when none is set and the cache is empty, with one Set up and nothing else', async () => {
    const { env } = await setup({ data: [], configured: false });
    await screen.findByText('Connect to Devin');
    await screen.findByText(/Not set up yet/);
    // One action: no Sync now, no filters, no second "Set up" in the header.
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Set up']);
    expect(screen.queryByLabelText('Search sessions')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Set up' }));
    expect(env.calls.openWelcome).toBe(1);
  });

  it('shows a sync error in full, with Retry and Settings', async () => {
    const message = `The Devin API had a server error. ${'Sync will retry by itself; '.repeat(8)}if it persists, check Devin status.`;
    const { db, env } = await setup();
    await db.meta.put({
      key: 'syncStatus',
      value: {
        lastSuccessAt: Date.now() - 3 * HOUR,
        lastError: { kind: 'server', message, at: Date.now() },
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`Sync failed. ${message}RetrySettings`);
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(env.calls.syncNow).toBe(1);
    fireEvent.click(within(alert).getByRole('button', { name: 'Settings' }));
    expect(env.calls.openOptions).toBe(1);
    // Retry stands in for Sync now while the error shows.
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('offers a first sync when configured but never synced', async () => {
    const { env } = await setup({ data: [] });
    await screen.findByText('Not synced yet', { selector: 'h3' });
    const buttons = screen.getAllByRole('button', { name: 'Sync now' });
    fireEvent.click(buttons[buttons.length - 1] as HTMLElement);
    expect(env.calls.syncNow).toBe(1);
  });

  it('shows first-sync progress from the sync state while the lease is held', async () => {
    const { db } = await setup({ data: [] });
    await db.meta.put({
      key: 'syncLease',
      value: { holder: 'w', expiresAt: Date.now() + 60_000 },
    });
    await db.syncState.put({
      org_id: 'org-a',
      pass: {
        kind: 'backfill',
        startedAt: Date.now(),
        nextSkip: 200,
        updatedFrom: null,
        createdFrom: null,
        pagesDone: 1,
        sessionsDone: 200,
        total: 1000,
      },
      watermark: null,
      lastSuccessAt: null,
      lastError: null,
      skipped: [],
      skippedCount: 0,
    });
    await screen.findByText('First sync in progress');
    expect(screen.getByText(/200 of 1,000 sessions downloaded/)).toBeTruthy();
    expect(screen.getByText(/Syncing… 200 of 1,000/)).toBeTruthy();
  });

  it('shows the last sync error in plain words', async () => {
    const { db } = await setup();
    await db.meta.put({
      key: 'syncStatus',
      value: {
        lastSuccessAt: Date.now() - 3 * HOUR,
        lastError: { kind: 'unauthorized', message: 'The API key was refused.', at: Date.now() },
      },
    });
    await screen.findByText('The API key was refused.');
    expect(screen.getByText('Synced')).toBeTruthy();
  });
});

describe('session detail', () => {
  it('shows every field and the analysis laid out for reading', async () => {
    const { env } = await setup({ openId: 'devin-login' });
    const detail = await screen.findByRole('region', { name: 'Fix login redirect' });
    await within(detail).findByText('Issues');
    const region = within(detail);
    // Fields
    expect(region.getByText('devin-login', { selector: '.mono' })).toBeTruthy();
    expect(await region.findByText('ada@example.com', { exact: false })).toBeTruthy();
    expect(region.getByText('https://github.com/acme/web/pull/42').closest('a')).toBeTruthy();
    expect(region.getByRole('link', { name: 'Open in Devin' }).getAttribute('href')).toBe(
      'https://app.devin.ai/sessions/devin-login',
    );
    // Issues with impact and label
    expect(
      region.getByText('The prompt did not name the auth service.', { selector: '.issue-text' }),
    ).toBeTruthy();
    expect(region.getByText('High impact')).toBeTruthy();
    expect(region.getAllByText('Missing context').length).toBeGreaterThan(0);
    // Action items with their linked issue, by index and by label; a dangling one says so.
    const items = detail.querySelectorAll('.action-item');
    expect(items).toHaveLength(3);
    expect(items[0]?.textContent).toContain('Issue #1: The prompt did not name the auth service.');
    expect(items[1]?.textContent).toContain('Issue #2: Tests were flaky in CI.');
    expect(items[2]?.textContent).toContain('Refers to issue “9”');
    // Timeline
    expect(region.getByText('Explored the repo')).toBeTruthy();
    // Suggested prompt beside the original, with the additions marked
    const inserted = [...detail.querySelectorAll('.prompt-column.suggested ins')].map(
      (node) => node.textContent,
    );
    expect(inserted.join('')).toContain('in the auth service');
    expect(inserted.join('')).toContain('Add a regression test');
    expect(detail.querySelector('.prompt-column.suggested .prompt-text')?.textContent).toBe(
      'Fix the login redirect loop on Safari in the auth service.\nAdd a regression test.',
    );
    expect(detail.querySelectorAll('.prompt-column:not(.suggested) ins')).toHaveLength(0);
    // Feedback
    expect(region.getByText('Say which service owns the redirect.')).toBeTruthy();
    // Copy buttons
    fireEvent.click(region.getByRole('button', { name: 'Copy the suggested prompt' }));
    await waitFor(() =>
      expect(env.calls.copied).toEqual([
        'Fix the login redirect loop on Safari in the auth service.\nAdd a regression test.',
      ]),
    );
  });

  it('puts what triage needs first and the raw identifiers in a collapsed Details block', async () => {
    await setup({ openId: 'devin-login' });
    const detail = await screen.findByRole('region', { name: 'Fix login redirect' });
    await within(detail).findByText('Issues');
    const labels = [...detail.querySelectorAll('.facts dt')].map((node) => node.textContent);
    // Status, cost, duration and the PR come first; an errored session says why it ended.
    expect(labels.slice(0, 5)).toEqual([
      'Status',
      'ACUs',
      'Duration',
      'Pull request',
      'Why it ended',
    ]);
    const facts = detail.querySelector('.facts') as HTMLElement;
    expect(facts.textContent).toContain('2h');
    expect(facts.textContent).toContain('acme/web #42');
    expect(facts.textContent).toContain(
      'High impact issue: The prompt did not name the auth service.',
    );
    // Issues and action items come before the timeline and the prompt; the first message after.
    const sections = [...detail.querySelectorAll('.detail-section h3')].map(
      (node) => node.firstChild?.textContent,
    );
    expect(sections).toEqual([
      'Issues',
      'Action items',
      'Timeline',
      'Suggested prompt',
      'Feedback on the prompt',
      'First message',
    ]);
    // Ids and full URLs only inside the collapsed Details; no "Devin URL" beside "Open in Devin".
    const more = detail.querySelector('details.detail-more') as HTMLDetailsElement;
    expect(more.open).toBe(false);
    expect(more.textContent).toContain('devin-login');
    expect(more.textContent).toContain('https://github.com/acme/web/pull/42');
    expect(facts.textContent).not.toContain('devin-login');
    expect(labels).not.toContain('Devin URL');
  });

  it('shows the first entries of a long analysis until asked for all of them', async () => {
    const issues = Array.from({ length: 30 }, (_, i) => ({
      issue: `Issue number ${i + 1}`,
      impact: 'low',
      label: 'other',
    }));
    await setup({
      data: [
        makeSession({
          session_id: 'devin-long',
          title: 'A long analysis',
          session_analysis: makeAnalysis({ issues }),
        }),
      ],
      openId: 'devin-long',
    });
    const detail = await screen.findByRole('region', { name: 'A long analysis' });
    await within(detail).findByText('Issue number 1');
    expect(detail.querySelectorAll('.issue')).toHaveLength(8);
    fireEvent.click(within(detail).getByRole('button', { name: 'Show all 30 issues' }));
    await waitFor(() => expect(detail.querySelectorAll('.issue')).toHaveLength(30));
    expect(within(detail).getByText('Issue number 30')).toBeTruthy();
  });

  it('opens a huge session with the beginnings of its texts, and reads the whole on demand', async () => {
    const message = `${'m'.repeat(99_996)}TAIL`;
    const issue = `${'i'.repeat(9_995)}ISSUE`;
    const { env, db } = await setup({
      data: [
        makeSession({
          session_id: 'devin-huge',
          title: 'A huge session',
          initial_user_message: message,
          session_analysis: makeAnalysis({
            issues: [{ issue, impact: 'high', label: 'other' }],
          }),
        }),
      ],
      openId: 'devin-huge',
    });
    const detail = await screen.findByRole('region', { name: 'A huge session' });
    const [part] = await db.pageSessions.toArray();
    expect(part?.sessions[0]?.initial_user_message).toHaveLength(4_000);
    // The stored copy keeps the beginnings; the buttons still say how long the whole is.
    const showMessage = await within(detail).findByRole('button', {
      name: 'Show all (100,000 characters)',
    });
    const pre = () => detail.querySelector('pre.message')?.textContent ?? '';
    expect(pre().length).toBeLessThanOrEqual(4_001);
    expect(
      within(detail).getByRole('button', { name: 'Show all (10,000 characters)' }),
    ).toBeTruthy();

    // Copying the message copies all of it.
    fireEvent.click(within(detail).getByRole('button', { name: 'Copy the first message' }));
    await waitFor(() => expect(env.calls.copied).toEqual([message]));

    fireEvent.click(showMessage);
    await waitFor(() => expect(pre()).toBe(message));
    fireEvent.click(within(detail).getByRole('button', { name: 'Show all (10,000 characters)' }));
    await waitFor(() =>
      expect(detail.querySelector('.issue-text')?.textContent?.endsWith('ISSUE')).toBe(true),
    );
  });

  it('says what to do when the whole text of a session cannot be read', async () => {
    const { db } = await setup({
      data: [
        makeSession({
          session_id: 'devin-huge',
          title: 'A huge session',
          initial_user_message: 'm'.repeat(100_000),
        }),
      ],
      openId: 'devin-huge',
    });
    const detail = await screen.findByRole('region', { name: 'A huge session' });
    const show = await within(detail).findByRole('button', {
      name: 'Show all (100,000 characters)',
    });
    await db.longTexts.clear();
    fireEvent.click(show);
    await within(detail).findByText(/The whole text could not be read from the cache/);
    // What was shown stays: the beginning of the message.
    expect(detail.querySelector('pre.message')?.textContent).toHaveLength(4_001);
  });

  it('says when a session has no analysis', async () => {
    await setup({ openId: 'devin-react' });
    await screen.findByText(/No analysis for this session yet/);
  });

  it('never turns an unsafe URL into a link', async () => {
    await setup({ openId: 'devin-creds' });
    const detail = await screen.findByRole('region', {
      name: 'Rotate the staging database credentials',
    });
    await within(detail).findByText('javascript:alert(2)');
    // Every link but the page's own skip link (to #sessions-list) comes from the data.
    for (const link of document.querySelectorAll('a:not(.skip-link)')) {
      expect(link.getAttribute('href') ?? '').toMatch(/^https?:/);
    }
    expect(within(detail).getByText('javascript:alert(2)').closest('a')).toBeNull();
    // The Devin URL is the "Open in Devin" action, which stays plain text.
    expect(within(detail).getByText('Open in Devin').closest('a')).toBeNull();
  });

  it('renders API text as text, never as markup', async () => {
    const hostile = makeSession({
      session_id: 'devin-xss',
      title: '<img src=x onerror=alert(1)>',
      initial_user_message: '<script>alert(1)</script>',
    });
    await setup({ data: [hostile], openId: 'devin-xss' });
    await screen.findByText('<script>alert(1)</script>');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.detail script')).toBeNull();
  });

  it('follows a newer copy of the open session as the sync stores it', async () => {
    const first = makeSession({
      session_id: 'devin-live',
      title: 'Investigate the flaky login test',
      initial_user_message: 'The login test fails one run in ten.',
      updated_at: '2026-03-01T10:00:00Z',
    });
    const { db } = await setup({ data: [first], openId: 'devin-live' });
    await screen.findByText('The login test fails one run in ten.');
    await putSessions(db, [
      {
        ...first,
        initial_user_message: 'The login test fails one run in ten; it waits on a fixed sleep.',
        updated_at: '2026-03-01T11:00:00Z',
      },
    ]);
    await screen.findByText('The login test fails one run in ten; it waits on a fixed sleep.');
  });

  it('opens from the list, goes back with Esc and keeps the list', async () => {
    const { lastView } = await setup({ layout: 'popup' });
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    fireEvent.click(screen.getByRole('button', { name: 'Upgrade React to 19' }));
    await screen.findByRole('region', { name: 'Upgrade React to 19' });
    expect(lastView()?.openId).toBe('devin-react');
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    expect(lastView()?.openId).toBeNull();
    expect(listedIds()).toEqual(['devin-creds', 'devin-login', 'devin-react']);
  });
});

describe('keyboard', () => {
  it('focuses the search with /, moves with the arrows and opens with Enter', async () => {
    const { lastView } = await setup();
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    fireEvent.keyDown(document.body, { key: '/' });
    const search = screen.getByLabelText('Search sessions');
    await waitFor(() => expect(document.activeElement).toBe(search));
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    await waitFor(() =>
      expect(document.querySelector('.row.active')?.getAttribute('data-session-id')).toBe(
        'devin-login',
      ),
    );
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    await waitFor(() =>
      expect(document.querySelector('.row.active')?.getAttribute('data-session-id')).toBe(
        'devin-creds',
      ),
    );
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(lastView()?.openId).toBe('devin-login'));
    await screen.findByRole('region', { name: 'Fix login redirect' });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(lastView()?.openId).toBeNull());
  });

  it('opens the first match with Enter in the search box when no row is selected', async () => {
    const { lastView } = await setup();
    await waitForRows(['devin-creds', 'devin-login', 'devin-react']);
    const search = screen.getByLabelText('Search sessions');
    fireEvent.input(search, { target: { value: 'react' } });
    await waitForRows(['devin-react']);
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(lastView()?.openId).toBe('devin-react'));
  });
});
