/**
 * The git hosts of the pull requests in the Insights pass: which host (and kind of git server) a
 * PR URL points at, and the per-host tallies of PRs and their states. Apart from the pass because
 * resolving a URL cheaply takes more care than counting it.
 */
import { parsePullRequestUrl } from '../pr-urls';
import { compareText, newTally, Tallies, type Tally, toBucket } from './tallies';
import type { PrHostStat, PrProvider } from './types';

interface HostInfo {
  provider: PrProvider;
  host: string;
  /** `provider host` */
  key: string;
  /** The counters of this host in the pass that resolved it (saves a lookup per PR). */
  tally?: HostTally;
}

interface HostTally {
  info: HostInfo;
  all: Tally;
  states: Tallies;
}

function hostInfo(provider: PrProvider, host: string): HostInfo {
  return { provider, host, key: `${provider} ${host}` };
}

/**
 * The git host of a PR URL. Parsing a URL is the slowest thing in the pass, so the result is
 * remembered per origin (`https://github.com`): one host runs one kind of git server.
 */
export function createHostResolver(): (url: string) => HostInfo {
  // Few origins, checked by prefix (no string is built per URL); `origin/` so that
  // `https://github.com.evil` is not taken for `https://github.com`.
  const known: { prefix: string; info: HostInfo }[] = [];
  return (url) => {
    for (const entry of known) if (url.startsWith(entry.prefix)) return entry.info;
    const ref = parsePullRequestUrl(url);
    const start = url.indexOf('//');
    const end = start < 0 ? -1 : url.indexOf('/', start + 2);
    if (ref !== null && end > 0) {
      const info = hostInfo(ref.provider, ref.host);
      // Case variants of an origin are separate entries that resolve alike.
      known.push({ prefix: url.slice(0, end + 1), info });
      return info;
    }
    if (ref !== null) return hostInfo(ref.provider, ref.host);
    // Not a PR URL: counted under its host name, and not remembered, so that a PR URL of the
    // same origin later still names the provider.
    try {
      return hostInfo('other', new URL(url).host.toLowerCase() || '(no host)');
    } catch {
      return hostInfo('other', '(invalid URL)');
    }
  };
}

/** The tallies of every host of one pass: all its PRs, and its PRs per state. */
export function createHostTallies(): {
  /** The tallies of a resolved host, created on first use and remembered on `info`. */
  of: (info: HostInfo) => HostTally;
  /** Most PRs first, then by key. */
  stats: () => PrHostStat[];
} {
  const hosts = new Map<string, HostTally>();
  return {
    of: (info) => {
      let tally = hosts.get(info.key);
      if (tally === undefined) {
        tally = { info, all: newTally(info.key), states: new Tallies(newTally) };
        hosts.set(info.key, tally);
      }
      info.tally = tally;
      return tally;
    },
    stats: () =>
      [...hosts]
        .map(
          ([key, host]): PrHostStat => ({
            key,
            provider: host.info.provider,
            host: host.info.host,
            all: toBucket(host.all),
            states: host.states.sorted(),
          }),
        )
        .sort((a, b) => b.all.occurrences - a.all.occurrences || compareText(a.key, b.key)),
  };
}
