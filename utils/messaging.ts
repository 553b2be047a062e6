/**
 * The one protocol between extension pages and the background. Pages never call the API:
 * they ask the background to act, and read data from IndexedDB through live queries.
 * Content scripts are not part of it and never see the key.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type {
  ActionResult,
  AnalysisOffer,
  ConversationResult,
  FirstPromptResult,
  StopOffer,
} from './actions/types';
import type { AlertAction } from './alerts/store';
import type { ConnectionReport } from './connection/test-connection';
import type { SyncNowResult } from './sync/service';

export interface ProtocolMap {
  syncNow(): SyncNowResult;
  fullResync(): SyncNowResult;
  clearCache(): void;
  /** Tests a key and base URL before they are saved, so a typo never replaces a working key. */
  testConnection(data: { apiBaseUrl: string; apiKey: string; orgIds: string[] }): ConnectionReport;
  /** Tests the saved key (which pages never read) against a base URL and organizations. */
  testSavedConnection(data: { apiBaseUrl: string; orgIds: string[] }): ConnectionReport;
  /** Removes the saved key; deletes the cached data too when asked or when policy requires. */
  forgetKey(data: { deleteData: boolean }): void;
  /** Whether to offer "Generate analysis" for a session, or why not (v3 and the permission). */
  analysisOffer(data: { sessionId: string }): AnalysisOffer;
  /** Asks Devin to analyse a session and stores the analysed copy; ends when it is stored. */
  generateAnalysis(data: { sessionId: string }): ActionResult;
  /** A session's first message when the cached session has none (v3 without analysis). */
  loadFirstPrompt(data: { sessionId: string }): FirstPromptResult;
  /** Whether "Stop session" can work with the saved key and policy, or why not. */
  stopOffer(): StopOffer;
  /** Terminates a session (v3), archiving it when asked; the cache shows the new status. */
  stopSession(data: { sessionId: string; archive: boolean }): ActionResult;
  /** Dismisses (for good) or snoozes an alert; false when it is gone already. */
  alertAction(data: { id: string; action: AlertAction }): boolean;
  /**
   * A v3 session's conversation: from the cache when it is current, else fetched, or (without
   * `mayFetch`) null, so that opening a session never costs a request.
   */
  loadConversation(data: { sessionId: string; mayFetch: boolean }): ConversationResult;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
