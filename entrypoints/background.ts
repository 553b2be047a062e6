/**
 * Wiring only: the background registers listeners synchronously (a restarted worker must see
 * the event that woke it) and hands every job to a service in utils/.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createActionsService } from '../utils/actions/service';
import { browserNotifier } from '../utils/alerts/notifier';
import { createAlertService } from '../utils/alerts/service';
import { alertSettingsItem, readAlertSettings } from '../utils/alerts/settings';
import { applyBadge } from '../utils/badge/apply';
import { watchGlobalBadge } from '../utils/badge/watch';
import { createKeyActions } from '../utils/connection/key-actions';
import { databaseOpened, db } from '../utils/db/database';
import { runDetached } from '../utils/log';
import { onMessage } from '../utils/messaging';
import { guardHandler } from '../utils/messaging-guard';
import {
  alertActionPayload,
  conversationPayload,
  forgetKeyPayload,
  noPayload,
  sessionPayload,
  stopSessionPayload,
  testConnectionPayload,
  testSavedConnectionPayload,
} from '../utils/messaging-schemas';
import { registerPullRequestFeature } from '../utils/pr-lookup/register';
import {
  apiKeyItem,
  apiKeyOriginItem,
  bindUnboundKey,
  readEffectiveSettings,
  readKeyFor,
  settingsItem,
  syncKeyEnding,
} from '../utils/settings';
import { billingCycleStartDayItem } from '../utils/settings/billing-cycle';
import { isTransient } from '../utils/sync/errors';
import {
  cancelSync,
  RETRY_ALARM,
  SYNC_ALARM,
  scheduleRetry,
  scheduleSync,
} from '../utils/sync/schedule';
import { createSyncService } from '../utils/sync/service';
import { openWelcomeOnInstall, WELCOME_HASH } from '../utils/welcome/first-run';

/** The settings in force and the key, which is held back from an unconfirmed address. */
async function readConfig() {
  const settings = await readEffectiveSettings();
  const { apiKey, heldBack } = await readKeyFor(settings.apiBaseUrl);
  return { apiKey, settings, keyHeldBack: heldBack };
}

function keepAwake(): () => void {
  let last = 0;
  return () => {
    if (Date.now() - last < 5_000) return;
    last = Date.now();
    void browser.runtime.getPlatformInfo();
  };
}

async function applySchedule(): Promise<void> {
  const { apiKey, settings } = await readConfig();
  if (apiKey && settings.orgIds.length > 0) await scheduleSync(settings.syncIntervalMinutes);
  else await cancelSync();
}

