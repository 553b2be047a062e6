/** The global badge as the database says it should be now (one query, used by every caller). */
import { countActiveAlerts } from '../alerts/store';
import { type DevinDatabase, readCacheSummary } from '../db';
import { readSyncStatus } from '../sync/status';
import { type BadgeView, globalBadge } from './badge';

export async function readGlobalBadge(db: DevinDatabase): Promise<BadgeView> {
  const [summary, status, alerts] = await Promise.all([
    readCacheSummary(db),
    readSyncStatus(db),
    countActiveAlerts(db),
  ]);
  return globalBadge(summary.running.length, status, alerts);
}
