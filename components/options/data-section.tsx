/** What is cached, how much room it takes, exports, and the cache's maintenance. */
import { useEffect, useState } from 'preact/hooks';
import { db } from '../../utils/db/database';
import { readAllSessions, readCacheSummary, readSessionRows } from '../../utils/db/reads';
import { exportFileName, toCsv, toExportJson } from '../../utils/export';
import { sendMessage } from '../../utils/messaging';
import { downloadText } from '../shared/download';
import { formatBytes, formatCount, plural } from '../shared/format';
import { useLiveQuery } from '../shared/use-live-query';
import { Card } from './card';
import { ConfirmStep, useConfirmStep } from './confirm-step';
import { NO_BACKGROUND } from './connection-report';
import { errorNotice, Feedback, type Notice } from './feedback';
import { describeSyncResult } from './sync-result';
import './data-section.css';

/** The extension's share of the disk, when the browser says (it counts IndexedDB too). */
function useStorageUsed(refreshKey: unknown): number | null {
  const [used, setUsed] = useState<number | null>(null);
  useEffect(() => {
    let alive = true;
    void navigator.storage
      ?.estimate()
      .then((estimate) => {
        if (alive) setUsed(estimate.usage ?? null);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [refreshKey]);
  return used;
}

export function DataSection(props: { syncing: boolean }) {
  const count = useLiveQuery(
    async () => (await readCacheSummary(db)).sessions,
    [],
    null as number | null,
  );
  const used = useStorageUsed(count);
  const [busy, setBusy] = useState(false);
  const clear = useConfirmStep();
  // A full re-sync forgets every cached session first: it asks, as clearing does.
  const resync = useConfirmStep();
  const [notice, setNotice] = useState<Notice | null>(null);

  async function act(work: () => Promise<Notice>) {
    setBusy(true);
    try {
      setNotice(await work());
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusy(false);
    }
  }

  const exportJson = () =>
    act(async () => {
      const sessions = await readAllSessions(db);
      downloadText(toExportJson(sessions), exportFileName('json'), 'application/json');
      return { tone: 'success', text: `Exported ${plural(sessions.length, 'session')} as JSON.` };
    });

  const exportCsv = () =>
    act(async () => {
      const rows = await readSessionRows(db);
      // The byte order mark makes spreadsheet programs read the file as UTF-8.
      downloadText(`\uFEFF${toCsv(rows)}`, exportFileName('csv'), 'text/csv;charset=utf-8');
      return { tone: 'success', text: `Exported ${plural(rows.length, 'session')} as CSV.` };
    });

  const fullResync = () =>
    act(async () => {
      if (resync.open) resync.close();
      setNotice({ tone: 'progress', text: 'Downloading every session again…' });
      try {
        return await describeSyncResult(await sendMessage('fullResync'));
      } catch {
        return { tone: 'error', text: NO_BACKGROUND };
      }
    });

  const clearCache = () =>
    act(async () => {
      try {
        await sendMessage('clearCache');
      } catch {
        return { tone: 'error', text: NO_BACKGROUND };
      } finally {
        clear.close();
      }
      return {
        tone: 'success',
        text: 'The cache was cleared. The next sync downloads the sessions again.',
      };
    });

  const empty = count === null || count === 0;
  return (
    <Card
      id="data"
      title="Data"
      intro="Sessions are cached in this browser only. Export them for a report, or start the cache afresh."
    >
      <dl class="stats">
        <div>
          <dt>Sessions cached</dt>
          <dd>{count === null ? '…' : formatCount(count)}</dd>
        </div>
        <div>
          <dt>Storage used</dt>
          <dd>{used === null ? 'Unknown' : formatBytes(used)}</dd>
        </div>
      </dl>
      <h3>Export</h3>
      <p class="help">
        JSON has every session with its analysis, as the API returns it. CSV has the list columns,
        for a spreadsheet. Exports never include your API key.
      </p>
      <div class="actions">
        <button type="button" onClick={() => void exportJson()} disabled={busy || empty}>
          Export JSON
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={busy || empty}>
          Export CSV
        </button>
      </div>
      <h3>Maintenance</h3>
      <p class="help">
        A full re-sync forgets the cached sessions and downloads them again. Clearing the cache
        removes them from this browser; your settings and key stay.
      </p>
      <div class="actions">
        {resync.open ? null : (
          <button
            type="button"
            ref={resync.openerRef}
            disabled={busy || props.syncing || clear.open}
            onClick={() => (empty ? void fullResync() : resync.show())}
          >
            Full re-sync{empty ? '' : '…'}
          </button>
        )}
        {clear.open ? null : (
          <button
            type="button"
            class="danger"
            ref={clear.openerRef}
            disabled={busy || empty || resync.open}
            onClick={clear.show}
          >
            Clear cache…
          </button>
        )}
      </div>
      <ConfirmStep
        step={resync}
        question={
          <>
            Forget the {count === null ? '' : `${formatCount(count)} `}cached sessions and download
            them all again? Until it finishes, the list shows only the sessions downloaded so far.
          </>
        }
        action={
          count === null ? 'Re-download all sessions' : `Re-download ${plural(count, 'session')}`
        }
        busy={busy || props.syncing}
        onConfirm={() => void fullResync()}
      />
      <ConfirmStep
        step={clear}
        question={
          <>
            Delete the {count === null ? '' : `${formatCount(count)} `}cached sessions from this
            browser?
          </>
        }
        action="Delete cached sessions"
        busy={busy}
        onConfirm={() => void clearCache()}
      />
      <Feedback notice={notice} />
    </Card>
  );
}
