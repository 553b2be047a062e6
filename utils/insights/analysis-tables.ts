/**
 * The tables of what the session analyses find on the Insights page: issue labels (by impact),
 * issue impacts and action item types.
 */
import { formatCount } from '../format';
import { t } from '../i18n';
import { humanize } from './display-names';
import type { Cell, Column, TableModel } from './tables';
import { type Bucket, type Insights, LABEL_IMPACT_SEPARATOR } from './types';

/** Impacts in their natural order (high, medium, low), any other after them by frequency. */
function orderedImpacts(insights: Insights): string[] {
  const rank = (impact: string) => {
    const index = ['critical', 'high', 'medium', 'low'].indexOf(impact.toLowerCase());
    return index < 0 ? 99 : index;
  };
  return insights.impacts
    .map((bucket, order) => ({ key: bucket.key, rank: rank(bucket.key), order }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((entry) => entry.key);
}

export function labelsTable(insights: Insights): TableModel {
  const impacts = orderedImpacts(insights);
  const pairs = new Map(insights.labelImpacts.map((bucket) => [bucket.key, bucket]));
  return {
    id: 'issue-labels',
    title: t('insights.tables.issueLabels'),
    columns: [
      { label: t('insights.tables.label'), format: 'text' },
      { label: t('insights.tables.sessions'), format: 'count' },
      { label: t('insights.tables.issues'), format: 'count' },
      ...impacts.map((impact): Column => ({ label: humanize(impact), format: 'count' })),
    ],
    rows: insights.labels.map((label) => ({
      key: label.key,
      cells: [
        { value: humanize(label.key), select: { bucket: label }, title: label.key },
        { value: label.sessions, select: { bucket: label } },
        { value: label.occurrences },
        ...impacts.map((impact): Cell => {
          const pair = pairs.get(`${label.key}${LABEL_IMPACT_SEPARATOR}${impact}`);
          return pair
            ? {
                value: pair.sessions,
                select: { bucket: pair },
                title: t('insights.tables.impactIssue', pair.sessions, [
                  formatCount(pair.sessions),
                  impact,
                  label.key,
                ]),
              }
            : { value: 0 };
        }),
      ],
    })),
  };
}

function bucketTable(
  id: string,
  title: string,
  noun: string,
  occurrences: string,
  buckets: Bucket[],
): TableModel {
  return {
    id,
    title,
    columns: [
      { label: noun, format: 'text' },
      { label: t('insights.tables.sessions'), format: 'count' },
      { label: occurrences, format: 'count' },
    ],
    rows: buckets.map((bucket) => ({
      key: bucket.key,
      cells: [
        { value: humanize(bucket.key), select: { bucket }, title: bucket.key },
        { value: bucket.sessions, select: { bucket } },
        { value: bucket.occurrences },
      ],
    })),
  };
}

export function impactsTable(insights: Insights): TableModel {
  const order = orderedImpacts(insights);
  const buckets = [...insights.impacts].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return bucketTable(
    'issue-impacts',
    t('insights.tables.issueImpacts'),
    t('insights.tables.impact'),
    t('insights.tables.issues'),
    buckets,
  );
}

export function actionTypesTable(insights: Insights): TableModel {
  return bucketTable(
    'action-item-types',
    t('insights.tables.actionItemTypes'),
    t('insights.tables.type'),
    t('insights.tables.actionItems'),
    insights.actionTypes,
  );
}
