// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alertSettingsItem } from '../../utils/alerts/settings';
import { AlertsSection } from './alerts-section';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('AlertsSection', () => {
  it('saves thresholds (empty turns one off) and the kinds to notify', async () => {
    const asked: string[] = [];
    render(
      <AlertsSection
        askForNotifications={async () => {
          asked.push('notifications');
          return true;
        }}
      />,
    );
    const acus = await screen.findByLabelText('Running session over (ACUs)');
    expect((acus as HTMLInputElement).value).toBe('50');
    fireEvent.input(acus, { target: { value: '120' } });
    fireEvent.input(screen.getByLabelText('Running for (hours)'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('A session ended in error'));
    fireEvent.click(screen.getByRole('button', { name: 'Save alerts' }));
    expect(await screen.findByText(/^Saved\./)).toBeTruthy();
    const saved = await alertSettingsItem.getValue();
    expect(saved).toMatchObject({ sessionAcus: 120, runningHours: null, waitingHours: 4 });
    expect(saved.notify?.error).toBe(true);
    expect(saved.notify?.waiting).toBe(false);
    // The browser was asked for the optional notifications permission, from the click.
    expect(asked).toEqual(['notifications']);
  });

  it('saves without notifications, and says so, when the browser does not allow them', async () => {
    render(<AlertsSection askForNotifications={async () => false} />);
    const notify = await screen.findByLabelText('A session ended in error');
    fireEvent.click(notify);
    fireEvent.click(screen.getByRole('button', { name: 'Save alerts' }));
    expect(await screen.findByText(/the browser did not allow them/)).toBeTruthy();
    const saved = await alertSettingsItem.getValue();
    expect(Object.values(saved.notify ?? {}).some(Boolean)).toBe(false);
    expect((notify as HTMLInputElement).checked).toBe(false);
  });

  it('refuses a wrong number with the reason beside the field, saving nothing', async () => {
    render(<AlertsSection />);
    const hours = await screen.findByLabelText('Waiting for its user for (hours)');
    fireEvent.input(hours, { target: { value: '-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save alerts' }));
    const reason = await screen.findByText(/Enter a number above 0/);
    expect(hours.getAttribute('aria-describedby')).toContain(reason.id);
    expect(await alertSettingsItem.getValue()).toEqual({});
  });

  it('locks what policy sets', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({
      alertOrgBudgetPercent: 90,
      alertNotifications: { org_budget: true },
    });
    render(<AlertsSection />);
    const percent = (await screen.findByLabelText(/Organization's cycle ACUs/)) as HTMLInputElement;
    expect(percent.disabled).toBe(true);
    expect(percent.value).toBe('90');
    const notify = screen.getByLabelText('An organization nears its ACU limit') as HTMLInputElement;
    expect(notify.disabled).toBe(true);
    expect(notify.checked).toBe(true);
    expect(screen.getAllByText("Set by your organization's policy.")).toHaveLength(2);
  });
});
