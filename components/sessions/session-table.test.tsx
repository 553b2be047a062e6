// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HOUR, makeSession } from '../../tests/fixtures/rows';
import { Harness, makeDatabase, makeEnv } from '../../tests/fixtures/session-browser';
import type { SessionFilters } from '../../utils/filters/model';
import { sessionsLayoutItem, tableColumnsItem } from '../../utils/settings/items';

const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

const data = [
  makeSession({
    session_id: 'login',
    title: 'Fix login redirect',
    status: 'error',
    org_id: 'org-a',
    user_id: 'u-ada',
    acus_consumed: 7.5,
    updated_at: iso(now - HOUR),
    pull_requests: [{ url: 'https://github.com/acme/web/pull/42', state: 'merged' }],
  }),
  makeSession({
    session_id: 'react',
    title: 'Upgrade React',
    status: 'exit',
    org_id: 'org-b',
    user_id: null,
    acus_consumed: 12,
    updated_at: iso(now - 2 * HOUR),
  }),
  makeSession({
    session_id: 'docs',
    title: 'Write docs',
    status: 'running',
    org_id: 'org-a',
    user_id: 'u-ada',
    acus_consumed: 0.5,
    updated_at: iso(now - 5 * 60_000),
  }),
];

async function setup() {
  const db = await makeDatabase(data, {
    organizations: [{ org_id: 'org-a', org_name: 'Platform team' }],
    members: [{ user_id: 'u-ada', name: 'Ada Lovelace', email: null }],
  });
  const views: { filters: SessionFilters; openId: string | null }[] = [];
  render(<Harness env={makeEnv(db)} layout="tab" onView={(view) => views.push(view)} />);
  return { lastView: () => views[views.length - 1] };
}

function tableIds(): string[] {
  return [...document.querySelectorAll<HTMLElement>('.session-table tbody tr')].map(
    (row) => row.dataset.sessionId ?? '',
  );
}

