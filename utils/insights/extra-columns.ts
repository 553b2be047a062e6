/**
 * The analysis details (impacts and action item types, extras.ts) as columns of the store
 * (columns.ts): one list of codes per session whose analysis lists something. Built again when
 * the rows or the details read change, not per query.
 */
import { IntStream } from './codes';
import { type ExtraColumns, FLAG_NEEDS_EXTRA, PENDING, type SessionColumns } from './columns';
import { type AnalysisExtra, LABEL_IMPACT_SEPARATOR } from './types';

/**
 * Gives `columns` the extras of `source` (session id -> extra); a no-op when they already hold
 * that `version` of it (returns whether it built them). Sessions missing from `source` are
 * PENDING.
 */
export function attachExtras(
  columns: SessionColumns,
  source: ReadonlyMap<string, AnalysisExtra> | undefined,
  version = 0,
): boolean {
  const current = columns.extras;
  if (current !== null && current.source === source && current.version === version) return false;
  columns.extras = buildExtras(columns, source, version);
  return true;
}

function buildExtras(
  columns: SessionColumns,
  source: ReadonlyMap<string, AnalysisExtra> | undefined,
  version: number,
): ExtraColumns {
  const { dict, ids: storeIds, flags } = columns;
  const n = storeIds.length;
  const start = new Int32Array(n + 1);
  const entries = new IntStream();
  for (let g = 0; g < n; g++) {
    if (((flags[g] ?? 0) & FLAG_NEEDS_EXTRA) !== 0) {
      const extra = source?.get(storeIds[g] as string);
      if (extra === undefined) entries.push(PENDING);
      else {
        for (const issue of extra.issues) {
          const pair = dict.pair.code(`${issue.label}${LABEL_IMPACT_SEPARATOR}${issue.impact}`);
          if (pair === dict.pairLabel.length) {
            dict.pairLabel.push(dict.label.code(issue.label));
            dict.pairImpact.push(dict.impact.code(issue.impact));
          }
          entries.push(pair);
        }
        for (const type of extra.actionTypes) entries.push(-1 - dict.action.code(type));
      }
    }
    start[g + 1] = entries.length;
  }
  return { start, entries: entries.done(), source, version };
}
