/**
 * Subscribes a component to a Dexie live query: it re-renders whenever the rows the query read
 * change, whoever wrote them (usually the background's sync).
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('Live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
