/**
 * Warns when the browser no longer lets the extension reach an origin the settings use (the
 * person can withdraw site access at any time), with a button to allow it again.
 */
import { useEffect, useState } from 'preact/hooks';
import { hasOriginPermission, requestOriginPermission } from '../../utils/settings/permissions';
import './feedback.css';

export function OriginAccess(props: { origin: string; what: string }) {
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
        The browser does not allow the extension to reach {props.origin}, so {props.what} cannot
        work.
      </span>
      <button
        type="button"
        onClick={() => {
          void requestOriginPermission(props.origin).then(setAllowed, () => setAllowed(false));
        }}
      >
        Allow access
      </button>
    </div>
  );
}
