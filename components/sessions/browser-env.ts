/** The session browser's surroundings in a real extension page. */
import { browser } from 'wxt/browser';
import { prefetchFirstScreen } from '../../utils/db/first-screen';
import { DATABASE_NAME } from '../../utils/db/name';
import type { DevinDatabase } from '../../utils/db/schema';
import { parseSavedViews } from '../../utils/filters/saved-views';
import { sendMessage } from '../../utils/messaging';
import { apiKeyEndingItem, readEffectiveSettings, savedViewsItem } from '../../utils/settings';
import { WELCOME_HASH } from '../../utils/welcome/first-run';
import { watchSettings } from '../shared/watch-settings';
import type { SessionsEnv } from './env';

async function isConfigured(): Promise<boolean> {
  const [ending, settings] = await Promise.all([
    apiKeyEndingItem.getValue(),
    readEffectiveSettings(),
  ]);
  return ending !== null && settings.orgIds.length > 0;
}

export function createBrowserEnv(): SessionsEnv {
  // The page's first screen is read while the rest of the page is still starting.
  prefetchFirstScreen(DATABASE_NAME);
  let database: Promise<DevinDatabase> | null = null;
  return {
    openDatabase: () => {
      database ??= import('../../utils/db/database').then((module) => module.openDatabase());
      return database;
    },
    databaseName: DATABASE_NAME,
    syncNow: () => sendMessage('syncNow'),
    openOptions: () => {
      void browser.runtime.openOptionsPage();
    },
    openWelcome: () => {
      void browser.tabs.create({
        url: `${browser.runtime.getURL('/options.html')}${WELCOME_HASH}`,
      });
    },
    openInTab: (query) => openExtensionPage('/sessions.html', query),
    openInsights: (query) => openExtensionPage('/insights.html', query),
    watchConfigured: (callback) => watchSettings(isConfigured, callback),
    copyText: (text) => navigator.clipboard.writeText(text),
    analysisOffer: (sessionId) => sendMessage('analysisOffer', { sessionId }),
    generateAnalysis: (sessionId) => sendMessage('generateAnalysis', { sessionId }),
    loadFirstPrompt: (sessionId) => sendMessage('loadFirstPrompt', { sessionId }),
    watchSavedViews: (callback) => {
      let active = true;
      void savedViewsItem.getValue().then((value) => {
        if (active) callback(parseSavedViews(value));
      });
      const unwatch = savedViewsItem.watch((value) => callback(parseSavedViews(value)));
      return () => {
        active = false;
        unwatch();
      };
    },
    storeSavedViews: (views) => savedViewsItem.setValue(views),
    stopOffer: () => sendMessage('stopOffer'),
    stopSession: (sessionId, archive) => sendMessage('stopSession', { sessionId, archive }),
    loadConversation: (sessionId, mayFetch) =>
      sendMessage('loadConversation', { sessionId, mayFetch }),
  };
}

function openExtensionPage(path: '/sessions.html' | '/insights.html', query: string): void {
  const url = browser.runtime.getURL(path);
  void browser.tabs.create({ url: query ? `${url}?${query}` : url });
}
