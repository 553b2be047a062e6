import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useFakeLocale } from '../../tests/fake-i18n';
import { checkThreshold } from './check';
import {
  alertSettingsItem,
  DEFAULT_ALERT_SETTINGS,
  mergeAlertSettings,
  pickManagedAlerts,
  readAlertSettings,
} from './settings';

describe('alert settings', () => {
  it('take policy over what the admin saved, over the defaults', () => {
    const managed = pickManagedAlerts({
      alertWaitingHours: 2,
      alertOrgBudgetPercent: 0,
      alertSessionAcus: 'lots',
      alertNotifications: { error: true, waiting: 'yes' },
    });
    // 0 turns a rule off; a wrong type is ignored, never applied.
    expect(managed).toEqual({ waitingHours: 2, orgBudgetPercent: null, notify: { error: true } });
    const merged = mergeAlertSettings(
      {
        waitingHours: 9,
        runningHours: 3,
        notify: { ...DEFAULT_ALERT_SETTINGS.notify, error: false, waiting: true },
      },
      managed,
    );
    expect(merged).toMatchObject({
      waitingHours: 2,
      runningHours: 3,
      sessionAcus: DEFAULT_ALERT_SETTINGS.sessionAcus,
      orgBudgetPercent: null,
      notify: { error: true, waiting: true, org_budget: false },
    });
  });

  it('are read from storage.local, with notifications off until turned on', async () => {
    fakeBrowser.reset();
    expect(Object.values((await readAlertSettings()).notify).some(Boolean)).toBe(false);
    await alertSettingsItem.setValue({ sessionAcus: 12 });
    expect((await readAlertSettings()).sessionAcus).toBe(12);
  });

  it('accept an empty field as "off", and explain a wrong number', () => {
    expect(checkThreshold(' ', 100)).toEqual({ ok: true, value: null });
    expect(checkThreshold('4.5', 100)).toEqual({ ok: true, value: 4.5 });
    const refused = checkThreshold('-1', 100);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain('leave it empty to turn this alert off');
  });
});

describe('checkThreshold in the browser’s language', () => {
  it('writes the limit the German way in a German sentence', () => {
    useFakeLocale('de');
    try {
      expect(checkThreshold('0', 10000)).toEqual({
        ok: false,
        reason:
          'Geben Sie eine Zahl über 0 und höchstens 10.000 ein, oder lassen Sie das Feld leer, um diese Warnung auszuschalten.',
      });
    } finally {
      useFakeLocale('en', 'en-US');
    }
  });
});
