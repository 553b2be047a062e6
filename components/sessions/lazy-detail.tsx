/**
 * The detail view (analysis, prompt diff, timeline) is loaded the first time a session is
 * opened, so the popup's first paint carries only the list.
 */
import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { SessionDetailView as DetailView } from './session-detail';

type DetailProps = ComponentProps<typeof DetailView>;

let loaded: typeof DetailView | null = null;
let loading: Promise<typeof DetailView> | null = null;

function loadDetailView(): Promise<typeof DetailView> {
  loading ??= import('./session-detail').then((module) => {
    loaded = module.SessionDetailView;
    return loaded;
  });
  return loading;
}

/**
 * Loads the detail view's code once the page has nothing else to do (after the list is up), so
 * the first session opened does not wait for the code to load and compile.
 */
export function useDetailPreload(ready: boolean): void {
  useEffect(() => {
    if (!ready || loaded) return;
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => void loadDetailView(), 500);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(() => void loadDetailView(), { timeout: 3000 });
    return () => cancelIdleCallback(handle);
  }, [ready]);
}

export function LazySessionDetail(props: DetailProps) {
  const [View, setView] = useState(() => loaded);
  useEffect(() => {
    if (!View) void loadDetailView().then((view) => setView(() => view));
  }, [View]);
  if (!View) return <p class="empty muted">{t('sessions.detail.opening')}</p>;
  return <View {...props} />;
}
