/**
 * Alerts: the thresholds of each rule, and which kinds show a browser notification. Policy
 * can fix any of them (public/managed-schema.json); those fields are locked.
 */
import { useEffect, useState } from 'preact/hooks';
import { checkThreshold } from '../../utils/alerts/check';
import { askForNotifications } from '../../utils/alerts/notification-access';
import {
  type AlertSettings,
  type AlertThresholds,
  alertSettingsItem,
  type ManagedAlertSettings,
  mergeAlertSettings,
  readManagedAlerts,
  THRESHOLD_KEYS,
} from '../../utils/alerts/settings';
import { ALERT_KINDS, type AlertKind } from '../../utils/alerts/types';
import { t } from '../../utils/i18n';
import { Card } from './card';
import {
  describedBy,
  errorNotice,
  Feedback,
  FieldError,
  LockedNote,
  type Notice,
} from './feedback';
import './alerts-section.css';

interface Stored {
  settings: AlertSettings;
  managed: ManagedAlertSettings;
}

// Getters: the words are looked up when shown, in the language the page speaks then.
const FIELDS: Record<keyof AlertThresholds, { label: string; max: number; help: string }> = {
  waitingHours: {
    get label() {
      return t('options.alerts.waitingHours');
    },
    max: 720,
    get help() {
      return t('options.alerts.waitingHoursHelp');
    },
  },
  runningHours: {
    get label() {
      return t('options.alerts.runningHours');
    },
    max: 720,
    get help() {
      return t('options.alerts.runningHoursHelp');
    },
  },
  sessionAcus: {
    get label() {
      return t('options.alerts.sessionAcus');
    },
    max: 100_000,
    help: '',
  },
  orgBudgetPercent: {
    get label() {
      return t('options.alerts.orgBudgetPercent');
    },
    max: 1000,
    get help() {
      return t('options.alerts.orgBudgetPercentHelp');
    },
  },
};

const KIND_LABELS: Record<AlertKind, string> = {
  get error() {
    return t('options.alerts.kindError');
  },
  get waiting() {
    return t('options.alerts.kindWaiting');
  },
  get long_running() {
    return t('options.alerts.kindLongRunning');
  },
  get over_acus() {
    return t('options.alerts.kindOverAcus');
  },
  get org_budget() {
    return t('options.alerts.kindOrgBudget');
  },
};

function useStoredAlerts(): Stored | null {
  const [stored, setStored] = useState<Stored | null>(null);
  useEffect(() => {
    let active = true;
    const load = async () => {
      const [saved, managed] = await Promise.all([
        alertSettingsItem.getValue(),
        readManagedAlerts(),
      ]);
      if (active) setStored({ settings: mergeAlertSettings(saved, managed), managed });
    };
    void load();
    const stop = alertSettingsItem.watch(() => void load());
    return () => {
      active = false;
      stop();
    };
  }, []);
  return stored;
}

const text = (value: number | null) => (value === null ? '' : String(value));

