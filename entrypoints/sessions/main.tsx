/**
 * The session browser in a full tab. The URL holds the view (filters and the open session), so
 * a filtered view can be bookmarked or shared; other features link here:
 *   sessions.html?session=<id>   opens that session
 *   sessions.html?pr=<PR key>    sessions whose pull requests include that PR
 *   sessions.html?ids=a,b,c      those sessions
 */
import '../../components/shared/theme.css';
import '../../components/sessions/sessions.css';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { AlertList } from '../../components/alerts/alert-list';
import { createBrowserEnv } from '../../components/sessions/browser-env';
import { SessionsEnvContext } from '../../components/sessions/env';
import { SessionBrowser } from '../../components/sessions/session-browser';
import { viewFromQuery, viewToQuery } from '../../components/sessions/view-query';
import { useQueryInUrl } from '../../components/shared/use-query-in-url';
import type { AlertTarget } from '../../utils/alerts/types';
import { clearFilters, type SessionFilters } from '../../utils/filters/model';
import { filtersToSearchParams } from '../../utils/filters/url';
import { t } from '../../utils/i18n';
import { localizePage } from '../../utils/i18n/page';

const env = createBrowserEnv();

function SessionsTab() {
  const [view, setView] = useState(() => viewFromQuery(location.search));

  useQueryInUrl(viewToQuery(view));

  const openAlert = (target: AlertTarget) =>
    setView((v) =>
      target.type === 'session'
        ? { ...v, openId: target.sessionId }
        : { filters: { ...clearFilters(v.filters), orgIds: [target.orgId] }, openId: null },
    );

  return (
    <SessionsEnvContext.Provider value={env}>
      <SessionBrowser
        layout="tab"
        filters={view.filters}
        onFiltersChange={(filters: SessionFilters) => setView((v) => ({ ...v, filters }))}
        openId={view.openId}
        onOpenChange={(openId) => setView((v) => ({ ...v, openId }))}
        banner={<AlertList variant="banner" onOpen={openAlert} />}
        actions={
          <a class="open-tab" href={`insights.html?${filtersToSearchParams(view.filters)}`}>
            {t('sessions.insights')}
          </a>
        }
      />
    </SessionsEnvContext.Provider>
  );
}

localizePage('sessions.pageTitle');

const root = document.getElementById('app');
if (root) render(<SessionsTab />, root);
