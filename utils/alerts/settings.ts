/**
 * Alert thresholds and which kinds of alert show a browser notification. Kept in an item of
 * their own (not in `Settings`): changing them re-evaluates alerts, it never restarts a sync.
 * IT can fix any of them by policy (public/managed-schema.json); those show as locked.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { ALERT_KINDS, type AlertKind } from './types';

export interface AlertThresholds {
  /** A session waiting for its user this many hours or more; null turns the rule off. */
  waitingHours: number | null;
  /** A session running this many hours or more; null: off. */
  runningHours: number | null;
  /** A running session that used this many ACUs or more; null: off. */
  sessionAcus: number | null;
  /** An organization that used this share of its cycle's ACU limit (1-100+); null: off. */
  orgBudgetPercent: number | null;
}

export interface AlertSettings extends AlertThresholds {
  /** Kinds that show a browser notification; every alert is listed either way. Opt-in. */
  notify: Record<AlertKind, boolean>;
}

export const THRESHOLD_KEYS: readonly (keyof AlertThresholds)[] = [
  'waitingHours',
  'runningHours',
  'sessionAcus',
  'orgBudgetPercent',
];

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  waitingHours: 4,
  runningHours: 8,
  sessionAcus: 50,
  orgBudgetPercent: 80,
  notify: {
    error: false,
    waiting: false,
    long_running: false,
    over_acus: false,
    org_budget: false,
  },
};

export const alertSettingsItem = storage.defineItem<Partial<AlertSettings>>('local:alertSettings', {
  fallback: {},
});

/** What policy fixes; the options page locks those fields. */
export type ManagedAlertSettings = Partial<AlertThresholds> & {
  notify?: Partial<Record<AlertKind, boolean>>;
};

/** Policy keys, flat like the other policy keys: `alertWaitingHours`, ... */
const POLICY_KEYS: Record<keyof AlertThresholds, string> = {
  waitingHours: 'alertWaitingHours',
  runningHours: 'alertRunningHours',
  sessionAcus: 'alertSessionAcus',
  orgBudgetPercent: 'alertOrgBudgetPercent',
};

/** Keeps well-typed values only (0 turns a rule off): a broken policy must not break alerts. */
export function pickManagedAlerts(raw: Record<string, unknown>): ManagedAlertSettings {
  const managed: ManagedAlertSettings = {};
  for (const key of THRESHOLD_KEYS) {
    const value = raw[POLICY_KEYS[key]];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      managed[key] = value === 0 ? null : value;
    }
  }
  const notify = raw.alertNotifications;
  if (typeof notify === 'object' && notify !== null) {
    for (const kind of ALERT_KINDS) {
      const value = (notify as Record<string, unknown>)[kind];
      if (typeof value === 'boolean') managed.notify = { ...managed.notify, [kind]: value };
    }
  }
  return managed;
}

export async function readManagedAlerts(): Promise<ManagedAlertSettings> {
  try {
    return pickManagedAlerts(await browser.storage.managed.get());
  } catch {
    // No policy on this browser or profile: the usual case.
    return {};
  }
}

/** Defaults, then what the admin saved, then policy on top. */
export function mergeAlertSettings(
  saved: Partial<AlertSettings>,
  managed: ManagedAlertSettings,
): AlertSettings {
  return {
    ...DEFAULT_ALERT_SETTINGS,
    ...saved,
    ...managed,
    notify: { ...DEFAULT_ALERT_SETTINGS.notify, ...saved.notify, ...managed.notify },
  };
}

export async function readAlertSettings(): Promise<AlertSettings> {
  const [saved, managed] = await Promise.all([alertSettingsItem.getValue(), readManagedAlerts()]);
  return mergeAlertSettings(saved, managed);
}
