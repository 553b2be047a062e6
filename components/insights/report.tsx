/**
 * The Insights report under the filters: the numbers at a glance, the two daily charts, then the
 * tables (users, organizations, statuses, costliest sessions, what the analyses find, pull
 * requests), each with its CSV download.
 */
import { useMemo } from 'preact/hooks';
import { actionTypesTable, impactsTable, labelsTable } from '../../utils/insights/analysis-tables';
import { costliestTable } from '../../utils/insights/costliest-table';
import { dailyTable } from '../../utils/insights/day-tables';
import type { Names } from '../../utils/insights/display-names';
import { groupTable } from '../../utils/insights/group-tables';
import { prTable } from '../../utils/insights/pr-table';
import { FLAG_SUGGESTED_PROMPT, type GroupBy, type Insights } from '../../utils/insights/types';
import { formatCount, formatPercent, plural } from '../shared/format';
import { AcuChart } from './acu-chart';
import { KpiCards } from './kpi-cards';
import { SelectLink, TableSection } from './parts';
import { SessionsChart } from './sessions-chart';
import type { Palette } from './theme';

export function Report(props: {
  insights: Insights;
  names: Names;
  palette: Palette;
  by: GroupBy;
  onBy: (by: GroupBy) => void;
  stale: boolean;
}) {
  const { insights, names, palette, by } = props;
  const tables = useMemo(
    () => ({
      daily: dailyTable(insights, by, names),
      users: groupTable(insights, 'user', names),
      orgs: groupTable(insights, 'org', names),
      statuses: groupTable(insights, 'status', names),
      costliest: costliestTable(insights, names),
      labels: labelsTable(insights),
      impacts: impactsTable(insights),
      actionTypes: actionTypesTable(insights),
      prs: prTable(insights),
    }),
    [insights, names, by],
  );
  const pending = insights.totals.analysisPending;
  const pendingNote =
    pending > 0 ? `reading the analysis of ${plural(pending, 'session')}…` : undefined;

  return (
    <main class={props.stale ? 'report stale' : 'report'} aria-busy={props.stale}>
      <KpiCards insights={insights} />
      <AcuChart
        insights={insights}
        names={names}
        palette={palette}
        by={by}
        onBy={props.onBy}
        table={tables.daily}
      />
      <SessionsChart insights={insights} palette={palette} />
      <div class="grid two">
        <TableSection id="users" title="Users" table={tables.users} limit={10} />
        <div class="stack">
          <TableSection id="orgs" title="Organizations" table={tables.orgs} limit={10} />
          <TableSection id="statuses" title="Statuses" table={tables.statuses} />
        </div>
      </div>
      <TableSection
        id="costliest"
        title="Costliest sessions"
        table={tables.costliest}
        note={
          insights.costliest.length > 1 ? (
            <SelectLink
              select={{
                bucket: {
                  key: 'costliest',
                  sessions: insights.costliest.length,
                  occurrences: insights.costliest.length,
                  members: Int32Array.from(
                    insights.costliest.map((s) => s.index).sort((a, b) => a - b),
                  ),
                },
              }}
            >
              list all {insights.costliest.length}
            </SelectLink>
          ) : undefined
        }
        limit={10}
      />
      <div class="band">
        <h2>What the analysis finds</h2>
        <p class="muted">
          {formatCount(insights.totals.analysed)} of {plural(insights.count, 'session')} analysed
          {insights.totals.analysed > 0 ? (
            <>
              {' · '}
              <SelectLink select={{ flags: FLAG_SUGGESTED_PROMPT }} testId="suggested-prompts">
                {plural(insights.totals.withSuggestedPrompt, 'suggested prompt')}
              </SelectLink>{' '}
              ({formatPercent(insights.totals.withSuggestedPrompt / insights.totals.analysed)} of
              analysed sessions)
            </>
          ) : null}
        </p>
      </div>
      <div class="grid analysis">
        <TableSection
          id="labels"
          title="Issue labels"
          table={tables.labels}
          note={pendingNote ?? 'sessions with an issue of each label, by impact'}
          empty="No issues in these sessions' analyses."
        />
        <div class="stack">
          <TableSection
            id="action-types"
            title="Action item types"
            table={tables.actionTypes}
            note={pendingNote}
            empty={pending > 0 ? 'Reading…' : 'No action items in these sessions.'}
          />
          <TableSection
            id="impacts"
            title="Issue impacts"
            table={tables.impacts}
            note={pendingNote}
            empty={pending > 0 ? 'Reading…' : 'No issues in these sessions.'}
          />
        </div>
      </div>
      <TableSection
        id="prs"
        title="Pull request outcomes"
        table={tables.prs}
        note="PRs by git host and state; a click lists the sessions that opened them"
        empty="No pull requests in these sessions."
      />
    </main>
  );
}
