/**
 * One row per organization: used this cycle with a meter against the limit (and the same in
 * words), the forecast at the current rate, the cached sessions' ACUs and the difference. The
 * organization's name opens the session list filtered to it.
 */
import type { Budget, OrgBudget } from '../../utils/budget/compute';
import { emptyFilters } from '../../utils/filters/model';
import { filtersToSearchParams } from '../../utils/filters/url';
import { formatAcus, formatPercent } from '../../utils/format';
import { t } from '../../utils/i18n';

function sessionsOf(orgId: string): string {
  return `sessions.html?${filtersToSearchParams({ ...emptyFilters(), orgIds: [orgId] })}`;
}

function signed(value: number): string {
  return value > 0 ? `+${formatAcus(value)}` : formatAcus(value);
}

export function OrgTable(props: { budget: Budget; orgName: (id: string) => string }) {
  const billed = props.budget.source === 'billed';
  const previous = props.budget.orgs.some((org) => org.previousAcus !== null);
  return (
    <table class="budget-table">
      <caption>{t('budget.orgsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('budget.colOrg')}</th>
          <th scope="col">{t('budget.colUsed')}</th>
          <th scope="col">{t('budget.colForecast')}</th>
          <th scope="col">{t('budget.colSessions')}</th>
          {billed ? <th scope="col">{t('budget.colDifference')}</th> : null}
          {previous ? <th scope="col">{t('budget.colPrevious')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.budget.orgs.map((org) => (
          <OrgRow
            key={org.orgId}
            org={org}
            name={props.orgName(org.orgId)}
            billed={billed}
            previous={previous}
          />
        ))}
      </tbody>
    </table>
  );
}

function OrgRow(props: { org: OrgBudget; name: string; billed: boolean; previous: boolean }) {
  const { org, name } = props;
  const used =
    org.limit === null
      ? t('budget.usedNoLimit', { used: formatAcus(org.usedAcus) })
      : t('budget.usedOfLimit', {
          used: formatAcus(org.usedAcus),
          limit: formatAcus(org.limit),
          percent: formatPercent((org.percentUsed ?? 0) / 100),
        });
  return (
    <tr data-testid="budget-org" data-org-id={org.orgId}>
      <th scope="row">
        <a
          href={sessionsOf(org.orgId)}
          target="_blank"
          rel="noopener"
          aria-label={t('budget.openSessions', { org: name })}
        >
          {name}
        </a>
      </th>
      <td>
        <span class="budget-used" data-testid="budget-used" data-acus={org.usedAcus}>
          {used}
        </span>
        {org.limit === null ? (
          <span class="muted budget-no-limit">{t('budget.noLimit')}</span>
        ) : (
          // The text above says the same: the meter is for the eye, hidden from readers.
          <meter
            class="budget-meter"
            min={0}
            max={org.limit}
            low={org.limit * 0.8}
            high={org.limit}
            optimum={0}
            value={Math.min(org.usedAcus, org.limit)}
            aria-hidden="true"
          />
        )}
      </td>
      <td>
        {formatAcus(org.forecastAcus)}
        {org.forecastOverLimit ? (
          <span class="budget-over" data-testid="budget-over">
            {t('budget.overLimit')}
          </span>
        ) : null}
      </td>
      <td>{formatAcus(org.sessionAcus)}</td>
      {props.billed ? <td>{signed((org.billedAcus ?? 0) - org.sessionAcus)}</td> : null}
      {props.previous ? (
        <td>{org.previousAcus === null ? '' : formatAcus(org.previousAcus)}</td>
      ) : null}
    </tr>
  );
}
