/** The API key: masked by default, with a Show/Hide toggle and a hint for unusual keys. */
import { useState } from 'preact/hooks';
import { apiVersionOfKey } from '../../utils/api/key-kind';
import { apiKeyHint } from '../../utils/settings/validate';
import { describedBy, FieldError } from './feedback';
import './api-key-field.css';

export function ApiKeyField(props: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  error: string | null;
  saved: boolean;
}) {
  const [shown, setShown] = useState(false);
  const hint = apiKeyHint(props.value);
  const helpId = `${props.id}-help`;
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  return (
    <div class="field">
      <label for={props.id}>API key</label>
      <div class="input-row">
        <input
          id={props.id}
          class="input-wide mono"
          type={shown ? 'text' : 'password'}
          value={props.value}
          placeholder="apk_user_… or cog_…"
          autocomplete="off"
          spellcheck={false}
          autocapitalize="off"
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(helpId, hint && hintId, props.error && errorId)}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
        <button
          type="button"
          class="toggle"
          aria-controls={props.id}
          aria-label={shown ? 'Hide API key' : 'Show API key'}
          onClick={() => setShown(!shown)}
        >
          {shown ? 'Hide' : 'Show'}
        </button>
      </div>
      <p id={helpId} class="help">
        An enterprise admin's personal API key (<span class="mono">apk_user_…</span>, v2 API) or a
        service user's token (<span class="mono">cog_…</span>, v3 API), from Devin's settings.{' '}
        {props.saved ? 'A key is saved in this browser. ' : ''}
        It stays in this browser and is sent only to the API base URL below.
      </p>
      {props.value.trim() && !hint ? (
        <p class="help" data-testid="api-version">
          {apiVersionOfKey(props.value) === 'v3'
            ? 'Uses the v3 API. The service user needs ViewAccountSessions and ReadAccountMeta at enterprise level; ManageAccountMembership shows member names, ManageAccountSessions lets you generate analysis.'
            : 'Uses the v2 API (legacy). The key must belong to an enterprise admin.'}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} class="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}
