/** The API base URL, checked as it is left; locked when policy sets it. */
import { t } from '../../utils/i18n';
import { DEFAULT_API_BASE_URL } from '../../utils/settings/items';
import { describedBy, FieldError, LockedNote } from './feedback';

export function BaseUrlField(props: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  error: string | null;
  locked: boolean;
}) {
  const helpId = `${props.id}-help`;
  const errorId = `${props.id}-error`;
  const lockedId = `${props.id}-locked`;
  return (
    <div class="field">
      <label for={props.id}>{t('options.baseUrl.label')}</label>
      <input
        id={props.id}
        class="input-wide mono"
        type="text"
        inputMode="url"
        value={props.value}
        placeholder={DEFAULT_API_BASE_URL}
        spellcheck={false}
        autocapitalize="off"
        disabled={props.locked}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(helpId, props.locked && lockedId, props.error && errorId)}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        onBlur={props.onBlur}
      />
      {props.locked ? <LockedNote id={lockedId} /> : null}
      <p id={helpId} class="help">
        {t('options.baseUrl.help', [DEFAULT_API_BASE_URL])}
      </p>
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}