function headerNames(): string[] {
  // The arrow beside the sorted column's name is decoration (aria-hidden).
  return screen
    .getAllByRole('columnheader')
    .map((header) => (header.textContent ?? '').replace(/[▲▼]/, ''));
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe('session table', () => {
  it('switches from the list to a table and remembers the choice', async () => {
    await setup();
    const group = await screen.findByRole('group', { name: 'Show sessions as' });
    const listButton = within(group).getByRole('button', { name: 'List' });
    expect(listButton.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(document.querySelector('.session-list')).not.toBeNull());

    fireEvent.click(within(group).getByRole('button', { name: 'Table' }));
    await waitFor(() => expect(tableIds()).toEqual(['docs', 'login', 'react']));
    expect(document.querySelector('.session-list')).toBeNull();
    expect(headerNames()).toEqual([
      'Status',
      'Title',
      'Organization',
      'User',
      'Repository',
      'ACUs',
      'Created',
      'Updated',
      'PRs',
    ]);
    const login = document.querySelector('[data-session-id="login"]') as HTMLElement;
    expect(await within(login).findByText('Platform team')).toBeTruthy();
    expect(within(login).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(login).getByText('acme/web')).toBeTruthy();
    expect(within(login).getByText('#42').closest('a')?.getAttribute('href')).toBe(
      'https://github.com/acme/web/pull/42',
    );
    expect(await sessionsLayoutItem.getValue()).toBe('table');

    // A page opened later shows the table at once.
    cleanup();
    await setup();
    await waitFor(() => expect(tableIds()).toEqual(['docs', 'login', 'react']));
  });

  it('sorts by a header, flipping on a second click, and says so with aria-sort', async () => {
    await sessionsLayoutItem.setValue('table');
    const { lastView } = await setup();
    await waitFor(() => expect(tableIds()).toHaveLength(3));
    const acus = () => screen.getByRole('columnheader', { name: /ACUs/ });
    expect(acus().getAttribute('aria-sort')).toBe('none');
    expect(screen.getByRole('columnheader', { name: /Updated/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    fireEvent.click(within(acus()).getByRole('button'));
    await waitFor(() => expect(tableIds()).toEqual(['react', 'login', 'docs']));
    expect(acus().getAttribute('aria-sort')).toBe('descending');
    expect(lastView()?.filters.sort).toEqual({ field: 'acus', dir: 'desc' });
    fireEvent.click(within(acus()).getByRole('button'));
    await waitFor(() => expect(tableIds()).toEqual(['docs', 'login', 'react']));
    expect(acus().getAttribute('aria-sort')).toBe('ascending');

    // Text columns start A to Z, by the name shown; the session without a user goes last.
    fireEvent.click(within(screen.getByRole('columnheader', { name: /User/ })).getByRole('button'));
    await waitFor(() => expect(tableIds()).toEqual(['docs', 'login', 'react']));
    fireEvent.click(within(screen.getByRole('columnheader', { name: /User/ })).getByRole('button'));
    await waitFor(() => expect(tableIds()).toEqual(['docs', 'login', 'react']));
    expect(screen.getByRole('columnheader', { name: /User/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
  });

  it('hides a column from the Columns menu, but never the title, and stores the choice', async () => {
    await sessionsLayoutItem.setValue('table');
    await setup();
    await waitFor(() => expect(tableIds()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: /^Columns/ }));
    const panel = screen.getByRole('group', { name: 'Columns to show' });
    const title = within(panel).getByRole('checkbox', { name: /Title/ }) as HTMLInputElement;
    expect(title.checked).toBe(true);
    expect(title.disabled).toBe(true);
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Organization' }));
    await waitFor(() => expect(headerNames()).not.toContain('Organization'));
    expect(document.querySelector('[data-session-id="login"]')?.textContent).not.toContain(
      'Platform team',
    );
    expect((await tableColumnsItem.getValue()).hidden).toEqual(['org']);
    fireEvent.keyDown(title, { key: 'Escape' });
    await waitFor(() =>
      expect(screen.queryByRole('group', { name: 'Columns to show' })).toBeNull(),
    );
  });

  it('resizes a column from the keyboard and keeps the width', async () => {
    await sessionsLayoutItem.setValue('table');
    await setup();
    await waitFor(() => expect(tableIds()).toHaveLength(3));
    const handle = screen.getByRole('separator', { name: 'Resize Title column' });
    const start = Number(handle.getAttribute('aria-valuenow'));
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    fireEvent.keyDown(handle, { key: 'ArrowRight', shiftKey: true });
    await waitFor(() => expect(Number(handle.getAttribute('aria-valuenow'))).toBe(start + 60));
    const cell = document.querySelector<HTMLElement>('[data-session-id="login"] .col-title');
    expect(cell?.style.width).toBe(`${start + 60}px`);
    fireEvent.keyDown(handle, { key: 'Home' });
    await waitFor(() => expect(handle.getAttribute('aria-valuenow')).toBe('60'));
    expect((await tableColumnsItem.getValue()).widths.title).toBe(60);
  });

  it('opens a row by a click on it or on its title button, and moves by arrow keys, as the list does', async () => {
    await sessionsLayoutItem.setValue('table');
    const { lastView } = await setup();
    await waitFor(() => expect(tableIds()).toHaveLength(3));
    const react = document.querySelector('[data-session-id="react"]') as HTMLElement;
    fireEvent.click(within(react).getByText('Finished'));
    await waitFor(() => expect(lastView()?.openId).toBe('react'));
    expect(react.getAttribute('aria-current')).toBe('true');

    const docs = document.querySelector('[data-session-id="docs"] .row-open') as HTMLElement;
    docs.focus();
    fireEvent.click(docs);
    await waitFor(() => expect(lastView()?.openId).toBe('docs'));

    // ArrowDown moves to the next row's title button, which Tab then reaches.
    fireEvent.keyDown(docs, { key: 'ArrowDown' });
    await waitFor(() =>
      expect((document.activeElement as HTMLElement).closest('tr')?.dataset.sessionId).toBe(
        'login',
      ),
    );
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
  });
});
