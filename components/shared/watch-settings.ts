/** Reads from the stored settings and the key's ending now and again whenever either changes. */
import { apiKeyEndingItem, settingsItem } from '../../utils/settings';

/** Hands `read()` to `callback` now and after each change, until the returned stop is called. */
export function watchSettings<T>(read: () => Promise<T>, callback: (value: T) => void): () => void {
  let active = true;
  const load = () => {
    void read().then((value) => {
      if (active) callback(value);
    });
  };
  load();
  const unwatch = [settingsItem.watch(load), apiKeyEndingItem.watch(load)];
  return () => {
    active = false;
    for (const stop of unwatch) stop();
  };
}
