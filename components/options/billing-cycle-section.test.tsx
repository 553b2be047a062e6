// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { billingCycleStartDayItem, readCycleStartDay } from '../../utils/settings/billing-cycle';
import { BillingCycleSection } from './billing-cycle-section';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  cleanup();
});

describe('BillingCycleSection', () => {
  it('saves a start day from 1 to 28 and explains anything else', async () => {
    render(<BillingCycleSection />);
    const field = (await screen.findByLabelText('Billing cycle starts on day')) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('1'));
    fireEvent.input(field, { target: { value: '15' } });
    await waitFor(async () => expect(await billingCycleStartDayItem.getValue()).toBe(15));
    expect((await readCycleStartDay()).day).toBe(15);

    fireEvent.input(field, { target: { value: '31' } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Enter a whole number from 1 to 28.',
    );
    expect(await billingCycleStartDayItem.getValue()).toBe(15);
  });
});
