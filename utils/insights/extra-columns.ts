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
  const done = entries.done();
  return { start, entries: done, sizes: extraSizes(dict, start, done), source, version };
}

/** How many sessions list each pair, impact and action item type at least once. */
function extraSizes(dict: SessionColumns['dict'], start: Int32Array, entries: Int32Array) {
  const pair = new Int32Array(dict.pair.size);
  const impact = new Int32Array(dict.impact.size);
  const action = new Int32Array(dict.action.size);
  // The last session counted per code (+ 1), so a code listed twice counts once.
  const lastPair = new Int32Array(pair.length);
  const lastImpact = new Int32Array(impact.length);
  const lastAction = new Int32Array(action.length);
  for (let g = 0; g + 1 < start.length; g++) {
    for (let e = start[g] as number; e < (start[g + 1] as number); e++) {
      const entry = entries[e] as number;
      if (entry === PENDING) continue;
      if (entry < 0) {
        countOnce(action, lastAction, -1 - entry, g);
        continue;
      }
      countOnce(pair, lastPair, entry, g);
      countOnce(impact, lastImpact, dict.pairImpact[entry] as number, g);
    }
  }
  return { pair, impact, action };
}

function countOnce(sessions: Int32Array, last: Int32Array, code: number, g: number): void {
  if (last[code] === g + 1) return;
  last[code] = g + 1;
  sessions[code] = (sessions[code] as number) + 1;
}