export default defineBackground({
  type: 'module',
  main() {
    const alerts = createAlertService({
      db,
      readSettings: readAlertSettings,
      notifier: browserNotifier(),
      openPage: async (path) => {
        await browser.tabs.create({ url: browser.runtime.getURL(path as '/sessions.html') });
      },
    });
    const evaluateAlerts = () => runDetached('evaluating alerts', alerts.evaluate());

    const sync = createSyncService({
      db,
      opened: databaseOpened,
      readConfig,
      // Any extension API call keeps a busy worker from being stopped as idle mid-sync; one
      // every few seconds is enough, and the sync does not wait for it.
      onPage: keepAwake(),
      onFailure: (error) => {
        if (isTransient(error)) runDetached('scheduling a retry', scheduleRetry());
      },
      onSynced: evaluateAlerts,
    });

    const actions = createActionsService({
      db,
      readConfig,
      onPoll: keepAwake(),
      onStopped: evaluateAlerts,
    });
    const keys = createKeyActions({
      afterTest: (tested, report) => actions.afterConnectionTest(tested, report),
      clearCache: () => sync.clearCache(),
    });

    // Every handler is guarded: own pages only, and a payload of the declared shape.
    onMessage(
      'syncNow',
      guardHandler(noPayload, () => sync.syncNow('manual')),
    );
    onMessage(
      'fullResync',
      guardHandler(noPayload, () => sync.fullResync()),
    );
    onMessage(
      'clearCache',
      guardHandler(noPayload, () => sync.clearCache()),
    );
    onMessage('testConnection', guardHandler(testConnectionPayload, keys.testTypedKey));
    onMessage('testSavedConnection', guardHandler(testSavedConnectionPayload, keys.testSavedKey));
    onMessage('forgetKey', guardHandler(forgetKeyPayload, keys.forgetKey));
    onMessage(
      'analysisOffer',
      guardHandler(sessionPayload, (data) => actions.analysisOffer(data.sessionId)),
    );
    onMessage(
      'generateAnalysis',
      guardHandler(sessionPayload, (data) => actions.generateAnalysis(data.sessionId)),
    );
    onMessage(
      'loadFirstPrompt',
      guardHandler(sessionPayload, (data) => actions.loadFirstPrompt(data.sessionId)),
    );
    onMessage(
      'loadConversation',
      guardHandler(conversationPayload, (data) =>
        actions.loadConversation(data.sessionId, data.mayFetch),
      ),
    );

    onMessage(
      'stopOffer',
      guardHandler(noPayload, () => actions.stopOffer()),
    );
    onMessage(
      'stopSession',
      guardHandler(stopSessionPayload, (data) => actions.stopSession(data.sessionId, data.archive)),
    );
    onMessage(
      'alertAction',
      guardHandler(alertActionPayload, (data) => alerts.act(data.id, data.action)),
    );
    // Notifications are an optional permission: their API appears once it is granted.
    let watchingClicks = false;
    const watchNotificationClicks = () => {
      if (watchingClicks || !browser.notifications) return;
      watchingClicks = true;
      browser.notifications.onClicked.addListener((id) => {
        runDetached('opening an alert', alerts.clicked(id));
      });
    };
    watchNotificationClicks();
    browser.permissions.onAdded.addListener(watchNotificationClicks);
    alertSettingsItem.watch(evaluateAlerts);
    // A moved billing cycle changes which ACUs count against each organization's limit.
    billingCycleStartDayItem.watch(evaluateAlerts);

    browser.runtime.onInstalled.addListener((details) => {
      runDetached(
        'opening the welcome',
        openWelcomeOnInstall(details.reason, {
          hasKey: async () => (await apiKeyItem.getValue()) !== null,
          openWelcome: () =>
            browser.tabs.create({
              url: `${browser.runtime.getURL('/options.html')}${WELCOME_HASH}`,
            }),
        }),
      );
      runDetached(
        'the first sync after install',
        applySchedule().then(() => sync.syncNow('install')),
      );
    });
    browser.runtime.onStartup.addListener(() => {
      runDetached('the sync at browser start', sync.syncNow('startup'));
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) {
        runDetached('a scheduled sync', sync.syncNow('alarm'));
      }
    });

    const onSettingsChanged = () => {
      runDetached(
        'applying new settings',
        sync
          .settingsChanged()
          .then(applySchedule)
          .then(() => sync.syncNow('settings')),
      );
    };
    settingsItem.watch(onSettingsChanged);
    apiKeyItem.watch(() => {
      runDetached("storing the saved key's ending", syncKeyEnding());
      onSettingsChanged();
    });
    // Confirming the key for another address lets a held-back sync go ahead. Binding a key
    // that had no origin (null before) allows nothing new, so it restarts nothing.
    apiKeyOriginItem.watch((origin, previous) => {
      if (origin !== null && previous !== null) onSettingsChanged();
    });

    watchGlobalBadge(db, applyBadge);

    registerPullRequestFeature({ db });

    runDetached('scheduling syncs', applySchedule());
    runDetached("storing the saved key's ending", syncKeyEnding());
    runDetached('binding a key saved by an older version to its address', bindUnboundKey());
    runDetached('resuming an interrupted sync', sync.resumeInterrupted());
  },
});
