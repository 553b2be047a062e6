/**
 * Insights: what the cached sessions of the whole enterprise say, at a glance. The URL holds the
 * view (the list's filters, plus `by=` for the stacked chart), so a view can be bookmarked and
 * shared. Every number links to the list showing exactly the sessions behind it.
 *
 * This is the page's shell: its heading and status line, the filters, and what stands in for the
 * report while there is nothing to show. The query lives in use-insights-query.ts, the report in
 * report.tsx.
 */

import { formatCount, formatRelative } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { InsightsResult } from '../../utils/insights/messages';
import { filtersUrl } from '../../utils/insights/select';
import { BudgetSection } from '../budget/budget-section';
import { useBillingCycle } from '../budget/use-billing-cycle';
import { CostView } from '../cost/cost-view';
import { useNow } from '../shared/use-now';
import { FilterBar } from './filter-bar';
import { useNames } from './names';
import { LinkScopeContext } from './parts';
import { Report } from './report';
import { usePalette } from './theme';
import { useInsightsQuery } from './use-insights-query';

export function InsightsPage() {
  const now = useNow(60_000);
  const billing = useBillingCycle(now);
  const query = useInsightsQuery(billing.cycle);
  const names = useNames();
  const palette = usePalette();
  const result = query.result;
  return (
    <div class="insights">
      <header class="page-head">
        <h1>
          <span class="brand-mark" aria-hidden="true">
            D
          </span>
          {t('insights.heading')}
        </h1>
        <StatusLine
          result={result}
          current={query.current}
          mode={query.mode}
          error={query.error}
          now={now}
        />
        <a class="button-link" href={filtersUrl(query.filters)} target="_blank" rel="noopener">
          {t('insights.openInList')}
        </a>
      </header>
      <FilterBar
        filters={query.filters}
        onChange={query.setFilters}
        names={names}
        orgIds={[...names.orgIds, ...(result?.insights.dictionaries.org ?? [])]}
        statuses={result?.insights.dictionaries.status ?? []}
        now={now}
      />
      {result === null ? (
        <p class="placeholder muted">{query.error ?? t('insights.readingCache')}</p>
      ) : result.cached === 0 ? (
        <NothingCached />
      ) : result.insights.count === 0 ? (
        <div class="placeholder">
          <p>{t('insights.noMatch')}</p>
        </div>
      ) : (
        <LinkScopeContext.Provider value={{ insights: result.insights, filters: result.filters }}>
          <Report
            insights={result.insights}
            names={names}
            palette={palette}
            by={query.by}
            onBy={query.setBy}
            stale={!query.current}
          />
          <CostView report={result.cost} filters={result.filters} names={names} />
        </LinkScopeContext.Provider>
      )}
      <BudgetSection
        now={now}
        names={names}
        cycle={billing.cycle}
        startDay={billing.startDay}
        cycleSessions={result?.cycleSessions ?? null}
      />
    </div>
  );
}

function StatusLine(props: {
  result: InsightsResult | null;
  current: boolean;
  mode: 'worker' | 'page';
  error: string | null;
  now: number;
}) {
  const { result } = props;
  if (props.error) return <p class="status error-text">{props.error}</p>;
  if (!result) return <p class="status muted">{t('insights.loading')}</p>;
  const { timings } = result;
  const saved = result.savedAt !== undefined;
  const readingAnalysis = result.partial || result.insights.totals.analysisPending > 0;
  return (
    <p
      class="status muted"
      role="status"
      data-testid="insights-status"
      data-seq={result.seq}
      data-count={result.insights.count}
      data-partial={String(result.partial)}
      data-read-ms={timings.readMs.toFixed(1)}
      data-prepare-ms={timings.prepareMs.toFixed(1)}
      data-filter-ms={timings.filterMs.toFixed(1)}
      data-compute-ms={timings.computeMs.toFixed(1)}
      data-cost-ms={timings.costMs.toFixed(1)}
      data-details-ms={timings.detailsMs.toFixed(1)}
      data-saved-at={result.savedAt}
    >
      {props.current ? null : `${t('insights.updating')} · `}
      {t('insights.countOf', result.cached, [
        formatCount(result.cached),
        formatCount(result.insights.count),
      ])}{' '}
      ·{' '}
      {result.savedAt !== undefined ? (
        t('insights.savedResult', [formatRelative(result.savedAt, props.now)])
      ) : (
        <Timings result={result} mode={props.mode} />
      )}
      {!saved && readingAnalysis
        ? ` · ${t('insights.readingAnalysis', result.insights.totals.analysisPending, [
            formatCount(result.insights.totals.analysisPending),
          ])}`
        : null}
    </p>
  );
}

/** How long the result took, and where it was computed. */
function Timings(props: { result: InsightsResult; mode: 'worker' | 'page' }) {
  const { timings } = props.result;
  const ms = Math.round(timings.filterMs + timings.computeMs + timings.costMs);
  return (
    <span
      title={t('insights.timings', [
        formatCount(Math.round(timings.readMs)),
        formatCount(Math.round(timings.prepareMs)),
        formatCount(ms),
      ])}
    >
      {props.mode === 'worker'
        ? t('insights.computedWorker', [formatCount(ms)])
        : t('insights.computedPage', [formatCount(ms)])}
    </span>
  );
}

function NothingCached() {
  return (
    <div class="placeholder">
      <h2>{t('insights.nothingCached.heading')}</h2>
      <p class="muted">{t('insights.nothingCached.body')}</p>
      <a class="button-link" href="options.html" target="_blank" rel="noopener">
        {t('insights.nothingCached.openOptions')}
      </a>
    </div>
  );
}
