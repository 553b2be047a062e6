/** The global badge as the database says it should be now (one query, used by every caller). */
import type { DevinDatabase } from '../db';
import { readSyncStatus } from '../sync/status';
import { type BadgeView, globalBadge } from './badge';

export async function readGlobalBadge(db: DevinDatabase): Promise<BadgeView> {
  const [running, status] = await Promise.all([
    db.sessions.where('status').equals('running').count(),
    readSyncStatus(db),
  ]);
  return globalBadge(running, status);
}
