/** Sync: where it stands, "Sync now", and how often and how far back it reads. */
import { useState } from 'preact/hooks';
import { sendMessage } from '../../utils/messaging';
import { checkHistoryDays, checkSyncInterval } from '../../utils/settings/validate';
import { isSyncRunning, type SyncView } from '../shared/sync-state';
import { useNow } from '../shared/use-now';
import { Card } from './card';
import { NO_BACKGROUND } from './connection-report';
import {
  describedBy,
  Feedback,
  FieldError,
  LockedNote,
  type Notice,
  UnsavedMark,
} from './feedback';
import { type StoredConfig, saveSettings } from './stored-config';
import { OrgProgressList, SyncProblem, SyncSummary } from './sync-progress';
import { describeSyncResult } from './sync-result';
import './sync-section.css';

function parseWhole(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function SyncSchedule(props: { stored: StoredConfig }) {
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
      setNotice({ tone: 'error', text: 'Not saved: correct the fields marked above.' });
      return;
    }
    const shrinks =
      checkedDays.value !== null &&
      (settings.historyDays === null || checkedDays.value < settings.historyDays);
    await saveSettings({
      ...(lockedInterval === undefined && checkedInterval.ok
        ? { syncIntervalMinutes: checkedInterval.value }
        : {}),
      historyDays: checkedDays.value,
    });
    setNotice({
      tone: 'success',
      text: shrinks
        ? 'Saved. Sessions created before the new window are removed from the cache at the next sync.'
        : 'Saved.',
    });
  }

  return (
    <form class="sync-schedule" noValidate onSubmit={(event) => void onSave(event)}>
      <h3>Schedule</h3>
      <div class="field">
        <label for="sync-interval">Sync every (minutes)</label>
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
          From 1 to 1440. Each sync reads only what changed since the last one.
        </p>
        <FieldError id="sync-interval-error" message={intervalError} />
      </div>
      <fieldset class="field history">
        <legend>History to keep</legend>
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
          <label for="history-all">All history</label>
        </div>
        <div class="radio-row">
          <input
            id="history-recent"
            type="radio"
            name="history"
            checked={!allHistory}
            onChange={() => setAllHistory(false)}
          />
          <label for="history-recent">Only sessions created in the last</label>
          <input
            id="history-days"
            class="input-number"
            type="number"
            min={1}
            max={3650}
            step={1}
            value={days}
            disabled={allHistory}
            aria-label="Number of days of history"
            aria-invalid={daysError ? true : undefined}
            aria-describedby={describedBy(daysError && 'history-days-error')}
            onInput={(event) => {
              setDays(event.currentTarget.value);
              setDaysError(null);
            }}
          />
          <span>days</span>
        </div>
        <FieldError id="history-days-error" message={daysError} />
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary">
          Save schedule
        </button>
        <UnsavedMark dirty={dirty} />
      </div>
      <Feedback notice={notice} />
    </form>
  );
}

export function SyncSection(props: {
  stored: StoredConfig;
  view: SyncView;
  names: ReadonlyMap<string, string | null>;
}) {
  const now = useNow(5_000);
  const [requested, setRequested] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const running = requested || isSyncRunning(props.view, now);
  const orgIds = props.stored.managed.orgIds ?? props.stored.settings.orgIds;
  const configured = props.stored.keyEnding !== null && orgIds.length > 0;

  async function onSyncNow() {
    setRequested(true);
    setNotice(null);
    try {
      setNotice(await describeSyncResult(await sendMessage('syncNow')));
    } catch {
      setNotice({ tone: 'error', text: NO_BACKGROUND });
    } finally {
      setRequested(false);
    }
  }

  return (
    <Card
      id="sync"
      title="Sync"
      intro="Sessions are copied into this browser in the background, so the list opens instantly and works offline."
    >
      <div class="sync-status">
        <SyncSummary view={props.view} running={running} now={now} />
        <div role="alert">
          <SyncProblem view={props.view} running={running} />
        </div>
        <OrgProgressList orgIds={orgIds} names={props.names} view={props.view} now={now} />
        <div class="actions">
          <button
            type="button"
            class="primary"
            disabled={running || !configured}
            onClick={() => void onSyncNow()}
          >
            Sync now
          </button>
          {!configured ? (
            <span class="muted">Save an API key and choose organizations to sync.</span>
          ) : null}
        </div>
        <Feedback notice={notice} />
      </div>
      <SyncSchedule stored={props.stored} />
    </Card>
  );
}
