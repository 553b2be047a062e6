/**
 * The Insights report under the filters: the numbers at a glance, the two daily charts, then the
 * tables (users, organizations, statuses, costliest sessions, what the analyses find, pull
 * requests), each with its CSV download.
 */
import { useMemo } from 'preact/hooks';
import { formatCount, formatPercent } from '../../utils/format';
import { t } from '../../utils/i18n';
import { actionTypesTable, impactsTable, labelsTable } from '../../utils/insights/analysis-tables';
import { costliestTable } from '../../utils/insights/costliest-table';
import { dailyTable } from '../../utils/insights/day-tables';
import type { Names } from '../../utils/insights/display-names';
import { groupTable } from '../../utils/insights/group-tables';
import { prTable } from '../../utils/insights/pr-table';
import { FLAG_SUGGESTED_PROMPT, type GroupBy, type Insights } from '../../utils/insights/types';
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
    pending > 0 ? t('insights.readingAnalysis', pending, [formatCount(pending)]) : undefined;

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
        <TableSection
          id="users"
          title={t('insights.report.users')}
          table={tables.users}
          limit={10}
        />
        <div class="stack">
          <TableSection
            id="orgs"
            title={t('insights.report.orgs')}
            table={tables.orgs}
            limit={10}
          />
          <TableSection
            id="statuses"
            title={t('insights.report.statuses')}
            table={tables.statuses}
          />
        </div>
      </div>
      <TableSection
        id="costliest"
        title={t('insights.report.costliest')}
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
              {t('insights.report.listAll', [formatCount(insights.costliest.length)])}
            </SelectLink>
          ) : undefined
        }
        limit={10}
      />
      <div class="band">
        <h2>{t('insights.report.analysisHeading')}</h2>
        <p class="muted">
          {t('insights.report.analysedOf', insights.count, [
            formatCount(insights.count),
            formatCount(insights.totals.analysed),
          ])}
          {insights.totals.analysed > 0 ? (
            <>
              {' · '}
              <SelectLink select={{ flags: FLAG_SUGGESTED_PROMPT }} testId="suggested-prompts">
                {t('insights.report.suggestedPrompts', insights.totals.withSuggestedPrompt, [
                  formatCount(insights.totals.withSuggestedPrompt),
                ])}
              </SelectLink>{' '}
              {t('insights.report.suggestedShare', [
                formatPercent(insights.totals.withSuggestedPrompt / insights.totals.analysed),
              ])}
            </>
          ) : null}
        </p>
      </div>
      <div class="grid analysis">
        <TableSection
          id="labels"
          title={t('insights.report.labels')}
          table={tables.labels}
          note={pendingNote ?? t('insights.report.labelsNote')}
          empty={t('insights.report.labelsEmpty')}
        />
        <div class="stack">
          <TableSection
            id="action-types"
            title={t('insights.report.actionTypes')}
            table={tables.actionTypes}
            note={pendingNote}
            empty={pending > 0 ? t('insights.report.reading') : t('insights.report.actionsEmpty')}
          />
          <TableSection
            id="impacts"
            title={t('insights.report.impacts')}
            table={tables.impacts}
            note={pendingNote}
            empty={pending > 0 ? t('insights.report.reading') : t('insights.report.impactsEmpty')}
          />
        </div>
      </div>
      <TableSection
        id="prs"
        title={t('insights.report.prs')}
        table={tables.prs}
        note={t('insights.report.prsNote')}
        empty={t('insights.report.prsEmpty')}
      />
    </main>
  );
}
