/**
 * Warns when the browser no longer lets the extension reach an origin the settings use (the
 * person can withdraw site access at any time), with a button to allow it again.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { hasOriginPermission, requestOriginPermission } from '../../utils/settings/permissions';
import './feedback.css';

/** `what`: what the access is needed for (sync, or the badge on a server's PR pages). */
export function OriginAccess(props: { origin: string; what: 'sync' | 'badge' }) {
  const [allowed, setAllowed] = useState<boolean | null>(null);

  useEffect(() => {
    let alive = true;
    setAllowed(null);
    // The built-in API origin too: Firefox lets the person withdraw any site access in
    // about:addons, and Chrome's "site access" setting can withhold it.
    hasOriginPermission(props.origin).then(
      (has) => alive && setAllowed(has),
      // Unknown (no permissions API here): say nothing rather than something wrong.
      () => alive && setAllowed(null),
    );
    return () => {
      alive = false;
    };
  }, [props.origin]);

  if (allowed !== false) return null;
  return (
    <div class="notice notice-warning" role="alert">
      <span>
        {props.what === 'sync'
          ? t('options.originAccess.sync', [props.origin])
          : t('options.originAccess.badge', [props.origin])}
      </span>
      <button
        type="button"
        onClick={() => {
          void requestOriginPermission(props.origin).then(setAllowed, () => setAllowed(false));
        }}
      >
        {t('options.originAccess.allow')}
      </button>
    </div>
  );
}
