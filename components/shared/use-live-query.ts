/**
 * Subscribes a component to a Dexie live query: it re-renders whenever the rows the query read
 * change, whoever wrote them (usually the background's sync). Dexie is imported on first use,
 * so a page can paint before it loads; a null query (no database yet) keeps the initial value.
 */
import { useEffect, useState } from 'preact/hooks';
import { logFailure } from '../../utils/log';

let dexie: Promise<typeof import('dexie')> | null = null;

export function useLiveQuery<T>(
  query: (() => Promise<T> | T) | null,
  deps: unknown[],
  initial: T,
): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (query === null) return;
    let subscription: { unsubscribe(): void } | null = null;
    let active = true;
    dexie ??= import('dexie');
    void dexie.then(({ liveQuery }) => {
      if (!active) return;
      subscription = liveQuery(query).subscribe({
        next: setValue,
        error: (error: unknown) => logFailure('a live query', error),
      });
    });
    return () => {
      active = false;
      subscription?.unsubscribe();
    };
  }, [query === null, ...deps]);
  return value;
}
