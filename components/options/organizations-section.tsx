/**
 * Which organizations are synced: checkboxes for those the key sees (from "Test connection",
 * or the names the last sync stored), and ids typed by hand for keys that may not list them.
 */
import { useState } from 'preact/hooks';
import type { Organization } from '../../utils/api';
import type { ConnectionReport } from '../../utils/connection/test-connection';
import { formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import { parseOrgIds } from '../../utils/settings/validate';
import { Card } from './card';
import {
  describedBy,
  Feedback,
  FieldError,
  LockedNote,
  type Notice,
  UnsavedMark,
} from './feedback';
import { type StoredConfig, saveSettings } from './stored-config';
import './feedback.css';
import './organization-label.css';
import './organizations-section.css';

interface Choice {
  org_id: string;
  name: string | null;
  /** "Limits: 5,000 ACUs a cycle, 50 a session", when the directory says. */
  limit?: string;
}

function limitText(org: Organization): string | undefined {
  const cycle = org.max_cycle_acu_limit;
  const session = org.max_session_acu_limit;
  if (typeof cycle === 'number' && typeof session === 'number') {
    return t('options.orgs.limitsBoth', [formatCount(cycle), formatCount(session)]);
  }
  if (typeof cycle === 'number') return t('options.orgs.limitsCycle', [formatCount(cycle)]);
  if (typeof session === 'number') return t('options.orgs.limitsSession', [formatCount(session)]);
  return undefined;
}

/** Known organizations by name, then chosen ids whose name is not known, in the order added. */
export function orgChoices(known: readonly Organization[], chosen: readonly string[]): Choice[] {
  const byId = new Map<string, Choice>();
  for (const org of known) {
    byId.set(org.org_id, { org_id: org.org_id, name: org.org_name, limit: limitText(org) });
  }
  const listed = [...byId.values()].sort((a, b) =>
    (a.name ?? a.org_id).localeCompare(b.name ?? b.org_id),
  );
  const unknown = chosen.filter((id) => !byId.has(id)).map((id) => ({ org_id: id, name: null }));
  return [...listed, ...unknown];
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

export function OrganizationsSection(props: {
  stored: StoredConfig;
  known: readonly Organization[];
  report: ConnectionReport | null;
  draft: string[];
  onDraft: (ids: string[]) => void;
}) {
  const { stored, draft, onDraft } = props;
  const locked = stored.managed.orgIds;
  const chosen = locked ?? draft;
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);
  const choices = orgChoices(props.known, chosen);
  const dirty = !locked && !sameIds(draft, stored.settings.orgIds);
  const directoryForbidden = props.report?.ok === true && props.report.directoryForbidden;

  function toggle(orgId: string, on: boolean) {
    onDraft(on ? [...draft, orgId] : draft.filter((id) => id !== orgId));
    setNotice(null);
  }

  function addTyped() {
    const ids = parseOrgIds(typed);
    if (ids.length === 0) {
      setTypedError(t('options.orgs.enterId'));
      return;
    }
    const added = ids.filter((id) => !draft.includes(id));
    onDraft([...draft, ...added]);
    setTyped('');
    setTypedError(null);
    setNotice({
      tone: 'info',
      text:
        added.length === 0
          ? t('options.orgs.alreadyChosen')
          : t('options.orgs.added', added.length, [formatCount(added.length)]),
    });
  }

  async function save() {
    if (draft.length === 0) {
      setNotice({ tone: 'error', text: t('options.orgs.chooseOne') });
      return;
    }
    setSaving(true);
    try {
      await saveSettings({ orgIds: [...draft] });
      setNotice({
        tone: 'success',
        text:
          stored.keyEnding !== null
            ? t('options.orgs.savedSyncing', draft.length, [formatCount(draft.length)])
            : t('options.orgs.savedNoKey', draft.length, [formatCount(draft.length)]),
      });
    } catch (error) {
      setNotice({ tone: 'error', text: t('options.orgs.notSaved', [String(error)]) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card id="organizations" title={t('options.orgs.title')} intro={t('options.orgs.intro')}>
      {locked ? <LockedNote /> : null}
      {directoryForbidden ? <p class="notice notice-info">{t('options.orgs.mayNotList')}</p> : null}
      <fieldset class="org-list" disabled={locked !== undefined}>
        <legend>{t('options.orgs.legend')}</legend>
        {choices.length === 0 ? (
          <p class="muted empty">{t('options.orgs.none')}</p>
        ) : (
          <ul>
            {choices.map((choice, index) => {
              const id = `org-choice-${index}`;
              return (
                <li key={choice.org_id}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={chosen.includes(choice.org_id)}
                    onChange={(event) => toggle(choice.org_id, event.currentTarget.checked)}
                  />
                  <label for={id}>
                    <span class="org-name">{choice.name ?? t('options.orgs.nameUnknown')}</span>
                    <span class="org-id mono" title={choice.org_id}>
                      {choice.org_id}
                    </span>
                    {choice.limit ? <span class="org-limit muted">{choice.limit}</span> : null}
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      {locked ? null : (
        <div class="field">
          <label for="org-ids-input">{t('options.orgs.addLabel')}</label>
          <div class="input-row">
            <textarea
              id="org-ids-input"
              class="input-wide mono"
              rows={2}
              value={typed}
              placeholder="org-abc123, org-def456"
              spellcheck={false}
              autocapitalize="off"
              aria-invalid={typedError ? true : undefined}
              aria-describedby={describedBy('org-ids-help', typedError && 'org-ids-error')}
              onInput={(event) => {
                setTyped(event.currentTarget.value);
                setTypedError(null);
              }}
              onKeyDown={(event) => {
                // Enter adds; Shift+Enter starts a new line in a pasted list.
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  addTyped();
                }
              }}
            />
            <button type="button" onClick={addTyped}>
              {t('options.orgs.add')}
            </button>
          </div>
          <p id="org-ids-help" class="help">
            {t('options.orgs.addHelp')}
          </p>
          <FieldError id="org-ids-error" message={typedError} />
        </div>
      )}
      {locked ? null : (
        <div class="actions">
          <button type="button" class="primary" onClick={() => void save()} disabled={saving}>
            {t('options.orgs.save')}
          </button>
          <UnsavedMark dirty={dirty} />
        </div>
      )}
      <Feedback notice={notice} />
    </Card>
  );
}
