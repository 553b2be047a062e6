/**
 * The loops of the Insights pass over the selected sessions (aggregate.ts runs them one after
 * the other): the result's own columns, the pull requests, the analyses. Each reads only the
 * store columns it needs, so each loop is short, optimized early and stays in cache.
 */
import { FLAG_NEEDS_EXTRA, mergedOf, PENDING, PUBLIC_FLAGS, type SessionColumns } from './columns';
import { keepCostliest } from './costliest';
import { HostPass, HostTallies } from './host-pass';
import { bump, newTally, Tallies } from './tallies';
import {
  FLAG_ANALYSIS,
  FLAG_ERROR,
  FLAG_HAS_PR,
  FLAG_ISSUES,
  FLAG_SUGGESTED_PROMPT,
} from './types';

/**
 * The result's ids, days, flags and ACUs by position in `picked`, what they add up to, and the
 * positions of the `costliest` sessions (most ACUs first).
 */
export function gatherColumns(store: SessionColumns, picked: Int32Array, costliest: number) {
  const count = picked.length;
  const storeIds = store.ids;
  const storeAcus = store.acus;
  const storeDay = store.day;
  const storeFlags = store.flags;
  // Every row picked in order (the default view): bulk copies instead of a gather.
  const all = isEveryPosition(picked, storeIds.length);
  const ids: string[] = all ? storeIds.slice() : new Array(count);
  const acus = all ? storeAcus.slice() : new Float64Array(count);
  const day = all ? storeDay.slice() : new Int32Array(count);
  const flags = new Uint8Array(count);
  if (!all) {
    for (let i = 0; i < count; i++) {
      const g = picked[i] as number;
      ids[i] = storeIds[g] as string;
      acus[i] = storeAcus[g] as number;
      day[i] = storeDay[g] as number;
    }
  }
  let acusTotal = 0;
  let errors = 0;
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  const top: number[] = [];
  let topFloor = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const a = acus[i] as number;
    acusTotal += a;
    // Most sessions are cheaper than the cheapest kept one: one comparison, no call.
    if (!(a < topFloor)) topFloor = keepCostliest(top, costliest, i, acus, ids);
    const d = day[i] as number;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
    const f = (storeFlags[picked[i] as number] as number) & PUBLIC_FLAGS;
    flags[i] = f;
    if ((f & FLAG_ERROR) !== 0) errors++;
  }
  return { ids, acus, day, flags, acusTotal, errors, minDay, maxDay, costliest: top };
}

/** PR states and hosts (tallies of result positions) and the PR totals. */
export function countPrs(store: SessionColumns, picked: Int32Array) {
  const count = picked.length;
  const prStart = store.prs.start;
  const prState = store.prs.state;
  const storeFlags = store.flags;
  const hostPass = new HostPass(store);
  const states = new Tallies(store.dict.state.keys, count, store.sizes.state);
  const hosts = new HostTallies(store);
  let opened = 0;
  let mergedPrs = 0;
  let sessionsWithPr = 0;
  let sessionsWithMerged = 0;
  for (let i = 0; i < count; i++) {
    const g = picked[i] as number;
    if (((storeFlags[g] as number) & FLAG_HAS_PR) === 0) continue;
    const first = prStart[g] as number;
    const end = prStart[g + 1] as number;
    sessionsWithPr++;
    opened += end - first;
    for (let p = first; p < end; p++) {
      const state = prState[p] as number;
      states.add(state, i);
      hosts.count(hostPass.hostOf(p, g), state, i);
    }
    const m = mergedOf(store, g);
    if (m > 0) {
      sessionsWithMerged++;
      mergedPrs += m;
    }
  }
  return { states, hosts, opened, merged: mergedPrs, sessionsWithPr, sessionsWithMerged };
}

/** Labels, impacts, action item types and suggested prompts of the analysed sessions. */
export function countAnalysis(store: SessionColumns, picked: Int32Array) {
  const count = picked.length;
  const dict = store.dict;
  const storeFlags = store.flags;
  const labelStart = store.labels.start;
  const labelCode = store.labels.code;
  const extraStart = store.extras?.start ?? null;
  const extraEntries = store.extras?.entries ?? new Int32Array(0);
  const labels = new Tallies(dict.label.keys, count, store.sizes.label);
  // Sized by the sessions of the whole store with each code: a tally never grows (a grown
  // typed array is a large allocation, and a copy).
  const sizes = store.extras?.sizes;
  const impacts = new Tallies(dict.impact.keys, count, sizes?.impact);
  const actionTypes = new Tallies(dict.action.keys, count, sizes?.action);
  const labelImpacts = new Tallies(dict.pair.keys, count, sizes?.pair);
  const suggested = newTally('suggested', Math.min(count, store.sizes.suggested));
  let analysed = 0;
  let withIssues = 0;
  let pending = 0;
  for (let i = 0; i < count; i++) {
    const g = picked[i] as number;
    const stored = storeFlags[g] as number;
    if ((stored & FLAG_ANALYSIS) === 0) continue;
    analysed++;
    if ((stored & FLAG_ISSUES) !== 0) withIssues++;
    if ((stored & FLAG_SUGGESTED_PROMPT) !== 0) bump(suggested, i);
    const labelEnd = labelStart[g + 1] as number;
    for (let l = labelStart[g] as number; l < labelEnd; l++) {
      labels.add(labelCode[l] as number, i, 0);
    }
    if ((stored & FLAG_NEEDS_EXTRA) === 0) continue;
    const end = extraStart === null ? 0 : (extraStart[g + 1] as number);
    let e = extraStart === null ? 0 : (extraStart[g] as number);
    if (e === end || extraEntries[e] === PENDING) {
      pending++;
      continue;
    }
    for (; e < end; e++) {
      const entry = extraEntries[e] as number;
      if (entry >= 0) {
        labelImpacts.add(entry, i);
        impacts.add(dict.pairImpact[entry] as number, i);
      } else actionTypes.add(-1 - entry, i);
    }
  }
  // A label occurs as often as the issues of its label × impact pairs: added per pair once,
  // rather than per issue.
  for (let pair = 0; pair < dict.pairLabel.length; pair++) {
    labels.addOccurrences(dict.pairLabel[pair] as number, labelImpacts.occurrencesOf(pair));
  }
  return { labels, impacts, actionTypes, labelImpacts, suggested, analysed, withIssues, pending };
}

/** Whether `picked` is 0..size-1: a walk of integer comparisons, far cheaper than a gather. */
function isEveryPosition(picked: Int32Array, size: number): boolean {
  if (picked.length !== size) return false;
  for (let i = 0; i < size; i++) if (picked[i] !== i) return false;
  return true;
}
