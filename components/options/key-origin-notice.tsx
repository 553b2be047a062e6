/**
 * The saved key is held back from an address it was not confirmed for (utils/settings/
 * key-binding.ts): says so, and lets the admin confirm it with a deliberate click. Confirming
 * never shows the key; it only records where the key may go.
 */
import { t } from '../../utils/i18n';
import './feedback.css';

export function KeyOriginNotice(props: {
  origin: string;
  message: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  return (
    <div class="notice notice-warning" role="alert" data-testid="key-origin">
      <span>{props.message}</span>
      <button type="button" disabled={props.busy} onClick={props.onConfirm}>
        {t('options.key.confirmFor', [props.origin])}
      </button>
    </div>
  );
}
