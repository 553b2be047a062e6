/** Whether the PR-page badge is turned on, kept current while the page is open (null: loading). */
import { useEffect, useState } from 'preact/hooks';
import { prPageBadgeItem } from '../../utils/settings/items';

export function usePrPageBadge(): boolean | null {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    let alive = true;
    void prPageBadgeItem.getValue().then((value) => alive && setOn(value === true));
    // The background turns it off when the person withdraws the access in the browser.
    const unwatch = prPageBadgeItem.watch((value) => setOn(value === true));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return on;
}
