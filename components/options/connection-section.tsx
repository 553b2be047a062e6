/**
 * API key and base URL: test them (the background calls the API; this page never does), save
 * them, or forget the key. A key is tested before it is saved, so a typo never replaces a key
 * that works: the cache belongs to one key, and a refused key would stop sync. Once saved, the
 * key is never read back: the page shows its last 4 characters and tests it by message.
 */
import { useRef, useState } from 'preact/hooks';
import type { ConnectionReport } from '../../utils/connection/test-connection';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { DEFAULT_API_BASE_URL } from '../../utils/settings/items';
import {
  UNCONFIRMED_ORIGIN,
  unconfirmedOrigin,
  unconfirmedOriginMessage,
} from '../../utils/settings/key-binding';
import { confirmKeyFor, saveConnection } from '../../utils/settings/key-storage';
import { isBuiltInOrigin, requestOriginPermission } from '../../utils/settings/permissions';
import { checkApiBaseUrl } from '../../utils/settings/validate';
import { ApiKeyField } from './api-key-field';
import { BaseUrlField } from './base-url-field';
import { Card } from './card';
import { useConfirmStep } from './confirm-step';
import { describeFailure, isKeyRefused, NO_BACKGROUND } from './connection-report';
import { errorNotice, Feedback, type Notice, UnsavedMark } from './feedback';
import { ForgetKeyStep } from './forget-key-step';
import { KeyOriginNotice } from './key-origin-notice';
import { OriginAccess } from './origin-access';
import { SavedKey } from './saved-key';
import { type StoredConfig, saveSettings } from './stored-config';
import './connection-section.css';

interface Target {
  apiBaseUrl: string;
  /** Null: the saved key, which the background reads itself. */
  apiKey: string | null;
  /** Resolves once the browser allows the extension to reach the base URL. */
  permission: Promise<boolean>;
}

