/**
 * What the Insights and Cost aggregations need of each cached session, derived once per data
 * change into typed columns: day number, ACUs, creation time, organization/user/status codes,
 * flags, and per-session lists (PR states and origins, repositories, labels) laid out one
 * session after the other with start offsets. A query then aggregates over these columns
 * through a list of positions: no per-row objects, no string lookups, no URL parsing.
 *
 * Rebuilt after every read of the cache (a sync writes page after page), reusing the derived
 * values of every row whose stored copy did not change: only new and changed rows are derived
 * again. Dictionaries (codes.ts) live as long as the store, so codes stay valid across builds.
 */
import { sessionOutcome } from '../cost/outcome';
import { repositoryOf } from '../cost/repository';
import { OUTCOMES } from '../cost/types';
import type { SessionRow } from '../db/types';
import { normalizePullRequestUrl } from '../pr-urls';
import { Codes, IntStream, sessionsPerCode } from './codes';
import { createDayNumberer } from './days';
import { type AcuOrder, acuOrder } from './medians';
import { type HostInfo, originPrefix } from './pr-hosts';
import {
  ERROR_STATUS,
  FLAG_ANALYSIS,
  FLAG_ERROR,
  FLAG_HAS_PR,
  FLAG_ISSUES,
  FLAG_MERGED_PR,
  FLAG_SUGGESTED_PROMPT,
  MERGED_STATE,
  UNKNOWN_STATE,
} from './types';

/** The row's analysis lists issues or action items: their details are needed (extras). */
export const FLAG_NEEDS_EXTRA = 64;
/** The flags a result shows (`Insights.columns.flags`); FLAG_NEEDS_EXTRA is the store's own. */
export const PUBLIC_FLAGS =
  FLAG_HAS_PR | FLAG_MERGED_PR | FLAG_ERROR | FLAG_ANALYSIS | FLAG_SUGGESTED_PROMPT | FLAG_ISSUES;

/** State codes fixed at creation. */
const UNKNOWN_CODE = 0;
const MERGED_CODE = 1;
/** The most merged PRs the `merged` column holds; beyond, `mergedOf` counts the PR states. */
const MANY_MERGED = 0xffff;
/** A PR URL whose host is not resolved yet (see host-pass.ts). */
export const UNRESOLVED = -1;
/** The repository code of sessions without one. */
export const NO_REPOSITORY = 0;
/** At most this many PRs of a session are read for repositories (their states all count). */
const MAX_PRS_PER_SESSION = 500;

class Dictionaries {
  readonly org = new Codes<string>();
  readonly user = new Codes<string | null>();
  readonly status = new Codes<string>();
  /** Lower-cased PR states. */
  readonly state = new Codes<string>();
  /** Each spelling the API sends, lowered once. */
  readonly stateSpelling = new Map<string, number>();
  /** Origin prefixes of PR URLs (`https://github.com/`). */
  readonly prefix = new Codes<string>();
  readonly host = new Codes<string>();
  readonly hostInfo: HostInfo[] = [];
  /** Repository of PR keys; code 0 is "no repository". */
  readonly repo = new Codes<string | null>();
  readonly label = new Codes<string>();
  readonly impact = new Codes<string>();
  readonly action = new Codes<string>();
  /** Label × impact pairs of issues, and the label and impact of each. */
  readonly pair = new Codes<string>();
  readonly pairLabel: number[] = [];
  readonly pairImpact: number[] = [];

  constructor() {
    this.state.code(UNKNOWN_STATE);
    this.state.code(MERGED_STATE);
    this.repo.code(null);
  }

  stateCode(state: string | null | undefined): number {
    if (!state) return UNKNOWN_CODE;
    let code = this.stateSpelling.get(state);
    if (code === undefined) {
      code = this.state.code(state.toLowerCase());
      this.stateSpelling.set(state, code);
    }
    return code;
  }

