/** What is cached, how much room it takes, exports, and the cache's maintenance. */
import { useEffect, useState } from 'preact/hooks';
import { db } from '../../utils/db/database';
import { readAllSessions, readCacheSummary, readSessionRows } from '../../utils/db/reads';
import { exportFileName, toCsv, toExportJson } from '../../utils/export';
import { formatBytes, formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { downloadText } from '../shared/download';
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
      return {
        tone: 'success',
        text: t('options.data.exportedJson', sessions.length, [formatCount(sessions.length)]),
      };
    });

  const exportCsv = () =>
    act(async () => {
      const rows = await readSessionRows(db);
      // The byte order mark makes spreadsheet programs read the file as UTF-8.
      downloadText(`\uFEFF${toCsv(rows)}`, exportFileName('csv'), 'text/csv;charset=utf-8');
      return {
        tone: 'success',
        text: t('options.data.exportedCsv', rows.length, [formatCount(rows.length)]),
      };
    });

  const fullResync = () =>
    act(async () => {
      if (resync.open) resync.close();
      setNotice({ tone: 'progress', text: t('options.data.redownloading') });
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
        text: t('options.data.cleared'),
      };
    });

  const empty = count === null || count === 0;
  return (
    <Card id="data" title={t('options.data.title')} intro={t('options.data.intro')}>
      <dl class="stats">
        <div>
          <dt>{t('options.data.cached')}</dt>
          <dd>{count === null ? '…' : formatCount(count)}</dd>
        </div>
        <div>
          <dt>{t('options.data.storage')}</dt>
          <dd>{used === null ? t('options.data.unknown') : formatBytes(used)}</dd>
        </div>
      </dl>
      <h3>{t('options.data.exportHeading')}</h3>
      <p class="help">{t('options.data.exportHelp')}</p>
      <div class="actions">
        <button type="button" onClick={() => void exportJson()} disabled={busy || empty}>
          {t('options.data.exportJson')}
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={busy || empty}>
          {t('options.data.exportCsv')}
        </button>
      </div>
      <h3>{t('options.data.maintenance')}</h3>
      <p class="help">{t('options.data.maintenanceHelp')}</p>
      <div class="actions">
        {resync.open ? null : (
          <button
            type="button"
            ref={resync.openerRef}
            disabled={busy || props.syncing || clear.open}
            onClick={() => (empty ? void fullResync() : resync.show())}
          >
            {empty ? t('options.data.fullResync') : t('options.data.fullResyncAsk')}
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
            {t('options.data.clearCache')}
          </button>
        )}
      </div>
      <ConfirmStep
        step={resync}
        question={
          count === null
            ? t('options.data.resyncQuestionAll')
            : t('options.data.resyncQuestion', count, [formatCount(count)])
        }
        action={
          count === null
            ? t('options.data.resyncActionAll')
            : t('options.data.resyncAction', count, [formatCount(count)])
        }
        busy={busy || props.syncing}
        onConfirm={() => void fullResync()}
      />
      <ConfirmStep
        step={clear}
        question={
          count === null
            ? t('options.data.clearQuestionAll')
            : t('options.data.clearQuestion', count, [formatCount(count)])
        }
        action={t('options.data.clearAction')}
        busy={busy}
        onConfirm={() => void clearCache()}
      />
      <Feedback notice={notice} />
    </Card>
  );
}