function AlertsForm(props: { stored: Stored; askForNotifications: () => Promise<boolean> }) {
  const { settings, managed } = props.stored;
  const [drafts, setDrafts] = useState(() =>
    Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, text(settings[key])])),
  );
  const [notify, setNotify] = useState(settings.notify);
  const [errors, setErrors] = useState<Partial<Record<keyof AlertThresholds, string>>>({});
  const [notice, setNotice] = useState<Notice | null>(null);

  async function onSave(event: Event) {
    event.preventDefault();
    // Asked before anything is awaited: the browser prompts only within the click.
    const wantsNotifications = ALERT_KINDS.some((kind) => notify[kind]);
    const allowed = wantsNotifications ? props.askForNotifications() : Promise.resolve(true);
    const values: Partial<AlertThresholds> = {};
    const found: Partial<Record<keyof AlertThresholds, string>> = {};
    for (const key of THRESHOLD_KEYS) {
      if (managed[key] !== undefined) continue;
      const checked = checkThreshold(drafts[key] ?? '', FIELDS[key].max);
      if (checked.ok) values[key] = checked.value;
      else found[key] = checked.reason;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setNotice({ tone: 'error', text: t('options.notSavedFields') });
      return;
    }
    try {
      const granted = await allowed.catch(() => false);
      const kept = granted ? notify : NO_NOTIFICATIONS;
      if (!granted) setNotify(kept);
      const saved = await alertSettingsItem.getValue();
      await alertSettingsItem.setValue({ ...saved, ...values, notify: kept });
      setNotice(
        granted
          ? { tone: 'success', text: t('options.alerts.saved') }
          : {
              tone: 'error',
              text: t('options.alerts.savedNoNotifications'),
            },
      );
    } catch (error) {
      setNotice(errorNotice(error));
    }
  }

  return (
    <form class="alerts-form" noValidate onSubmit={(event) => void onSave(event)}>
      <fieldset class="field">
        <legend>{t('options.alerts.raiseWhen')}</legend>
        <p class="help">{t('options.alerts.leaveEmpty')}</p>
        {THRESHOLD_KEYS.map((key) => {
          const id = `alert-${key}`;
          const locked = managed[key] !== undefined;
          return (
            <div class="field alert-threshold" key={key}>
              <label for={id}>{FIELDS[key].label}</label>
              <input
                id={id}
                class="input-number"
                type="number"
                min={0}
                max={FIELDS[key].max}
                value={locked ? text(settings[key]) : drafts[key]}
                disabled={locked}
                aria-invalid={errors[key] ? true : undefined}
                aria-describedby={describedBy(
                  FIELDS[key].help && `${id}-help`,
                  locked && `${id}-locked`,
                  errors[key] && `${id}-error`,
                )}
                onInput={(event) => {
                  const value = event.currentTarget.value;
                  setDrafts((d) => ({ ...d, [key]: value }));
                  setErrors((e) => ({ ...e, [key]: undefined }));
                }}
              />
              {FIELDS[key].help ? (
                <p id={`${id}-help`} class="help">
                  {FIELDS[key].help}
                </p>
              ) : null}
              {locked ? <LockedNote id={`${id}-locked`} /> : null}
              <FieldError id={`${id}-error`} message={errors[key] ?? null} />
            </div>
          );
        })}
      </fieldset>
      <fieldset class="field">
        <legend>{t('options.alerts.notifyWhen')}</legend>
        {ALERT_KINDS.map((kind) => {
          const locked = managed.notify?.[kind] !== undefined;
          return (
            <div class="checkbox-row" key={kind}>
              <input
                id={`notify-${kind}`}
                type="checkbox"
                checked={locked ? settings.notify[kind] : notify[kind]}
                disabled={locked}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setNotify((n) => ({ ...n, [kind]: checked }));
                }}
              />
              <label for={`notify-${kind}`}>{KIND_LABELS[kind]}</label>
              {locked ? <LockedNote /> : null}
            </div>
          );
        })}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary">
          {t('options.alerts.save')}
        </button>
      </div>
      <Feedback notice={notice} />
    </form>
  );
}

const NO_NOTIFICATIONS = Object.fromEntries(ALERT_KINDS.map((kind) => [kind, false])) as Record<
  AlertKind,
  boolean
>;

export function AlertsSection(props: {
  /** Asks for the optional notifications permission (a prompt); replaced in tests. */
  askForNotifications?: () => Promise<boolean>;
}) {
  const stored = useStoredAlerts();
  return (
    <Card id="alerts" title={t('options.alerts.title')} intro={t('options.alerts.intro')}>
      {stored ? (
        <AlertsForm
          stored={stored}
          askForNotifications={props.askForNotifications ?? askForNotifications}
        />
      ) : (
        <p class="muted" role="status">
          {t('options.alerts.loading')}
        </p>
      )}
    </Card>
  );
}
