/**
 * Keeps the toolbar badge in step with the cache. A sync commits pages many times a second;
 * re-reading the badge on every commit (as a live query does) costs the worker a read between
 * two page writes each time. Changes are gathered instead, and the badge is read again at most
 * once per `intervalMs`, after the last change of a burst has had that long to land.
 */
import Dexie from 'dexie';
import type { DevinDatabase } from '../db';
import type { BadgeView } from './badge';
import { readGlobalBadge } from './read';

const BADGE_INTERVAL_MS = 500;

export function watchGlobalBadge(
  db: DevinDatabase,
  apply: (view: BadgeView) => Promise<void> | void,
  intervalMs = BADGE_INTERVAL_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const refresh = async () => {
    timer = null;
    try {
      const view = await readGlobalBadge(db);
      if (!stopped) await apply(view);
    } catch {
      // A closed or deleted database: the next change reads again.
    }
  };
  const schedule = () => {
    if (timer === null && !stopped) timer = setTimeout(refresh, intervalMs);
  };
  Dexie.on('storagemutated', schedule);
  void refresh();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(schedule);
  };
}
