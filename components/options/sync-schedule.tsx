/**
 * How often sync runs and how far back the cache reaches. A shorter history window deletes the
 * cached sessions created before it (at the next sync), so saving one first says how many and
 * waits for a yes, as "Clear cache" does.
 */
import { useState } from 'preact/hooks';
import { db } from '../../utils/db/database';
import { countCreatedBefore } from '../../utils/db/reads';
import { formatCount, formatDate } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { Settings } from '../../utils/settings/items';
import { checkHistoryDays, checkSyncInterval } from '../../utils/settings/validate';
import { ConfirmStep, useConfirmStep } from './confirm-step';
import {
  describedBy,
  errorNotice,
  Feedback,
  FieldError,
  LockedNote,
  type Notice,
  UnsavedMark,
} from './feedback';
import { type StoredConfig, saveSettings } from './stored-config';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A save held back until the person confirms the sessions it removes. */
interface PendingSave {
  change: Partial<Settings>;
  removes: number;
  cutoff: number;
}

function parseWhole(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

export function SyncSchedule(props: { stored: StoredConfig }) {
  const { settings, managed } = props.stored;
  const lockedInterval = managed.syncIntervalMinutes;
  const [interval, setIntervalText] = useState(
    String(lockedInterval ?? settings.syncIntervalMinutes),
  );
  const [allHistory, setAllHistory] = useState(settings.historyDays === null);
  const [days, setDays] = useState(String(settings.historyDays ?? 90));
  const [intervalError, setIntervalError] = useState<string | null>(null);
  const [daysError, setDaysError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const confirm = useConfirmStep();
  const [pending, setPending] = useState<PendingSave | null>(null);

  const dirty =
    (lockedInterval === undefined && interval.trim() !== String(settings.syncIntervalMinutes)) ||
    allHistory !== (settings.historyDays === null) ||
    (!allHistory && days.trim() !== String(settings.historyDays));

  async function onSave(event: Event) {
    event.preventDefault();
    const checkedInterval = checkSyncInterval(parseWhole(interval));
    const checkedDays = checkHistoryDays(allHistory ? null : parseWhole(days));
    const intervalOk = lockedInterval !== undefined || checkedInterval.ok;
    setIntervalError(
      lockedInterval === undefined && !checkedInterval.ok ? checkedInterval.reason : null,
    );
    setDaysError(checkedDays.ok ? null : checkedDays.reason);
    if (!intervalOk || !checkedDays.ok) {
      setNotice({ tone: 'error', text: t('options.notSavedFields') });
      return;
    }
    const change: Partial<Settings> = {
      ...(lockedInterval === undefined && checkedInterval.ok
        ? { syncIntervalMinutes: checkedInterval.value }
        : {}),
      historyDays: checkedDays.value,
    };
    const shrinks =
      checkedDays.value !== null &&
      (settings.historyDays === null || checkedDays.value < settings.historyDays);
    if (checkedDays.value !== null && shrinks) {
      const cutoff = Date.now() - checkedDays.value * DAY_MS;
      try {
        const removes = await countCreatedBefore(db, cutoff);
        if (removes > 0) {
          setNotice(null);
          setPending({ change, removes, cutoff });
          confirm.show();
          return;
        }
      } catch (error) {
        setNotice(errorNotice(error));
        return;
      }
    }
    await save(change, null);
  }

  async function save(change: Partial<Settings>, removes: PendingSave | null) {
    await saveSettings(change);
    setPending(null);
    if (confirm.open) confirm.close();
    setNotice({
      tone: 'success',
      text: removes
        ? t('options.schedule.savedRemoves', removes.removes, [
            formatCount(removes.removes),
            formatDate(removes.cutoff),
          ])
        : t('options.saved'),
    });
  }

  return (
    <form class="sync-schedule" noValidate onSubmit={(event) => void onSave(event)}>
      <h3>{t('options.schedule.heading')}</h3>
      <div class="field">
        <label for="sync-interval">{t('options.schedule.interval')}</label>
        <input
          id="sync-interval"
          class="input-number"
          type="number"
          min={1}
          max={1440}
          step={1}
          value={interval}
          disabled={lockedInterval !== undefined}
          aria-invalid={intervalError ? true : undefined}
          aria-describedby={describedBy(
            'sync-interval-help',
            lockedInterval !== undefined && 'sync-interval-locked',
            intervalError && 'sync-interval-error',
          )}
          onInput={(event) => {
            setIntervalText(event.currentTarget.value);
            setIntervalError(null);
          }}
        />
        {lockedInterval !== undefined ? <LockedNote id="sync-interval-locked" /> : null}
        <p id="sync-interval-help" class="help">
          {t('options.schedule.intervalHelp')}
        </p>
        <FieldError id="sync-interval-error" message={intervalError} />
      </div>
      <fieldset class="field history">
        <legend>{t('options.schedule.history')}</legend>
        <div class="radio-row">
          <input
            id="history-all"
            type="radio"
            name="history"
            checked={allHistory}
            onChange={() => {
              setAllHistory(true);
              setDaysError(null);
            }}
          />
          <label for="history-all">{t('options.schedule.allHistory')}</label>
        </div>
        <div class="radio-row">
          <input
            id="history-recent"
            type="radio"
            name="history"
            checked={!allHistory}
            onChange={() => setAllHistory(false)}
          />
          <label for="history-recent">{t('options.schedule.recent')}</label>
          <input
            id="history-days"
            class="input-number"
            type="number"
            min={1}
            max={3650}
            step={1}
            value={days}
            disabled={allHistory}
            aria-label={t('options.schedule.daysLabel')}
            aria-invalid={daysError ? true : undefined}
            aria-describedby={describedBy(daysError && 'history-days-error')}
            onInput={(event) => {
              setDays(event.currentTarget.value);
              setDaysError(null);
            }}
          />
          <span>{t('options.schedule.days')}</span>
        </div>
        <FieldError id="history-days-error" message={daysError} />
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" ref={confirm.openerRef} disabled={confirm.open}>
          {t('options.schedule.save')}
        </button>
        <UnsavedMark dirty={dirty} />
      </div>
      {pending ? (
        <ConfirmStep
          step={confirm}
          question={t('options.schedule.confirmRemove', pending.removes, [
            formatCount(pending.removes),
            formatDate(pending.cutoff),
          ])}
          action={t('options.schedule.removeAction', pending.removes, [
            formatCount(pending.removes),
          ])}
          busy={false}
          onConfirm={() => void save(pending.change, pending)}
        />
      ) : null}
      <Feedback notice={notice} />
    </form>
  );
}
