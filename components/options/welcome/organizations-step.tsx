/**
 * Step 2: which organizations to sync, from the list the key's test returned (the same
 * choice the Organizations card offers). Ids can be typed for a key that may not list them;
 * a policy's choice is shown as it is. Saving starts the first sync in the background.
 */
import { useState } from 'preact/hooks';
import type { ConnectionReport } from '../../../utils/connection/test-connection';
import { t } from '../../../utils/i18n';
import { sendMessage } from '../../../utils/messaging';
import { parseOrgIds } from '../../../utils/settings/validate';
import {
  describedBy,
  errorNotice,
  Feedback,
  FieldError,
  LockedNote,
  type Notice,
} from '../feedback';
import { type StoredConfig, saveSettings } from '../stored-config';
import { initialOrgIds, orgOptions } from './welcome-flow';

export function OrganizationsStep(props: {
  stored: StoredConfig;
  report: ConnectionReport | null;
  onSaved: (startedAt: number) => void;
  onBack: () => void;
}) {
  const { stored, report } = props;
  const locked = stored.managed.orgIds;
  const [chosen, setChosen] = useState(() => initialOrgIds(report, stored.settings.orgIds, locked));
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const options = orgOptions(report, chosen);
  const listed = report?.ok === true && report.organizations.length > 0;

  function addTyped() {
    const ids = parseOrgIds(typed);
    if (ids.length === 0) {
      setTypedError(t('welcome.orgs.idMissing'));
      return;
    }
    setChosen([...chosen, ...ids.filter((id) => !chosen.includes(id))]);
    setTyped('');
    setTypedError(null);
  }

  async function save() {
    const startedAt = Date.now();
    const saved = stored.settings.orgIds;
    const unchanged = chosen.length === saved.length && chosen.every((id) => saved.includes(id));
    if (!locked && !unchanged) await saveSettings({ orgIds: [...chosen] });
    // A changed choice starts a sync by itself. One that changes nothing in storage (or a
    // policy's) starts none, so it is asked for; not awaited, as it answers once done.
    else void sendMessage('syncNow').catch(() => undefined);
    props.onSaved(startedAt);
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    if (chosen.length === 0) {
      setNotice({
        tone: 'error',
        text: listed ? t('welcome.orgs.tickOne') : t('welcome.orgs.addOne'),
      });
      return;
    }
    setBusy(true);
    save()
      .catch((error: unknown) => setNotice(errorNotice(error)))
      .finally(() => setBusy(false));
  }

  return (
    <form noValidate onSubmit={onSubmit}>
      {locked ? <LockedNote /> : null}
      {report?.ok && report.directoryForbidden ? (
        <p class="notice notice-info">{t('welcome.orgs.notListed')}</p>
      ) : null}
      <fieldset class="org-list" disabled={locked !== undefined}>
        <legend>{t('welcome.orgs.legend')}</legend>
        {options.length === 0 ? (
          <p class="muted empty">{t('welcome.orgs.none')}</p>
        ) : (
          <ul>
            {options.map((org, index) => {
              const id = `welcome-org-${index}`;
              return (
                <li key={org.org_id}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={chosen.includes(org.org_id)}
                    onChange={(event) => {
                      const on = event.currentTarget.checked;
                      setChosen(
                        on ? [...chosen, org.org_id] : chosen.filter((x) => x !== org.org_id),
                      );
                      setNotice(null);
                    }}
                  />
                  <label for={id}>
                    <span class="org-name">{org.org_name ?? org.org_id}</span>
                    {org.org_name ? (
                      <span class="org-id mono" title={org.org_id}>
                        {org.org_id}
                      </span>
                    ) : null}
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      {locked || listed ? null : (
        <div class="field">
          <label for="welcome-org-ids">{t('welcome.orgs.addLabel')}</label>
          <div class="input-row">
            <input
              id="welcome-org-ids"
              class="input-wide mono"
              value={typed}
              placeholder="org-abc123, org-def456"
              spellcheck={false}
              autocapitalize="off"
              aria-invalid={typedError ? true : undefined}
              aria-describedby={describedBy(typedError && 'welcome-org-ids-error')}
              onInput={(event) => {
                setTyped(event.currentTarget.value);
                setTypedError(null);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addTyped();
                }
              }}
            />
            <button type="button" onClick={addTyped}>
              {t('welcome.orgs.add')}
            </button>
          </div>
          <FieldError id="welcome-org-ids-error" message={typedError} />
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={props.onBack} disabled={busy}>
          {t('welcome.back')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {t('welcome.orgs.submit')}
        </button>
      </div>
      <Feedback notice={notice} />
    </form>
  );
}