  hostCode(info: HostInfo): number {
    const code = this.host.code(info.key);
    if (code === this.hostInfo.length) this.hostInfo.push(info);
    return code;
  }
}

/** Per-session lists: session `g` owns `values[start[g] .. start[g + 1])`. */
interface Lists {
  start: Int32Array;
}

export interface SessionColumns {
  /** The rows, by position (ids, titles of the costliest). */
  rows: readonly SessionRow[];
  /** Session ids by position: read without touching the rows (a cache miss per row). */
  ids: string[];
  dict: Dictionaries;
  /** Local day number of `created_at` (days.ts). */
  day: Int32Array;
  created: Float64Array;
  acus: Float64Array;
  org: Int32Array;
  user: Int32Array;
  status: Int32Array;
  /** FLAG_* of types.ts, plus FLAG_NEEDS_EXTRA. */
  flags: Uint8Array;
  /** Every position, least ACUs first: a query's medians walk it (medians.ts). */
  acuOrder: AcuOrder;
  /** The Cost view's outcome (index into OUTCOMES). */
  outcome: Uint8Array;
  /**
   * Merged PRs per session (the Insights groups and the Cost view sum them), MANY_MERGED and
   * above as MANY_MERGED: read them with `mergedOf`. Two bytes a session rather than four.
   */
  merged: Uint16Array;
  /** Which stored copy each row is (its page), to tell a changed row from the same one. */
  copy: Int32Array;
  /** Every PR: its state code, its origin prefix code (-1: none) and its resolved host. */
  prs: Lists & { state: Int32Array; prefix: Int32Array; host: Int32Array };
  /** Repositories of the first PRs, once each, with that session's PRs and merged PRs in it. */
  repos: Lists & { code: Int32Array; prs: Int32Array; merged: Int32Array };
  /** Issue labels of the analysis digest. */
  labels: Lists & { code: Int32Array };
  /** Sessions of the whole cache per PR state and label code, and with a suggested prompt. */
  sizes: { state: Int32Array; label: Int32Array; suggested: number };
  /** Set by `attachExtras` (extras.ts) when analysis details are known. */
  extras: ExtraColumns | null;
}

/**
 * Impacts and action item types of the sessions that need them, from the analysis details:
 * each entry is a pair code (an issue), `-1 - code` (an action item type), or PENDING.
 */
export interface ExtraColumns extends Lists {
  entries: Int32Array;
  /** Sessions per pair, impact and action item type code: what a query's tallies can hold. */
  sizes: { pair: Int32Array; impact: Int32Array; action: Int32Array };
  /** What they were built from, to know when to build them again. */
  source: unknown;
  version: number;
}

export const PENDING = -0x80000000;

/** Finds the previous build's position of a row whose stored copy is unchanged, or -1. */
function createReuse(
  previous: SessionColumns | null,
): (row: SessionRow, i: number, copy: number) => number {
  if (previous === null) return () => -1;
  const old = previous.rows;
  let byId: Map<string, number> | null = null;
  const same = (row: SessionRow, at: number, copy: number) => {
    const before = old[at] as SessionRow;
    if (before === row) return true;
    // A new read gives new objects: the same stored copy (page) of the same version is the
    // same row. Without known copies (copy -1), only the very same object is.
    return (
      copy >= 0 &&
      previous.copy[at] === copy &&
      before.updated_at === row.updated_at &&
      before.session_id === row.session_id
    );
  };
  return (row, i, copy) => {
    // Rows mostly keep their positions between reads (new ones come last).
    if (i < old.length && same(row, i, copy)) return i;
    if (byId === null) {
      byId = new Map();
      for (let at = 0; at < old.length; at++) byId.set((old[at] as SessionRow).session_id, at);
    }
    const at = byId.get(row.session_id);
    return at !== undefined && same(row, at, copy) ? at : -1;
  };
}

/**
 * Columns of `rows`. `copyOf` names the stored copy of a row (its page); with `previous`, the
 * rows whose copy did not change keep what was derived for them.
 */
