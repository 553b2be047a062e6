/**
 * The popup's alerts button, loaded after the list's first rows: its code (with Stop session)
 * and its database reads are not needed to paint them, and a popup is opened to see the list.
 */
import { useEffect, useState } from 'preact/hooks';
import { logFailure } from '../../utils/log';
import { afterFirstScreen } from '../sessions/data';
import type { AlertList, AlertListProps } from './alert-list';

/** After the next frame is painted (the first rows are on screen by then). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

export function LazyAlertList(props: AlertListProps) {
  const [List, setList] = useState<typeof AlertList | null>(null);
  useEffect(() => {
    let active = true;
    void afterFirstScreen()
      .then(afterNextPaint)
      .then(() => import('./alert-list'))
      .then((module) => {
        if (active) setList(() => module.AlertList);
      })
      .catch((error: unknown) => logFailure('loading the alerts', error));
    return () => {
      active = false;
    };
  }, []);
  return List ? <List {...props} /> : null;
}
