/**
 * A saved key as the options page knows it: its last 4 characters only. The key itself is
 * never read back into a page; Replace opens an empty field for a new one, Forget removes it.
 */
import type { RefObject } from 'preact';
import { t } from '../../utils/i18n';

export function SavedKey(props: {
  ending: string;
  busy: boolean;
  onReplace: () => void;
  forgetOpen: boolean;
  forgetRef: RefObject<HTMLButtonElement>;
  onForget: () => void;
}) {
  return (
    <div class="field">
      <span class="label">{t('options.key.label')}</span>
      <div class="input-row">
        <p data-testid="saved-key" class="saved-key">
          {t('options.key.savedEnding', [`…${props.ending}`])}
        </p>
        <button type="button" onClick={props.onReplace} disabled={props.busy}>
          {t('options.key.replace')}
        </button>
        {props.forgetOpen ? null : (
          <button
            type="button"
            class="danger"
            ref={props.forgetRef}
            disabled={props.busy}
            onClick={props.onForget}
          >
            {t('options.key.forget')}
          </button>
        )}
      </div>
      <p class="help">{t('options.key.savedHelp')}</p>
    </div>
  );
}