export function buildColumns(
  rows: readonly SessionRow[],
  previous: SessionColumns | null = null,
  copyOf?: (row: SessionRow) => number | undefined,
): SessionColumns {
  const n = rows.length;
  const dict = previous?.dict ?? new Dictionaries();
  const dayOf = createDayNumberer();
  const c = {
    day: new Int32Array(n),
    created: new Float64Array(n),
    acus: new Float64Array(n),
    org: new Int32Array(n),
    user: new Int32Array(n),
    status: new Int32Array(n),
    flags: new Uint8Array(n),
    outcome: new Uint8Array(n),
    merged: new Uint16Array(n),
    copy: new Int32Array(n),
  };
  const prStart = new Int32Array(n + 1);
  const repoStart = new Int32Array(n + 1);
  const labelStart = new Int32Array(n + 1);
  const prState = new IntStream(n);
  const prPrefix = new IntStream(n);
  const prHost = new IntStream(n);
  const repoCode = new IntStream(n);
  const repoPrs = new IntStream(n);
  const repoMerged = new IntStream(n);
  const labelCode = new IntStream(n);
  const reuse = createReuse(previous);
  const ids: string[] = new Array(n);

  for (let i = 0; i < n; i++) {
    const row = rows[i] as SessionRow;
    ids[i] = row.session_id;
    const copy = copyOf?.(row) ?? -1;
    c.copy[i] = copy;
    const at = reuse(row, i, copy);
    if (at >= 0 && previous !== null) {
      c.day[i] = previous.day[at] as number;
      c.created[i] = previous.created[at] as number;
      c.acus[i] = previous.acus[at] as number;
      c.org[i] = previous.org[at] as number;
      c.user[i] = previous.user[at] as number;
      c.status[i] = previous.status[at] as number;
      c.flags[i] = previous.flags[at] as number;
      c.outcome[i] = previous.outcome[at] as number;
      c.merged[i] = previous.merged[at] as number;
      const p = previous.prs;
      const from = p.start[at] ?? 0;
      const to = p.start[at + 1] ?? 0;
      prState.append(p.state, from, to);
      prPrefix.append(p.prefix, from, to);
      prHost.append(p.host, from, to);
      const r = previous.repos;
      const rFrom = r.start[at] ?? 0;
      const rTo = r.start[at + 1] ?? 0;
      repoCode.append(r.code, rFrom, rTo);
      repoPrs.append(r.prs, rFrom, rTo);
      repoMerged.append(r.merged, rFrom, rTo);
      const l = previous.labels;
      labelCode.append(l.code, l.start[at] ?? 0, l.start[at + 1] ?? 0);
    } else {
      c.day[i] = dayOf(row.created_at);
      c.created[i] = row.created_at;
      c.acus[i] = row.acus_consumed;
      c.org[i] = dict.org.code(row.org_id);
      c.user[i] = dict.user.code(row.user_id);
      c.status[i] = dict.status.code(row.status);
      let flags = row.status === ERROR_STATUS ? FLAG_ERROR : 0;

      const prs = row.pull_requests;
      for (const pr of prs) {
        const state = dict.stateCode(pr.state);
        prState.push(state);
        const prefix = originPrefix(pr.url);
        prPrefix.push(prefix === null ? -1 : dict.prefix.code(prefix));
        prHost.push(UNRESOLVED);
        if (state === MERGED_CODE) {
          flags |= FLAG_MERGED_PR;
          c.merged[i] = Math.min(MANY_MERGED, (c.merged[i] as number) + 1);
        }
      }
      if (prs.length > 0) flags |= FLAG_HAS_PR;
      c.outcome[i] = OUTCOMES.indexOf(sessionOutcome(prs));
      deriveRepositories(row, dict, repoCode, repoPrs, repoMerged, prState.data, prState.length);

      const analysis = row.analysis;
      if (analysis !== null) {
        flags |= FLAG_ANALYSIS;
        if (analysis.issue_count > 0) flags |= FLAG_ISSUES;
        if (analysis.has_suggested_prompt) flags |= FLAG_SUGGESTED_PROMPT;
        if (analysis.issue_count > 0 || analysis.action_item_count > 0) flags |= FLAG_NEEDS_EXTRA;
        for (const label of analysis.labels) labelCode.push(dict.label.code(label));
      }
      c.flags[i] = flags;
    }
    prStart[i + 1] = prState.length;
    repoStart[i + 1] = repoCode.length;
    labelStart[i + 1] = labelCode.length;
  }

  return {
    rows,
    ids,
    dict,
    ...c,
    acuOrder: acuOrder(c.acus, [c.org, c.user, c.status]),
    prs: {
      start: prStart,
      state: prState.done(),
      prefix: prPrefix.done(),
      host: prHost.done(),
    },
    repos: {
      start: repoStart,
      code: repoCode.done(),
      prs: repoPrs.done(),
      merged: repoMerged.done(),
    },
    labels: { start: labelStart, code: labelCode.done() },
    sizes: {
      state: sessionsPerCode(prStart, prState.data, dict.state.size),
      label: sessionsPerCode(labelStart, labelCode.data, dict.label.size),
      suggested: c.flags.reduce((sum, flags) => sum + (flags & FLAG_SUGGESTED_PROMPT ? 1 : 0), 0),
    },
    extras: null,
  };
}

