/**
 * Reads from the stored settings, the key's ending and the origin it is confirmed for, now and
 * again whenever one changes.
 */
import { apiKeyEndingItem, apiKeyOriginItem, settingsItem } from '../../utils/settings';

/** Hands `read()` to `callback` now and after each change, until the returned stop is called. */
export function watchSettings<T>(read: () => Promise<T>, callback: (value: T) => void): () => void {
  let active = true;
  const load = () => {
    void read().then((value) => {
      if (active) callback(value);
    });
  };
  load();
  const unwatch = [
    settingsItem.watch(load),
    apiKeyEndingItem.watch(load),
    apiKeyOriginItem.watch(load),
  ];
  return () => {
    active = false;
    for (const stop of unwatch) stop();
  };
}
