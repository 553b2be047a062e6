/** The API key: masked by default, with a Show/Hide toggle and a hint for unusual keys. */
import { useState } from 'preact/hooks';
import { apiVersionOfKey } from '../../utils/api/key-kind';
import { t } from '../../utils/i18n';
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
      <label for={props.id}>{t('options.key.label')}</label>
      <div class="input-row">
        <input
          id={props.id}
          class="input-wide mono"
          type={shown ? 'text' : 'password'}
          value={props.value}
          placeholder={t('options.key.placeholder')}
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
          aria-label={shown ? t('options.key.hideLabel') : t('options.key.showLabel')}
          onClick={() => setShown(!shown)}
        >
          {shown ? t('options.key.hide') : t('options.key.show')}
        </button>
      </div>
      <p id={helpId} class="help">
        {t('options.key.help')} {props.saved ? `${t('options.key.helpSaved')} ` : ''}
        {t('options.key.helpStays')}
      </p>
      {props.value.trim() && !hint ? (
        <p class="help" data-testid="api-version">
          {apiVersionOfKey(props.value) === 'v3' ? t('options.key.v3') : t('options.key.v2')}
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