/** Merged PRs of session `g` (a store position). */
export function mergedOf(columns: SessionColumns, g: number): number {
  const merged = columns.merged[g] as number;
  if (merged < MANY_MERGED) return merged;
  const { start, state } = columns.prs;
  let count = 0;
  for (let p = start[g] as number; p < (start[g + 1] as number); p++) {
    if (state[p] === MERGED_CODE) count++;
  }
  return count;
}

/**
 * The repositories of a row's first PRs (utils/cost/compute.ts says why), each once, with its
 * PRs and merged PRs. `states` ends with this row's PR states.
 */
function deriveRepositories(
  row: SessionRow,
  dict: Dictionaries,
  codes: IntStream,
  prs: IntStream,
  merged: IntStream,
  states: Int32Array,
  statesEnd: number,
): void {
  const list = row.pull_requests;
  const first = statesEnd - list.length;
  const rowStart = codes.length;
  // Keys are the PRs' normalized URLs in order, duplicates and non-PR URLs dropped: when none
  // was dropped they line up with the PRs, and no URL needs parsing here.
  const aligned = row.pr_keys.length === list.length;
  const limit = Math.min(list.length, MAX_PRS_PER_SESSION);
  for (let j = 0; j < limit; j++) {
    const key = aligned ? (row.pr_keys[j] as string) : normalizePullRequestUrl(list[j]?.url ?? '');
    if (key === null) continue;
    const code = dict.repo.code(repositoryOf(key));
    let at = rowStart;
    while (at < codes.length && codes.data[at] !== code) at++;
    if (at === codes.length) {
      codes.push(code);
      prs.push(0);
      merged.push(0);
    }
    prs.data[at] = (prs.data[at] ?? 0) + 1;
    if (states[first + j] === MERGED_CODE) merged.data[at] = (merged.data[at] ?? 0) + 1;
  }
}

/** Bytes held by the columns (the rows themselves excluded). */
export function columnBytes(columns: SessionColumns): number {
  const arrays: ArrayBufferView[] = [
    columns.day,
    columns.created,
    columns.acus,
    columns.org,
    columns.user,
    columns.status,
    columns.flags,
    columns.outcome,
    columns.merged,
    columns.copy,
    columns.acuOrder.positions,
    ...columns.acuOrder.codes,
    ...Object.values(columns.prs),
    ...Object.values(columns.repos),
    ...Object.values(columns.labels),
  ];
  if (columns.extras) arrays.push(columns.extras.start, columns.extras.entries);
  return arrays.reduce((sum, array) => sum + array.byteLength, 0);
}
