/**
 * CPU time spent by the browser's processes and by this process (which runs the local API
 * server) over a stretch of the benchmark. On a machine with few cores the backfill is bound by
 * the sum of them, not by any one: this is what shows it. Linux only (it reads /proc);
 * elsewhere `measure` returns null.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Milliseconds of CPU time by process kind. */
export interface CpuSplit {
  /** The browser process: IndexedDB's backend and LevelDB's compactions run there. */
  browser: number;
  /** Renderers: the extension's service worker and pages. */
  renderers: number;
  network: number;
  other: number;
  /** This process: the local API server, and the benchmark's own driving of the browser. */
  server: number;
  /** Wall time of the stretch, and what the machine's cores could have given in it. */
  wallMs: number;
  capacityMs: number;
}

interface ProcessInfo {
  pid: number;
  ppid: number;
  cpuMs: number;
  kind: 'browser' | 'renderers' | 'network' | 'other';
}

const TICK_MS = 10;

function readProcess(pid: number): ProcessInfo | null {
  try {
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Chromium rewrites its children's command lines into one string: match, don't split.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([\w-]+)/.exec(cmdline)?.[1];
    const network = cmdline.includes('network.mojom.NetworkService');
    return {
      pid,
      ppid: Number(fields[1]),
      // utime and stime, in clock ticks: USER_HZ, 100 a second on Linux whatever the kernel.
      cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      kind:
        type === undefined
          ? 'browser'
          : type === 'renderer'
            ? 'renderers'
            : network
              ? 'network'
              : 'other',
    };
  } catch {
    return null;
  }
}

/** The browser process started with this profile, and every process under it. */
function browserProcesses(profileDir: string): ProcessInfo[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== null);
  const root = all.find((info) => {
    if (info.kind !== 'browser') return false;
    try {
      return readFileSync(`/proc/${info.pid}/cmdline`, 'utf8').includes(
        `--user-data-dir=${profileDir}`,
      );
    } catch {
      return false;
    }
  });
  if (!root) return [];
  const family = new Set([root.pid]);
  // Children may be listed before their parents: repeat until nothing joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of all) {
      if (!family.has(info.pid) && family.has(info.ppid)) {
        family.add(info.pid);
        grew = true;
      }
    }
  }
  return all.filter((info) => family.has(info.pid));
}

interface Snapshot {
  at: number;
  byPid: Map<number, ProcessInfo>;
  server: number;
}

function snapshot(profileDir: string): Snapshot {
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    byPid: new Map(browserProcesses(profileDir).map((info) => [info.pid, info])),
    server: (usage.user + usage.system) / 1000,
  };
}

/** Starts measuring; the returned function ends it. */
export function measureCpu(profileDir: string): () => CpuSplit | null {
  if (process.platform !== 'linux') return () => null;
  const start = snapshot(profileDir);
  return () => {
    const end = snapshot(profileDir);
    // No browser found (it had not started, or its command line differs): nothing to say.
    if (start.byPid.size === 0 || end.byPid.size === 0) return null;
    const split: CpuSplit = {
      browser: 0,
      renderers: 0,
      network: 0,
      other: 0,
      server: Math.round(end.server - start.server),
      wallMs: Math.round(end.at - start.at),
      capacityMs: Math.round((end.at - start.at) * cpus().length),
    };
    for (const [pid, info] of end.byPid) {
      // A process started in between counts from zero; one that ended in between is missed.
      split[info.kind] += info.cpuMs - (start.byPid.get(pid)?.cpuMs ?? 0);
    }
    return split;
  };
}

/** One line for the log: "9.1 s of CPU in 6.3 s (2 cores: 12.6 s): browser 4.7 s, …". */
export function describeCpu(split: CpuSplit): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const used = split.browser + split.renderers + split.network + split.other + split.server;
  return (
    `${s(used)} of CPU in ${s(split.wallMs)} (${s(split.capacityMs)} on all cores): ` +
    `browser ${s(split.browser)}, renderers ${s(split.renderers)}, network ${s(split.network)}, ` +
    `API server and bench ${s(split.server)}, other ${s(split.other)}`
  );
}

/** How long `waitForBrowserIdle` waited, and the browser's share of one core when it stopped. */
export interface IdleWait {
  waitedMs: number;
  busyShare: number;
  idle: boolean;
}

/**
 * Waits until the browser's processes use less than `share` of one core over a `windowMs`
 * stretch (or `maxMs` passed). After hundreds of thousands of IndexedDB writes the browser
 * process stays busy for seconds (LevelDB compacting, most likely); a page timed meanwhile
 * shares the cores with it.
 */
export async function waitForBrowserIdle(
  profileDir: string,
  options: { share?: number; windowMs?: number; maxMs?: number } = {},
): Promise<IdleWait | null> {
  if (process.platform !== 'linux') return null;
  const share = options.share ?? 0.15;
  const windowMs = options.windowMs ?? 1000;
  const maxMs = options.maxMs ?? 60_000;
  const started = performance.now();
  let busyShare = 1;
  while (performance.now() - started < maxMs) {
    const end = measureCpu(profileDir);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const split = end();
    if (split === null) return null;
    busyShare = (split.browser + split.renderers + split.network + split.other) / split.wallMs;
    if (busyShare < share) {
      return { waitedMs: Math.round(performance.now() - started), busyShare, idle: true };
    }
  }
  return { waitedMs: Math.round(performance.now() - started), busyShare, idle: false };
}
