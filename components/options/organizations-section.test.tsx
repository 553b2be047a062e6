// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedConfig } from '../../tests/fixtures/options';
import type { ConnectionReport } from '../../utils/connection/test-connection';
import { settingsItem } from '../../utils/settings/items';
import { OrganizationsSection, orgChoices } from './organizations-section';

const KNOWN = [
  { org_id: 'org-b', org_name: 'Payments' },
  { org_id: 'org-a', org_name: 'Platform' },
];

function Harness(props: { report?: ConnectionReport | null; initial?: string[] }) {
  const [draft, setDraft] = useState(props.initial ?? []);
  return (
    <OrganizationsSection
      stored={storedConfig({ keyEnding: '_abc' })}
      known={KNOWN}
      report={props.report ?? null}
      draft={draft}
      onDraft={setDraft}
    />
  );
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(cleanup);

describe('orgChoices', () => {
  it('lists known organizations by name, then chosen ids without a name', () => {
    expect(orgChoices(KNOWN, ['org-z', 'org-a'])).toEqual([
      { org_id: 'org-b', name: 'Payments' },
      { org_id: 'org-a', name: 'Platform' },
      { org_id: 'org-z', name: null },
    ]);
  });

  it('says the ACU limits the directory reports', () => {
    const [choice] = orgChoices(
      [{ org_id: 'o', org_name: 'O', max_cycle_acu_limit: 5000, max_session_acu_limit: 50 }],
      [],
    );
    expect(choice?.limit).toBe('Limits: 5,000 ACUs a cycle, 50 a session');
    expect(
      orgChoices([{ org_id: 'o', org_name: 'O', max_cycle_acu_limit: null }], [])[0]?.limit,
    ).toBeUndefined();
  });
});

describe('OrganizationsSection', () => {
  it('saves the organizations ticked', async () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Platform/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Payments/ }));
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save organizations' }));
    expect(await screen.findByText(/Saved\. Syncing 2 organizations/)).toBeTruthy();
    expect((await settingsItem.getValue()).orgIds).toEqual(['org-a', 'org-b']);
  });

  it('adds ids typed by hand, several at once', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('Add organizations by id') as HTMLTextAreaElement;
    fireEvent.input(input, { target: { value: 'org-x, org-y\norg-x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(input.value).toBe('');
    const x = screen.getByRole('checkbox', { name: /org-x/ }) as HTMLInputElement;
    expect(x.checked).toBe(true);
    expect(screen.getAllByText('Name not known yet')).toHaveLength(2);
    expect((screen.getByRole('checkbox', { name: /org-y/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save organizations' }));
    await screen.findByText(/Saved\./);
    expect((await settingsItem.getValue()).orgIds).toEqual(['org-x', 'org-y']);
  });

  it('adds with Enter', () => {
    render(<Harness />);
    const input = screen.getByLabelText('Add organizations by id');
    fireEvent.input(input, { target: { value: 'org-q' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((screen.getByRole('checkbox', { name: /org-q/ }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it('explains an empty id field and an empty choice, and saves nothing', async () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText(/Enter an organization id/).getAttribute('role')).toBe('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Save organizations' }));
    expect(await screen.findByText('Choose at least one organization to sync.')).toBeTruthy();
    expect((await settingsItem.getValue()).orgIds).toEqual([]);
  });

  it('says when the key may not list organizations', () => {
    render(
      <Harness
        report={{
          ok: true,
          organizations: [],
          directoryForbidden: true,
          connectedAs: 'Connected to the v2 API.',
          message: 'Connected.',
        }}
      />,
    );
    expect(screen.getByText(/This key may not list organizations/)).toBeTruthy();
  });
});
