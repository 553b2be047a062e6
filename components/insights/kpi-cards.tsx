/**
 * The numbers at a glance at the top of the Insights report: sessions, ACUs, errors, PRs and what
 * the analyses found, each linking to the sessions it counts.
 */
import type { ComponentChildren } from 'preact';
import { formatAcus, formatCount, formatPercent } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { Selection } from '../../utils/insights/select';
import {
  FLAG_ANALYSIS,
  FLAG_ERROR,
  FLAG_HAS_PR,
  FLAG_ISSUES,
  FLAG_MERGED_PR,
  FLAG_SUGGESTED_PROMPT,
  type Insights,
} from '../../utils/insights/types';
import { SelectLink } from './parts';

function KpiCard(props: {
  label: string;
  value: string;
  select?: Selection;
  sub?: ComponentChildren;
  testId?: string;
}) {
  return (
    <div class="kpi">
      <div class="kpi-label">{props.label}</div>
      <div class="kpi-value">
        {props.select ? (
          <SelectLink select={props.select} testId={props.testId}>
            {props.value}
          </SelectLink>
        ) : (
          <span data-testid={props.testId}>{props.value}</span>
        )}
      </div>
      {props.sub ? <div class="kpi-sub muted">{props.sub}</div> : null}
    </div>
  );
}

export function KpiCards(props: { insights: Insights }) {
  const totals = props.insights.totals;
  const share = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole) : '–');
  return (
    <div class="kpis">
      <KpiCard
        label={t('insights.kpi.sessions')}
        value={formatCount(totals.sessions)}
        select={{}}
        testId="kpi-sessions"
        sub={t('insights.kpi.average', [
          formatAcus(totals.sessions > 0 ? totals.acus / totals.sessions : 0),
        ])}
      />
      <KpiCard
        label={t('insights.kpi.acus')}
        value={formatAcus(totals.acus)}
        select={{}}
        sub={t('insights.kpi.median', [formatAcus(totals.medianAcus)])}
      />
      <KpiCard
        label={t('insights.kpi.errorRate')}
        value={share(totals.errors, totals.sessions)}
        select={totals.errors > 0 ? { flags: FLAG_ERROR } : undefined}
        testId="kpi-errors"
        sub={t('common.sessionCount', totals.errors, [formatCount(totals.errors)])}
      />
      <KpiCard
        label={t('insights.kpi.prsOpened')}
        value={formatCount(totals.prsOpened)}
        select={totals.prsOpened > 0 ? { flags: FLAG_HAS_PR } : undefined}
        sub={t('insights.kpi.inSessions', totals.sessionsWithPr, [
          formatCount(totals.sessionsWithPr),
        ])}
      />
      <KpiCard
        label={t('insights.kpi.prsMerged')}
        value={formatCount(totals.prsMerged)}
        select={totals.prsMerged > 0 ? { flags: FLAG_MERGED_PR } : undefined}
        sub={t('insights.kpi.ofOpened', [share(totals.prsMerged, totals.prsOpened)])}
      />
      <KpiCard
        label={t('insights.kpi.analysed')}
        value={formatCount(totals.analysed)}
        select={totals.analysed > 0 ? { flags: FLAG_ANALYSIS } : undefined}
        sub={
          totals.withIssues > 0 ? (
            <SelectLink select={{ flags: FLAG_ISSUES }}>
              {t('insights.kpi.withIssues', [formatCount(totals.withIssues)])}
            </SelectLink>
          ) : (
            t('insights.kpi.noneWithIssues')
          )
        }
      />
      <KpiCard
        label={t('insights.kpi.suggested')}
        value={formatCount(totals.withSuggestedPrompt)}
        select={totals.withSuggestedPrompt > 0 ? { flags: FLAG_SUGGESTED_PROMPT } : undefined}
        testId="kpi-suggested"
        sub={t('insights.kpi.ofAnalysed', [share(totals.withSuggestedPrompt, totals.analysed)])}
      />
    </div>
  );
}
