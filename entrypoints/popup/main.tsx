/** The toolbar popup: the session browser, compact, with its filters kept between openings. */
import '../../components/shared/theme.css';
import '../../components/sessions/sessions.css';
import { render } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { LazyAlertList } from '../../components/alerts/lazy-alert-list';
import { createBrowserEnv } from '../../components/sessions/browser-env';
import { SessionsEnvContext } from '../../components/sessions/env';
import { SessionBrowser } from '../../components/sessions/session-browser';
import { viewToQuery } from '../../components/sessions/view-query';
import type { AlertTarget } from '../../utils/alerts/types';
import { clearFilters, type SessionFilters } from '../../utils/filters/model';
import { filtersToSearchParams } from '../../utils/filters/url';
import { t } from '../../utils/i18n';
import { localizePage } from '../../utils/i18n/page';
import { runDetached } from '../../utils/log';
import { loadPopupFilters, savePopupFilters } from './popup-filters';

const env = createBrowserEnv();

function Popup(props: { initialFilters: SessionFilters }) {
  const [filters, setFilters] = useState(props.initialFilters);
  const [openId, setOpenId] = useState<string | null>(null);
  const changeFilters = (next: SessionFilters) => {
    setFilters(next);
    // Stored after the list has repainted: a keystroke's frame does not wait for storage.
    requestAnimationFrame(() =>
      setTimeout(() => runDetached('remembering the popup filters', savePopupFilters(next))),
    );
  };
  const openAlert = useRef((_target: AlertTarget) => {});
  openAlert.current = (target: AlertTarget) => {
    if (target.type === 'session') {
      setOpenId(target.sessionId);
      return;
    }
    changeFilters({ ...clearFilters(filters), orgIds: [target.orgId] });
    setOpenId(null);
  };
  // Made once: a keystroke re-renders the popup, and the alerts (up to ten, each with its
  // buttons) do not depend on the filters.
  const alerts = useMemo(
    () => <LazyAlertList variant="popover" onOpen={(target) => openAlert.current(target)} />,
    [],
  );
  return (
    <SessionsEnvContext.Provider value={env}>
      <SessionBrowser
        layout="popup"
        filters={filters}
        onFiltersChange={changeFilters}
        openId={openId}
        onOpenChange={setOpenId}
        actions={
          <>
            {alerts}
            <button
              type="button"
              class="open-tab"
              title={t('sessions.insightsTitle')}
              onClick={() => env.openInsights(filtersToSearchParams(filters).toString())}
            >
              {t('sessions.insights')}
            </button>
            <button
              type="button"
              class="open-tab"
              title={t('sessions.openInTabTitle')}
              onClick={() => env.openInTab(viewToQuery({ filters, openId }))}
            >
              {t('sessions.openInTab')} <span aria-hidden="true">↗</span>
            </button>
          </>
        }
      />
    </SessionsEnvContext.Provider>
  );
}

localizePage('popup.pageTitle');

const root = document.getElementById('app');
if (root) {
  runDetached(
    'opening the popup',
    loadPopupFilters().then((filters) => render(<Popup initialFilters={filters} />, root)),
  );
}
