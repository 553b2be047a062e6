/**
 * The git host of each PR within one aggregation, by the rule of `createHostResolver`
 * (pr-hosts.ts): the first PR URL of an origin in the pass decides the host of every later URL
 * of that origin. The store keeps, per PR, its origin's code and (once needed) its own parsed
 * host, so a pass compares small integers; a URL is parsed at most once per data change.
 */
import { type SessionColumns, UNRESOLVED } from './columns';
import { parseHost } from './pr-hosts';
import { bump, compareText, newTally, Tallies, type Tally, toBucket } from './tallies';
import type { PrHostStat } from './types';

export class HostPass {
  /** Origin code -> host code decided in this pass (-1: none yet). */
  private readonly known: Int32Array;

  constructor(private readonly columns: SessionColumns) {
    this.known = new Int32Array(columns.dict.prefix.size).fill(-1);
  }

  /** The host code of PR `p` (a position in `columns.prs`) of session `g`. */
  hostOf(p: number, g: number): number {
    const prs = this.columns.prs;
    const prefix = prs.prefix[p] ?? -1;
    if (prefix >= 0) {
      const known = this.known[prefix] ?? -1;
      if (known >= 0) return known;
    }
    let resolved = prs.host[p] ?? UNRESOLVED;
    if (resolved === UNRESOLVED) {
      // Remembered in the store: the URL's own host does not depend on the query.
      const row = this.columns.rows[g];
      const url = row?.pull_requests[p - (prs.start[g] ?? 0)]?.url ?? '';
      const { info, pr } = parseHost(url);
      resolved = this.columns.dict.hostCode(info) * 2 + (pr ? 1 : 0);
      prs.host[p] = resolved;
    }
    const host = resolved >> 1;
    if ((resolved & 1) === 1 && prefix >= 0) this.known[prefix] = host;
    return host;
  }
}

/** Per host of one pass: all its PRs and its PRs per state. */
export class HostTallies {
  /** Packed from the start, as `Tallies` says why; hosts met for the first time come last. */
  private readonly hosts: ({ all: Tally; states: Tallies } | undefined)[];

  constructor(private readonly columns: SessionColumns) {
    this.hosts = new Array(columns.dict.host.size).fill(undefined);
  }

  /** Counts a PR of session `i` (position in the result) on a host, in a state. */
  count(host: number, state: number, i: number): void {
    let tally = this.hosts[host];
    if (tally === undefined) {
      const dict = this.columns.dict;
      tally = { all: newTally(dict.host.keys[host] ?? ''), states: new Tallies(dict.state.keys) };
      this.hosts[host] = tally;
    }
    bump(tally.all, i);
    tally.states.add(state, i);
  }

  /** Most PRs first, then by key. */
  stats(): PrHostStat[] {
    const stats: PrHostStat[] = [];
    this.hosts.forEach((tally, code) => {
      const info = this.columns.dict.hostInfo[code];
      if (tally === undefined || info === undefined) return;
      stats.push({
        key: info.key,
        provider: info.provider,
        host: info.host,
        all: toBucket(tally.all),
        states: tally.states.sorted(),
      });
    });
    return stats.sort((a, b) => b.all.occurrences - a.all.occurrences || compareText(a.key, b.key));
  }
}
