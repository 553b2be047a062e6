/**
 * Step 1: paste the key and test it. The same field, test message and save as the Connection
 * card: a key that passes the test is saved at once (the test is the point of this step), and
 * a key that fails is not, so nothing half-working is left behind.
 */
import { useState } from 'preact/hooks';
import type { ConnectionReport } from '../../../utils/connection/test-connection';
import { t } from '../../../utils/i18n';
import { sendMessage } from '../../../utils/messaging';
import { DEFAULT_API_BASE_URL } from '../../../utils/settings/items';
import { saveConnection } from '../../../utils/settings/key-storage';
import { isBuiltInOrigin, requestOriginPermission } from '../../../utils/settings/permissions';
import { checkApiBaseUrl } from '../../../utils/settings/validate';
import { ApiKeyField } from '../api-key-field';
import { BaseUrlField } from '../base-url-field';
import { describeFailure, NO_BACKGROUND } from '../connection-report';
import { errorNotice, Feedback, type Notice } from '../feedback';
import type { StoredConfig } from '../stored-config';

export function KeyStep(props: {
  stored: StoredConfig;
  onTested: (report: Extract<ConnectionReport, { ok: true }>) => void;
}) {
  const { stored } = props;
  const locked = stored.managed.apiBaseUrl;
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState(locked ?? stored.settings.apiBaseUrl);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [baseError, setBaseError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  async function test(apiBaseUrl: string, key: string | null, permission: Promise<boolean>) {
    if (!(await permission)) {
      setNotice({
        tone: 'error',
        text: t('welcome.key.notAllowed', [apiBaseUrl, DEFAULT_API_BASE_URL]),
      });
      return;
    }
    setNotice({ tone: 'progress', text: t('welcome.key.testing') });
    let report: ConnectionReport;
    try {
      report =
        key === null
          ? await sendMessage('testSavedConnection', { apiBaseUrl, orgIds: [] })
          : await sendMessage('testConnection', { apiBaseUrl, apiKey: key, orgIds: [] });
    } catch {
      setNotice({ tone: 'error', text: NO_BACKGROUND });
      return;
    }
    if (!report.ok) {
      setNotice({ tone: 'error', text: describeFailure(report, { orgIds: [], apiBaseUrl }) });
      return;
    }
    if (key !== null) await saveConnection(key, apiBaseUrl, locked !== undefined);
    setNotice({ tone: 'success', text: report.connectedAs || report.message });
    props.onTested(report);
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    const checked = checkApiBaseUrl(locked ?? baseUrl);
    setBaseError(checked.ok ? null : checked.reason);
    const typed = apiKey.trim();
    // An empty field with a key already saved tests the saved one (the page never reads it).
    const key = typed === '' && stored.keyEnding !== null ? null : typed;
    setKeyError(key === '' ? t('welcome.key.missing') : null);
    if (!checked.ok || key === '') return;
    // Asked in the click itself, before any await, as browsers require.
    const permission = isBuiltInOrigin(checked.value)
      ? Promise.resolve(true)
      : requestOriginPermission(checked.value).catch(() => false);
    setBusy(true);
    test(checked.value, key, permission)
      .catch((error: unknown) => setNotice(errorNotice(error)))
      .finally(() => setBusy(false));
  }

  return (
    <form noValidate onSubmit={onSubmit}>
      <p class="welcome-intro">{t('welcome.key.intro')}</p>
      <ApiKeyField
        id="welcome-api-key"
        value={apiKey}
        saved={stored.keyEnding !== null}
        error={keyError}
        onInput={(value) => {
          setApiKey(value);
          setKeyError(null);
        }}
      />
      <BaseUrlField
        id="welcome-api-base-url"
        value={locked ?? baseUrl}
        locked={locked !== undefined}
        error={baseError}
        onInput={(value) => {
          setBaseUrl(value);
          setBaseError(null);
        }}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('welcome.key.submit')}
        </button>
      </div>
      <Feedback notice={notice} />
    </form>
  );
}
