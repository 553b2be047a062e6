/**
 * After a backfill, the cache is checked against the count the server reported on the pass's
 * first page. Offset paging assumes the server orders pages the same way from one request to
 * the next; a server that does not can leave sessions out of a walk without any error. Only
 * fewer is a problem: sessions created during the pass make the server's count grow.
 */
import { countOrgSessions, type DevinDatabase } from '../db';
import { formatCount } from '../format';
import { t } from '../i18n';
import type { PassResult } from './org-pass';

/** How many sessions the backfill should have cached and did not (0 when none, or unknown). */
export async function missingAfterBackfill(db: DevinDatabase, result: PassResult): Promise<number> {
  if (result.kind !== 'backfill' || result.firstTotal === null) return 0;
  // Records that break the schema are counted by the server, and skipped here on purpose.
  const expected = result.firstTotal - result.state.skippedCount;
  return Math.max(0, expected - (await countOrgSessions(db, result.state.org_id)));
}

/**
 * Told when a second walk still found fewer sessions than the server counts. Written in the
 * browser's language when the sync records it: the sync state stores text, and the next
 * backfill replaces it.
 */
function stillMissingNotice(missing: number, total: number): string {
  return t('background.sync.stillMissing', total, {
    total: formatCount(total),
    missing: formatCount(missing),
  });
}

/** Records the notice in the organization's sync state (the options page shows it). */
export async function recordStillMissing(
  db: DevinDatabase,
  result: PassResult,
  missing: number,
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const state = await db.syncState.get(result.state.org_id);
    if (!state) return;
    await db.syncState.put({
      ...state,
      notice: stillMissingNotice(missing, result.firstTotal ?? missing),
    });
  });
}
