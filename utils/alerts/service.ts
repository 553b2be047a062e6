/**
 * The background's alert service: evaluates the rules after each sync (from the cache, no API
 * call), notifies what was just raised, and acts on dismiss, snooze and notification clicks.
 * Evaluations run one at a time, so two syncs ending together never raise an alert twice.
 */
import type { DevinDatabase } from '../db';
import { formatCount } from '../format';
import { t } from '../i18n';
import type { Notifier } from './notifier';
import type { AlertSettings } from './settings';
import { type AlertAction, actOnAlert, evaluateAlerts, readAlert } from './store';
import { targetPath } from './target';

/** The one notification that stands for many (set-up's backlog, or a burst). */
export const DIGEST_ID = 'alerts-digest';
/** More alerts than this at once are told in one digest: a notification each would flood. */
const MAX_SEPARATE = 5;

export interface AlertServiceOptions {
  db: DevinDatabase;
  readSettings: () => Promise<AlertSettings>;
  notifier: Notifier;
  /** Opens an extension page (a path with its query) in a tab. */
  openPage: (path: string) => Promise<void>;
  now?: () => number;
}

export function createAlertService(options: AlertServiceOptions) {
  const { db, notifier } = options;
  const now = options.now ?? Date.now;
  let queue: Promise<void> = Promise.resolve();

  async function runEvaluation(): Promise<void> {
    const settings = await options.readSettings();
    const result = await evaluateAlerts(db, settings, now());
    await Promise.all(result.removed.map((id) => notifier.clear(id)));
    const wanted = result.raised.filter((row) => settings.notify[row.kind]);
    if (wanted.length === 0) return;
    if (result.firstRun || wanted.length > MAX_SEPARATE) {
      await notifier.show(
        DIGEST_ID,
        t('alerts.digest.title', wanted.length, [formatCount(wanted.length)]),
        t('alerts.digest.message'),
      );
      return;
    }
    for (const row of wanted) await notifier.show(row.id, row.title, row.detail);
  }

  return {
    /** Runs the rules over the cache now (after a sync, or new thresholds). */
    evaluate(): Promise<void> {
      const run = queue.then(runEvaluation);
      queue = run.catch(() => undefined);
      return run;
    },

    /** Dismisses or snoozes an alert; its notification goes either way. */
    async act(id: string, action: AlertAction): Promise<boolean> {
      const done = await actOnAlert(db, id, action, now());
      await notifier.clear(id);
      return done;
    },

    /** A notification was clicked: open what it is about. */
    async clicked(notificationId: string): Promise<void> {
      await notifier.clear(notificationId);
      if (notificationId === DIGEST_ID) return options.openPage('/sessions.html');
      const row = await readAlert(db, notificationId);
      // Not ours, or its cause ended meanwhile: nothing to open.
      if (row) await options.openPage(targetPath(row.target));
    },
  };
}
