/**
 * The one protocol between extension pages and the background. Pages never call the API:
 * they ask the background to act, and read data from IndexedDB through live queries.
 * Content scripts are not part of it and never see the key.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ConnectionReport } from './connection/test-connection';
import type { SyncNowResult } from './sync/service';

export interface ProtocolMap {
  syncNow(): SyncNowResult;
  fullResync(): SyncNowResult;
  clearCache(): void;
  /** Tests a key and base URL before they are saved, so a typo never replaces a working key. */
  testConnection(data: { apiBaseUrl: string; apiKey: string; orgIds: string[] }): ConnectionReport;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
