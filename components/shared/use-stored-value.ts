/**
 * A storage item as component state, kept current when another page changes it. Writes show at
 * once; `persist: false` keeps a value on the page only (a column dragged wider is stored once,
 * when the drag ends, not on every pointer move).
 */
import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

export function useStoredValue<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  fallback: T,
  normalize: (stored: unknown) => T = (stored) => stored as T,
): [value: T, set: (value: T, persist?: boolean) => void] {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    let alive = true;
    void item.getValue().then((stored) => alive && setValue(normalize(stored)));
    const unwatch = item.watch((stored) => setValue(normalize(stored)));
    return () => {
      alive = false;
      unwatch();
    };
  }, [item]);
  const set = (next: T, persist = true) => {
    setValue(next);
    if (persist) void item.setValue(next);
  };
  return [value, set];
}
