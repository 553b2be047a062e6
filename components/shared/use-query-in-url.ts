/** Keeps a page's view in its URL (replacing the entry, not adding one), so it can be bookmarked. */
import { useEffect } from 'preact/hooks';

export function useQueryInUrl(query: string): void {
  useEffect(() => {
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) {
      history.replaceState(null, '', url);
    }
  }, [query]);
}
