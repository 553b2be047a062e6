/**
 * The numbers at a glance at the top of the Insights report: sessions, ACUs, errors, PRs and what
 * the analyses found, each linking to the sessions it counts.
 */
import type { ComponentChildren } from 'preact';
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
import { formatAcus, formatCount, formatPercent, plural } from '../shared/format';
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
  const t = props.insights.totals;
  const share = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole) : '–');
  return (
    <div class="kpis">
      <KpiCard
        label="Sessions"
        value={formatCount(t.sessions)}
        select={{}}
        testId="kpi-sessions"
        sub={`${formatAcus(t.sessions > 0 ? t.acus / t.sessions : 0)} ACUs on average`}
      />
      <KpiCard
        label="ACUs"
        value={formatAcus(t.acus)}
        select={{}}
        sub={`median ${formatAcus(t.medianAcus)} per session`}
      />
      <KpiCard
        label="Error rate"
        value={share(t.errors, t.sessions)}
        select={t.errors > 0 ? { flags: FLAG_ERROR } : undefined}
        testId="kpi-errors"
        sub={plural(t.errors, 'session')}
      />
      <KpiCard
        label="PRs opened"
        value={formatCount(t.prsOpened)}
        select={t.prsOpened > 0 ? { flags: FLAG_HAS_PR } : undefined}
        sub={`in ${plural(t.sessionsWithPr, 'session')}`}
      />
      <KpiCard
        label="PRs merged"
        value={formatCount(t.prsMerged)}
        select={t.prsMerged > 0 ? { flags: FLAG_MERGED_PR } : undefined}
        sub={`${share(t.prsMerged, t.prsOpened)} of opened`}
      />
      <KpiCard
        label="Analysed"
        value={formatCount(t.analysed)}
        select={t.analysed > 0 ? { flags: FLAG_ANALYSIS } : undefined}
        sub={
          t.withIssues > 0 ? (
            <SelectLink select={{ flags: FLAG_ISSUES }}>
              {formatCount(t.withIssues)} with issues
            </SelectLink>
          ) : (
            'none with issues'
          )
        }
      />
      <KpiCard
        label="Suggested prompts"
        value={formatCount(t.withSuggestedPrompt)}
        select={t.withSuggestedPrompt > 0 ? { flags: FLAG_SUGGESTED_PROMPT } : undefined}
        testId="kpi-suggested"
        sub={`${share(t.withSuggestedPrompt, t.analysed)} of analysed sessions`}
      />
    </div>
  );
}
