// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSession } from '../../tests/fixtures/rows';
import { MoreFacts } from './more-facts';

afterEach(cleanup);

describe('MoreFacts', () => {
  it('shows what v3 reports and opens the parent and child sessions', () => {
    const onOpen = vi.fn();
    const session = makeSession({
      pull_requests: [
        { url: 'https://github.com/acme/web/pull/1', state: 'merged' },
        { url: 'https://github.com/acme/web/pull/2', state: 'open' },
      ],
      session_size: 'm',
      num_user_messages: 3,
      num_devin_messages: 12,
      classification: {
        category: 'Bug fix',
        programming_languages: ['Go', 'SQL'],
        tools_and_frameworks: [],
      },
      playbook_id: 'playbook-7',
      is_archived: true,
      parent_session_id: 'devin-parent',
      child_session_ids: ['devin-c1', 'devin-c2'],
    });
    render(
      <dl>
        <MoreFacts session={session} onOpenSession={onOpen} />
      </dl>,
    );
    const text = document.body.textContent ?? '';
    expect(text).toContain('Repositoryacme/web');
    expect(text).toContain('SizeM');
    expect(text).toContain('3 from the user, 12 from Devin');
    expect(text).toContain('CategoryBug fix');
    expect(text).toContain('LanguagesGo, SQL');
    expect(text).toContain('playbook-7');
    fireEvent.click(screen.getByRole('button', { name: 'devin-parent' }));
    fireEvent.click(screen.getByRole('button', { name: 'devin-c2' }));
    expect(onOpen.mock.calls).toEqual([['devin-parent'], ['devin-c2']]);
  });

  it('shows nothing for a session synced over v2 without PRs', () => {
    render(
      <dl>
        <MoreFacts session={makeSession()} />
      </dl>,
    );
    expect(document.querySelector('dl')?.children).toHaveLength(0);
  });
});
