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
import type { Names } from '../../utils/insights/display-names';
import { Segmented } from '../insights/segmented';
import { formatAcus, formatCount, plural } from '../shared/format';
import { CostTable } from './cost-table';

const LIMIT = 10;

const PER_MERGED_OPTIONS: readonly { value: PerMergedBy; label: string; testId: string }[] = [
  { value: 'user', label: 'Users', testId: 'per-merged-user' },
  { value: 'org', label: 'Organizations', testId: 'per-merged-org' },
  { value: 'repository', label: 'Repositories', testId: 'per-merged-repository' },
];

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

  return (
    <section class="cost-view" id="cost" aria-labelledby="cost-title" data-testid="cost-view">
      <div class="band">
        <h2 id="cost-title">What the ACUs bought</h2>
        <p class="muted" data-testid="cost-summary">
          {formatAcus(total.acus)} ACUs over {plural(total.sessions, 'session')} ·{' '}
          {plural(total.mergedPrs, 'merged PR')}
          {Number.isFinite(cost) ? ` · ${formatAcus(cost)} ACUs per merged PR` : null}
        </p>
      </div>
      <div class="grid two">
        <CostTable
          table={tables.repositories}
          limit={LIMIT}
          note="from the pull requests' URLs"
          footnote={
            report.splitSessions > 0
              ? `${plural(report.splitSessions, 'session')} opened PRs in several repositories: each counts in every one of them, with its ACUs split evenly, so the ACUs add up to the total and the sessions do not.`
              : undefined
          }
        />
        <div class="stack">
          <CostTable
            table={tables.outcomes}
            note="by each session's best PR"
            footnote="A session's outcome is its best pull request: merged, else open (a PR without a known state counts as open), else closed."
          />
          <CostTable
            table={perMergedModel}
            limit={LIMIT}
            controls={
              <Segmented
                legend="ACUs per merged PR by"
                options={PER_MERGED_OPTIONS}
                value={by}
                onChange={setBy}
              />
            }
            footnote="Every ACU of the group divided by its merged PRs: what a merged PR costs, the attempts that did not merge included. A dash: no merged PR."
          />
        </div>
      </div>
      <div class="grid two">
        <CostTable
          table={tables.weeks}
          note="Monday to Sunday, up to the end of the date filter"
          footnote={`The last ${formatCount(report.weeks.length)} weeks with the other filters; the change is in ACUs against the week before.`}
        />
        {tables.periods ? (
          <CostTable table={tables.periods} note="the date filter's window and as long before it" />
        ) : (
          <section class="card cost-card" aria-labelledby="cost-periods-title">
            <header class="card-head">
              <h3 id="cost-periods-title">This period and the one before</h3>
            </header>
            <p class="muted">
              Choose a date range in the filters (for example the last 30 days) to compare it with
              the period before.
            </p>
          </section>
        )}
      </div>
    </section>
  );
}