export function ConnectionSection(props: {
  stored: StoredConfig;
  /** The organizations chosen (saved or not): the test checks the key can read them. */
  orgIds: readonly string[];
  onReport: (report: ConnectionReport) => void;
}) {
  const { stored } = props;
  const lockedBase = stored.managed.apiBaseUrl;
  const [baseUrl, setBaseUrl] = useState(lockedBase ?? stored.settings.apiBaseUrl);
  // Typed only for a new key; a saved key is never read back into the page.
  const [apiKey, setApiKey] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [baseError, setBaseError] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [offerSaveAnyway, setOfferSaveAnyway] = useState(false);
  /** An address typed here that the saved key is not confirmed for (the background said so). */
  const [typedOrigin, setTypedOrigin] = useState<string | null>(null);
  const forget = useConfirmStep();
  const tested = useRef<{ apiBaseUrl: string; apiKey: string | null } | null>(null);
  const lastReport = useRef<ConnectionReport | null>(null);

  const effectiveBase = lockedBase ?? baseUrl;
  const usingSaved = stored.keyEnding !== null && !replacing;
  const savedBase = checkApiBaseUrl(lockedBase ?? stored.settings.apiBaseUrl);
  // The saved address changed without the key being confirmed for it (storage edited, a
  // policy removed): sync sends nothing until the admin confirms. An unrecorded origin is
  // bound by the background as soon as it reads the key, so it is not asked about.
  const heldBackFrom =
    stored.keyEnding !== null && stored.keyOrigin !== null && savedBase.ok
      ? unconfirmedOrigin(savedBase.value, stored.keyOrigin, lockedBase)
      : null;
  const confirmFor = usingSaved ? (typedOrigin ?? heldBackFrom) : null;
  const dirty =
    (!usingSaved && apiKey.trim() !== '') ||
    (!lockedBase && baseUrl.trim() !== stored.settings.apiBaseUrl);

  function checkBase(): string | null {
    const checked = checkApiBaseUrl(effectiveBase);
    setBaseError(checked.ok ? null : checked.reason);
    return checked.ok ? checked.value : null;
  }

  /**
   * Checks what was typed and, for an address other than the default, asks the browser for
   * access right away: this runs in the click handler, before any await, as browsers require.
   */
  function prepare(): Target | null {
    const apiBaseUrl = checkBase();
    const key = usingSaved ? null : apiKey.trim();
    setKeyError(key === '' ? t('options.connection.enterKey') : null);
    if (apiBaseUrl === null || key === '') {
      setNotice(null);
      return null;
    }
    const permission = isBuiltInOrigin(apiBaseUrl)
      ? Promise.resolve(true)
      : requestOriginPermission(apiBaseUrl).catch(() => false);
    return { apiBaseUrl, apiKey: key, permission };
  }

  async function runTest(target: Target): Promise<ConnectionReport | null> {
    if (!(await target.permission)) {
      setNotice({
        tone: 'error',
        text: t('options.connection.permissionDenied', [target.apiBaseUrl, DEFAULT_API_BASE_URL]),
      });
      return null;
    }
    let report: ConnectionReport;
    try {
      const orgIds = [...props.orgIds];
      report =
        target.apiKey === null
          ? await sendMessage('testSavedConnection', { apiBaseUrl: target.apiBaseUrl, orgIds })
          : await sendMessage('testConnection', {
              apiBaseUrl: target.apiBaseUrl,
              apiKey: target.apiKey,
              orgIds,
            });
    } catch {
      setNotice({ tone: 'error', text: NO_BACKGROUND });
      return null;
    }
    props.onReport(report);
    lastReport.current = report;
    if (!report.ok && report.kind === UNCONFIRMED_ORIGIN) setTypedOrigin(target.apiBaseUrl);
    if (report.ok) tested.current = { apiBaseUrl: target.apiBaseUrl, apiKey: target.apiKey };
    return report;
  }

  function describeSuccess(report: Extract<ConnectionReport, { ok: true }>): string {
    const names = report.organizations.map((org) => org.org_name || org.org_id);
    if (report.directoryForbidden || names.length === 0) return report.message;
    const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')}, …` : names.join(', ');
    return t('options.connection.sees', names.length, [
      formatCount(names.length),
      report.connectedAs,
      shown,
    ]);
  }

  async function withBusy(work: () => Promise<void>) {
    setBusy(true);
    setOfferSaveAnyway(false);
    try {
      await work();
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusy(false);
    }
  }

  function onTest() {
    const target = prepare();
    if (!target) return;
    void withBusy(async () => {
      setNotice({ tone: 'progress', text: t('options.connection.testing') });
      const report = await runTest(target);
      if (!report) return;
      setNotice(
        report.ok
          ? { tone: 'success', text: describeSuccess(report) }
          : {
              tone: 'error',
              text: describeFailure(report, {
                orgIds: props.orgIds,
                apiBaseUrl: target.apiBaseUrl,
              }),
            },
      );
    });
  }

  function onSave(force: boolean) {
    const target = prepare();
    if (!target) return;
    void withBusy(async () => {
      const last = tested.current;
      const alreadyTested = last?.apiBaseUrl === target.apiBaseUrl && last.apiKey === target.apiKey;
      if (force) {
        if (!(await target.permission)) {
          setNotice({
            tone: 'error',
            text: t('options.connection.notSavedPermission', [target.apiBaseUrl]),
          });
          return;
        }
      } else if (!alreadyTested) {
        setNotice({ tone: 'progress', text: t('options.connection.testingBeforeSave') });
        const report = await runTest(target);
        if (!report) return;
        if (!report.ok) {
          setNotice({
            tone: 'error',
            text: t('options.connection.notSaved', [
              describeFailure(report, { orgIds: props.orgIds, apiBaseUrl: target.apiBaseUrl }),
            ]),
          });
          setOfferSaveAnyway(!isKeyRefused(report) && report.kind !== UNCONFIRMED_ORIGIN);
          return;
        }
      }
      if (target.apiKey === null) {
        if (!lockedBase) await saveSettings({ apiBaseUrl: target.apiBaseUrl });
      } else {
        await saveConnection(target.apiKey, target.apiBaseUrl, lockedBase !== undefined);
      }
      setBaseUrl(lockedBase ?? target.apiBaseUrl);
      // The page lets go of the key: from now on it shows only the ending.
      setApiKey('');
      setReplacing(false);
      tested.current = last && target.apiKey !== null ? { ...last, apiKey: null } : null;
      const report = lastReport.current;
      const works = !force && report?.ok && !report.directoryForbidden;
      const seen = works ? report.organizations.length : 0;
      setNotice({
        tone: 'success',
        text: works
          ? t('options.connection.savedWorks', seen, [formatCount(seen)])
          : t('options.saved'),
      });
    });
  }

  /** The admin's deliberate confirmation that the saved key may be sent to `origin`. */
  function onConfirmOrigin(origin: string) {
    // Asked in the click itself, as browsers require (see prepare()).
    const permission = isBuiltInOrigin(origin)
      ? Promise.resolve(true)
      : requestOriginPermission(origin).catch(() => false);
    void withBusy(async () => {
      if (!(await permission)) {
        setNotice({
          tone: 'error',
          text: t('options.connection.notConfirmed', [origin]),
        });
        return;
      }
      await confirmKeyFor(origin, lockedBase !== undefined);
      setBaseUrl(lockedBase ?? origin);
      setTypedOrigin(null);
      setNotice({
        tone: 'success',
        text: t('options.connection.confirmed', [origin]),
      });
    });
  }

  function onForget(deleteData: boolean) {
    void withBusy(async () => {
      try {
        await sendMessage('forgetKey', { deleteData });
      } catch {
        setNotice({ tone: 'error', text: NO_BACKGROUND });
        return;
      }
      tested.current = null;
      setApiKey('');
      setReplacing(false);
      setNotice({
        tone: 'success',
        text: deleteData
          ? t('options.connection.forgotDeleted')
          : t('options.connection.forgotKept'),
      });
      forget.close(() => document.getElementById('api-key')?.focus());
    });
  }

  return (
    <Card
      id="connection"
      title={t('options.connection.title')}
      intro={t('options.connection.intro')}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSave(false);
        }}
      >
        {usingSaved && stored.keyEnding !== null ? (
          <SavedKey
            ending={stored.keyEnding}
            busy={busy}
            onReplace={() => {
              setReplacing(true);
              setNotice(null);
              tested.current = null;
            }}
            forgetOpen={forget.open}
            forgetRef={forget.openerRef}
            onForget={forget.show}
          />
        ) : (
          <ApiKeyField
            id="api-key"
            value={apiKey}
            saved={stored.keyEnding !== null}
            error={keyError}
            onInput={(value) => {
              setApiKey(value);
              setKeyError(null);
            }}
          />
        )}
        <BaseUrlField
          id="api-base-url"
          value={effectiveBase}
          locked={lockedBase !== undefined}
          error={baseError}
          onInput={(value) => {
            setBaseUrl(value);
            setBaseError(null);
            setTypedOrigin(null);
          }}
          onBlur={() => {
            if (baseUrl.trim() !== '') checkBase();
          }}
        />
        {confirmFor !== null ? (
          <KeyOriginNotice
            origin={confirmFor}
            message={
              confirmFor === heldBackFrom
                ? unconfirmedOriginMessage(confirmFor)
                : t('options.connection.unconfirmedTyped', [confirmFor])
            }
            busy={busy}
            onConfirm={() => onConfirmOrigin(confirmFor)}
          />
        ) : null}
        {stored.keyEnding !== null ? (
          <OriginAccess origin={lockedBase ?? stored.settings.apiBaseUrl} what="sync" />
        ) : null}
        <div class="actions">
          <button type="button" onClick={onTest} disabled={busy}>
            {t('options.connection.test')}
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {t('options.connection.save')}
          </button>
          {offerSaveAnyway ? (
            <button type="button" onClick={() => onSave(true)} disabled={busy}>
              {t('options.connection.saveAnyway')}
            </button>
          ) : null}
          <UnsavedMark dirty={dirty} />
          {replacing ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setReplacing(false);
                setApiKey('');
                setKeyError(null);
              }}
            >
              {t('options.connection.keepSaved')}
            </button>
          ) : null}
        </div>
        <ForgetKeyStep
          step={forget}
          busy={busy}
          required={stored.managed.forgetDataWithKey === true}
          onConfirm={onForget}
        />
        <Feedback notice={notice} />
      </form>
    </Card>
  );
}
