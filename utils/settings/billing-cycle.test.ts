import { describe, expect, it } from 'vitest';
import { pickManagedStartDay } from './billing-cycle';

describe('the billing cycle start day set by policy', () => {
  it('keeps a whole day from 1 to 28, and ignores anything else', () => {
    expect(pickManagedStartDay({ billingCycleStartDay: 15 })).toBe(15);
    expect(pickManagedStartDay({ billingCycleStartDay: 1 })).toBe(1);
    expect(pickManagedStartDay({ billingCycleStartDay: 29 })).toBeNull();
    expect(pickManagedStartDay({ billingCycleStartDay: 2.5 })).toBeNull();
    expect(pickManagedStartDay({ billingCycleStartDay: '15' })).toBeNull();
    expect(pickManagedStartDay({})).toBeNull();
  });
});
