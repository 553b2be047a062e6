/**
 * "What the ACUs bought": the Cost view of the Insights page, under its report and following its
 * filters. Cost by repository and by outcome, what a merged PR costs per user, organization or
 * repository, the last weeks, and this period against the one before. The figures come with the
 * Insights result (computed in its worker, utils/cost/compute.ts); the tables are built here.
 */
import { useMemo, useState } from 'preact/hooks';
import {
  outcomeTable,
  type PerMergedBy,
  periodTable,
  perMerged,
  perMergedTable,
  repositoryTable,
  weekTable,
} from '../../utils/cost/tables';
import type { CostReport } from '../../utils/cost/types';
import type { SessionFilters } from '../../utils/filters/model';
import { formatAcus, formatCount } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { Names } from '../../utils/insights/display-names';
import { Segmented } from '../insights/segmented';
import { CostTable } from './cost-table';

const LIMIT = 10;

const PER_MERGED_BY: readonly PerMergedBy[] = ['user', 'org', 'repository'];

function perMergedOptions() {
  return PER_MERGED_BY.map((value) => ({
    value,
    label: t(`cost.by.${value}`),
    testId: `per-merged-${value}`,
  }));
}

export function CostView(props: { report: CostReport; filters: SessionFilters; names: Names }) {
  const { report, filters, names } = props;
  const [by, setBy] = useState<PerMergedBy>('user');
  const context = useMemo(() => ({ report, filters, names }), [report, filters, names]);
  const tables = useMemo(
    () => ({
      repositories: repositoryTable(context),
      outcomes: outcomeTable(context),
      weeks: weekTable(context),
      periods: periodTable(context),
    }),
    [context],
  );
  const perMergedModel = useMemo(() => perMergedTable(context, by), [context, by]);
  const { total } = report;
  const cost = perMerged(total);

  const count = (n: number): [string] => [formatCount(n)];
  const summary = t('cost.summary', {
    acus: formatAcus(total.acus),
    sessions: t('common.sessionCount', total.sessions, count(total.sessions)),
    merged: t('cost.mergedPrs', total.mergedPrs, count(total.mergedPrs)),
  });

  return (
    <section class="cost-view" id="cost" aria-labelledby="cost-title" data-testid="cost-view">
      <div class="band">
        <h2 id="cost-title">{t('cost.title')}</h2>
        <p class="muted" data-testid="cost-summary">
          {summary}
          {Number.isFinite(cost)
            ? ` · ${t('cost.perMergedSummary', { acus: formatAcus(cost) })}`
            : null}
        </p>
      </div>
      <CostTable
        table={tables.repositories}
        limit={LIMIT}
        note={t('cost.note.repositories')}
        footnote={
          report.splitSessions > 0
            ? t('cost.footnote.split', report.splitSessions, count(report.splitSessions))
            : undefined
        }
      />
      <div class="grid two">
        <CostTable
          table={tables.outcomes}
          note={t('cost.note.outcomes')}
          footnote={t('cost.footnote.outcomes')}
        />
        <CostTable
          table={perMergedModel}
          limit={LIMIT}
          controls={
            <Segmented
              legend={t('cost.by.legend')}
              options={perMergedOptions()}
              value={by}
              onChange={setBy}
            />
          }
          footnote={t('cost.footnote.perMerged')}
        />
      </div>
      {tables.periods ? (
        <CostTable table={tables.periods} note={t('cost.note.periods')} />
      ) : (
        <section class="card cost-card" aria-labelledby="cost-periods-title">
          <header class="card-head">
            <h3 id="cost-periods-title">{t('cost.table.periods')}</h3>
          </header>
          <p class="muted">{t('cost.periodsEmpty')}</p>
        </section>
      )}
      <CostTable
        table={tables.weeks}
        note={t('cost.note.weeks')}
        footnote={t('cost.footnote.weeks', count(report.weeks.length))}
      />
    </section>
  );
}
