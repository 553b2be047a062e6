/**
 * The background's side of the options page's connection card: testing a typed key, testing
 * the saved key without handing it to the page, and forgetting the key (with the cache when
 * asked or when policy requires it).
 */
import { createClient, keepingFirstPage } from '../api';
import { t } from '../i18n';
import {
  checkApiBaseUrl,
  readKeyFor,
  readManagedSettings,
  removeKey,
  UNCONFIRMED_ORIGIN,
} from '../settings';
import { type ConnectionReport, testConnection } from './test-connection';

export interface KeyActionDeps {
  /** Called after each test with what was tested (see actions service). */
  afterTest: (
    tested: { apiBaseUrl: string; apiKey: string },
    report: ConnectionReport,
  ) => Promise<ConnectionReport>;
  clearCache: () => Promise<void>;
}

export function createKeyActions(deps: KeyActionDeps) {
  async function test(apiBaseUrl: string, apiKey: string, orgIds: string[]) {
    // Checked here too: the key must never be sent to an address the options page would refuse.
    const baseUrl = checkApiBaseUrl(apiBaseUrl);
    if (!baseUrl.ok) {
      return { ok: false, kind: 'invalid_request', message: baseUrl.reason } as ConnectionReport;
    }
    // The first page the test reads is kept for the sync that follows a Save (first-page.ts).
    const target = { baseUrl: baseUrl.value, apiKey };
    const client = keepingFirstPage(createClient(target), target);
    const report = await testConnection(client, orgIds);
    return deps.afterTest({ apiBaseUrl: baseUrl.value, apiKey }, report);
  }

  return {
    testTypedKey: (data: { apiBaseUrl: string; apiKey: string; orgIds: string[] }) =>
      test(data.apiBaseUrl, data.apiKey, data.orgIds),

    async testSavedKey(data: { apiBaseUrl: string; orgIds: string[] }): Promise<ConnectionReport> {
      // The address comes from the page, which may show one the admin never chose (storage
      // edited): the saved key is tested only where it is confirmed to go.
      const { apiKey, heldBack } = await readKeyFor(data.apiBaseUrl);
      if (heldBack) return { ok: false, kind: UNCONFIRMED_ORIGIN, message: heldBack };
      if (!apiKey) {
        return { ok: false, kind: 'invalid_request', message: t('background.connection.noKey') };
      }
      return test(data.apiBaseUrl, apiKey, data.orgIds);
    },

    async forgetKey(data: { deleteData: boolean }): Promise<void> {
      const managed = await readManagedSettings();
      await removeKey();
      if (data.deleteData || managed.forgetDataWithKey) await deps.clearCache();
    },
  };
}
