/**
 * Which organizations are synced: checkboxes for those the key sees (from "Test connection",
 * or the names the last sync stored), and ids typed by hand for keys that may not list them.
 */
import { useState } from 'preact/hooks';
import type { Organization } from '../../utils/api';
import type { ConnectionReport } from '../../utils/connection/test-connection';
import { parseOrgIds } from '../../utils/settings/validate';
import { formatCount, plural } from '../shared/format';
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
  const parts = [
    typeof cycle === 'number' ? `${formatCount(cycle)} ACUs a cycle` : null,
    typeof session === 'number' ? `${formatCount(session)} a session` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? `Limits: ${parts.join(', ')}` : undefined;
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
      setTypedError('Enter an organization id, such as org-abc123.');
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
          ? 'Already chosen.'
          : `Added ${plural(added.length, 'organization')}. Save to sync ${added.length === 1 ? 'it' : 'them'}.`,
    });
  }

  async function save() {
    if (draft.length === 0) {
      setNotice({ tone: 'error', text: 'Choose at least one organization to sync.' });
      return;
    }
    setSaving(true);
    try {
      await saveSettings({ orgIds: [...draft] });
      setNotice({
        tone: 'success',
        text:
          stored.keyEnding !== null
            ? `Saved. Syncing ${plural(draft.length, 'organization')} in the background.`
            : `Saved ${plural(draft.length, 'organization')}. Save an API key above to start syncing.`,
      });
    } catch (error) {
      setNotice({ tone: 'error', text: `Not saved: ${String(error)}` });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card
      id="organizations"
      title="Organizations"
      intro="Sessions of the organizations chosen here are synced. Test the connection to list the organizations your key sees."
    >
      {locked ? <LockedNote /> : null}
      {directoryForbidden ? (
        <p class="notice notice-info">
          This key may not list organizations. Add their ids below; sessions are still read by id.
        </p>
      ) : null}
      <fieldset class="org-list" disabled={locked !== undefined}>
        <legend>Organizations to sync</legend>
        {choices.length === 0 ? (
          <p class="muted empty">
            None yet. Test the connection above, or add organization ids below.
          </p>
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
                    <span class="org-name">{choice.name ?? 'Name not known yet'}</span>
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
          <label for="org-ids-input">Add organizations by id</label>
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
              Add
            </button>
          </div>
          <p id="org-ids-help" class="help">
            Separate several ids with commas, spaces or new lines; press Enter to add them. An
            organization's id is in its Devin settings.
          </p>
          <FieldError id="org-ids-error" message={typedError} />
        </div>
      )}
      {locked ? null : (
        <div class="actions">
          <button type="button" class="primary" onClick={() => void save()} disabled={saving}>
            Save organizations
          </button>
          <UnsavedMark dirty={dirty} />
        </div>
      )}
      <Feedback notice={notice} />
    </Card>
  );
}
