/**
 * The insights page's budget: each organization's billed ACUs this billing cycle against its
 * limit, the days left and where the cycle ends at the current rate, with the sum of the cached
 * sessions beside it (the two differ: other products bill too). When billing cannot be read the
 * session sum stands in, and a notice says why and what to do. Every figure is text as well as
 * a meter, for screen readers.
 */

import type { BillingCycle } from '../../utils/budget/cycle';
import { formatAcus, formatDate, formatDateTime } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { CycleSessions } from '../../utils/insights/messages';
import { OrgTable } from './org-table';
import { type BudgetView, useBudget } from './use-budget';
import { UserList } from './user-list';
import './budget.css';

export interface BudgetNames {
  org: (id: string) => string;
  user: (id: string | null) => string;
}

export function BudgetSection(props: {
  now: number;
  names: BudgetNames;
  cycle: BillingCycle;
  startDay: number;
  /** From the Insights result: null until the worker has summed this cycle's sessions. */
  cycleSessions: CycleSessions | null;
}) {
  const view = useBudget(props.now, props.cycle, props.startDay, props.cycleSessions);
  if (view === null) return null;
  const { budget } = view;
  return (
    <section class="budget" aria-labelledby="budget-heading" data-testid="budget">
      <h2 id="budget-heading">{t('budget.heading')}</h2>
      <p class="budget-cycle">
        {t('budget.cycle', {
          start: formatDate(budget.cycle.start),
          end: formatDate(budget.cycle.end),
          day: String(budget.daysElapsed),
          days: String(budget.days),
        })}{' '}
        <strong data-testid="budget-days-left">
          {t('budget.daysLeft', budget.daysLeft, [String(budget.daysLeft)])}
        </strong>
      </p>
      <SourceNotice view={view} />
      <p class="budget-enterprise" data-testid="budget-enterprise">
        {budget.enterprise.billedAcus === null
          ? t('budget.enterpriseSessions', {
              sessions: formatAcus(budget.enterprise.sessionAcus),
              forecast: formatAcus(budget.enterprise.forecastAcus),
            })
          : t('budget.enterprise', {
              billed: formatAcus(budget.enterprise.billedAcus),
              sessions: formatAcus(budget.enterprise.sessionAcus),
              forecast: formatAcus(budget.enterprise.forecastAcus),
            })}
        {budget.enterprise.previousAcus === null
          ? null
          : ` ${t('budget.previous', { acus: formatAcus(budget.enterprise.previousAcus) })}`}
      </p>
      {budget.orgs.length === 0 ? (
        <p class="muted">{t('budget.empty')}</p>
      ) : (
        <OrgTable budget={budget} orgName={props.names.org} />
      )}
      {budget.users.length > 0 ? <UserList budget={budget} userName={props.names.user} /> : null}
    </section>
  );
}

/** Where the figures come from, and what to do when they are not the billed ones. */
function SourceNotice({ view }: { view: BudgetView }) {
  const { status, fetchedAt } = view;
  if (status?.state === 'forbidden') {
    return (
      <p class="budget-notice" role="note" data-testid="budget-notice">
        {t(status.apiVersion === 'v3' ? 'budget.forbiddenV3' : 'budget.forbiddenV2')}
      </p>
    );
  }
  const failed =
    status?.state === 'failed' ? (
      <p class="budget-notice" role="note" data-testid="budget-notice">
        {t('budget.failed', { reason: status.message ?? '' })}
      </p>
    ) : null;
  if (fetchedAt === null) {
    return (
      <>
        {failed}
        <p class="budget-notice" role="note" data-testid="budget-notice">
          {t('budget.pending')}
        </p>
      </>
    );
  }
  return (
    <>
      {failed}
      <p class="muted">{t('budget.sourceBilled', { time: formatDateTime(fetchedAt) })}</p>
    </>
  );
}
